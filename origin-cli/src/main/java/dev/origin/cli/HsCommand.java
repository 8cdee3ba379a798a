package dev.origin.cli;

import dev.origin.core.engine.Diagnostic;
import dev.origin.core.model.Good;
import dev.origin.core.regime.Regime;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.RulePackReader;
import dev.origin.io.hs.HsCheck;
import dev.origin.io.hs.HsNomenclature;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code origin hs ...}: the Harmonized System nomenclature (search descriptions, check the codes of files). */
@Command(name = "hs", mixinStandardHelpOptions = true,
        description = "Search the HS nomenclature and check that the HS codes of a case file or rule pack exist.",
        subcommands = {HsCommand.Search.class, HsCommand.Check.class})
final class HsCommand implements Runnable {
    /** The nomenclature used when {@code --hs-nomenclature} is not given, beside the repository root. */
    static final String DEFAULT_RELATIVE = "shared/data/harmonized-system/hs2022-harmonized-system.csv";

    @Spec CommandSpec spec;

    private final Supplier<List<Path>> defaultCandidates;

    public HsCommand() {
        this(HsCommand::defaultCandidates);
    }

    /** For tests and embedders: where to look for the nomenclature when {@code --hs-nomenclature} is not given. */
    HsCommand(Supplier<List<Path>> defaultCandidates) {
        this.defaultCandidates = defaultCandidates;
    }

    @Override public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Where the default nomenclature may be, in order: {@code <origin.shared.data>/harmonized-system/...}
     * when that system property is set; {@code ../shared/data/...} from the current directory; and
     * {@code <dir>/../shared/data/...} for every folder {@code dir} holding the running jar or classes
     * (so the repository root's sibling {@code shared} is found from {@code origin-cli/target/...}).
     */
    static List<Path> defaultCandidates() {
        LinkedHashSet<Path> out = new LinkedHashSet<>();
        String shared = System.getProperty("origin.shared.data");
        if (shared != null && !shared.isBlank()) {
            out.add(Path.of(shared).resolve("harmonized-system/hs2022-harmonized-system.csv").toAbsolutePath().normalize());
        }
        out.add(Path.of("").toAbsolutePath().resolve("..").resolve(DEFAULT_RELATIVE).normalize());
        try {
            var src = HsCommand.class.getProtectionDomain().getCodeSource();
            if (src != null && src.getLocation() != null) {
                Path at = Path.of(src.getLocation().toURI()).toAbsolutePath().normalize();
                for (Path dir = at.getParent(); dir != null && dir.getParent() != null; dir = dir.getParent()) {
                    out.add(dir.getParent().resolve(DEFAULT_RELATIVE).normalize());
                }
            }
        } catch (URISyntaxException | SecurityException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            // no code location: only the other candidates
        }
        return new ArrayList<>(out);
    }

    /** The nomenclature from the option or the default places, or null after printing the problem on {@code err}. */
    HsNomenclature nomenclature(Path option, PrintWriter err) {
        Path file = option;
        if (file == null) {
            List<Path> candidates = defaultCandidates.get();
            for (Path p : candidates) {
                if (Files.isRegularFile(p)) { file = p; break; }
            }
            if (file == null) {
                err.println("--hs-nomenclature: MISSING_NOMENCLATURE: no HS nomenclature file was given and none was found at "
                        + (candidates.isEmpty() ? "../" + DEFAULT_RELATIVE : String.join(", ", candidates.stream().map(Path::toString).toList()))
                        + "; give one with --hs-nomenclature FILE (e.g. hs2022-harmonized-system.csv).");
                err.flush();
                return null;
            }
        }
        try {
            return HsNomenclature.load(file);
        } catch (InputException e) {
            for (Problem p : e.problems()) err.println(p.format());
            err.flush();
            return null;
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true,
            description = "List the chapters, headings and subheadings whose descriptions match the most WORDS "
                    + "(a word matches the start of a description word, case-insensitively), as `code  description` lines.")
    static final class Search implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "WORDS", description = "Words to look for, e.g. electric motor.")
        List<String> words;

        @Option(names = "--hs-nomenclature", paramLabel = "FILE",
                description = "Nomenclature CSV (default: the HS 2022 file in shared/data beside the repository).")
        Path nomenclature;

        @Option(names = "--limit", defaultValue = "20", paramLabel = "N", converter = Converters.Lines.class,
                description = "At most N lines (default: ${DEFAULT-VALUE}).")
        int limit;

        @ParentCommand HsCommand parent;
        @Spec CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String query = String.join(" ", words);
            if (query.chars().noneMatch(Character::isLetterOrDigit)) {
                err.println("WORDS: BAD_QUERY: `" + query + "` has no letters or digits to look for.");
                err.flush();
                return 2;
            }
            HsNomenclature nom = parent.nomenclature(nomenclature, err);
            if (nom == null) return 2;
            List<HsNomenclature.Entry> hits = nom.search(query, limit);
            for (HsNomenclature.Entry e : hits) out.println(String.format("%-7s  %s", e.dotted(), e.description()));
            out.flush();
            if (hits.isEmpty()) {
                err.println("No description in " + nom.edition() + " matches `" + query + "`.");
                err.flush();
            }
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Check that every HS code of a case file (goods, materials, rules) and, with --regime, every HS provision "
                    + "of a rule pack is in the nomenclature. Exit 0 when all are, 2 when some are not or the input is invalid.")
    static final class Check implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Case file (JSON or YAML).")
        Path file;

