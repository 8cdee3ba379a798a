package dev.origin.cli;

import dev.origin.io.catalog.CatalogGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code origin generate}: a seeded synthetic catalog as a case file (JSON, NDJSON), CSV tables or Parquet tables. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a seeded synthetic catalog of auto parts: a case file (json, ndjson: one good per line) or the tables "
                + "of the tabular catalog format (csv, parquet: a folder with goods and lines).",
                "The same options and seed always give the same catalog. See docs/catalog-format.md."})
final class GenerateCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    /** The most goods a catalog may have (docs/cli.md, "Limits"). */
    static final int MAX_GOODS = 100_000_000;
    /** The most lines of one good: what a case file may hold per good ({@code CaseFileReader.MAX_MATERIAL_LINES}). */
    static final int MAX_LINES_PER_GOOD = dev.origin.io.CaseFileReader.MAX_MATERIAL_LINES;
    /** The most lines of a catalog. */
    static final long MAX_LINES = 1_000_000_000L;
    /** The most suppliers and supplier declarations (held in memory while generating). */
    static final int MAX_SUPPLIERS = 1_000_000;
    /** The largest weight of a product family in {@code --hs-mix}. */
    static final int MAX_WEIGHT = 1_000_000;

    @Option(names = "--goods", defaultValue = "1000", description = "Number of goods (default ${DEFAULT-VALUE}).")
    int goods;

    @Option(names = "--fan-out", defaultValue = "10", description = "Lines per level of a bill of materials (default ${DEFAULT-VALUE}).")
    int fanOut;

    @Option(names = "--depth", defaultValue = "1", description = "Levels of self-produced sub-assemblies below a good, 0 for flat (default ${DEFAULT-VALUE}).")
    int depth;

    @Option(names = "--unknown", defaultValue = "0.05", description = "Share of supplier declarations of unknown origin, 0 to 1 (default ${DEFAULT-VALUE}).")
    double unknown;

    @Option(names = "--suppliers", defaultValue = "500", description = "Number of suppliers (default ${DEFAULT-VALUE}).")
    int suppliers;

    @Option(names = "--declarations", description = "Number of supplier declarations the lines rest on (default: one per 20 lines).")
    Integer declarations;

    @Option(names = "--intermediate", defaultValue = "0", description = "Share of sub-assemblies designated intermediate materials, 0 to 1 (default ${DEFAULT-VALUE}).")
    double intermediate;

    @Option(names = "--hs-mix", split = ",", description = "Product families and weights, e.g. gearbox=2,engine=1 (families: gearbox, suspension, engine, harness; default: each once).")
    Map<String, String> hsMix;

    @Option(names = "--date", description = "The goods' date of production (default 2023-07-01).")
    LocalDate date;

    @Option(names = "--seed", defaultValue = "42", description = "The seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "json", description = "json, ndjson, csv or parquet (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--out"}, description = "The file (json, ndjson) or folder (csv, parquet) to write; json and ndjson go to stdout when absent.")
    Path out;

    @Override public Integer call() throws IOException {
        var err = spec.commandLine().getErr();
        if (!java.util.List.of("json", "ndjson", "csv", "parquet").contains(format)) {
            err.println("--format: BAD_VALUE: `" + format + "` is not one of `json`, `ndjson`, `csv`, `parquet`.");
            return 2;
        }
        if ((format.equals("csv") || format.equals("parquet")) && out == null) {
            err.println("--out: MISSING_FIELD: The required field `--out` is missing (the folder for the " + format + " tables).");
            return 2;
        }
        // sizes checked before any work (docs/cli.md, "Limits"): a catalog too large for memory or for the readers
        // would otherwise end in an out-of-memory error or a file no command can read
        java.util.List<dev.origin.io.Problem> problems = new java.util.ArrayList<>();
        range(problems, "--goods", goods, 0, MAX_GOODS);
        range(problems, "--fan-out", fanOut, 1, MAX_LINES_PER_GOOD);
        range(problems, "--depth", depth, 0, 16);
        range(problems, "--suppliers", suppliers, 1, MAX_SUPPLIERS);
        if (declarations != null) range(problems, "--declarations", declarations, 1, MAX_SUPPLIERS);
        if (hsMix != null) for (String w : hsMix.values()) {
            try {
                range(problems, "--hs-mix", Integer.parseInt(w.strip()), 0, MAX_WEIGHT);
            } catch (NumberFormatException x) {
                problems.add(new dev.origin.io.Problem("--hs-mix", 0, 0, "", "BAD_COUNT", "`" + dev.origin.io.Fields.shown(w) + "` is not a whole, non-negative number."));
            }
        }
        if (problems.isEmpty()) {
            long perGood = (long) fanOut * (depth + 1);
            if (perGood > MAX_LINES_PER_GOOD) {
                problems.add(new dev.origin.io.Problem("--fan-out", 0, 0, "", "TOO_LARGE", "A fan-out of `" + fanOut + "` on " + (depth + 1)
                        + " levels makes " + perGood + " lines per good; a good has at most " + MAX_LINES_PER_GOOD + " (what a case file may hold)."));
            } else if (perGood * goods > MAX_LINES) {
                problems.add(new dev.origin.io.Problem("--goods", 0, 0, "", "TOO_LARGE", "`" + goods + "` goods of " + perGood
                        + " lines make " + perGood * goods + " lines; a catalog has at most " + MAX_LINES + "."));
            }
        }
        if (!problems.isEmpty()) {
            Inputs.report(err, problems);
            return 2;
        }
        CatalogGenerator.Settings s;
        try {
            Map<String, Integer> mix = new LinkedHashMap<>();
            if (hsMix == null) {
                for (var f : CatalogGenerator.FAMILIES) mix.put(f.name(), 1);
            } else {
                for (var e : hsMix.entrySet()) {
                    try {
                        mix.put(e.getKey(), Integer.parseInt(e.getValue()));
                    } catch (NumberFormatException x) {
                        err.println("--hs-mix: BAD_COUNT: `" + e.getValue() + "` is not a whole, non-negative number.");
                        return 2;
                    }
                }
            }
            s = new CatalogGenerator.Settings(goods, fanOut, depth, unknown, suppliers, declarations == null ? (int) Math.max(1, Math.min(MAX_SUPPLIERS, (long) goods * fanOut * (depth + 1) / 20)) : declarations,
                    intermediate, mix, date == null ? LocalDate.of(2023, 7, 1) : date, seed);
        } catch (IllegalArgumentException e) {
            err.println("origin generate: BAD_VALUE: " + e.getMessage() + ".");
            return 2;
        }
        CatalogGenerator g = new CatalogGenerator(s);
        try {
            switch (format) {
                case "csv" -> g.writeCsv(out);
                case "parquet" -> g.writeParquet(out);
                default -> {
                    if (out == null) {
                        var w = spec.commandLine().getOut();
                        g.writeCaseFile(new BufferedOutputStream(new ToWriter(w), 1 << 16), format.equals("ndjson"));
                        w.flush();
                    } else {
                        if (out.getParent() != null) Files.createDirectories(out.getParent());
                        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                            g.writeCaseFile(o, format.equals("ndjson"));
                        }
                    }
                }
            }
        } catch (IOException e) {
            err.println("--out: CANNOT_WRITE: The output file `" + out + "` cannot be written: " + e.getMessage() + ".");
            return 2;
        }
        if (out != null) {
            err.println("wrote " + out + " (" + String.format(java.util.Locale.ROOT, "%,d", (long) s.goods()) + " goods, "
                    + String.format(java.util.Locale.ROOT, "%,d", (long) s.goods() * s.linesPerGood()) + " lines)");
        }
        return 0;
    }

    private static void range(java.util.List<dev.origin.io.Problem> problems, String option, long value, long min, long max) {
        if (value < min || value > max) problems.add(dev.origin.io.Problem.of(option, 0, 0, "", dev.origin.core.engine.ErrorCode.OUT_OF_RANGE, value, min, max));
    }

    /**
     * The command's stdout as a byte stream that stays open when the case-file writer closes it. Generated case files
     * are ASCII (ids, HS codes, countries, amounts, rules), so each byte is one character.
     */
    private static final class ToWriter extends OutputStream {
        private final java.io.PrintWriter w;
        ToWriter(java.io.PrintWriter w) { this.w = w; }
        @Override public void write(int b) { w.write((char) (b & 0xFF)); }
        @Override public void write(byte[] b, int off, int len) {
            char[] c = new char[len];
            for (int i = 0; i < len; i++) c[i] = (char) (b[off + i] & 0xFF);
            w.write(c);
        }
        @Override public void flush() { w.flush(); }
        @Override public void close() { w.flush(); }
    }
}
