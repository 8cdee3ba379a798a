package dev.origin.core.rules;

import static dev.origin.core.rules.RuleSyntaxException.BAD_DATE;
import static dev.origin.core.rules.RuleSyntaxException.BAD_HS;
import static dev.origin.core.rules.RuleSyntaxException.BAD_NUMBER;
import static dev.origin.core.rules.RuleSyntaxException.RULE_SYNTAX;
import static dev.origin.core.rules.RuleSyntaxException.UNKNOWN_PARAM;

import dev.origin.core.hs.HsPrefix;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The compact text syntax of rules of origin, written to read close to the legal text:
 * <pre>
 * CTH except from 8708.50, 8708.60; and RVC(NC) &gt;= 50
 * CC or (from 87.08 and RVC(NC) &gt;= 50)
 * NCR and RVC(NC) &gt;= [66 @2020-07-01, 69 @2021-07-01, 72 @2022-07-01, 75 @2023-07-01]
 * RVC(either) &gt;= ${min}
 * </pre>
 * Grammar (keywords are case-insensitive, whitespace and line breaks are free):
 * <pre>
 * expr      := andExpr ( ('or' | ';' 'or') andExpr )*
 * andExpr   := atom ( ('and' | ';' 'and' | ';') atom )*        -- a bare ';' also means "and"
 * atom      := '(' expr ')' | shift | rvc | 'WO' | 'wholly-obtained' | 'NCR' | 'no-change'
 *            | 'NATIONAL' '(' country ')' '&gt;=' threshold                -- national content, e.g. NATIONAL(US) &gt;= 50
 *            | 'CORE-PARTS' '(' 'NC' '&gt;=' threshold [',' 'TV' '&gt;=' threshold] ')'
 *            | 'LVC' '&gt;=' threshold '(' 'HWMME' '&gt;=' threshold ')'
 *            | ('STEEL' | 'ALUMINUM') '&gt;=' threshold
 *            | 'RVC' '(' 'NC+IP' ')' '&gt;=' threshold                     -- RVC counting intangibles
 *            | ('GOOD' | 'PROCESS') '"' text '"'                          -- a fact the case file must state
 * shift     := level ['from' hsList] [exception]
 *            | 'from' hsList [exception]                      -- no level: only the listed provisions
 * exception := 'except' ['from'] (hsList [[';'] 'or' counted] | counted)
 * counted   := 'more' 'than' 'one' 'of' group (',' group)+   -- materials from at most one group (entry) may be
 *                                                              -- used, e.g. CTH except from more than one of
 *                                                              -- [8413.50, 8413.60], [8466.93.10], [8537.10]
 * group     := '[' hs (',' hs)* ']'
 * level     := 'CC' | 'CTH' | 'CTSH' | 'CTI'                           -- CTI: 8-digit tariff item
 * rvc       := 'RVC' '(' ('NC' | 'TV' | 'either') ')' '&gt;=' threshold
 * threshold := number | param | '[' step (',' step)* ']'
 * step      := (number | param) ['@' ['FY'] YYYY-MM-DD]        -- from that date; with FY, from the
 *                                                              -- producer's fiscal year beginning closest to it
 * param     := '${' name '}'                                   -- looked up in the parameter map
 * hsList    := hsEntry (',' hsEntry)*
 * hsEntry   := hs ['"' text '"']                               -- 87, 87.08, 8708, 8708.50, 870850, 8708.99.14; with a
 *                                                              -- quoted description, only the materials of hs that the
 *                                                              -- case file states are of that kind, e.g.
 *                                                              -- CTH except from 9030.90 "printed circuit assemblies"
 * </pre>
 * {@code and} binds tighter than {@code or}. A group of one collapses to its element; parenthesised
 * groups stay nested. Percentages are exact decimals from 0 to 100 and keep the scale as written
 * ({@code 62.50} stays {@code 62.50}). In a stepped threshold only the first step may omit its date and
 * the dates must increase. Parsed rules have no ids and no citations.
 */
public final class RuleSyntax {

    private static final Pattern HS = Pattern.compile("(\\d\\d){1,5}|\\d\\d\\.\\d\\d|\\d{4}(\\.\\d\\d){1,3}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d\\d-\\d\\d");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** How deep parentheses may nest in a rule (docs/errors.md, {@code TOO_DEEP}); deeper text is refused, not recursed into. */
    public static final int MAX_DEPTH = 64;

    private RuleSyntax() {}

    /** Parses a rule that uses no {@code ${name}} parameters. */
    public static Rule parse(String text) {
        return parse(text, Map.of());
    }

