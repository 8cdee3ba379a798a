package dev.origin.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import dev.origin.core.tariff.TariffSchedule;
import dev.origin.io.InputException;
import dev.origin.io.RulePackReader;
import dev.origin.sim.Simulator.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The simulator against what happened (issue 8): the fleet in every year with observed figures
 * ({@code observed.yaml}), 2019 under NAFTA and 2020-2023 under the USMCA as in force with the
 * alternative staging regime of the approved producers, each prediction computed from the model
 * decisions. A year is the average of its two halves: the USMCA thresholds step on 1 July, so year Y
 * is half the rules of 1 July Y-1 (or NAFTA, for 2020) and half those of 1 July Y. One simulator run
 * per (pack, date) serves every target.
 */
public final class Backtest {
    static final String RESOURCE = "/dev/origin/sim/observed.yaml";
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal HALF = new BigDecimal("0.5");
    static final BigDecimal BILLION = BigDecimal.valueOf(1_000_000_000L);
    private static final Set<String> PARTNERS = Set.of("CA", "MX");

    /** An observed figure; {@code observed} is a number or, for unit {@code direction}, up / down / flat. */
    public record Target(String name, int year, String observed, String unit, BigDecimal tolerance, boolean heldOut, String source) {
        public boolean isDirection() { return "direction".equals(unit); }
    }

    /**
     * A target and the model's prediction: {@code predicted} is a number, or up / down / flat, or null
     * when the model cannot say ({@code reason} says why).
     */
    public record Row(Target target, String predicted, String reason) {
        /** True when the prediction is within the tolerance (numbers) or has the observed sign (directions). */
        public boolean within() {
            if (predicted == null) return false;
            if (target.isDirection()) return predicted.equals(target.observed());
            return new BigDecimal(predicted).subtract(new BigDecimal(target.observed())).abs().compareTo(target.tolerance()) <= 0;
        }

        /** |predicted − observed| for numeric targets with a prediction, else null. */
        public BigDecimal error() {
            if (predicted == null || target.isDirection()) return null;
            return new BigDecimal(predicted).subtract(new BigDecimal(target.observed())).abs();
        }
    }

    /**
     * The backtest's free assumptions.
     *
     * @param documentationNafta mean documentation cost of a NAFTA claim, tariff equivalent in percent
     * @param documentationUsmca mean documentation cost of a USMCA claim, tariff equivalent in percent
     */
    public record Assumptions(BigDecimal documentationNafta, BigDecimal documentationUsmca) {
        /**
         * Fitted on the `calibrate` targets by {@link Calibration#fit} with the price-volume feedback on (docs/simulation.md,
         * "Calibration"); CalibrationTest re-runs the fit and checks these values.
         */
        public static Assumptions calibrated() {
            return new Assumptions(new BigDecimal("1.2565"), new BigDecimal("1.3655"));
        }

        /** The mean documentation cost of a claim under {@code pack}. */
        public BigDecimal documentation(String pack) {
            return pack.equals("nafta") ? documentationNafta : documentationUsmca;
        }
    }

