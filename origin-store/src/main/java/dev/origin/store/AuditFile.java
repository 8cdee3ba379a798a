package dev.origin.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Finding;
import dev.origin.core.hs.HsCode;
import dev.origin.core.model.Good;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.RuleSyntax;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.ResultWriter;
import dev.origin.io.RulePackReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The audit file of one stored determination ({@code origin audit ID --out FILE.zip}): what a customs verification
 * asks for, written from the ledger entry alone (the stored input, findings and evidence), so that it shows what was
 * relied on when the determination was made, whatever changed since.
 *
 * <ul>
 *   <li>{@code README.txt}: what each file is;</li>
 *   <li>{@code determination.json}: the ledger entry (verdict, date, rule pack id, revision and hash, engine
 *       version, inputs hash, entry hash, reason, time) with its findings;</li>
 *   <li>{@code explanation.txt}: the result and its explanation in words, with citations (the stored input
 *       evaluated again: the replay check says whether that re-derived the stored findings);</li>
 *   <li>{@code findings.json}: the results document as stored; {@code input.json}: the engine's input (a case file
 *       {@code origin qualify} accepts);</li>
 *   <li>{@code bom.csv}: every BOM line with level, part, description, HS, quantity, value, origin, the basis of the
 *       origin, country, supplier and declaration;</li>
 *   <li>{@code declarations.csv}: the supplier declarations relied on, as they stood;</li>
 *   <li>{@code rules.txt}: the product-specific rule applied, in the rule syntax, with its citation, and every
 *       requirement evaluated with its citation and outcome.</li>
 * </ul>
 */
