package dev.origin.core.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of evaluating one good under one regime on one date: the verdict and the findings that
 * decide it (one per requirement, typed), the ids of the deciding rules, diagnostics as data, and the
 * explanation as steps. When materials of unknown origin matter, {@link #bounds()} gives the best and
 * worst cases; when facts are missing, the NOT_EVALUABLE findings name them ({@link #missingFacts()}).
 *
 * @param explanation the explanation tree as data, or null when not recorded (bulk runs); rendered by {@link #trace()}
 */
public record Determination(String good, String regime, String regimeRevision, LocalDate date, Status status,
                            RvcResult rvc, List<Finding> findings, List<String> decidingRules,
                            List<Diagnostic> diagnostics, Step explanation, Bounds bounds,
                            BigDecimal totalCost, BigDecimal vnm, Tariff tariff) {

    public Determination {
        findings = List.copyOf(findings);
        decidingRules = List.copyOf(decidingRules);
        diagnostics = List.copyOf(diagnostics);
    }

    /**
     * The two bounds when materials of unknown origin are present: {@code best} treats them as
     * originating, {@code worst} as non-originating; {@code unknownMaterials} names them (BOM paths).
     */
    public record Bounds(List<String> unknownMaterials, Determination best, Determination worst) {
        public Bounds { unknownMaterials = List.copyOf(unknownMaterials); }
    }

    /** The explanation tree in words (the full view), or null when it was not recorded. */
    public TraceNode trace() {
        return explanation == null ? null : Explanation.render(explanation);
    }

    /** The facts the case file must give for the requirements that could not be evaluated, in order, without repeats. */
    public List<String> missingFacts() {
        return findings.stream().filter(f -> f.status() == FindingStatus.NOT_EVALUABLE).flatMap(f -> f.missing().stream())
                .distinct().toList();
    }

    /** The same determination with more diagnostics (e.g. from checks outside the engine). */
    public Determination withDiagnostics(List<Diagnostic> more) {
        List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
        all.addAll(more);
        return new Determination(good, regime, regimeRevision, date, status, rvc, findings, decidingRules, all, explanation,
                bounds, totalCost, vnm, tariff);
    }

    /** The same determination with its tariff consequence. */
    public Determination withTariff(Tariff t) {
        return new Determination(good, regime, regimeRevision, date, status, rvc, findings, decidingRules, diagnostics, explanation,
                bounds, totalCost, vnm, t);
    }

    /**
     * The tariff consequence of the verdict for the importing country: the rate applied (0 when
     * preferential), the MFN rate, the duty owed per unit and the duty qualifying saves (null where
     * unknown, e.g. without a transaction value or a rate), and a note with the rate's source.
     */
    public record Tariff(String importer, BigDecimal ratePercent, BigDecimal mfnRatePercent, BigDecimal customsValue,
                         BigDecimal dutyOwed, BigDecimal dutySaved, String note) {}

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
