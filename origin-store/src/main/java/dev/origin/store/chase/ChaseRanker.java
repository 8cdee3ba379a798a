package dev.origin.store.chase;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Status;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.Origin;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * "Who to chase first": ranks the missing supplier declarations of UNDETERMINED goods by how much each answer can
 * change outcomes, measured with the engine (never a second formula).
 *
 * <p>For each undetermined good and each declaration it lacks, the good is re-evaluated with that declaration
 * answered "originating" and "non-originating", the others still missing: if either answer gives the good a verdict,
 * the declaration <em>decides it alone</em>. Whether it can flip the verdict in combination with the other missing
 * answers is found exactly when the good lacks at most {@value #EXACT_KEYS} declarations (all 2^n combinations are
 * evaluated, each without unknowns, at most 1,024 per good). Beyond that it is approximated: along two chains of
 * combinations (the other declarations sorted by the value they cover, the first j answered originating and the rest
 * not, j = 0..n-1, smallest first and largest first, so both extremes are included) and over {@value #SAMPLES} seeded
 * random combinations — about 4n + 128 evaluations per declaration instead of 2^n. A combination where the answer
 * changes the verdict is a witness, so a declaration marked as able to flip a good always can; one that matters only
 * in combinations the search did not try is missed. Such results are marked not {@code exact}.
 *
 * <p>A declaration's stake: the goods whose verdict it can flip, their value (transaction value × annual volume)
 * and the duty at stake (the engine's tariff consequence: the MFN duty per unit that qualifying saves,
 * {@link Determination.Tariff#dutySaved()}, × annual volume; an undetermined good pays MFN until its origin is
 * documented). Ranked by duty at stake, then goods, then value.
 */
public final class ChaseRanker {
    /** Up to this many missing declarations per good, every combination of answers is evaluated. */
    public static final int EXACT_KEYS = 10;
    /** Random combinations tried per declaration beyond {@link #EXACT_KEYS} (seeded: the same catalog gives the same ranking). */
    public static final int SAMPLES = 64;

    private final Evaluator evaluator;
    private final LocalDate date;
    private final Function<Material, DeclarationKey> keyOf;
    private long evaluations;

    /**
     * @param keyOf the declaration that would settle a material of unknown origin (its supplier and part)
     */
    public ChaseRanker(Evaluator evaluator, LocalDate date, Function<Material, DeclarationKey> keyOf) {
        this.evaluator = evaluator;
        this.date = date;
        this.keyOf = keyOf;
    }

    /** A good of the catalog with what is needed to weigh it. */
    public record Subject(Good good, String description, long annualVolume) {}

    /**
     * What one answer of one declaration does to one good.
     *
     * @param ifOriginating     the good's verdict when the declaration says originating (the others still missing)
     * @param ifNonOriginating  the verdict when it says non-originating
     * @param decidesAlone      one of the two answers gives the good a verdict by itself
     * @param canFlip           the answer changes the verdict in at least one combination of the other answers
     * @param exact             {@code canFlip} was found over every combination (false: approximated)
     * @param value             transaction value × annual volume, or null without a transaction value
     * @param dutyAtStake       MFN duty per unit that qualifying saves × annual volume, or null where unknown
     */
    public record Impact(String good, String description, Status ifOriginating, Status ifNonOriginating, boolean decidesAlone,
                         boolean canFlip, boolean exact, BigDecimal value, BigDecimal dutyAtStake) {}

    /** A missing declaration with the goods it can flip and the totals it is ranked by. */
    public record Request(int rank, DeclarationKey key, List<Impact> impacts, int goodsFlippable, int goodsDecidedAlone,
                          BigDecimal valueAtStake, BigDecimal dutyAtStake) {
        public Request { impacts = List.copyOf(impacts); }
    }

    /** The ranking: requests best first, and how many goods were undetermined and evaluations made. */
    public record Ranking(List<Request> requests, int undeterminedGoods, long evaluations) {
        public Ranking { requests = List.copyOf(requests); }

        /** The requests of one supplier, in rank order. */
        public List<Request> of(String supplier) {
            return requests.stream().filter(r -> r.key().supplier().equals(supplier)).toList();
        }

        /** The suppliers, in the order of their best-ranked request. */
        public List<String> suppliers() {
            return requests.stream().map(r -> r.key().supplier()).distinct().toList();
        }
    }

    /** Ranks the missing declarations of the undetermined goods among {@code subjects}. */
    public Ranking rank(List<Subject> subjects) {
        Map<DeclarationKey, List<Impact>> byKey = new LinkedHashMap<>();
        int undetermined = 0;
        for (Subject s : subjects) {
            Determination d0 = eval(s.good());
            if (d0.status() != Status.UNDETERMINED) continue;
            List<DeclarationKey> keys = new ArrayList<>(Origins.missing(s.good(), keyOf));
            if (keys.isEmpty()) continue; // undetermined for missing facts, not for origins: no declaration settles it
            undetermined++;
            BigDecimal volume = BigDecimal.valueOf(Math.max(1, s.annualVolume()));
            BigDecimal value = s.good().transactionValue() == null ? null : s.good().transactionValue().multiply(volume);
            BigDecimal duty = d0.tariff() == null || d0.tariff().dutySaved() == null ? null : d0.tariff().dutySaved().multiply(volume);
            boolean[] flips = keys.size() <= EXACT_KEYS ? exact(s.good(), keys) : null;
            Map<DeclarationKey, BigDecimal> weights = flips == null ? Origins.missingValues(s.good(), keyOf) : Map.of();
            for (int i = 0; i < keys.size(); i++) {
                DeclarationKey k = keys.get(i);
                Status yes = eval(Origins.answered(s.good(), Map.of(k, Origin.ORIGINATING), keyOf)).status();
                Status no = eval(Origins.answered(s.good(), Map.of(k, Origin.NON_ORIGINATING), keyOf)).status();
                boolean alone = yes != Status.UNDETERMINED || no != Status.UNDETERMINED;
                boolean flip = flips != null ? flips[i] : alone || chain(s.good(), keys, k, weights);
                byKey.computeIfAbsent(k, x -> new ArrayList<>())
                        .add(new Impact(s.good().id(), s.description(), yes, no, alone, flip, flips != null, value, duty));
            }
        }
        List<Request> out = new ArrayList<>();
        for (var e : byKey.entrySet()) {
            List<Impact> flippable = e.getValue().stream().filter(Impact::canFlip).toList();
            int alone = (int) e.getValue().stream().filter(Impact::decidesAlone).count();
            out.add(new Request(0, e.getKey(), e.getValue(), flippable.size(), alone, sum(flippable, Impact::value),
                    sum(flippable, Impact::dutyAtStake)));
        }
        out.sort(Comparator.comparing(Request::dutyAtStake).reversed()
                .thenComparing(Comparator.comparingInt(Request::goodsFlippable).reversed())
                .thenComparing(Comparator.comparing(Request::valueAtStake).reversed())
                .thenComparing(Request::key));
        List<Request> ranked = new ArrayList<>(out.size());
        for (int i = 0; i < out.size(); i++) {
            Request r = out.get(i);
            ranked.add(new Request(i + 1, r.key(), r.impacts(), r.goodsFlippable(), r.goodsDecidedAlone(), r.valueAtStake(),
                    r.dutyAtStake()));
        }
        return new Ranking(ranked, undetermined, evaluations);
    }

    /** For each key, whether flipping its answer changes the verdict in some combination of the others (2^n evaluations). */
    private boolean[] exact(Good good, List<DeclarationKey> keys) {
        int n = keys.size();
        Status[] verdict = new Status[1 << n];
        for (int a = 0; a < verdict.length; a++) {
            Map<DeclarationKey, Origin> answers = new HashMap<>();
            for (int i = 0; i < n; i++) answers.put(keys.get(i), (a & (1 << i)) != 0 ? Origin.ORIGINATING : Origin.NON_ORIGINATING);
            verdict[a] = eval(Origins.answered(good, answers, keyOf)).status();
        }
        boolean[] flips = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < verdict.length && !flips[i]; a++) {
                if ((a & (1 << i)) == 0 && verdict[a] != verdict[a | (1 << i)]) flips[i] = true;
            }
        }
        return flips;
    }

    /**
     * Whether flipping {@code k} changes the verdict in a combination of the other keys found along two chains (sorted by
     * covered value, smallest and largest first; the first j originating, the rest not) or among seeded random ones.
     */
    private boolean chain(Good good, List<DeclarationKey> keys, DeclarationKey k, Map<DeclarationKey, BigDecimal> weights) {
        List<DeclarationKey> others = new ArrayList<>(keys);
        others.remove(k);
        others.sort(Comparator.comparing((DeclarationKey x) -> weights.getOrDefault(x, BigDecimal.ZERO)).thenComparing(x -> x));
        int n = others.size();
        for (int order = 0; order < 2; order++) {
            for (int j = 0; j <= n; j++) {
                boolean[] originating = new boolean[n];
                for (int i = 0; i < n; i++) originating[i] = order == 0 ? i < j : i >= n - j;
                if (flips(good, others, originating, k)) return true;
            }
        }
        java.util.Random random = new java.util.Random(31L * good.id().hashCode() + k.hashCode());
        for (int s = 0; s < SAMPLES; s++) {
            boolean[] originating = new boolean[n];
            for (int i = 0; i < n; i++) originating[i] = random.nextBoolean();
            if (flips(good, others, originating, k)) return true;
        }
        return false;
    }

    private boolean flips(Good good, List<DeclarationKey> others, boolean[] originating, DeclarationKey k) {
        Map<DeclarationKey, Origin> answers = new HashMap<>();
        for (int i = 0; i < others.size(); i++) answers.put(others.get(i), originating[i] ? Origin.ORIGINATING : Origin.NON_ORIGINATING);
        answers.put(k, Origin.ORIGINATING);
        Status yes = eval(Origins.answered(good, answers, keyOf)).status();
        answers.put(k, Origin.NON_ORIGINATING);
        Status no = eval(Origins.answered(good, answers, keyOf)).status();
        return yes != no;
    }

    private Determination eval(Good g) {
        evaluations++;
        return evaluator.evaluate(g, date, false);
    }

    private static BigDecimal sum(List<Impact> impacts, Function<Impact, BigDecimal> f) {
        BigDecimal s = BigDecimal.ZERO;
        for (Impact i : impacts) if (f.apply(i) != null) s = s.add(f.apply(i));
        return s;
    }
}