    /**
     * Parses a rule, resolving each {@code ${name}} to {@code params.get(name)}.
     *
     * @throws RuleSyntaxException at the first error in the text
     */
    public static Rule parse(String text, Map<String, BigDecimal> params) {
        Parser p = new Parser(lex(Objects.requireNonNull(text, "text")), Objects.requireNonNull(params, "params"));
        Rule rule = p.expr();
        if (p.peek().kind != Kind.END) throw p.syntax("Expected `and`, `or` or the end of the rule", p.peek());
        return rule;
    }

    /**
     * Canonical text of a rule, e.g. {@code CTH except from 8708.50 and RVC(NC) >= 50}, with
     * parentheses only where needed. Ids and citations are not written. For every rule that
     * {@link #parse} can return, {@code parse(format(rule))} equals it; a group of one is written as
     * its element.
     *
     * @throws IllegalArgumentException for an empty group, which has no text form
     */
    public static String format(Rule rule) {
        return format(rule, Ctx.TOP);
    }

    // ---------------------------------------------------------------- formatting

    private enum Ctx { TOP, OR, AND }

    private static String format(Rule rule, Ctx ctx) {
        if (rule instanceof Rule.AllOf all) return group(all.rules(), " and ", Ctx.AND, ctx, ctx == Ctx.AND);
        if (rule instanceof Rule.AnyOf any) return group(any.rules(), " or ", Ctx.OR, ctx, ctx != Ctx.TOP);
        if (rule instanceof Rule.WhollyObtained) return "WO";
        if (rule instanceof Rule.NoChangeRequired) return "NCR";
        if (rule instanceof Rule.NationalContent n) return "NATIONAL(" + n.country() + ") >= " + format(n.min());
        if (rule instanceof Rule.CoreParts c) {
            return "CORE-PARTS(NC >= " + format(c.ncMin()) + (c.tvMin() == null ? "" : ", TV >= " + format(c.tvMin())) + ")";
        }
        if (rule instanceof Rule.Lvc l) return "LVC >= " + format(l.min()) + " (HWMME >= " + format(l.hwmmeMin()) + ")";
        if (rule instanceof Rule.MetalPurchases m) return (m.metal() == Rule.Metal.STEEL ? "STEEL" : "ALUMINUM") + " >= " + format(m.min());
        if (rule instanceof Rule.Intangibles i) return "RVC(NC+IP) >= " + format(i.min());
        if (rule instanceof Rule.Condition c) return c.condition().name() + " \"" + c.text() + "\"";
        if (rule instanceof Rule.Rvc rvc) {
            String method = rvc.method() == RvcMethod.EITHER ? "either" : rvc.method().name();
            return "RVC(" + method + ") >= " + format(rvc.min());
        }
        Rule.TariffShift shift = (Rule.TariffShift) rule;
        List<String> parts = new ArrayList<>();
        if (shift.level() != null) parts.add(shift.level().name());
        if (!shift.from().isEmpty() || !shift.fromDescribed().isEmpty()) {
            parts.add("from " + hsList(shift.from(), shift.fromDescribed()));
        }
        boolean listed = !shift.except().isEmpty() || !shift.exceptDescribed().isEmpty();
        if (listed) parts.add("except from " + hsList(shift.except(), shift.exceptDescribed()));
        if (!shift.atMostOneOf().isEmpty()) {
            parts.add((listed ? "or" : "except from") + " more than one of " + shift.atMostOneOf().stream()
                    .map(g -> g.stream().map(HsPrefix::toString).collect(Collectors.joining(", ", "[", "]")))
                    .collect(Collectors.joining(", ")));
        }
        return String.join(" ", parts);
    }

    private static String group(List<Rule> rules, String separator, Ctx inner, Ctx outer, boolean parens) {
        if (rules.isEmpty()) throw new IllegalArgumentException("an empty group of rules has no text form");
        if (rules.size() == 1) return format(rules.get(0), outer);
        String text = rules.stream().map(r -> format(r, inner)).collect(Collectors.joining(separator));
        return parens ? "(" + text + ")" : text;
    }

    /** The plain provisions, then the described ones ({@code 9030.90 "printed circuit assemblies"}). */
    private static String hsList(List<HsPrefix> list, List<Rule.Described> described) {
        List<String> items = new ArrayList<>();
        for (HsPrefix p : list) items.add(p.toString());
        for (Rule.Described d : described) items.add(d.prefix() + " \"" + d.description() + "\"");
        return String.join(", ", items);
    }

