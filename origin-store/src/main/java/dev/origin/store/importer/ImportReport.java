package dev.origin.store.importer;

import java.util.Map;

/**
 * What an import did: the rows read per kind, and how many items it added, changed and left as they were. A
 * second import of the same file adds and changes nothing.
 */
public record ImportReport(String file, String hash, Map<ImportKind, Integer> rows, int added, int changed, int unchanged) {
    public ImportReport {
        rows = Map.copyOf(rows);
    }

    /** True when the workspace is unchanged by this import. */
    public boolean nothingChanged() {
        return added == 0 && changed == 0;
    }
}
