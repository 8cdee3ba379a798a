package dev.origin.core.rules;

/**
 * A rule text that {@link RuleSyntax#parse} cannot read. The message is one plain sentence that names
 * the offending token in backticks and ends with its 1-based line and column within the rule text,
 * e.g. {@code Expected `and`, `or` or the end of the rule but found `RVCX` at line 1, column 12.}
 * Only the first error in the text is reported.
 */
public final class RuleSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Unexpected token or unexpected end of the rule. */
    public static final String RULE_SYNTAX = "RULE_SYNTAX";
    /** A {@code ${name}} parameter that is not in the parameter map. */
    public static final String UNKNOWN_PARAM = "UNKNOWN_PARAM";
    /** A number where an HS chapter, heading, subheading or tariff item was expected, but not one. */
    public static final String BAD_HS = "BAD_HS";
    /** A percentage that is not a plain decimal from 0 to 100. */
    public static final String BAD_NUMBER = "BAD_NUMBER";
    /** A date that is not a real YYYY-MM-DD date, or does not follow the previous step's date. */
    public static final String BAD_DATE = "BAD_DATE";

    /** Parentheses nested more than {@link RuleSyntax#MAX_DEPTH} levels deep. */
    public static final String TOO_DEEP = "TOO_DEEP";

    private final String code;
    private final String reason;
    private final int line;
    private final int column;

    /**
     * @param code   one of the stable codes above
     * @param reason the sentence without its location and final period
     * @param line   1-based line within the rule text
     * @param column 1-based column within that line
     */
    public RuleSyntaxException(String code, String reason, int line, int column) {
        super(reason + " at line " + line + ", column " + column + ".");
        this.code = code;
        this.reason = reason;
        this.line = line;
        this.column = column;
    }

    /** Stable error code: RULE_SYNTAX, UNKNOWN_PARAM, BAD_HS, BAD_NUMBER or BAD_DATE. */
    public String code() { return code; }

    /** The sentence without the location, for callers that report their own (e.g. a file position). */
    public String reason() { return reason; }

    /** 1-based line of the offending token within the rule text. */
    public int line() { return line; }

    /** 1-based column of the offending token within its line. */
    public int column() { return column; }
}
