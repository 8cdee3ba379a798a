package dev.origin.io;

/**
 * One problem found in an input file: a stable {@code code}, one plain sentence, and where it is
 * (file, 1-based line and column, field path such as {@code goods[0].materials[1].value}).
 */
public record Problem(String file, int line, int column, String path, String code, String message) {

    /** {@code file:line:column: CODE: message (at path)} */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file);
        if (line > 0) sb.append(':').append(line).append(':').append(column);
        sb.append(": ").append(code).append(": ").append(message);
        if (path != null && !path.isEmpty()) sb.append(" (at ").append(path).append(')');
        return sb.toString();
    }
}
