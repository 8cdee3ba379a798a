package dev.origin.io.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.bulk.BulkEvaluator;
import dev.origin.core.bulk.ColumnarCatalog;
import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.model.Good;
import dev.origin.core.model.Origin;
import dev.origin.io.RulePackReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bulk evaluation gives the single-good evaluator's determinations, good by good, and incremental requalification
 * gives a full recompute's: on generated catalogs (flat and multi-level, unknown origins, designated intermediate
 * materials) under two regimes on two dates.
 */
class BulkEvaluationTest {
    static final LocalDate D2023 = LocalDate.of(2023, 7, 1), D2020 = LocalDate.of(2020, 7, 1), D2019 = LocalDate.of(2019, 7, 1);

    static List<BulkEvaluator.Run> runs() throws Exception {
        return List.of(new BulkEvaluator.Run(Evaluator.of(RulePackReader.load("usmca", Map.of())), D2023),
                new BulkEvaluator.Run(Evaluator.of(RulePackReader.load("nafta", Map.of())), D2019),
                new BulkEvaluator.Run(Evaluator.of(RulePackReader.load("usmca", Map.of())), D2020),
                new BulkEvaluator.Run(Evaluator.of(RulePackReader.load("usmca", Map.of())), null));
    }

    static CatalogGenerator gen(long seed, int depth, double unknown, double intermediate) {
        return new CatalogGenerator(CatalogGenerator.Settings.of(120).withShape(5, depth).withOrigins(unknown, 9, 60)
                .withIntermediateShare(intermediate).withSeed(seed));
    }

