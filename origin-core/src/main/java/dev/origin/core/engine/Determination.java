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
                            BigDecimal totalCost, BigDecimal vnm) {

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

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
}
