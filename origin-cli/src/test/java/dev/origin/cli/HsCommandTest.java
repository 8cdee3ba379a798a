package dev.origin.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code origin hs search} and {@code origin hs check} against the shared HS data (skipped when absent). */
class HsCommandTest {
    static final Path ROOT = Path.of(System.getProperty("origin.root", ".."));

    static Path hs(String year) {
        String shared = System.getProperty("origin.shared.data");
        assumeTrue(shared != null, "system property origin.shared.data is not set (run through Maven); HS command tests skipped");
        Path f = Path.of(shared, "harmonized-system", "hs" + year + "-harmonized-system.csv");
        assumeTrue(Files.isRegularFile(f), "HS nomenclature " + f + " is absent; HS command tests skipped");
        return f;
    }

    /** Runs {@code origin hs ...} (the first argument is {@code hs}) with the real default places for the nomenclature. */
    static CliTest.Result run(String... args) {
        assertThat(args[0]).isEqualTo("hs");
        return runHs(HsCommand::defaultCandidates, java.util.Arrays.copyOfRange(args, 1, args.length));
    }

    /** Runs {@code origin hs ...} with the given default places for the nomenclature (set up as {@link Main} sets up {@code origin}). */
    static CliTest.Result runHs(List<Path> defaults, String... args) {
        return runHs(() -> defaults, args);
    }

