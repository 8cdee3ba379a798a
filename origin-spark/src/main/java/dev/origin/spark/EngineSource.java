package dev.origin.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.regime.Regime;
import dev.origin.core.tariff.TariffSchedule;
import dev.origin.io.InputException;
import dev.origin.io.RulePackReader;
import dev.origin.io.TariffReader;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor needs to build the same {@link Evaluator} as the driver, as plain serializable data:
 * the regime (a built-in id, or the text of a pack file and of the rule files it includes), the
 * {@code --param} overrides and the text of a {@code --tariffs} file. Packs and tariff files are read and
 * checked on the driver ({@link #load}); executors never read the submitter's files, so a pack given by
 * a local path works on a cluster. Each JVM builds the evaluator once ({@link #evaluator()}).
 *
 * @param regime    a built-in regime id, or the pack file's name
 * @param packFiles for a pack file: its text and that of every file it includes, by file name; empty for a built-in
 * @param params    rule-pack parameter overrides
 * @param tariffsFile name of the tariff file whose rates override the built-in MFN table, or null
 * @param tariffs   its text, or null
 */
public record EngineSource(String regime, Map<String, String> packFiles, Map<String, String> params, String tariffsFile,
                           String tariffs)
        implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<EngineSource, Evaluator> EVALUATORS = new ConcurrentHashMap<>();

    public EngineSource {
        packFiles = Map.copyOf(packFiles);
        params = Map.copyOf(params);
    }

    /**
     * Reads the regime (built-in id or pack file) and the tariff file (or null) on the driver, and checks
     * that they load; the problems are those {@code origin qualify} reports for the same options.
     */
    public static EngineSource load(String regimeOrPath, Map<String, String> params, Path tariffFile) throws InputException {
        Map<String, String> files = new LinkedHashMap<>();
        String regime = regimeOrPath;
        RulePackReader.load(regimeOrPath, params); // reports an unknown regime, an invalid pack or parameter with its own codes
        if (!RulePackReader.isBuiltIn(regimeOrPath)) {
            Path pack = Path.of(regimeOrPath);
            regime = pack.getFileName().toString();
            files.put(regime, read(pack));
            for (String name : includes(files.get(regime), regime)) {
                Path inc = pack.toAbsolutePath().getParent().resolve(name);
                files.put(name, read(inc));
            }
        }
        String tariffs = null;
        if (tariffFile != null) {
            TariffReader.read(tariffFile); // checks it; problems name the file
            tariffs = read(tariffFile);
        }
        EngineSource source = new EngineSource(regime, files, params, tariffFile == null ? null : tariffFile.getFileName().toString(), tariffs);
        source.evaluator();
        return source;
    }

    /** The evaluator this source describes, built once per JVM. */
    public Evaluator evaluator() {
        return EVALUATORS.computeIfAbsent(this, EngineSource::build);
    }

    Evaluator build() {
        try {
            Regime r;
            if (packFiles.isEmpty()) {
                r = RulePackReader.load(regime, params);
            } else {
                // rule files are included from beside the pack: lay them out in a private folder
                Path dir = Files.createTempDirectory("origin-pack");
                for (var e : packFiles.entrySet()) {
                    Path p = dir.resolve(e.getKey());
                    Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
                    p.toFile().deleteOnExit();
                }
                dir.toFile().deleteOnExit();
                r = RulePackReader.load(dir.resolve(regime).toString(), params);
            }
            TariffSchedule schedule = TariffReader.builtIn();
            if (tariffs != null) schedule = schedule.overriddenBy(TariffReader.read(tariffs, tariffsFile, !tariffsFile.toLowerCase(java.util.Locale.ROOT).endsWith(".json"), Map.of()));
            return Evaluator.of(r, schedule);
        } catch (InputException e) {
            // the driver loaded the same text before the job started
            throw new IllegalStateException("the rule pack or tariff file no longer loads: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lay out the rule pack in a temporary folder", e);
        }
    }

    /** The file names a pack's {@code include} lists (rule files beside it). */
    private static Iterable<String> includes(String text, String name) throws InputException {
        try {
            ObjectMapper m = name.endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
            JsonNode inc = m.readTree(text).get("include");
            java.util.List<String> out = new java.util.ArrayList<>();
            if (inc != null && inc.isArray()) inc.forEach(n -> out.add(n.asText().strip()));
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("pack `" + name + "` loaded but its includes cannot be listed", e);
        }
    }

    private static String read(Path p) throws InputException {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(java.util.List.of(dev.origin.io.Problem.of(p.toString(), 0, 0, "",
                    dev.origin.core.engine.ErrorCode.UNREADABLE, p)));
        }
    }
}
