package dev.origin.cli;

import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.StoredChase;
import dev.origin.store.Supplier;
import dev.origin.store.Workspace;
import dev.origin.store.chase.ChaseRanker;
import dev.origin.store.chase.RequestLists;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code origin db chase}: which missing supplier declarations to chase first, and the request lists. */
@Command(name = "chase", mixinStandardHelpOptions = true,
        description = "Rank the missing supplier declarations of UNDETERMINED goods by what each answer can change: the goods whose "
                + "verdict it can flip, their value and the duty at stake; write each supplier's request list (CSV) and letter.")
public final class ChaseCommand implements Callable<Integer> {
    @Mixin WorkspaceOptions ws;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write ranking.csv, and SUPPLIER.csv and SUPPLIER.txt (a letter) for each supplier, into DIR.")
    Path dir;

    @Option(names = "--from", defaultValue = "Trade compliance", paramLabel = "NAME", description = "Who signs the letters (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--reply-days", defaultValue = "30", paramLabel = "N", description = "Days given to reply (default: ${DEFAULT-VALUE}).")
    int replyDays;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "Rows of the ranking printed (default: ${DEFAULT-VALUE}).")
    int top;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        Workspace w = ws.open(err);
        if (w == null) return 2;
        StoredChase.Result r;
        try {
            r = StoredChase.rank(w, ws.pack(), ws.date());
        } catch (InputException e) {
            return WorkspaceOptions.fail(err, e.problems());
        }
        for (Problem p : r.skipped()) err.println(p.format().replaceFirst(": ", ": warning: ") + " The good is left out of the ranking.");
        ChaseRanker.Ranking k = r.ranking();
        out.println(r.goods() + " goods evaluated as of " + ws.date() + " under " + ws.regime + "; " + k.undeterminedGoods()
                + " undetermined for want of declarations; " + k.requests().size() + " declarations missing (" + k.evaluations()
                + " evaluations).");
        if (!k.requests().isEmpty()) {
            out.println();
            out.println(String.format(Locale.ROOT, "%4s  %-24s %-16s %6s %6s %16s %14s", "rank", "supplier", "part", "flips", "alone",
                    "value", "duty at stake"));
            for (ChaseRanker.Request q : k.requests().subList(0, Math.min(top, k.requests().size()))) {
                out.println(String.format(Locale.ROOT, "%4d  %-24s %-16s %6d %6d %16s %14s", q.rank(), name(r, q.key().supplier()),
                        q.key().part(), q.goodsFlippable(), q.goodsDecidedAlone(), money(q.valueAtStake()), money(q.dutyAtStake())));
            }
            if (k.requests().size() > top) out.println("  ... " + (k.requests().size() - top) + " more (see --out).");
            out.println("flips: goods whose verdict the answer can flip; alone: goods one answer settles by itself; value and duty per unit.");
        }
        if (dir != null) {
            try {
                Files.createDirectories(dir);
                write(out, dir.resolve("ranking.csv"), RequestLists.csv(k.requests()));
                for (String s : k.suppliers()) {
                    List<ChaseRanker.Request> mine = k.of(s);
                    String file = s.replaceAll("[^A-Za-z0-9._-]", "_");
                    write(out, dir.resolve(file + ".csv"), RequestLists.csv(mine));
                    write(out, dir.resolve(file + ".txt"), RequestLists.letter(name(r, s), mine, from, agreement(), ws.date(),
                            ws.date().plusDays(replyDays), true));
                }
            } catch (IOException e) {
                err.println(dir + ": CANNOT_WRITE: The output file `" + dir + "` cannot be written: " + e.getMessage() + ".");
                return 2;
            }
        }
        out.flush();
        return 0;
    }

    private String agreement() {
        return ws.regime.toLowerCase(Locale.ROOT).startsWith("nafta") ? "NAFTA" : "USMCA";
    }

    private static String name(StoredChase.Result r, String supplierId) {
        Supplier s = r.suppliers().get(supplierId);
        return s == null ? supplierId : s.name();
    }

    private static String money(java.math.BigDecimal v) {
        return "US$" + String.format(Locale.US, "%,.2f", v);
    }

    private static void write(PrintWriter out, Path p, String text) throws IOException {
        Files.writeString(p, text);
        out.println("wrote " + p);
    }
}
