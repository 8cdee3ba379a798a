package dev.origin.server;

/**
 * Escaping for HTML text and attribute values: every value that comes from a user, a file or the database is
 * written through {@link #esc}, so a part named {@code <script>} is shown, never run.
 */
public final class Html {
    private Html() {}

    /** {@code s} with {@code & < > " '} replaced by entities; null as the empty string. */
    public static String esc(Object s) {
        if (s == null) return "";
        String t = s.toString();
        StringBuilder sb = new StringBuilder(t.length() + 16);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** {@code s} as the body of a {@code <script type="application/json">} element: no {@code </} can close it. */
    public static String jsonInScript(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}
