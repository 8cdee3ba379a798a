package dev.origin.server;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.regime.Regime;
import dev.origin.core.tariff.TariffSchedule;
import dev.origin.io.CaseFile;
import dev.origin.io.CaseFileReader;
import dev.origin.io.CaseResults;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.RulePackReader;
import dev.origin.io.TariffReader;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import dev.origin.core.model.Good;

/**
 * Case files over HTTP: reading the file from a request (JSON or YAML body, or an uploaded file) with the
 * readers of the command line, so problems carry the same codes and locations; the options of
 * {@code origin qualify} as query parameters; and the evaluators, built once per regime and parameters.
 * Only built-in regimes are accepted: a rule-pack path would let a client read the server's files.
 */
final class Cases {
    /**
     * The material lines a case file sent to the server may expand to (goods named by {@code ref} counted at each use;
     * {@code TOO_LARGE}): a tenth of the command line's, since every line is evaluated with its trace and sent back.
     * Found by the HTTP fuzzer: 16 goods that each use the next twice (3 KB) took minutes and hundreds of MB to answer.
     */
    static final int MAX_MATERIAL_LINES = 10_000;
    /** Evaluators kept for this many regime-and-parameter combinations at most. */
    static final int MAX_CACHED = 256;
    final TariffSchedule tariffs = TariffReader.builtIn();
    private final Map<String, Evaluator> evaluators = new ConcurrentHashMap<>();

    /** The options of one evaluation: regime, date (null: each good's own, else today) and parameter overrides. */
    record Options(String regime, LocalDate date, Map<String, String> params) {}

    /** {@code ?regime=usmca&date=2023-07-01&param=min=70}: problems collected into {@code problems}. */
    static Options options(Context ctx, List<Problem> problems) {
        String regime = ctx.queryParam("regime");
        if (regime == null || regime.isBlank()) problems.add(new Problem(null, 0, 0, "regime", "MISSING_FIELD", ErrorCode.MISSING_FIELD.message("regime")));
        LocalDate date = date(ctx.queryParam("date"), "date", problems);
        Map<String, String> params = params(ctx.queryParams("param"), "param", problems);
        return new Options(regime, date, params);
    }

    static LocalDate date(String text, String where, List<Problem> problems) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(null, 0, 0, where, "BAD_DATE", ErrorCode.BAD_DATE.message(text)));
            return null;
        }
    }

    static Map<String, String> params(List<String> values, String where, List<Problem> problems) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String p : values) {
            int eq = p.indexOf('=');
            if (eq <= 0) problems.add(new Problem(null, 0, 0, where, "BAD_PARAM", "`" + p + "` is not of the form NAME=VALUE."));
            else params.put(p.substring(0, eq).strip(), p.substring(eq + 1).strip());
        }
        return params;
    }

    /** {@code UNKNOWN_REGIME} for a regime that is not built in: the server reads no rule-pack file. */
    static Problem notBuiltIn(String where, String regime) {
        return Problem.of(null, 0, 0, where, ErrorCode.Variant.NOT_A_BUILT_IN_REGIME, regime, String.join(", ", RulePackReader.BUILT_IN));
    }

    /** The evaluator of a built-in regime with overrides; problems (unknown regime, bad parameter) collected. */
    Evaluator evaluator(String regime, Map<String, String> params, String where, List<Problem> problems) {
        if (regime == null) return null;
        if (!RulePackReader.isBuiltIn(regime)) {
            problems.add(notBuiltIn(where, regime));
            return null;
        }
        String key = regime + " " + new TreeMap<>(params);
        Evaluator ev = evaluators.get(key);
        if (ev != null) return ev;
        try {
            Regime r = RulePackReader.load(regime, params);
            ev = Evaluator.of(r, tariffs);
        } catch (InputException e) {
            for (Problem x : e.problems()) {
                problems.add(x.path().startsWith("params") && x.line() == 0 ? new Problem(null, 0, 0, where, x.code(), x.message()) : x);
            }
            return null;
        }
        if (evaluators.size() >= MAX_CACHED) evaluators.clear();
        evaluators.put(key, ev);
        return ev;
    }

    /**
     * The case file of the request: the body (JSON, or YAML by its content type) or the uploaded part
     * {@code file} of a form. The file's name in locations is the upload's name, else {@code request}.
     */
    static CaseFile read(Context ctx, List<Problem> problems) {
        String type = contentType(ctx);
        String name = "request";
        String text;
        boolean yaml;
        if (type.startsWith("multipart/form-data")) {
            UploadedFile f = ctx.uploadedFile("file");
            if (f == null) {
                String pasted = ctx.formParam("caseFile");
                if (pasted == null) throw ApiException.of(400, "file", ErrorCode.MISSING_FIELD, "file");
                text = pasted;
                yaml = !pasted.stripLeading().startsWith("{");
            } else {
                name = f.filename() == null || f.filename().isBlank() ? "upload" : f.filename();
                try (InputStream in = f.content()) {
                    text = utf8(in.readAllBytes(), name);
                } catch (IOException e) {
                    throw ApiException.of(400, "file", ErrorCode.UNREADABLE, name);
                }
                yaml = name.toLowerCase(Locale.ROOT).endsWith(".yaml") || name.toLowerCase(Locale.ROOT).endsWith(".yml");
            }
        } else if (type.startsWith("application/x-www-form-urlencoded")) {
            text = ctx.formParam("caseFile");
            if (text == null) throw ApiException.of(400, "caseFile", ErrorCode.MISSING_FIELD, "caseFile");
            yaml = !text.stripLeading().startsWith("{");
        } else if (type.startsWith("application/json")) {
            text = utf8(ctx.bodyAsBytes(), name);
            yaml = false;
        } else if (type.startsWith("application/yaml") || type.startsWith("application/x-yaml") || type.startsWith("text/yaml")) {
            text = utf8(ctx.bodyAsBytes(), name);
            yaml = true;
        } else {
            throw ApiException.of(415, "Content-Type", ErrorCode.BAD_CONTENT_TYPE, type.isEmpty() ? "(none)" : type,
                    "application/json, application/yaml, multipart/form-data (part `file`)");
        }
        try {
            return CaseFileReader.load(text, name, yaml, MAX_MATERIAL_LINES);
        } catch (InputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    static String contentType(Context ctx) {
        String t = ctx.contentType();
        return t == null ? "" : t.toLowerCase(Locale.ROOT).strip();
    }

    /** The bytes as UTF-8 text; bytes that are not UTF-8 are a located problem, not garbage. */
    static String utf8(byte[] bytes, String name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ApiException(422, List.of(new Problem(name, 0, 0, "", "UNREADABLE", ErrorCode.UNREADABLE.message(name))));
        }
    }

    /** Each good evaluated under {@code evaluators} (one determination per regime), problems placed in the file. */
    static CaseResults evaluate(CaseFile file, List<Evaluator> evaluators, LocalDate date, boolean trace, java.util.function.Predicate<dev.origin.core.engine.Diagnostic> shown) {
        LocalDate today = LocalDate.now();
        Function<Good, List<Determination>> each = g -> {
            LocalDate d = date != null ? date : g.date() != null ? g.date() : today;
            List<Determination> row = new ArrayList<>();
            for (Evaluator ev : evaluators) row.add(ev.evaluate(g, d, trace));
            return row;
        };
        return CaseResults.of(file, each, shown);
    }
}
