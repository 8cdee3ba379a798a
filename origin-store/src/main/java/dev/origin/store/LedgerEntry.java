package dev.origin.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * One stored determination: what was decided for a part, on what input, under which rules, by which engine.
 *
 * @param id            1, 2, 3, ... in the order entries were appended
 * @param regime        the rule pack's id (a built-in id or a pack file's path)
 * @param packRevision  the revision the pack declares (e.g. {@code 2026.11-auto}), or null
 * @param packHash      {@code sha256:...} over the pack's content (the pack, what it extends and includes)
 * @param params        the parameter overrides applied to the pack
 * @param engineVersion the version of Origin that decided
 * @param asOf          the date the rules were applied as of
 * @param verdict       {@code ORIGINATING}, {@code NON_ORIGINATING} or {@code UNDETERMINED}
 * @param inputsHash    {@code sha256:...} of {@code inputDocument}
 * @param inputDocument the engine's input: a case file (JSON) built from the workspace as of {@code asOf}
 * @param findings      the full results document (JSON, with the explanation trace) as Origin wrote it
 * @param evidence      JSON: the input's lines and the declarations relied on, as they stood ({@link Evidence})
 * @param reason        why it was decided (e.g. {@code qualify}, {@code requalify: declaration D-7 expired})
 * @param prevHash      the entry hash of the previous entry ({@code sha256:0} for the first)
 * @param entryHash     SHA-256 over {@code prevHash} and every field above
 */
public record LedgerEntry(long id, String partId, String regime, String packRevision, String packHash, Map<String, String> params,
                          String engineVersion, LocalDate asOf, String verdict, String inputsHash, String inputDocument,
                          String findings, String evidence, String reason, Instant createdAt, String prevHash, String entryHash) {
    public LedgerEntry {
        params = Map.copyOf(params);
    }
}