    /** The observed targets of the repository's data file, in file order. */
    public static List<Target> observed() {
        try (InputStream in = Backtest.class.getResourceAsStream(RESOURCE)) {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(in);
            List<Target> out = new ArrayList<>();
            for (JsonNode t : root.get("targets")) {
                out.add(new Target(t.get("name").asText(), t.get("year").asInt(), t.get("observed").asText(), t.get("unit").asText(),
                        t.hasNonNull("tolerance") ? new BigDecimal(t.get("tolerance").asText()) : null,
                        "hold-out".equals(t.get("use").asText()), t.get("source").asText()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(RESOURCE, e);
        }
    }

    private final Fleet fleet;
    private final Simulator.Settings base;
    private final Assumptions assumptions;
    private final Map<String, Regime> packs;
    private final Map<String, List<Decision>> runs = new LinkedHashMap<>();
    private final EngineCache cache;
    private final AlternativeStaging staging;

    /** {@code base} gives the tariffs and the other simulator settings; date, staging and documentation cost are set per run. */
    public Backtest(Fleet fleet, Simulator.Settings base, Assumptions assumptions) {
        this(fleet, base, assumptions, new EngineCache(), new LinkedHashMap<>());
    }

    /**
     * The same, sharing the engine's results and the loaded packs with other backtests of the same fleet and tariffs
     * (the calibration runs the backtest many times with other documentation costs; the goods do not change).
     */
    Backtest(Fleet fleet, Simulator.Settings base, Assumptions assumptions, EngineCache cache, Map<String, Regime> packs) {
        this(fleet, base, assumptions, cache, packs, AlternativeStaging.published());
    }

    private Backtest(Fleet fleet, Simulator.Settings base, Assumptions assumptions, EngineCache cache, Map<String, Regime> packs,
                     AlternativeStaging staging) {
        this.staging = staging;
        this.fleet = fleet;
        this.base = base;
        this.assumptions = assumptions;
        this.cache = cache;
        this.packs = packs;
    }

    /** The same fleet, settings, engine results and packs with other assumptions. */
    Backtest with(Assumptions a) {
        return new Backtest(fleet, base, a, cache, packs, staging);
    }

    /**
     * The same backtest with other alternative staging approvals in its USMCA runs (default: the data file's,
     * {@link AlternativeStaging#published()}); {@code origin backtest --staging} overrides them.
     */
    public Backtest withStaging(AlternativeStaging s) {
        return new Backtest(fleet, base, assumptions, cache, packs, s);
    }

    public Backtest(Fleet fleet, TariffSchedule tariffs) {
        this(fleet, Simulator.Settings.defaults(LocalDate.of(2023, 7, 1), tariffs), Assumptions.calibrated());
    }

    /** The decisions of one simulator run of {@code pack} on {@code date} (cached). */
    public List<Decision> decisions(String pack, LocalDate date) {
        return runs.computeIfAbsent(pack + "@" + date, k -> {
            Regime r = pack(pack);
            boolean nafta = pack.equals("nafta");
            Simulator.Settings s = base.withDate(date)
                    .withStaging(nafta ? AlternativeStaging.NONE : staging)
                    .withDocumentationCost(assumptions.documentation(pack));
            return new Simulator(s, cache).run(fleet, List.of(r), null).get(r.id());
        });
    }

    private Regime pack(String pack) {
        synchronized (packs) {
            return packs.computeIfAbsent(pack, p -> {
                try {
                    return RulePackReader.load(p, Map.of());
                } catch (InputException e) {
                    throw new IllegalStateException("built-in pack " + p, e);
                }
            });
        }
    }

    /** One half-year of the rules in force: a pack, the date whose thresholds apply, the weight in the year. */
    record Half(String pack, LocalDate date, BigDecimal weight) {}

    /** The rules in force in year {@code y}, as two halves (docs/simulation.md, "Backtest"). */
    static List<Half> inForce(int y) {
        if (y <= 2019) return List.of(new Half("nafta", LocalDate.of(y, 7, 1), BigDecimal.ONE));
        if (y == 2020) return List.of(new Half("nafta", LocalDate.of(2020, 1, 1), HALF), new Half("usmca", LocalDate.of(2020, 7, 1), HALF));
        return List.of(new Half("usmca", LocalDate.of(y - 1, 7, 1), HALF), new Half("usmca", LocalDate.of(y, 7, 1), HALF));
    }

    /** A figure of the year: the weighted average of the figure over its halves. */
    BigDecimal ofYear(int y, Function<List<Decision>, BigDecimal> figure) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Half h : inForce(y)) sum = sum.add(figure.apply(decisions(h.pack(), h.date())).multiply(h.weight()));
        return sum;
    }

    /** The USMCA (year {@code y}, as in force on 1 July) minus the NAFTA counterfactual of the same date. */
    BigDecimal effect(int y, Function<List<Decision>, BigDecimal> figure) {
        LocalDate d = LocalDate.of(y, 7, 1);
        return figure.apply(decisions("usmca", d)).subtract(figure.apply(decisions("nafta", d)));
    }

    // ---- figures of one run, each a sum over decisions ------------------------------------------------

    /** Value per year of US vehicle imports from Canada and Mexico, and the part of it that paid duty. */
    static BigDecimal[] usImports(List<Decision> ds, String from) {
        BigDecimal all = BigDecimal.ZERO, paid = BigDecimal.ZERO;
        for (Decision d : ds) {
            Fleet.Model m = d.model();
            if (!(from == null ? PARTNERS.contains(m.country()) : from.equals(m.country()))) continue;
            BigDecimal v = m.price().multiply(BigDecimal.valueOf(m.volumes().getOrDefault("US", 0L)));
            all = all.add(v);
            paid = paid.add(v.multiply(d.paidShare("US")));
        }
        return new BigDecimal[] {all, paid};
    }

    static BigDecimal dutyPaidShare(List<Decision> ds, String from) {
        BigDecimal[] v = usImports(ds, from);
        return v[0].signum() == 0 ? BigDecimal.ZERO : v[1].multiply(HUNDRED).divide(v[0], 6, RoundingMode.HALF_UP);
    }

    static BigDecimal usDuty(List<Decision> ds) {
        BigDecimal t = BigDecimal.ZERO;
        for (Decision d : ds) t = t.add(d.dutyPaid().getOrDefault("US", BigDecimal.ZERO));
        return t;
    }

    /** Parts purchases of US-assembled models by bucket, under the choices. */
    static BigDecimal usAssemblyPurchases(List<Decision> ds, Set<String> buckets) {
        BigDecimal t = BigDecimal.ZERO;
        for (Decision d : ds) {
            if (!d.model().country().equals("US")) continue;
            for (String b : buckets) t = t.add(d.purchasesAfter().getOrDefault(b, BigDecimal.ZERO));
        }
        return t;
    }

    static BigDecimal usPartsPurchases(List<Decision> ds) {
        BigDecimal t = BigDecimal.ZERO;
        for (Decision d : ds) t = t.add(d.purchasesAfter().getOrDefault("US", BigDecimal.ZERO));
        return t;
    }

    /** Re-sourcing and documentation cost of US-assembled models per year. */
    static BigDecimal usProductionCost(List<Decision> ds) {
        BigDecimal t = BigDecimal.ZERO;
        for (Decision d : ds) if (d.model().country().equals("US")) t = t.add(d.complianceCost()).add(d.documentationCost());
        return t;
    }

    /** Compliance, documentation and duty per year over the value of all vehicles (the price effect before pass-through). */
    static BigDecimal costPerValue(List<Decision> ds) {
        BigDecimal cost = BigDecimal.ZERO, value = BigDecimal.ZERO;
        for (Decision d : ds) {
            cost = cost.add(d.complianceCost()).add(d.documentationCost()).add(d.tariffsPaid());
            value = value.add(d.model().price().multiply(BigDecimal.valueOf(d.model().totalVolume())));
        }
        return cost.multiply(HUNDRED).divide(value, 8, RoundingMode.HALF_UP);
    }

    static String sign(BigDecimal v) {
        int s = v.setScale(2, RoundingMode.HALF_UP).signum();
        return s > 0 ? "up" : s < 0 ? "down" : "flat";
    }

    static String number(BigDecimal v, int scale) {
        return v.setScale(scale, RoundingMode.HALF_UP).toPlainString();
    }

    /** Every observed target with the model's prediction, in file order. */
    public List<Row> run() {
        List<Row> out = new ArrayList<>();
        for (Target t : observed()) out.add(predict(t));
        return out;
    }

    /** The prediction for one target, or a null prediction with the reason the model cannot make it. */
    public Row predict(Target t) {
        int y = t.year();
        return switch (t.name()) {
            case "vehicles-duty-paid-share" -> new Row(t, number(ofYear(y, ds -> dutyPaidShare(ds, null)), 2), null);
            case "vehicles-duty-paid-value" -> new Row(t, number(ofYear(y, ds -> usImports(ds, null)[1]).divide(BILLION), 3),
                    "sample fleet: 14 Canadian and Mexican car lines, not all US vehicle imports");
            case "auto-preference-share-canada" -> new Row(t, number(HUNDRED.subtract(ofYear(y, ds -> dutyPaidShare(ds, "CA"))), 1),
                    "vehicles only; the source counts vehicles and parts");
            case "auto-preference-share-mexico" -> new Row(t, number(HUNDRED.subtract(ofYear(y, ds -> dutyPaidShare(ds, "MX"))), 1),
                    "vehicles only; the source counts vehicles and parts");
            case "auto-preference-share-direction" -> new Row(t, sign(effect(y, ds -> dutyPaidShare(ds, null)).negate()),
                    "sign of the USMCA-minus-NAFTA change of the vehicles' preference share");
            case "us-parts-employment-direction", "us-parts-production-direction" -> new Row(t, sign(effect(y, Backtest::usPartsPurchases)),
                    "sign of the USMCA-minus-NAFTA change of parts purchases from US plants (jobs are proportional)");
            case "us-parts-imports-direction" -> new Row(t, sign(effect(y, ds -> usAssemblyPurchases(ds, Set.of("CA", "MX", "ROW")))),
                    "sign of the USMCA-minus-NAFTA change of US assembly plants' parts purchases from outside the US");
            case "us-vehicle-cost-direction" -> new Row(t, sign(effect(y, Backtest::usProductionCost)),
                    "sign of the USMCA-minus-NAFTA change of re-sourcing and documentation cost of US-assembled models");
            case "average-price-direction" -> new Row(t, sign(effect(y, Backtest::costPerValue)),
                    "sign of the USMCA-minus-NAFTA change of (re-sourcing + documentation + duty) per value of vehicles");
            case "cbo-customs-duties" -> new Row(t, number(effect(y, Backtest::usDuty).divide(BILLION), 3),
                    "duty paid to the US on the sample fleet's vehicles, USMCA minus NAFTA, calendar year; CBO counts all goods, fiscal years");
            case "imports-from-ca-mx-direction" -> volumes(t, ds -> usImports(ds, null)[0],
                    "sign of the USMCA-minus-NAFTA change of the value of US imports of Canadian- and Mexican-built models (price-volume feedback)");
            case "imports-from-row-direction" -> volumes(t, Backtest::usImportsFromOutside,
                    "sign of the USMCA-minus-NAFTA change of the value of US imports of models built outside North America (price-volume feedback)");
            case "us-vehicle-production-direction" -> volumes(t, Backtest::usProduction,
                    "sign of the USMCA-minus-NAFTA change of the units of US-assembled models, all destinations (price-volume feedback)");
            case "parts-duty-paid-share", "parts-duty-paid-value" -> new Row(t, null,
                    "not modelled: the fleet's parts are bills-of-materials lines of vehicles, not traded goods with their own origin decision and duty");
            default -> new Row(t, null, "not modelled: no figure of the model corresponds");
        };
    }

    /**
     * Why a predicted target is outside its tolerance, from the model's own figures where they tell it; null when the
     * target is within it or not predicted. Misses are reported, never tuned (docs/simulation.md, "Validation").
     */
    public String missReason(Row r) {
        if (r.predicted() == null || r.within()) return null;
        Target t = r.target();
        return switch (t.name()) {
            case "vehicles-duty-paid-value" -> {
                BigDecimal sample = ofYear(t.year(), ds -> usImports(ds, null)[0]).divide(BILLION, 1, RoundingMode.HALF_UP);
                BigDecimal share = ofYear(t.year(), ds -> dutyPaidShare(ds, null));
                Row shareRow = run().stream().filter(x -> x.target().name().equals("vehicles-duty-paid-share") && x.target().year() == t.year())
                        .findFirst().orElse(null);
                String all = shareRow == null ? "" : "; the observed " + t.observed() + " B at " + shareRow.target().observed()
                        + " % implies US$" + new BigDecimal(t.observed()).multiply(HUNDRED).divide(new BigDecimal(shareRow.target().observed()), 0,
                                RoundingMode.HALF_UP) + " B of imports";
                yield "a scale, not a share: the sample's Canadian and Mexican car lines are US$" + sample + " B of US imports a year" + all
                        + " (the duty-paid share, " + share.setScale(2, RoundingMode.HALF_UP) + " %, is the comparable figure)";
            }
            case "auto-preference-share-mexico" -> "the source counts vehicles and parts; the model has vehicles only, and parts claim the"
                    + " preference less often (9.3 % of US parts imports from Canada and Mexico paid duty in 2019, USTR)";
            case "us-vehicle-production-direction" -> "in the model the rules cost a US-built model at most the duty on its shipments to Canada and Mexico"
                    + " (11.5 % of its US sales in the sample): it re-sources only when that is cheaper. So it gains share from Canadian and Mexican models, whose duty and costs rise"
                    + " more; the USITC's model raises the costs of all US production";
            default -> "outside the tolerance; no specific reason identified";
        };
    }

    /** A direction that only the price-volume feedback can move; without it the model cannot say. */
    private Row volumes(Target t, Function<List<Decision>, BigDecimal> figure, String how) {
        if (!base.demand().isActive()) return new Row(t, null, "not modelled: volumes are fixed (price-volume feedback off)");
        return new Row(t, sign(effect(t.year(), figure)), how);
    }

    /** Value per year of US imports of models assembled outside the territory. */
    static BigDecimal usImportsFromOutside(List<Decision> ds) {
        BigDecimal t = BigDecimal.ZERO;
        for (Decision d : ds) {
            Fleet.Model m = d.model();
            if (GoodBuilder.PARTIES.contains(m.country())) continue;
            t = t.add(m.price().multiply(BigDecimal.valueOf(m.volumes().getOrDefault("US", 0L))));
        }
        return t;
    }

    /** Units per year of US-assembled models, all destinations. */
    static BigDecimal usProduction(List<Decision> ds) {
        long t = 0;
        for (Decision d : ds) if (d.model().country().equals("US")) t += d.model().totalVolume();
        return BigDecimal.valueOf(t);
    }

    /**
     * What changed from one step of the USMCA to the next for the models the duty-paid share counts (built in Canada or
     * Mexico, shipped to the US): for each 1 July from 2021 to {@code lastYear}, the models whose choice or share of
     * US shipments paying duty differs from the year before, as "model: before -> after". An empty list for a year says
     * that no decision turned on that year's step of the thresholds (docs/simulation.md, "Validation").
     */
    public Map<Integer, List<String>> yearToYear(int lastYear) {
        Map<Integer, List<String>> out = new LinkedHashMap<>();
        for (int y = 2021; y <= lastYear; y++) {
            List<Decision> before = decisions("usmca", LocalDate.of(y - 1, 7, 1)), after = decisions("usmca", LocalDate.of(y, 7, 1));
            List<String> changed = new ArrayList<>();
            for (int i = 0; i < after.size(); i++) {
                Decision a = after.get(i), b = before.get(i);
                if (!PARTNERS.contains(a.model().country())) continue;
                BigDecimal pa = a.paidShare("US").setScale(3, RoundingMode.HALF_UP), pb = b.paidShare("US").setScale(3, RoundingMode.HALF_UP);
                if (a.choice() != b.choice() || pa.compareTo(pb) != 0) {
                    changed.add(a.model().id() + ": " + Wording.choice(b.choice()) + " -> " + Wording.choice(a.choice()));
                }
            }
            out.put(y, changed);
        }
        return out;
    }

    /** Mean absolute error of the numeric predictions in percent units, calibration or held-out targets. */
    public static BigDecimal meanError(List<Row> rows, boolean heldOut) {
        BigDecimal sum = BigDecimal.ZERO;
        int n = 0;
        for (Row r : rows) {
            if (r.target().heldOut() != heldOut || r.error() == null || !"percent".equals(r.target().unit())) continue;
            sum = sum.add(r.error());
            n++;
        }
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    /** Counts of targets within tolerance, with a prediction, and all, for calibration or held-out targets. */
    public static int[] score(List<Row> rows, boolean heldOut) {
        int within = 0, predicted = 0, all = 0;
        for (Row r : rows) {
            if (r.target().heldOut() != heldOut) continue;
            all++;
            if (r.predicted() != null) predicted++;
            if (r.within()) within++;
        }
        return new int[] {within, predicted, all};
    }
}
