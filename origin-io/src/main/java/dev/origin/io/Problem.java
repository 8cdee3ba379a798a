package dev.origin.io;

import dev.origin.core.engine.Diagnostic.Severity;
import dev.origin.core.engine.ErrorTemplate;

/**
 * One problem found in an input file, or one diagnostic of the evaluation placed in the file: a stable
 * {@code code} (see {@link dev.origin.core.engine.ErrorCode}), one plain sentence, and where it is (file,
 * 1-based line and column, field path such as {@code goods[0].materials[1].value}).
 *
 * @param good     the id of the good it concerns, or null (a problem of the whole file, or of a good without a readable id)
 * @param severity ERROR for every problem of reading; a located diagnostic keeps the diagnostic's severity
 */
public record Problem(String file, int line, int column, String path, String code, String message, String good, Severity severity) {

    /** A problem of reading (an error) that is not tied to a good. */
    public Problem(String file, int line, int column, String path, String code, String message) {
        this(file, line, column, path, code, message, null, Severity.ERROR);
    }

    /** A problem of reading whose message is {@code template} filled with {@code args}. */
    public static Problem of(String file, int line, int column, String path, ErrorTemplate template, Object... args) {
        return new Problem(file, line, column, path, template.code().name(), template.message(args));
    }

    /** The same problem, said to concern the good {@code id}. */
    public Problem forGood(String id) {
        return new Problem(file, line, column, path, code, message, id, severity);
    }

    public boolean isError() { return severity == Severity.ERROR; }

    /** {@code file:line:column: CODE: message (at path)}; a warning or a note says so before its code. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file);
        if (line > 0) sb.append(':').append(line).append(':').append(column);
        sb.append(": ");
        if (severity != Severity.ERROR) sb.append(severity.name().toLowerCase(java.util.Locale.ROOT)).append(": ");
        sb.append(code).append(": ").append(message);
        if (path != null && !path.isEmpty()) sb.append(" (at ").append(path).append(')');
        return sb.toString();
    }
}
