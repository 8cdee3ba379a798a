package dev.origin.core.engine;

import dev.origin.core.rules.RequirementKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What one provision found for a good: a typed ledger entry. A determination is its findings plus the
 * verdict; explanations are rendered from findings, never built into them.
 *
 * @param id        id of the rule or provision (e.g. {@code psr.rvc}, {@code usmca.de-minimis})
 * @param value     computed percentage where the requirement is a threshold test (unrounded), else null
 * @param threshold threshold applied, else null
 * @param amounts   the amounts used, by name ({@code netCost}, {@code vnm}, {@code transactionValue},
 *                  {@code failingValue}, {@code base}); for a percentage test also {@code numerator} and
 *                  {@code denominator}, the exact parts of {@code value} (value = numerator ÷ denominator),
 *                  and for core parts {@code partsOriginating} and {@code partsTotal}; empty when none
 * @param missing   for {@link FindingStatus#NOT_EVALUABLE}: the facts the case file must give (field names)
 * @param basis     how the finding was reached, as a typed fact ({@link Basis}), or null
 * @param note      the method or detail in short words (e.g. {@code net cost method}), or null
 */
public record Finding(String id, RequirementKind kind, FindingStatus status, BigDecimal value, BigDecimal threshold,
                      String citation, Map<String, BigDecimal> amounts, List<String> missing, Basis basis, String note) {

    public Finding {
        amounts = amounts == null ? Map.of() : Map.copyOf(amounts); // no copy when the checker gave an immutable Map.of
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** A finding without amounts, missing facts or basis. */
    static Finding of(String id, RequirementKind kind, FindingStatus status, BigDecimal value, BigDecimal threshold,
                      String citation, String note) {
        return new Finding(id, kind, status, value, threshold, citation, Map.of(), List.of(), null, note);
    }

    /** A finding that cannot be evaluated without {@code missing}. */
    static Finding notEvaluable(String id, RequirementKind kind, BigDecimal threshold, String citation, List<String> missing) {
        return new Finding(id, kind, FindingStatus.NOT_EVALUABLE, null, threshold, citation, Map.of(), missing, null,
                "missing " + String.join(", ", missing));
    }

    /** The same finding with another note. */
    Finding withNote(String n) {
        return new Finding(id, kind, status, value, threshold, citation, amounts, missing, basis, n);
    }

    /** The same finding with its basis. */
    Finding withBasis(Basis b) {
        return new Finding(id, kind, status, value, threshold, citation, amounts, missing, b, note);
    }

    /** The same finding with the amounts used. */
    Finding withAmounts(Map<String, BigDecimal> a) {
        return new Finding(id, kind, status, value, threshold, citation, a, missing, basis, note);
    }

    /** The named amount, or null. */
    public BigDecimal amount(String name) { return amounts.get(name); }

    /** The amounts with the exact parts of a percentage added. */
    static java.util.Map<String, BigDecimal> withRatio(java.util.Map<String, BigDecimal> amounts, Ratio r) {
        java.util.Map<String, BigDecimal> m = new java.util.LinkedHashMap<>(amounts.size() + 2);
        m.putAll(amounts);
        m.put("numerator", r.num());
        m.put("denominator", r.den());
        return m;
    }

    /** TRUE, FALSE or null, as the case-file contract reports {@code met}. */
    public Boolean met() { return status.asBoolean(); }

    /**
     * Typed facts on how a finding was reached, where the status alone does not say it.
     */
    public enum Basis {
        /** Criterion (d): the good's subheading (or undivided heading) provides for both the good and its parts. */
        PARTS_PROVISION,
        /** Criterion (d): the case file states the materials are provided for as parts of the good. */
        PARTS_STATED,
        /** Criterion (d) read literally (USMCA option {@code parts-rule: literal}): materials of the good's own subheading. */
        SAME_PROVISION_LITERAL,
        /** Criterion (d): the good was imported unassembled and classified as assembled (GIR 2(a)). */
        UNASSEMBLED_GIR_2A,
        /** A requirement met because all non-originating materials are within de minimis. */
        DE_MINIMIS_EXEMPTION,
        /** Core parts: every core part originating on its own. */
        CORE_PARTS_INDIVIDUALLY,
        /** Core parts: as one super-core part. */
        CORE_PARTS_SUPER_CORE,
        /** The threshold set for the date is absent: the rule did not exist then. */
        NO_THRESHOLD_IN_FORCE,
        /** The net cost method is required, so a transaction-value limb is not available. */
        NET_COST_REQUIRED
    }
}
