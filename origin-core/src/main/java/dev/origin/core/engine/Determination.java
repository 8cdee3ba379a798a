package dev.origin.core.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of evaluating one good under one regime on one date: the verdict, the requirements with
 * their computed values, the ids of the deciding rules, diagnostics as data and one explanation trace.
 * When materials of unknown origin matter, {@link #bounds()} gives the best and worst cases.
 */
public record Determination(String good, String regime, String regimeRevision, LocalDate date, Status status,
                            RvcResult rvc, List<Requirement> requirements, List<String> decidingRules,
                            List<Diagnostic> diagnostics, TraceNode trace, Bounds bounds,
                            BigDecimal totalCost, BigDecimal vnm, Tariff tariff) {

    public Determination {
        requirements = List.copyOf(requirements);
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

    /** The same determination with more diagnostics (e.g. from checks outside the engine). */
    public Determination withDiagnostics(List<Diagnostic> more) {
        List<Diagnostic> all = new java.util.ArrayList<>(diagnostics);
        all.addAll(more);
        return new Determination(good, regime, regimeRevision, date, status, rvc, requirements, decidingRules, all, trace,
                bounds, totalCost, vnm, tariff);
    }

    /** The same determination with its tariff consequence. */
    public Determination withTariff(Tariff t) {
        return new Determination(good, regime, regimeRevision, date, status, rvc, requirements, decidingRules, diagnostics, trace,
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
