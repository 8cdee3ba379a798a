package dev.origin.io.schedule;

import java.util.List;

/**
 * The rules imported from Schedule I, in the order of the regulation.
 *
 * @param source   where the XML came from (path), for the pack header
 * @param rules    every rule row
 * @param hsSource how HS ranges were expanded (nomenclature files or numeric enumeration)
 */
public record ImportResult(String source, List<ImportedRule> rules, String hsSource) {

    public ImportResult {
        rules = List.copyOf(rules);
    }

    /** The coverage report. */
    public CoverageReport coverage() {
        return CoverageReport.of(rules);
    }
}
