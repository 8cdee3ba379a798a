package dev.origin.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.origin.io.RulePackReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The revision of a rule pack as content: SHA-256 over the pack's text, the texts of the built-in pack it
 * {@code extends} and of the rule files it {@code include}s (recursively, in the order they are read), and the
 * parameter overrides. Two runs with the same hash applied the same rules; the pack's declared {@code revision}
 * is a label a person may forget to change, so the ledger keeps both.
 */
public final class PackRevision {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private PackRevision() {}

    /**
     * The content hash of the pack {@code regimeOrPath} (a built-in id or a pack file) with {@code params}.
     *
     * @throws IllegalArgumentException when the pack or a file it names cannot be read (load the pack first: its
     *                                  reader reports such problems properly)
     */
    public static String of(String regimeOrPath, Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        for (String[] f : files(regimeOrPath)) {
            sb.append(f[0]).append('\n').append(f[1].length()).append(':').append(f[1]).append('\n');
        }
        sb.append("params:").append(new TreeMap<>(params)).append('\n');
        return Hashes.sha256(sb.toString());
    }

    /** The (name, text) of every file the pack is read from. */
    static List<String[]> files(String regimeOrPath) {
        List<String[]> out = new ArrayList<>();
        if (RulePackReader.isBuiltIn(regimeOrPath)) {
            builtIn(regimeOrPath + ".yaml", out);
        } else {
            Path p = Path.of(regimeOrPath);
            String text = read(p);
            out.add(new String[] {p.getFileName().toString(), text});
            follow(text, !p.toString().endsWith(".json"), p.toAbsolutePath().getParent(), out);
        }
        return out;
    }

    private static void builtIn(String name, List<String[]> out) {
        try (InputStream in = PackRevision.class.getResourceAsStream("/dev/origin/packs/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in rule file " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            out.add(new String[] {"builtin:" + name, text});
            follow(text, true, null, out);
        } catch (IOException e) {
            throw new IllegalArgumentException("built-in rule file unreadable: " + name, e);
        }
    }

    /** The files {@code text} extends and includes; {@code dir} null for a built-in pack. */
    private static void follow(String text, boolean yaml, Path dir, List<String[]> out) {
        JsonNode tree;
        try {
            tree = yaml ? YAML.readTree(text) : new ObjectMapper().readTree(text);
        } catch (IOException e) {
            throw new IllegalArgumentException("the rule pack cannot be parsed: " + e.getMessage(), e);
        }
        if (tree == null || !tree.isObject()) {
            return;
        }
        for (JsonNode inc : tree.path("include")) {
            String name = inc.asText();
            if (dir == null) {
                builtIn(name, out);
            } else {
                Path p = dir.resolve(name);
                out.add(new String[] {name, read(p)});
            }
        }
        if (tree.path("extends").isTextual()) {
            builtIn(tree.path("extends").asText() + ".yaml", out);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + p, e);
        }
    }
}
