package dev.origin.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.RulePackReader;
import dev.origin.io.fleet.FleetReader;
import dev.origin.sim.AlternativeStaging;
import dev.origin.sim.Demand;
import dev.origin.sim.Simulator;
import dev.origin.sim.Sweep;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A simulation request (the JSON body of {@code POST /api/simulations}, or the simulator page's form) read into
 * a job's {@link Jobs.Spec}: the options of {@code origin simulate}, each checked as the command line checks
 * it, every problem reported at once with its field.
 */
final class Simulations {
    static final int MAX_DRAWS = 500;
    static final int MAX_SWEEP = 201;
    static final Set<String> FIELDS = Set.of("fleet", "regimes", "date", "params", "margin", "passThrough", "documentationCost", "elasticity",
            "marketElasticity", "alternativeStaging", "draws", "seed", "sweep", "jobs");

    private Simulations() {}

    static Jobs.Spec spec(JsonNode body, OriginServer server, List<Problem> problems) {
        for (Iterator<String> it = body.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) problems.add(OriginServer.problem(ErrorCode.UNKNOWN_FIELD, f, f));
        }
        // the fleet: the built-in sample, or a fleet file given inline ({"yaml": "..."}, {"json": "..."} or {"csv": "..."})
        Fleet fleet = null;
        dev.origin.io.fleet.FleetSources sources = null;
        boolean sample = false;
        JsonNode f = body.get("fleet");
        try {
            FleetReader.Located located = null;
            if (f == null || f.isNull() || (f.isTextual() && f.asText().equals("sample"))) {
                fleet = FleetReader.sample();
                sources = dev.origin.io.fleet.FleetSources.none("fleet");
                sample = true;
            } else if (f.isObject() && f.has("yaml")) {
                located = FleetReader.load(f.get("yaml").asText(), "fleet", true);
            } else if (f.isObject() && f.has("json")) {
                located = FleetReader.load(f.get("json").asText(), "fleet", false);
            } else if (f.isObject() && f.has("csv")) {
                located = FleetReader.loadCsv(f.get("csv").asText(), "fleet");
            } else {
                problems.add(OriginServer.problem(ErrorCode.BAD_VALUE, "fleet", f.toString(), "\"sample\", {\"yaml\": ...}, {\"json\": ...} or {\"csv\": ...}"));
            }
            if (located != null) {
                fleet = located.fleet();
                sources = located.sources();
            }
        } catch (InputException e) {
            problems.addAll(e.problems());
        }
        List<String> regimes = new ArrayList<>();
        JsonNode rs = body.get("regimes");
        if (rs == null || rs.isNull()) regimes.addAll(RulePackReader.BUILT_IN);
        else if (rs.isArray()) rs.forEach(r -> regimes.add(r.asText()));
        else regimes.addAll(Api.split(rs.asText()));
        if (regimes.isEmpty()) problems.add(OriginServer.problem(ErrorCode.EMPTY_VALUE, "regimes", "regimes"));
        LocalDate date = LocalDate.of(2023, 7, 1);
        if (body.hasNonNull("date")) {
            LocalDate d = Cases.date(body.get("date").asText(), "date", problems);
            if (d != null) date = d;
        }
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        JsonNode ps = body.get("params");
        if (ps != null && ps.isObject()) {
            ps.fields().forEachRemaining(e -> {
                Map<String, String> m = new LinkedHashMap<>();
                e.getValue().fields().forEachRemaining(p -> m.put(p.getKey(), p.getValue().asText()));
                overrides.put(e.getKey(), m);
            });
        }
        // as `origin simulate --param`: overrides of a regime neither simulated nor swept are a problem, not ignored
        List<String> known = new ArrayList<>(regimes);
        JsonNode swept = body.get("sweep");
        if (swept != null && swept.isObject() && RulePackReader.isBuiltIn(swept.path("pack").asText(""))) known.add(swept.get("pack").asText());
        for (String r : overrides.keySet()) {
            if (!known.contains(r)) problems.add(Problem.of(null, 0, 0, "params." + r, ErrorCode.Variant.NOT_AMONG_REGIMES_ASKED, r, String.join(", ", known)));
        }
        List<Regime> packs = new ArrayList<>();
        for (String r : regimes) {
            var ev = server.cases.evaluator(r, overrides.getOrDefault(r, Map.of()), "regimes", problems);
            if (ev != null) packs.add(ev.regime());
        }
        BigDecimal margin = number(body, "margin", "0", BigDecimal.ZERO, new BigDecimal("100"), problems);
        BigDecimal pass = number(body, "passThrough", "0.5", BigDecimal.ZERO, BigDecimal.ONE, problems);
        BigDecimal doc = number(body, "documentationCost", "0", BigDecimal.ZERO, new BigDecimal("100"), problems);
        BigDecimal el = number(body, "elasticity", "-3", new BigDecimal("-100"), BigDecimal.ZERO, problems);
        BigDecimal mel = number(body, "marketElasticity", "-1", new BigDecimal("-100"), BigDecimal.ZERO, problems);
        BigDecimal dr = number(body, "draws", "0", BigDecimal.ZERO, BigDecimal.valueOf(MAX_DRAWS), problems);
        int draws = dr == null ? 0 : dr.intValue();
        long seed = body.hasNonNull("seed") ? body.get("seed").asLong(1) : 1;
        boolean staging = body.hasNonNull("alternativeStaging") && body.get("alternativeStaging").asBoolean();
        Jobs.SweepSpec sweep = null;
        Map<String, String> sweepOverrides = Map.of();
        JsonNode sw = body.get("sweep");
        if (sw != null && !sw.isNull()) {
            String pack = sw.path("pack").asText("");
            String param = sw.path("param").asText("");
            BigDecimal from = number(sw, "from", null, BigDecimal.ZERO, new BigDecimal("100"), problems);
            BigDecimal to = number(sw, "to", null, BigDecimal.ZERO, new BigDecimal("100"), problems);
            BigDecimal step = number(sw, "step", null, new BigDecimal("0.01"), new BigDecimal("100"), problems);
            if (!RulePackReader.isBuiltIn(pack)) problems.add(Cases.notBuiltIn("sweep.pack", pack));
            if (param.isBlank()) problems.add(OriginServer.problem(ErrorCode.MISSING_FIELD, "sweep.param", "param"));
            if (from != null && to != null && step != null) {
                if (from.compareTo(to) > 0) problems.add(OriginServer.problem(ErrorCode.OUT_OF_RANGE, "sweep.from", from, 0, to));
                else {
                    List<BigDecimal> range = Sweep.range(from, to, step);
                    if (range.size() > MAX_SWEEP) {
                        problems.add(new Problem(null, 0, 0, "sweep", "BAD_SWEEP",
                                ErrorCode.Variant.SWEEP_TOO_LONG.message(from + ".." + to + "/" + step, range.size(), MAX_SWEEP)));
                    } else {
                        sweep = new Jobs.SweepSpec(pack, param, range);
                        sweepOverrides = overrides.getOrDefault(pack, Map.of());
                    }
                }
            }
        }
        if (!problems.isEmpty()) return null;
        Simulator.Settings settings = Simulator.Settings.defaults(date, server.cases.tariffs);
        settings = new Simulator.Settings(date, server.cases.tariffs, margin, pass, settings.jobsPerMillion())
                .withStaging(staging ? AlternativeStaging.published() : AlternativeStaging.NONE)
                .withDocumentationCost(doc)
                .withDemand(new Demand(el, mel));
        // the engine's errors in the models (as `origin simulate`): refused with their place in the fleet, before the job
        if (!sample) for (var x : new Simulator(settings).errors(fleet, packs)) problems.add(sources.locate(x));
        if (!problems.isEmpty()) return null;
        return new Jobs.Spec(fleet, sample, packs, settings, sweep, sweepOverrides, draws, seed);
    }

    /** A number field between {@code min} and {@code max}; {@code dflt} when absent (null: required). */
    static BigDecimal number(JsonNode body, String field, String dflt, BigDecimal min, BigDecimal max, List<Problem> problems) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            if (dflt == null) {
                problems.add(OriginServer.problem(ErrorCode.MISSING_FIELD, field, field));
                return null;
            }
            return new BigDecimal(dflt);
        }
        BigDecimal v;
        try {
            v = new BigDecimal(n.asText().strip());
        } catch (NumberFormatException e) {
            problems.add(OriginServer.problem(ErrorCode.BAD_NUMBER, field, n.asText()));
            return null;
        }
        if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
            problems.add(OriginServer.problem(ErrorCode.OUT_OF_RANGE, field, n.asText(), min.toPlainString(), max.toPlainString()));
            return null;
        }
        return v;
    }
}