    static CliTest.Result runHs(java.util.function.Supplier<List<Path>> defaults, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.configure(new CommandLine(new HsCommand(defaults)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliTest.Result(code, out.toString(), err.toString());
    }

    @Test
    void searchPrintsCodeAndDescriptionLines() {
        CliTest.Result r = run("hs", "search", "electric", "motor", "--limit", "3", "--hs-nomenclature", hs("2022").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().toList()).containsExactly(
                "85.01    Electric motors and generators (excluding generating sets)",
                "8501.10  Electric motors; of an output not exceeding 37.5W",
                "8501.20  Electric motors; universal AC/DC of an output exceeding 37.5W");
    }

    @Test
    void isASubcommandOfOrigin() {
        CliTest.Result r = CliTest.run("hs", "search", "electric", "motor", "--limit", "1", "--hs-nomenclature", hs("2022").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("85.01    Electric motors");
    }

    @Test
    void searchUsesTheDefaultNomenclatureAndReportsNoMatchOnStderr() {
        Path f = hs("2022");
        CliTest.Result r = runHs(List.of(f.resolveSibling("absent.csv"), f), "search", "flat", "panel", "display", "--limit", "1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("85.24    Flat panel display modules");
        CliTest.Result none = runHs(List.of(f), "search", "zzzzqqq");
        assertThat(none.exit()).isZero();
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).isEqualTo("No description in HS2022 matches `zzzzqqq`." + System.lineSeparator());
    }

    @Test
    void theDefaultIsFoundBesideTheRepositoryWhenTheSharedDataIsThere() {
        hs("2022");
        List<Path> candidates = HsCommand.defaultCandidates();
        assertThat(candidates).anySatisfy(p -> assertThat(p).isRegularFile());
        CliTest.Result r = run("hs", "search", "motor", "cars", "--limit", "1");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("87.03    Motor cars");
    }

    @Test
    void missingNomenclatureExitsTwoWithOneLine(@TempDir Path dir) {
        CliTest.Result r = runHs(List.of(dir.resolve("hs2022-harmonized-system.csv")), "search", "motor");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).singleElement().satisfies(l -> {
            assertThat(l).startsWith("--hs-nomenclature: MISSING_NOMENCLATURE: ");
            assertThat(l).contains(dir.toString());
        });
    }

    @Test
    void badArgumentsAndFilesExitTwo(@TempDir Path dir) throws IOException {
        Path f = hs("2022");
        assertThat(run("hs", "search", "motor", "--limit", "0", "--hs-nomenclature", f.toString()).err())
                .startsWith("--limit: BAD_LIMIT: ");
        assertThat(run("hs", "search", "--hs-nomenclature", f.toString()).exit()).isEqualTo(2);   // no WORDS
        CliTest.Result punct = run("hs", "search", "...", "--hs-nomenclature", f.toString());
        assertThat(punct.exit()).isEqualTo(2);
        assertThat(punct.err()).startsWith("WORDS: BAD_QUERY: ");
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "section,hscode,description,parent,level\nI,0x,Animals,TOTAL,2\n");
        CliTest.Result r = run("hs", "search", "motor", "--hs-nomenclature", bad.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(bad + ":2:3: BAD_HS_FILE: `0x` is not an HS chapter");
        CliTest.Result missing = run("hs", "search", "motor", "--hs-nomenclature", dir.resolve("nope.csv").toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("UNREADABLE");
    }

    @Test
    void checkListsUnknownCodesOnStderrAndExitsTwo(@TempDir Path dir) throws IOException {
        Path hs2022 = hs("2022");
        Path c = dir.resolve("case.yaml");
        Files.writeString(c, """
                goods:
                  - id: truck
                    hs: "8704.60"
                    producer: { country: MX }
                    costs: { otherProductCosts: "10.00" }
                    materials:
                      - { id: m1, hs: "8703.99", value: "10.00", origin: non-originating }
                      - { id: m2, hs: "8708.99.14", value: "10.00", origin: originating }
                """);
        CliTest.Result r = run("hs", "check", c.toString(), "--hs-nomenclature", hs2022.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().lines().toList()).hasSize(2).satisfies(ls -> {
            assertThat(ls.get(0)).startsWith(c + ": UNKNOWN_HS_CODE: The HS code `8703.99` is not in the HS2022 nomenclature")
                    .endsWith("(at goods[0].materials[m1])");
            assertThat(ls.get(1)).isEqualTo("1 HS code is not in HS2022.");
        });
        CliTest.Result old = run("hs", "check", c.toString(), "--hs-nomenclature", hs("2017").toString());
        assertThat(old.err()).contains("`8704.60` is not in the HS2017", "(at goods[0].hs)", "2 HS codes are not in HS2017.");

        Path ok = dir.resolve("ok.yaml");
        Files.writeString(ok, Files.readString(c).replace("8703.99", "8703.23"));
        CliTest.Result good = run("hs", "check", ok.toString(), "--hs-nomenclature", hs2022.toString());
        assertThat(good.exit()).isZero();
        assertThat(good.err()).isEmpty();
        assertThat(good.out()).startsWith("All 3 HS codes of " + ok);
        // the usmca pack names codes of both HS 2017 and HS 2022 (8701.20 became 8701.21-8701.29), so HS 2022 lacks some
        CliTest.Result pack = run("hs", "check", ok.toString(), "--regime", "usmca", "--hs-nomenclature", hs2022.toString());
        assertThat(pack.exit()).isEqualTo(2);
        assertThat(pack.err()).contains("`8701.20`").doesNotContain("goods[0]");
    }

    @Test
    void checkOfAPackAndOfInvalidInput() {
        Path hs2017 = hs("2017");
        CliTest.Result nafta = run("hs", "check", "--regime", "nafta", "--hs-nomenclature", hs2017.toString());
        assertThat(nafta.exit()).isEqualTo(2);
        assertThat(nafta.err()).contains("builtin:nafta.yaml: UNKNOWN_HS_CODE: `2202.90", "(its subheading `2202.90` is not)");
        assertThat(run("hs", "check", "--hs-nomenclature", hs2017.toString()).err()).startsWith("FILE: MISSING_INPUT: ");
        CliTest.Result badCase = run("hs", "check", ROOT.resolve("examples/nope.yaml").toString(), "--hs-nomenclature", hs2017.toString());
        assertThat(badCase.exit()).isEqualTo(2);
        assertThat(badCase.out()).isEmpty();
        CliTest.Result example = run("hs", "check", ROOT.resolve("examples/multi-level-bom.yaml").toString(), "--hs-nomenclature", hs2017.toString());
        assertThat(example.exit()).as(example.err()).isZero();
    }
}
