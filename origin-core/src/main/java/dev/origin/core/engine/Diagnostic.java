package dev.origin.core.engine;

/**
 * A problem found while evaluating, as data (never thrown): a stable {@code code}
 * ({@code MISSING_COST}), one plain sentence, and where: the good and the BOM path.
 *
 * @param severity ERROR when the input does not allow the determination asked for; WARNING when a result was
 *                 given on an assumption or with something not evaluated; INFO for a note that changes nothing
 * @param code     the name of an {@link ErrorCode}
 * @param path     location inside the good, e.g. {@code materials[m1]}, {@code m1/sub}, {@code costs} or
 *                 {@code m1/costs.totalCost}; empty for the good itself
 */
public record Diagnostic(Severity severity, String code, String message, String good, String path) {
    public enum Severity { ERROR, WARNING, INFO }

    /**
     * A diagnostic of the catalogue: {@code message} fills {@code template}'s placeholders with {@code args}
     * (see {@link ErrorTemplate#message(Object...)}), and the severity is the template's.
     *
     * @throws IllegalArgumentException when {@code args} do not match the placeholders
     */
    public static Diagnostic of(ErrorTemplate template, String good, String path, Object... args) {
        return new Diagnostic(template.severity(), template.code().name(), template.message(args), good, path);
    }

    /** The same diagnostic with another severity. */
    public Diagnostic withSeverity(Severity s) {
        return new Diagnostic(s, code, message, good, path);
    }

    public boolean isError() { return severity == Severity.ERROR; }
}
