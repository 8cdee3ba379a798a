package dev.origin.cli;

import dev.origin.core.hs.HsCode;
import dev.origin.io.RulePackReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How the command line's values become typed fields. A converter rejects a value with {@link BadValue}:
 * picocli's conversion error with a stable code and one plain sentence naming the value in backticks,
 * which {@link Main} prints as {@code --option: CODE: sentence} (exit 2). Types used by several commands
 * ({@code LocalDate}, {@code HsCode}, the {@link Words}) are registered once in {@link Main#configure};
 * the others are named on their option.
 */
final class Converters {
    private Converters() {}

    /** A value its option does not take; {@code code} is the stable code of the problem. */
    static final class BadValue extends TypeConversionException {
        final String code;

        BadValue(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** {@code YYYY-MM-DD}. */
    static final class Date implements ITypeConverter<LocalDate> {
        @Override public LocalDate convert(String text) {
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                throw new BadValue("BAD_DATE", "`" + text + "` is not a date of the form YYYY-MM-DD.");
            }
        }
    }

    /** An HS code of 6, 8 or 10 digits, dots optional. */
    static final class Hs implements ITypeConverter<HsCode> {
        @Override public HsCode convert(String text) {
            if (!HsCode.isValid(text)) throw new BadValue("BAD_HS", "`" + text + "` is not an HS code of 6, 8 or 10 digits (e.g. `8708.40`).");
            return HsCode.parse(text);
        }
    }

    /** One of the words of a {@link Words} enum, exactly as its help lists them. */
    static final class Word<E extends Enum<E>> implements ITypeConverter<E> {
        private final Class<E> type;
        private final String code;

        Word(Class<E> type, String code) {
            this.type = type;
            this.code = code;
        }

        @Override public E convert(String text) {
            for (E e : type.getEnumConstants()) if (e.toString().equals(text)) return e;
            List<String> words = Arrays.stream(type.getEnumConstants()).map(Object::toString).toList();
            String last = words.get(words.size() - 1);
            String choices = words.size() == 1 ? last : String.join(", ", words.subList(0, words.size() - 1)) + " or " + last;
            throw new BadValue(code, "`" + text + "` is not " + choices + ".");
        }
    }

    /** The NAME of {@code --param NAME=VALUE} (which names a pack takes is the pack's to say). */
    static final class ParamName implements ITypeConverter<String> {
        @Override public String convert(String text) {
            String name = text.strip();
            if (name.isEmpty()) throw new BadValue("BAD_PARAM", "A parameter needs a name before `=`, as in `min=70`.");
            return name;
        }
    }

    /** The VALUE of {@code --param NAME=VALUE}: a number or a word. */
    static final class ParamValue implements ITypeConverter<String> {
        @Override public String convert(String text) {
            String value = text.strip();
            if (value.isEmpty()) throw new BadValue("BAD_PARAM", "A parameter needs a value after `=`, as in `min=70`.");
            if (!value.matches("[A-Za-z0-9.\\-]+")) {
                throw new BadValue("BAD_PARAM", "`" + text + "` is not a parameter value (letters, digits, `.` and `-`).");
            }
            return value;
        }
    }

    /** The REGIME:NAME of {@code --param REGIME:NAME=VALUE}. */
    static final class RegimeParamName implements ITypeConverter<CompareCommand.RegimeParam> {
        @Override public CompareCommand.RegimeParam convert(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0 || colon == text.length() - 1) {
                throw new BadValue("BAD_PARAM", "`" + text + "` is not of the form REGIME:NAME (as in `us-proposal-2017:min=75`).");
            }
            return new CompareCommand.RegimeParam(text.substring(0, colon), text.substring(colon + 1));
        }
    }

    /** A number of zero or more. */
    static final class NonNegative implements ITypeConverter<BigDecimal> {
        @Override public BigDecimal convert(String text) {
            BigDecimal d = number(text);
            if (d.signum() < 0) throw new BadValue("BAD_PARAM", "`" + text + "` is negative.");
            return d;
        }
    }

    /** A number of zero or less (an elasticity of demand). */
    static final class NonPositive implements ITypeConverter<BigDecimal> {
        @Override public BigDecimal convert(String text) {
            BigDecimal d = number(text);
            if (d.signum() > 0) throw new BadValue("BAD_PARAM", "`" + text + "` is positive; an elasticity of demand is 0 or negative.");
            return d;
        }
    }

    /** A count of zero or more. */
    static final class Count implements ITypeConverter<Integer> {
        @Override public Integer convert(String text) {
            try {
                int n = Integer.parseInt(text.strip());
                if (n >= 0) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new BadValue("BAD_PARAM", "`" + text + "` is not a whole number of zero or more.");
        }
    }

    /** A share from 0 to 1. */
    static final class Share implements ITypeConverter<BigDecimal> {
        @Override public BigDecimal convert(String text) {
            BigDecimal d = number(text);
            if (d.signum() < 0 || d.compareTo(BigDecimal.ONE) > 0) throw new BadValue("BAD_PARAM", "`" + text + "` is not a share between 0 and 1.");
            return d;
        }
    }

    /** A number of lines, 1 or more. */
    static final class Lines implements ITypeConverter<Integer> {
        @Override public Integer convert(String text) {
            try {
                int n = Integer.parseInt(text.strip());
                if (n >= 1) return n;
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new BadValue("BAD_LIMIT", "`" + text + "` is not a positive number of lines.");
        }
    }

    /** The country of a {@code --jobs} entry. */
    static final class JobsCountry implements ITypeConverter<String> {
        static final List<String> COUNTRIES = List.of("US", "CA", "MX", "ROW");

        @Override public String convert(String text) {
            if (!COUNTRIES.contains(text)) throw new BadValue("BAD_PARAM", "`" + text + "` is not US, CA, MX or ROW.");
            return text;
        }
    }

    /** {@code PACK:PARAM=FROM..TO/STEP}, a step above zero. */
    static final class Sweep implements ITypeConverter<SimulateCommand.SweepSpec> {
        /** The most thresholds a sweep runs (docs/cli.md). */
        static final int MAX_POINTS = 201;
        private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
        private static final Pattern FORM = Pattern.compile("([^:]+):([^=]+)=" + NUMBER + "\\.\\." + NUMBER + "/" + NUMBER);

        @Override public SimulateCommand.SweepSpec convert(String text) {
            Matcher m = FORM.matcher(text);
            if (text.length() > 200 || !m.matches() || new BigDecimal(m.group(5)).signum() <= 0) {
                throw new BadValue("BAD_SWEEP", "`" + dev.origin.io.Fields.shown(text) + "` is not of the form PACK:PARAM=FROM..TO/STEP.");
            }
            BigDecimal from = new BigDecimal(m.group(3));
            BigDecimal to = new BigDecimal(m.group(4));
            BigDecimal step = new BigDecimal(m.group(5));
            // counted before any work: a tiny step would otherwise run for minutes (docs/cli.md)
            BigDecimal points = to.compareTo(from) < 0 ? BigDecimal.ZERO
                    : to.subtract(from).divide(step, 0, java.math.RoundingMode.FLOOR).add(BigDecimal.ONE);
            if (points.compareTo(BigDecimal.valueOf(MAX_POINTS)) > 0) {
                throw new BadValue("BAD_SWEEP", dev.origin.core.engine.ErrorCode.Variant.SWEEP_TOO_LONG.message(text, points.toPlainString(), MAX_POINTS));
            }
            return new SimulateCommand.SweepSpec(m.group(1), m.group(2), from, to, step);
        }
    }

    /**
     * One maker's alternative staging approval, overriding the data file's: {@code MAKER=FROM..UNTIL} (ISO dates) approves
     * the maker for that period, {@code MAKER=none} withdraws its approval (docs/simulation.md, "Mechanisms").
     */
    static final class Staging implements ITypeConverter<StagingOverride> {
        private static final Pattern FORM = Pattern.compile("([^=]+)=(?:(none)|([^.]+)\\.\\.(.+))");

        @Override public StagingOverride convert(String text) {
            Matcher m = FORM.matcher(text);
            if (text.length() > 200 || !m.matches() || m.group(1).isBlank()) {
                throw new BadValue("BAD_PARAM", "`" + dev.origin.io.Fields.shown(text)
                        + "` is not of the form MAKER=FROM..UNTIL or MAKER=none (as in `Honda=2020-07-01..2025-06-30`).");
            }
            String maker = m.group(1).strip();
            if (m.group(2) != null) return new StagingOverride(maker, null);
            Date dates = new Date();
            LocalDate from = dates.convert(m.group(3).strip());
            LocalDate until = dates.convert(m.group(4).strip());
            if (until.isBefore(from)) throw new BadValue("BAD_PARAM", "`" + text + "` ends before it starts.");
            return new StagingOverride(maker, new dev.origin.sim.AlternativeStaging.Period(from, until));
        }
    }

    /** A maker's alternative staging period ({@code null}: not approved), given with {@code --staging}. */
    record StagingOverride(String maker, dev.origin.sim.AlternativeStaging.Period period) {
        /** {@code base} with every override applied, in order. */
        static dev.origin.sim.AlternativeStaging apply(dev.origin.sim.AlternativeStaging base, java.util.List<StagingOverride> overrides) {
            for (StagingOverride o : overrides) base = base.with(o.maker(), o.period());
            return base;
        }

        /** A problem for each override naming a maker the fleet does not have (a typo would otherwise change nothing). */
        static void check(java.util.List<StagingOverride> overrides, dev.origin.core.fleet.Fleet fleet, java.util.List<dev.origin.io.Problem> problems) {
            java.util.Set<String> makers = new java.util.TreeSet<>();
            for (var mod : fleet.models()) if (mod.maker() != null) makers.add(mod.maker());
            for (StagingOverride o : overrides) {
                if (!makers.contains(o.maker())) {
                    problems.add(dev.origin.io.Problem.of("--staging", 0, 0, "", dev.origin.core.engine.ErrorCode.Variant.WORD_NOT_ALLOWED,
                            o.maker(), "a maker of the fleet", String.join(", ", makers)));
                }
            }
        }
    }

    /** The built-in regime ids, for the help of REGIME options ({@code ${COMPLETION-CANDIDATES}}) and shell completion. */
    static final class BuiltInRegimes implements Iterable<String> {
        @Override public Iterator<String> iterator() {
            return RulePackReader.BUILT_IN.iterator();
        }
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new BadValue("BAD_PARAM", "`" + text + "` is not a number.");
        }
    }
}