    @ParameterizedTest(name = "seed {0}, depth {1}, unknown {2}, intermediate {3}")
    @CsvSource({"1, 0, 0.0, 0", "2, 1, 0.1, 0", "3, 2, 0.3, 0.5", "4, 3, 0.05, 1"})
    void bulkResultsAreTheSingleGoodDeterminations(long seed, int depth, double unknown, double intermediate) throws Exception {
        CatalogGenerator gen = gen(seed, depth, unknown, intermediate);
        ColumnarCatalog c = Columnar.of(gen);
        var runs = runs();
        BulkEvaluator bulk = BulkEvaluator.of(runs);
        BulkEvaluator.Results r = bulk.evaluate(c);
        // the oracle: goods read from the tables the usual way, each decided by the single-good evaluator with its trace
        var conv = CatalogTables.toGoods(gen.tables(), "goods", "lines");
        assertThat(conv.problems()).isEmpty();
        List<Good> goods = conv.goods();
        assertThat(goods).hasSize(c.goods());
        int[] verdicts = new int[5];
        for (int i = 0; i < runs.size(); i++) {
            for (int g = 0; g < goods.size(); g++) {
                Good good = goods.get(g);
                LocalDate date = runs.get(i).date() != null ? runs.get(i).date() : good.date();
                Determination d = runs.get(i).evaluator().evaluate(good, date, true);
                String at = "run " + i + ", good " + good.id();
                assertThat(c.good(g)).as(at).isEqualTo(good);
                assertThat(r.verdict(i, g)).as(at).isEqualTo(d.hasErrors() ? null : d.status());
                assertThat(r.totalCostCents(i, g)).as(at).isEqualTo(cents(d.totalCost()));
                assertThat(r.vnmCents(i, g)).as(at).isEqualTo(cents(d.vnm()));
                if (d.rvc() != null) {
                    assertThat(r.rvcNetCostCents(i, g)).as(at).isEqualTo(cents(d.rvc().netCost()));
                    assertThat(r.rvcTransactionValueCents(i, g)).as(at).isEqualTo(cents(d.rvc().transactionValue()));
                    assertThat(BigDecimal.valueOf(r.rvcValue(i, g), 10)).as(at).isEqualByComparingTo(d.rvc().value());
                } else {
                    assertThat(r.rvcValue(i, g)).as(at).isEqualTo(-1);
                }
                verdicts[r.status(i, g)]++;
            }
        }
        // the columnar kernel decided many goods (designated intermediates are out of its scope), the evaluator the others
        long[] decisions = r.decisions();
        if (intermediate == 0) assertThat(decisions[0]).as("decided by the kernel").isGreaterThan(decisions[1] / 4);
        assertThat(decisions[1]).as("decided by the evaluator").isPositive();
        assertThat(bulk.withFastPath(false).evaluate(c).sameAs(r)).isTrue();
        // the catalogs are not degenerate: both verdicts occur
        assertThat(verdicts[0]).isPositive();
        assertThat(verdicts[1]).isPositive();
        if (unknown >= 0.1) assertThat(verdicts[2]).isPositive();
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"11, 1", "12, 2", "13, 0"})
    void requalifyingAfterRandomChangesEqualsAFullRecompute(long seed, int depth) throws Exception {
        CatalogGenerator gen = gen(seed, depth, 0.2, 0.3);
        ColumnarCatalog c = Columnar.of(gen);
        BulkEvaluator bulk = BulkEvaluator.of(runs());
        BulkEvaluator.Results r = bulk.evaluate(c);
        SplittableRandom rnd = new SplittableRandom(seed);
        Origin[] origins = Origin.values();
        int changedVerdicts = 0;
        for (int step = 0; step < 30; step++) {
            int[] affected;
            switch (rnd.nextInt(3)) {
                case 0 -> affected = c.setDeclarationOrigin(rnd.nextInt(gen.declarationCount()), origins[rnd.nextInt(origins.length)]);
                case 1 -> {
                    int l;
                    do l = rnd.nextInt(c.lines()); while (c.selfProduced(l));
                    affected = c.setLineValue(l, 100 + rnd.nextInt(400_000));
                }
                default -> affected = c.setOtherCosts(rnd.nextInt(c.goods()), rnd.nextInt(500_000));
            }
            byte[] before = new byte[c.goods()];
            for (int g = 0; g < c.goods(); g++) before[g] = r.status(0, g);
            bulk.requalify(c, r, affected);
            BulkEvaluator.Results full = bulk.evaluate(c);
            assertThat(r.sameAs(full)).as("step " + step).isTrue();
            if (step % 10 == 0) assertThat(bulk.withFastPath(false).evaluate(c).sameAs(r)).as("step " + step + ", evaluator only").isTrue();
            for (int g = 0; g < c.goods(); g++) if (before[g] != r.status(0, g)) changedVerdicts++;
        }
        assertThat(changedVerdicts).as("the changes changed some verdicts").isPositive();
    }

    @Test
    void requalifyingADeclarationOfManyGoodsOnAllCoresEqualsAFullRecompute() throws Exception {
        // 8,000 goods of 10 lines over 2 declarations: a change touches most goods, more lines than are decided on
        // the calling thread, so they are split over the cores
        CatalogGenerator gen = new CatalogGenerator(CatalogGenerator.Settings.of(8000).withShape(5, 1).withOrigins(0.3, 9, 2)
                .withIntermediateShare(0.2).withSeed(21));
        ColumnarCatalog c = Columnar.of(gen);
        BulkEvaluator bulk = BulkEvaluator.of(runs().subList(0, 2));
        BulkEvaluator.Results r = bulk.evaluate(c);
        Origin[] origins = {Origin.UNKNOWN, Origin.NON_ORIGINATING, Origin.ORIGINATING};
        int changedVerdicts = 0;
        for (int step = 0; step < origins.length; step++) {
            byte[] before = new byte[c.goods()];
            for (int g = 0; g < c.goods(); g++) before[g] = r.status(0, g);
            int[] affected = c.setDeclarationOrigin(step % 2, origins[step]);
            long lines = 0;
            for (int g : affected) lines += c.linesOf(g);
            assertThat(lines).as("lines of the goods the change touches").isGreaterThanOrEqualTo(BulkEvaluator.PARALLEL_LINES);
            bulk.requalify(c, r, affected);
            assertThat(r.sameAs(bulk.evaluate(c))).as("step " + step).isTrue();
            for (int g = 0; g < c.goods(); g++) if (before[g] != r.status(0, g)) changedVerdicts++;
        }
        assertThat(changedVerdicts).as("the changes changed some verdicts").isPositive();
    }

    static long cents(BigDecimal v) {
        return v == null ? -1 : v.movePointRight(2).longValueExact();
    }
}