        @Option(names = "--regime", paramLabel = "REGIME", completionCandidates = Converters.BuiltInRegimes.class,
                description = "Also check a rule pack: built-in regime (${COMPLETION-CANDIDATES}) or the path of a rule-pack file.")
        String regime;

        @Option(names = "--hs-nomenclature", paramLabel = "FILE",
                description = "Nomenclature CSV (default: the HS 2022 file in shared/data beside the repository).")
        Path nomenclature;

        @ParentCommand HsCommand parent;
        @Spec CommandSpec spec;

        @Override public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (file == null && regime == null) {
                err.println("FILE: MISSING_INPUT: give a case file, --regime REGIME, or both.");
                err.flush();
                return 2;
            }
            List<Problem> problems = new ArrayList<>();
            List<Good> goods = null;
            if (file != null) {
                try {
                    goods = CaseFileReader.read(file);
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
            Regime pack = null;
            if (regime != null) {
                try {
                    pack = RulePackReader.load(regime, Map.of());
                } catch (InputException e) {
                    problems.addAll(e.problems());
                }
            }
            if (!problems.isEmpty()) {
                Inputs.report(err, problems);
                return 2;
            }
            HsNomenclature nom = parent.nomenclature(nomenclature, err);
            if (nom == null) return 2;
            List<Problem> findings = new ArrayList<>();
            int codes = 0;
            if (goods != null) {
                for (int i = 0; i < goods.size(); i++) {
                    codes += count(goods.get(i));
                    for (Diagnostic d : HsCheck.good(goods.get(i), nom)) {
                        findings.add(new Problem(file.toString(), 0, 0, "goods[" + i + "]." + d.path(), d.code(), d.message()));
                    }
                }
            }
            if (pack != null) {
                String packFile = RulePackReader.BUILT_IN.contains(regime) ? "builtin:" + regime + ".yaml" : regime;
                findings.addAll(HsCheck.pack(pack, packFile, nom));
            }
            if (!findings.isEmpty()) {
                for (Problem p : findings) err.println(p.format());
                err.println(findings.size() == 1 ? "1 HS code is not in " + nom.edition() + "."
                        : findings.size() + " HS codes are not in " + nom.edition() + ".");
                err.flush();
                return 2;
            }
            List<String> what = new ArrayList<>();
            if (goods != null) what.add(codes + " HS code" + (codes == 1 ? "" : "s") + " of " + file);
            if (pack != null) what.add("the HS provisions of the " + pack.id() + " pack");
            out.println("All " + String.join(" and ", what) + " are in " + nom.edition() + ".");
            out.flush();
            return 0;
        }

        private static int count(Good g) {
            return (g.hs() == null ? 0 : 1) + count(g.materials());
        }

        private static int count(List<dev.origin.core.model.Material> ms) {
            int n = 0;
            if (ms == null) return 0;
            for (var m : ms) {
                if (m.hs() != null) n++;
                if (m.production() != null) n += count(m.production().materials());
                if (m.statement() != null) n += count(m.statement().materials());
            }
            return n;
        }
    }
}
