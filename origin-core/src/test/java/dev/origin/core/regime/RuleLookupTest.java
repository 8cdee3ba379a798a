package dev.origin.core.regime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsRange;
import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleKind;
import dev.origin.core.rules.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Regime#ruleFor} scans only the rules reaching the code's chapter and remembers its answers
 * ({@link ProductRules}); here it is compared, on random packs and lookups, with a scan of every rule written from its
 * Javadoc: the longest matching scope, then the most selectors, a fallback rule only when no other applies, the first
 * in pack order among equals. Tracing lists ({@link ListedRanges}) are checked the same way.
 */
class RuleLookupTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4})
    void theIndexedLookupEqualsAScanOfEveryRule(long seed) {
        Random r = new Random(seed);
        List<Regime.ProductRule> rules = new ArrayList<>();
        for (int i = 0; i < 300; i++) rules.add(randomRule(r, i));
        Regime pack = new Regime("p", "p", "1", null, null, Set.of("US"), Regime.TransactionValueBasis.FOB, null, false, false,
                Map.of(), rules, Map.of(), null);
        assertThat(pack.rules()).containsExactlyElementsOf(rules);
        for (int i = 0; i < 1_500; i++) {
            HsCode hs = HsCode.parse(String.format("%02d%02d%02d", 84 + r.nextInt(6), 1 + r.nextInt(12), r.nextInt(4) * 10));
            VehicleKind v = r.nextBoolean() ? null : VehicleKind.values()[r.nextInt(VehicleKind.values().length)];
            Use use = Use.values()[r.nextInt(Use.values().length)];
            boolean staging = r.nextBoolean();
            LocalDate date = r.nextBoolean() ? null : LocalDate.of(2019 + r.nextInt(6), 7, 1);
            Regime.ProductRule expected = everyRule(rules, hs, v, use, staging, date);
            assertThat(pack.ruleFor(hs, v, use, staging, date)).as("%s %s %s %s %s", hs, v, use, staging, date).isSameAs(expected);
            assertThat(pack.ruleFor(hs, v, use, staging, date)).as("asked again").isSameAs(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void aTracingListAnswersAsAScanOfItsRanges(long seed) {
        Random r = new Random(seed);
        List<HsRange> listed = new ArrayList<>();
        for (int i = 0; i < 200; i++) listed.add(randomRule(r, i).scope().get(0));
        Regime.Tracing t = new Regime.Tracing(List.of(HsRange.parse("87")), Set.of(), null, listed, "c", Regime.Tracing.Method.TRACED);
        assertThat(t.listed()).containsExactlyElementsOf(listed);
        for (int i = 0; i < 1_000; i++) {
            HsCode hs = HsCode.parse(String.format("%02d%02d%02d", 84 + r.nextInt(6), 1 + r.nextInt(12), r.nextInt(4) * 10));
            boolean expected = false;
            for (HsRange range : listed) {
                String d = hs.digits().substring(0, range.specificity());
                expected |= d.compareTo(range.from().digits()) >= 0 && d.compareTo(range.to().digits()) <= 0;
            }
            assertThat(t.isListed(hs)).as("%s", hs).isEqualTo(expected);
            assertThat(t.isListed(hs)).as("%s asked again", hs).isEqualTo(expected);
        }
    }

    private static Regime.ProductRule randomRule(Random r, int i) {
        List<HsRange> scope = new ArrayList<>();
        for (int k = 0, n = 1 + r.nextInt(2); k < n; k++) {
            int ch = 84 + r.nextInt(6);
            scope.add(switch (r.nextInt(4)) {
                case 0 -> HsRange.parse(String.valueOf(ch));
                case 1 -> HsRange.parse(ch + "-" + Math.min(99, ch + 1 + r.nextInt(3)));
                case 2 -> {
                    int h = 1 + r.nextInt(11);
                    yield HsRange.parse(String.format("%02d%02d-%02d%02d", ch, h, ch, h + r.nextInt(2)));
                }
                default -> HsRange.parse(String.format("%02d%02d.%02d", ch, 1 + r.nextInt(12), r.nextInt(4) * 10));
            });
        }
        Set<VehicleKind> vehicles = r.nextInt(4) == 0 ? Set.of(VehicleKind.values()[r.nextInt(VehicleKind.values().length)]) : Set.of();
        Use use = r.nextInt(4) == 0 ? Use.values()[r.nextInt(Use.values().length)] : null;
        Boolean staging = r.nextInt(4) == 0 ? r.nextBoolean() : null;
        LocalDate until = r.nextInt(5) == 0 ? LocalDate.of(2020 + r.nextInt(5), 6, 30) : null;
        return new Regime.ProductRule(scope, new Rule.WhollyObtained("r" + i, "c" + i), "rule " + i, vehicles, use, staging, until,
                r.nextInt(6) == 0);
    }

    /** Every rule, by the Javadoc of {@link Regime#ruleFor(HsCode, VehicleKind, Use, boolean, LocalDate)}. */
    private static Regime.ProductRule everyRule(List<Regime.ProductRule> rules, HsCode hs, VehicleKind v, Use use, boolean staging,
                                                LocalDate date) {
        Regime.ProductRule best = null;
        boolean bestFallback = true;
        int bestScope = -1, bestSelectors = -1;
        for (Regime.ProductRule pr : rules) {
            int scope = -1;
            for (HsRange range : pr.scope()) {
                String d = hs.digits().substring(0, range.specificity());
                if (d.compareTo(range.from().digits()) >= 0 && d.compareTo(range.to().digits()) <= 0) scope = Math.max(scope, range.specificity());
            }
            if (scope < 0 || !pr.admits(v, use, staging) || !pr.inForce(date)) continue;
            boolean better = best == null
                    || (bestFallback && !pr.fallback())
                    || (bestFallback == pr.fallback() && (scope > bestScope || scope == bestScope && pr.selectors() > bestSelectors));
            if (better) {
                best = pr;
                bestFallback = pr.fallback();
                bestScope = scope;
                bestSelectors = pr.selectors();
            }
        }
        return best;
    }
}
