package dev.origin.store;

import java.time.LocalDate;
import java.util.List;

/**
 * The engine's input for a stored part as of a date: a case file (JSON, {@code docs/case-file.md}) holding one good,
 * its SHA-256, and the lines with their sources (declarations relied on, origins, values).
 *
 * @param document the case-file JSON; reading it with {@code CaseFileReader} gives the engine's {@code Good}
 * @param hash     {@code sha256:...} of {@code document} (the ledger's inputs hash)
 */
public record GoodInput(String partId, LocalDate asOf, String document, String hash, List<InputLine> lines) {
    public GoodInput {
        lines = List.copyOf(lines);
    }

    /** The declarations relied on, each once, by id. */
    public List<Declaration> declarations() {
        return lines.stream().map(InputLine::declaration).filter(java.util.Objects::nonNull).distinct()
                .sorted(java.util.Comparator.comparing(Declaration::id)).toList();
    }
}