public final class AuditFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Entries carry this time, so that the same determination gives the same zip. */
    private static final FileTime TIME = FileTime.fromMillis(0);

    private AuditFile() {}

    /** The names of the files in the zip, in order. */
    public static final List<String> FILES = List.of("README.txt", "determination.json", "explanation.txt", "findings.json",
            "input.json", "bom.csv", "declarations.csv", "rules.txt");

    /** Writes the audit file of {@code e} to {@code out} (not closed). */
    public static void write(LedgerEntry e, OutputStream out) throws IOException, InputException {
        Replay replay = Replay.of(e);
        Determination d = replay.now().determination();
        try (ZipOutputStream zip = new ZipOutputStream(new java.io.FilterOutputStream(out) {
            @Override public void close() throws IOException {
                flush();
            }
        })) {
            put(zip, "README.txt", readme(e, replay));
            put(zip, "determination.json", determination(e));
            put(zip, "explanation.txt", ResultWriter.text(d) + "\n" + ResultWriter.explain(d));
            put(zip, "findings.json", e.findings());
            put(zip, "input.json", e.inputDocument());
            put(zip, "bom.csv", bom(e));
            put(zip, "declarations.csv", declarations(e));
            put(zip, "rules.txt", rules(e, d));
        }
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        ZipEntry z = new ZipEntry(name);
        z.setLastModifiedTime(TIME);
        zip.putNextEntry(z);
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String readme(LedgerEntry e, Replay replay) {
        StringBuilder sb = new StringBuilder();
        sb.append("Audit file of determination ").append(e.id()).append(": part ").append(e.partId()).append(" is ").append(e.verdict())
                .append(" under ").append(e.regime()).append(" as of ").append(e.asOf()).append(".\n");
        sb.append("Decided ").append(e.createdAt()).append(" by ").append(e.engineVersion()).append(" (reason: ").append(e.reason()).append(").\n");
        sb.append("Rule pack: ").append(e.regime()).append(", revision ").append(e.packRevision()).append(", content ").append(e.packHash());
        sb.append(e.params().isEmpty() ? "" : ", parameters " + new java.util.TreeMap<>(e.params())).append(".\n");
        sb.append("Input: input.json, ").append(e.inputsHash()).append(". Ledger entry hash: ").append(e.entryHash()).append(".\n");
        sb.append("Replay: ").append(replay.identical() ? "the stored input re-derives the stored findings exactly."
                : "the stored input evaluated today differs: " + String.join("; ", replay.differences()) + ".").append("\n\n");
        sb.append("""
                determination.json  the ledger entry, with its findings
                explanation.txt     the result and its explanation in words, with citations
                findings.json       the results document as stored (origin qualify --format json)
                input.json          the engine's input, a case file: origin qualify --regime REGIME --date DATE input.json
                bom.csv             every BOM line: HS, quantity, value, origin and its basis, supplier, declaration
                declarations.csv    the supplier declarations relied on, as they stood
                rules.txt           the rule applied, in words and with its citation; every requirement evaluated
                """);
        return sb.toString();
    }

    private static String determination(LedgerEntry e) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", e.id());
        o.put("part", e.partId());
        o.put("verdict", e.verdict());
        o.put("asOf", e.asOf().toString());
        o.put("regime", e.regime());
        o.put("packRevision", e.packRevision());
        o.put("packHash", e.packHash());
        o.set("params", JSON.valueToTree(new java.util.TreeMap<>(e.params())));
        o.put("engineVersion", e.engineVersion());
        o.put("inputsHash", e.inputsHash());
        o.put("reason", e.reason());
        o.put("createdAt", e.createdAt().toString());
        o.put("prevHash", e.prevHash());
        o.put("entryHash", e.entryHash());
        o.set("findings", JSON.readTree(e.findings()));
        return JSON.writeValueAsString(o) + "\n";
    }

    private static String bom(LedgerEntry e) {
        StringBuilder sb = new StringBuilder("level,path,part,description,hs,quantity,value,origin,basis,country,supplier,declaration\n");
        for (InputLine l : Evidence.lines(e.evidence())) {
            sb.append(csv(List.of(String.valueOf(l.level()), l.path(), l.partId(), l.description(), l.hs(), l.quantity().stripTrailingZeros().toPlainString(),
                    l.value() == null ? "" : l.value().toPlainString(), l.origin(), l.basis(), nz(l.country()), nz(l.supplierId()),
                    l.declaration() == null ? "" : l.declaration().id())));
        }
        return sb.toString();
    }

    private static String declarations(LedgerEntry e) {
        StringBuilder sb = new StringBuilder(
                "declaration,supplier,valid_from,valid_to,statement,criterion,stated_rvc,rvc_method,withdrawn,withdrawn_on,received_on,parts\n");
        for (Declaration d : Evidence.declarations(e.evidence())) {
            sb.append(csv(List.of(d.id(), d.supplierId(), d.validFrom().toString(), d.validTo().toString(), d.statement().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    nz(d.criterion()), d.statedRvc() == null ? "" : d.statedRvc().stripTrailingZeros().toPlainString(), nz(d.rvcMethod()),
                    d.withdrawn() ? "yes" : "no", d.withdrawnOn() == null ? "" : d.withdrawnOn().toString(),
                    d.receivedOn() == null ? "" : d.receivedOn().toString(), String.join(" ", d.parts()))));
        }
        return sb.toString();
    }

    private static String rules(LedgerEntry e, Determination d) throws InputException {
        StringBuilder sb = new StringBuilder();
        Regime pack = RulePackReader.load(e.regime(), e.params());
        Good g = CaseFileReader.read(e.inputDocument(), GoodInputs.SOURCE, false).get(0);
        sb.append("Rule pack ").append(pack.id()).append(" (").append(pack.name()).append("), revision ").append(pack.revision()).append('\n');
        HsCode hs = g.hs();
        Regime.ProductRule pr = pack.ruleFor(hs, pack.vehicleKind(hs, g.vehicle()), g.use(), g.vehicleData().alternativeStaging(), e.asOf());
        if (pr == null) {
            sb.append("No product-specific rule of the pack applies to HS ").append(hs).append(".\n");
        } else {
            sb.append("\nProduct-specific rule for HS ").append(hs).append(pr.description() == null ? "" : " (" + pr.description() + ")").append(":\n");
            sb.append("  ").append(RuleSyntax.format(pr.rule())).append('\n');
            sb.append("  Citation: ").append(pr.rule().citation() == null ? "(none given)" : pr.rule().citation()).append('\n');
        }
        sb.append("\nRequirements evaluated:\n");
        for (Finding f : d.findings()) {
            sb.append("  ").append(f.id()).append(" (").append(f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).append("): ")
                    .append(f.status());
            if (f.value() != null) {
                sb.append(", ").append(ResultWriter.display(f.value())).append(" %");
            }
            if (f.threshold() != null) {
                sb.append(" against ").append(f.threshold().stripTrailingZeros().toPlainString()).append(" %");
            }
            sb.append('\n');
            if (f.citation() != null) {
                sb.append("    ").append(f.citation()).append('\n');
            }
        }
        sb.append("\nDeciding rules: ").append(String.join(", ", d.decidingRules())).append('\n');
        return sb.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /**
     * One CSV line; a cell starting like a spreadsheet formula ({@code = + - @}) is prefixed with an apostrophe so
     * that a spreadsheet opening the file shows it as text (CSV injection).
     */
    static String csv(List<String> cells) {
        List<String> out = new ArrayList<>();
        for (String c : cells) {
            String v = c == null ? "" : c;
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+(\\.\\d+)?")) {
                v = "'" + v;
            }
            if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
                v = "\"" + v.replace("\"", "\"\"") + "\"";
            }
            out.add(v);
        }
        return String.join(",", out) + "\n";
    }

    /** The file names and texts of an audit zip (for tests and readers). */
    public static Map<String, String> read(byte[] zip) throws IOException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry z = in.getNextEntry(); z != null; z = in.getNextEntry()) {
                out.put(z.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
