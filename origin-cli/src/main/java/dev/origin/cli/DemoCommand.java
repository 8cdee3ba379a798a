package dev.origin.cli;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.model.Good;
import dev.origin.core.regime.Regime;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.ResultWriter;
import dev.origin.io.RulePackReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code origin demo}: evaluates the bundled example goods under NAFTA (2019) and USMCA (2023) and
 * prints a side-by-side table; no setup needed. (The fleet simulator replaces this in a later issue.)
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Evaluate the bundled example goods under NAFTA (on 2019-06-17) and USMCA (on 2023-07-01).")
final class DemoCommand implements Callable<Integer> {
    static final String GOODS = "/dev/origin/demo/goods.json";
    static final String VEHICLE = "/dev/origin/demo/examples/passenger-vehicle.json";
    static final LocalDate NAFTA_DATE = LocalDate.of(2019, 6, 17);
    static final LocalDate USMCA_DATE = LocalDate.of(2023, 7, 1);

    @Spec CommandSpec spec;

    @Override public Integer call() throws IOException, InputException {
        PrintWriter out = spec.commandLine().getOut();
        String text;
        try (InputStream in = DemoCommand.class.getResourceAsStream(GOODS)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Good> goods = CaseFileReader.read(text, "demo:goods.json", false);
        Regime nafta = RulePackReader.load("nafta", Map.of());
        Regime usmca = RulePackReader.load("usmca", Map.of());
        Evaluator en = Evaluator.of(nafta);
        Evaluator eu = Evaluator.of(usmca);
        out.println("Origin demo: bundled example goods under NAFTA (" + NAFTA_DATE + ") and USMCA (" + USMCA_DATE + ")");
        out.println();
        String fmt = "%-16s %-8s | %-16s %-10s | %-16s %-10s%n";
        out.printf(fmt, "good", "HS", "NAFTA", "RVC", "USMCA", "RVC");
        out.println("-".repeat(86));
        for (Good g : goods) {
            Determination n = en.evaluate(g, NAFTA_DATE, false);
            Determination u = eu.evaluate(g, USMCA_DATE, false);
            out.printf(fmt, g.id(), g.hs(), n.status(), rvc(n), u.status(), rvc(u));
        }
        out.println();
        out.println("Why the answers differ: de minimis is 7 % under NAFTA and 10 % under USMCA; NAFTA values goods FOB");
        out.println("and makes net cost mandatory when accumulating. `origin explain --regime usmca FILE` shows the reasoning.");
        out.println();
        out.println("The negotiation scenarios for one vehicle (examples/passenger-vehicle.json), as of " + USMCA_DATE + ":");
        String vehicleText;
        try (InputStream in = DemoCommand.class.getResourceAsStream(VEHICLE)) {
            vehicleText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Good> vehicles = CaseFileReader.read(vehicleText, "demo:passenger-vehicle.json", false);
        List<dev.origin.core.regime.Regime> packs = new java.util.ArrayList<>();
        for (String id : CompareCommand.DEFAULT_REGIMES.split(",")) packs.add(RulePackReader.load(id, Map.of()));
        var tariffs = dev.origin.io.TariffReader.builtIn();
        List<List<Determination>> table = new java.util.ArrayList<>();
        for (Good v : vehicles) {
            List<Determination> row = new java.util.ArrayList<>();
            for (var p : packs) row.add(Evaluator.of(p, tariffs).evaluate(v, USMCA_DATE, false));
            table.add(row);
        }
        out.print(CompareCommand.text(table, packs));
        out.flush();
        return 0;
    }

    private static String rvc(Determination d) {
        if (d.rvc() == null) return "-";
        return ResultWriter.display(d.rvc().value()) + " " + d.rvc().method();
    }
}