    private static String format(Threshold threshold) {
        if (threshold.isFixed()) return threshold.steps().get(0).percent().toPlainString();
        return threshold.steps().stream()
                .map(s -> s.percent().toPlainString() + (s.from() == null ? "" : " @" + (s.fiscalYear() ? "FY" : "") + s.from()))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    // ---------------------------------------------------------------- lexing

    private enum Kind { WORD, NUM, PARAM, SYM, STR, END }

    private record Token(Kind kind, String text, int line, int column) {
        boolean is(String word) {
            return (kind == Kind.WORD || kind == Kind.SYM) && text.equalsIgnoreCase(word);
        }

        String shown() {
            return kind == Kind.END ? "the end of the rule" : "`" + text + "`";
        }
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Splits the text into tokens; never fails (unknown characters become single-character tokens). */
    private static List<Token> lex(String s) {
        List<Token> tokens = new ArrayList<>();
        int n = s.length();
        int i = 0;
        int line = 1;
        int col = 1;
        int endLine = 1;
        int endCol = 1;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == n || s.charAt(i + 1) != '\n'))) {
                i++;
                line++;
                col = 1;
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                i++;
                col++;
                continue;
            }
            int start = i;
            Kind kind = Kind.SYM;
            if (Character.isLetter(c)) {
                kind = Kind.WORD;
                while (i < n && isWordChar(s.charAt(i))) i++;
            } else if (isDigit(c) || (c == '-' && i + 1 < n && isDigit(s.charAt(i + 1)))) {
                kind = Kind.NUM;
                i++;
                while (i < n && (isWordChar(s.charAt(i)) || s.charAt(i) == '.')) i++;
            } else if (s.startsWith("${", i)) {
                int j = i + 2;
                while (j < n && (isWordChar(s.charAt(j)) || s.charAt(j) == '.')) j++;
                if (j > i + 2 && j < n && s.charAt(j) == '}') {
                    kind = Kind.PARAM;
                    i = j + 1;
                } else {
                    i++;
                }
            } else if (c == '"' && s.indexOf('"', i + 1) > i) {
                kind = Kind.STR;
                i = s.indexOf('"', i + 1) + 1;
            } else if (s.startsWith(">=", i)) {
                i += 2;
            } else {
                i += Character.charCount(s.codePointAt(i));
            }
            tokens.add(new Token(kind, s.substring(start, i), line, col));
            col += i - start;
            endLine = line;
            endCol = col;
        }
        tokens.add(new Token(Kind.END, "", endLine, endCol));
        return tokens;
    }

    // ---------------------------------------------------------------- parsing

    private static final class Parser {
        private final List<Token> tokens;
        private final Map<String, BigDecimal> params;
        private int pos;
        private int depth;

        Parser(List<Token> tokens, Map<String, BigDecimal> params) {
            this.tokens = tokens;
            this.params = params;
        }

        Token peek() { return tokens.get(pos); }

        Token peekAfter() { return peekAt(1); }

        Token peekAt(int ahead) { return tokens.get(Math.min(pos + ahead, tokens.size() - 1)); }

        Token next() {
            Token t = tokens.get(pos);
            if (t.kind != Kind.END) pos++;
            return t;
        }

        boolean accept(String word) {
            if (!peek().is(word)) return false;
            pos++;
            return true;
        }

        void expect(String symbol) {
            if (!accept(symbol)) throw syntax("Expected `" + symbol + "`", peek());
        }

        RuleSyntaxException syntax(String expected, Token found) {
            return error(RULE_SYNTAX, expected + " but found " + found.shown(), found);
        }

        RuleSyntaxException error(String code, String reason, Token at) {
            return new RuleSyntaxException(code, reason, at.line, at.column);
        }

        Rule expr() {
            List<Rule> alternatives = new ArrayList<>(List.of(andExpr()));
            while (true) {
                if (peek().is(";") && peekAfter().is("or")) pos++;
                if (!accept("or")) break;
                alternatives.add(andExpr());
            }
            return alternatives.size() == 1 ? alternatives.get(0) : new Rule.AnyOf(null, alternatives, null);
        }

        Rule andExpr() {
            List<Rule> all = new ArrayList<>(List.of(atom()));
            while (true) {
                if (peek().is(";") && !peekAfter().is("or")) {
                    pos++;
                    accept("and");
                } else if (!accept("and")) {
                    break;
                }
                all.add(atom());
            }
            return all.size() == 1 ? all.get(0) : new Rule.AllOf(null, all, null);
        }

        Rule atom() {
            Token t = peek();
            if (accept("(")) {
                if (++depth > MAX_DEPTH) {
                    throw error(RuleSyntaxException.TOO_DEEP, "The rule nests parentheses more than " + MAX_DEPTH + " levels deep", t);
                }
                Rule inner = expr();
                if (!accept(")")) throw syntax("Expected `and`, `or` or `)`", peek());
                depth--;
                return inner;
            }
            for (ShiftLevel level : ShiftLevel.values()) {
                if (accept(level.name())) return shift(level);
            }
            if (t.is("from")) return shift(null);
            if (accept("RVC")) return rvc();
            if (peek().is("GOOD") || peek().is("PROCESS")) {
                Rule.ConditionKind ck = next().is("GOOD") ? Rule.ConditionKind.GOOD : Rule.ConditionKind.PROCESS;
                Token q = next();
                if (q.kind != Kind.STR || q.text.length() < 3) throw syntax("Expected a quoted description", q);
                return new Rule.Condition(null, ck, q.text.substring(1, q.text.length() - 1), null);
            }
            if (accept("NATIONAL")) {
                expect("(");
                Token c = next();
                if (c.kind != Kind.WORD || !c.text.matches("[A-Za-z]{2}")) throw syntax("Expected a two-letter country code", c);
                expect(")");
                expect(">=");
                return new Rule.NationalContent(null, c.text.toUpperCase(java.util.Locale.ROOT), threshold(), null);
            }
            if (accept("CORE-PARTS")) {
                expect("(");
                expect("NC");
                expect(">=");
                Threshold nc = threshold();
                Threshold tv = null;
                if (accept(",")) {
                    expect("TV");
                    expect(">=");
                    tv = threshold();
                }
                expect(")");
                return new Rule.CoreParts(null, nc, tv, null);
            }
            if (accept("LVC")) {
                expect(">=");
                Threshold total = threshold();
                expect("(");
                expect("HWMME");
                expect(">=");
                Threshold hw = threshold();
                expect(")");
                return new Rule.Lvc(null, total, hw, null);
            }
            if (accept("STEEL")) {
                expect(">=");
                return new Rule.MetalPurchases(null, Rule.Metal.STEEL, threshold(), null);
            }
            if (accept("ALUMINUM") || accept("ALUMINIUM")) {
                expect(">=");
                return new Rule.MetalPurchases(null, Rule.Metal.ALUMINUM, threshold(), null);
            }
            if (accept("WO") || accept("wholly-obtained")) return new Rule.WhollyObtained(null, null);
            if (accept("NCR") || accept("no-change")) return new Rule.NoChangeRequired(null, null);
            throw syntax("Expected a rule such as `CC`, `CTH`, `CTSH`, `from`, `RVC`, `WO`, `NCR`, `NATIONAL`, "
                    + "`CORE-PARTS`, `LVC`, `STEEL`, `ALUMINUM` or `(`", t);
        }

        Rule shift(ShiftLevel level) {
            List<HsPrefix> from = new ArrayList<>();
            List<Rule.Described> fromDescribed = new ArrayList<>();
            List<HsPrefix> except = new ArrayList<>();
            List<Rule.Described> exceptDescribed = new ArrayList<>();
            if (accept("from")) hsList(from, fromDescribed);
            List<List<HsPrefix>> counted = List.of();
            if (accept("except")) {
                accept("from");
                if (peek().is("more")) {
                    counted = counted();
                } else {
                    hsList(except, exceptDescribed);
                    int skip = peek().is(";") ? 1 : 0;                 // "; or" is "or" here too
                    if (peekAt(skip).is("or") && peekAt(skip + 1).is("more")) {
                        pos += skip + 1;
                        counted = counted();
                    }
                }
            }
            return new Rule.TariffShift(null, level, from, except, fromDescribed, exceptDescribed, counted, null);
        }

        /** Reads {@code more than one of [hs, ...], [hs, ...]}: the groups (entries) of counted materials. */
        List<List<HsPrefix>> counted() {
            expect("more");
            expect("than");
            expect("one");
            expect("of");
            List<List<HsPrefix>> groups = new ArrayList<>();
            do {
                expect("[");
                List<HsPrefix> group = new ArrayList<>();
                do {
                    group.add(hs(next()));
                } while (accept(","));
                if (!accept("]")) throw syntax("Expected `,` or `]`", peek());
                groups.add(group);
            } while (peek().is(",") && peekAfter().is("[") && accept(","));
            if (groups.size() < 2) throw syntax("Expected `,` and a second group `[...]`", peek());
            return groups;
        }

        HsPrefix hs(Token t) {
            if (t.kind != Kind.NUM) throw syntax("Expected an HS chapter, heading or subheading", t);
            if (!HS.matcher(t.text).matches()) {
                throw error(BAD_HS, t.shown() + " is not an HS chapter, heading, subheading or tariff item", t);
            }
            return HsPrefix.parse(t.text);
        }

        /** Reads an hsList: plain provisions into {@code plain}, those with a quoted description into {@code described}. */
        void hsList(List<HsPrefix> plain, List<Rule.Described> described) {
            do {
                HsPrefix prefix = hs(next());
                if (peek().kind == Kind.STR) {
                    Token q = next();
                    String text = q.text.substring(1, q.text.length() - 1);
                    if (text.isBlank()) throw syntax("Expected a description inside the quotes", q);
                    described.add(new Rule.Described(prefix, text));
                } else {
                    plain.add(prefix);
                }
            } while (accept(","));
        }

        Rule rvc() {
            expect("(");
            Token m = next();
            RvcMethod method;
            if (m.is("NC") && peek().is("+")) {
                next();
                Token ip = next();
                if (!ip.is("IP")) throw syntax("Expected `IP`", ip);
                expect(")");
                expect(">=");
                return new Rule.Intangibles(null, threshold(), null);
            }
            if (m.is("NC")) method = RvcMethod.NC;
            else if (m.is("TV")) method = RvcMethod.TV;
            else if (m.is("either")) method = RvcMethod.EITHER;
            else throw syntax("Expected `NC`, `TV` or `either`", m);
            expect(")");
            expect(">=");
            return new Rule.Rvc(null, method, threshold(), null);
        }

        Threshold threshold() {
            if (!accept("[")) return Threshold.of(percent("Expected a percentage, a `${name}` parameter or `[`"));
            List<Threshold.Step> steps = new ArrayList<>();
            do {
                BigDecimal percent = percent("Expected a percentage or a `${name}` parameter");
                LocalDate from = null;
                boolean fiscal = false;
                if (accept("@")) {
                    fiscal = peek().kind == Kind.WORD && peek().text.regionMatches(true, 0, "FY", 0, 2);
                    from = date(steps.isEmpty() ? null : steps.get(steps.size() - 1).from());
                } else if (!steps.isEmpty()) {
                    throw syntax("Expected `@` and a date, since only the first step may omit its date,", peek());
                }
                steps.add(new Threshold.Step(from, percent, fiscal));
            } while (accept(","));
            if (!accept("]")) throw syntax("Expected `,` or `]`", peek());
            return new Threshold(steps);
        }

        BigDecimal percent(String expected) {
            Token t = next();
            if (t.kind == Kind.PARAM) {
                String name = t.text.substring(2, t.text.length() - 1);
                BigDecimal value = params.get(name);
                if (value == null) throw error(UNKNOWN_PARAM, "Unknown parameter " + t.shown(), t);
                if (value.signum() < 0 || value.compareTo(HUNDRED) > 0) {
                    throw error(BAD_NUMBER, "Parameter " + t.shown() + " is " + value.toPlainString()
                            + ", which is not a percentage from 0 to 100", t);
                }
                return value;
            }
            if (t.kind != Kind.NUM) throw syntax(expected, t);
            if (!NUMBER.matcher(t.text).matches()) throw error(BAD_NUMBER, t.shown() + " is not a number", t);
            BigDecimal value = new BigDecimal(t.text);
            if (t.text.startsWith("-") || value.compareTo(HUNDRED) > 0) {
                throw error(BAD_NUMBER, t.shown() + " is not a percentage from 0 to 100", t);
            }
            return value;
        }

        LocalDate date(LocalDate previous) {
            Token t = next();
            boolean fiscal = t.kind == Kind.WORD && t.text.regionMatches(true, 0, "FY", 0, 2);
            if (t.kind != Kind.NUM && !fiscal) throw syntax("Expected a date in the form YYYY-MM-DD", t);
            String text = fiscal ? t.text.substring(2) : t.text;
            LocalDate date;
            try {
                if (!DATE.matcher(text).matches()) throw new DateTimeParseException("shape", text, 0);
                date = LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw error(BAD_DATE, t.shown() + " is not a date in the form YYYY-MM-DD", t);
            }
            if (previous != null && !date.isAfter(previous)) {
                throw error(BAD_DATE, "The date " + t.shown() + " does not come after the previous step's date", t);
            }
            return date;
        }
    }
}
