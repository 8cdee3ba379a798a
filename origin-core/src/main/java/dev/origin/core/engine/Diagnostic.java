package dev.origin.core.engine;

/**
 * A problem found while evaluating, as data (never thrown): a stable {@code code}
 * ({@code MISSING_COST}), one plain sentence, and where: the good and the BOM path.
 *
 * @param severity ERROR when the input does not allow the determination asked for; WARNING otherwise
 * @param path     location inside the good, e.g. {@code materials[m1]} or {@code costs}; may be empty
 */
public record Diagnostic(Severity severity, String code, String message, String good, String path) {
    public enum Severity { ERROR, WARNING }

    public boolean isError() { return severity == Severity.ERROR; }
}
