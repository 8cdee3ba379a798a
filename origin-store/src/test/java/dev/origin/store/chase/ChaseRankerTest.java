package dev.origin.store.chase;

import static dev.origin.store.TestGoods.good;
import static dev.origin.store.TestGoods.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Status;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.Origin;
import dev.origin.core.tariff.TariffSchedule;
import dev.origin.io.RulePackReader;
import dev.origin.io.TariffReader;
import dev.origin.store.TestGoods;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class ChaseRankerTest {
    static final TariffSchedule TARIFFS = TariffReader.builtIn();
    static final Evaluator USMCA;

    static {
        try {
            USMCA = Evaluator.of(RulePackReader.load("usmca", Map.of()), TARIFFS);
        } catch (dev.origin.io.InputException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Map<String, String> SUPPLIER = Map.of("housing", "Castings MX", "bolt", "Tornillos SA",
            "p1", "Trim Co", "p2", "Trim Co", "p3", "Trim Co");
    static final Function<Material, DeclarationKey> KEY = m -> new DeclarationKey(SUPPLIER.get(m.id()), m.id());

    // CTH: the housing (same heading) decides alone; the bolt (another heading) shifts either way
    static final Good GEARBOX = good("GBX-1", "8708.40", "1000.00", "CTH",
            line("housing", "8708.40", "300.00", Origin.UNKNOWN), line("bolt", "7318.15", "50.00", Origin.UNKNOWN));
    // RVC(TV) 50 on 500: one of the two 200 materials originating is enough (VNM 200 -> 60 %), both non-originating fail (20 %)
    static final Good BRAKE = good("BRK-2", "8708.30", "500.00", "RVC(TV) >= 50",
            line("bolt", "7318.15", "200.00", Origin.UNKNOWN), line("housing", "8708.40", "200.00", Origin.UNKNOWN));
    // RVC(TV) 50 on 1000 with three unknown 300s: at most one may be non-originating; no single answer decides
    static final Good SEAT = good("SEAT-3", "8708.99", "1000.00", "RVC(TV) >= 50",
            line("p1", "3926.90", "300.00", Origin.UNKNOWN), line("p2", "3926.90", "300.00", Origin.UNKNOWN),
            line("p3", "3926.90", "300.00", Origin.UNKNOWN));
    static final Good KNOWN = good("OK-4", "8708.40", "800.00", "CTH", line("bolt2", "7318.15", "50.00", Origin.NON_ORIGINATING));

    static BigDecimal duty(Good g, long volume) {
        BigDecimal rate = TARIFFS.mfn("US", g.hs(), TestGoods.DATE).orElseThrow().percent();
        return g.transactionValue().multiply(rate).movePointLeft(2).multiply(BigDecimal.valueOf(volume));
    }

    @Test
    void ranksByTheDutyOnTheGoodsEachAnswerCanFlip() {
        List<ChaseRanker.Subject> subjects = List.of(new ChaseRanker.Subject(GEARBOX, "gearbox", 100),
                new ChaseRanker.Subject(BRAKE, "brake", 10), new ChaseRanker.Subject(SEAT, "seat", 1),
                new ChaseRanker.Subject(KNOWN, "known", 1000));
        assertThat(USMCA.evaluate(GEARBOX, TestGoods.DATE).status()).isEqualTo(Status.UNDETERMINED);
        ChaseRanker.Ranking r = new ChaseRanker(USMCA, TestGoods.DATE, KEY).rank(subjects);
        assertThat(r.undeterminedGoods()).isEqualTo(3);

        ChaseRanker.Request first = r.requests().get(0);
        assertThat(first.key()).isEqualTo(new DeclarationKey("Castings MX", "housing"));
        assertThat(first.goodsFlippable()).isEqualTo(2);
        assertThat(first.goodsDecidedAlone()).isEqualTo(2);
        assertThat(first.dutyAtStake()).isEqualByComparingTo(duty(GEARBOX, 100).add(duty(BRAKE, 10)));
        assertThat(first.valueAtStake()).isEqualByComparingTo(new BigDecimal("100000").add(new BigDecimal("5000")));
        ChaseRanker.Impact gearbox = first.impacts().get(0);
        assertThat(gearbox.ifOriginating()).isEqualTo(Status.ORIGINATING);
        assertThat(gearbox.ifNonOriginating()).isEqualTo(Status.NON_ORIGINATING);

        ChaseRanker.Request bolt = r.requests().get(1);
        assertThat(bolt.key().part()).isEqualTo("bolt");
        assertThat(bolt.impacts()).extracting(ChaseRanker.Impact::good).containsExactly("GBX-1", "BRK-2");
        assertThat(bolt.impacts().get(0).canFlip()).as("the bolt shifts heading whatever its origin").isFalse();
        assertThat(bolt.goodsFlippable()).isEqualTo(1);
        assertThat(bolt.dutyAtStake()).isEqualByComparingTo(duty(BRAKE, 10));

        List<ChaseRanker.Request> trim = r.requests().subList(2, 5);
        assertThat(trim).extracting(q -> q.key().part()).containsExactly("p1", "p2", "p3");
        for (ChaseRanker.Request q : trim) {
            assertThat(q.goodsDecidedAlone()).isZero();
            assertThat(q.goodsFlippable()).as("matters when exactly one other is non-originating").isEqualTo(1);
            assertThat(q.impacts().get(0).exact()).isTrue();
        }
        assertThat(r.suppliers()).containsExactly("Castings MX", "Tornillos SA", "Trim Co");
    }

    @Test
    void upToTenDeclarationsEveryCombinationIsTriedAndBeyondTheSearchFindsOnlyTrueFlips() {
        // 8 declarations: exact; 12: approximate, every flip it reports must be a true one
        for (String[] values : List.of(new String[] {"50.00", "60.00", "70.00", "80.00", "90.00", "100.00", "110.00", "400.00"},
                new String[] {"20.00", "30.00", "40.00", "50.00", "60.00", "70.00", "80.00", "90.00", "100.00", "110.00", "120.00", "400.00"})) {
            List<Material> ms = new ArrayList<>();
            Map<String, String> sup = new HashMap<>();
            for (int i = 0; i < values.length; i++) {
                ms.add(line("m" + i, "3926.90", values[i], Origin.UNKNOWN));
                sup.put("m" + i, "S" + (i % 3));
            }
            Good g = good("BIG-" + values.length, "8708.99", "1000.00", "RVC(TV) >= 50", ms.toArray(Material[]::new));
            Function<Material, DeclarationKey> key = m -> new DeclarationKey(sup.get(m.id()), m.id());
            ChaseRanker.Ranking r = new ChaseRanker(USMCA, TestGoods.DATE, key).rank(List.of(new ChaseRanker.Subject(g, "big", 1)));
            boolean exact = values.length <= ChaseRanker.EXACT_KEYS;
            assertThat(r.requests()).hasSize(values.length).allSatisfy(q -> assertThat(q.impacts().get(0).exact()).isEqualTo(exact));
            // brute force over every combination, with the RVC computed here from the values
            BigDecimal tv = new BigDecimal("1000.00");
            int found = 0;
            for (int k = 0; k < values.length; k++) {
                boolean pivotal = false;
                for (int a = 0; a < (1 << values.length) && !pivotal; a++) {
                    if ((a & (1 << k)) != 0) continue; // bit set = non-originating; a has k originating
                    pivotal = qualifies(a, values, tv) != qualifies(a | (1 << k), values, tv);
                }
                String part = "m" + k;
                boolean flagged = r.requests().stream().filter(x -> x.key().part().equals(part)).findFirst().orElseThrow()
                        .impacts().get(0).canFlip();
                if (exact) assertThat(flagged).as(part).isEqualTo(pivotal);
                else if (flagged) assertThat(pivotal).as(part + " reported as able to flip").isTrue();
                if (flagged) found++;
            }
            assertThat(found).as("declarations found able to flip the good").isGreaterThan(values.length / 2);
        }
    }

    /** (TV - VNM) / TV >= 50 %, VNM the values of the non-originating set {@code nonOriginating} (bit i). */
    static boolean qualifies(int nonOriginating, String[] values, BigDecimal tv) {
        BigDecimal vnm = BigDecimal.ZERO;
        for (int i = 0; i < values.length; i++) if ((nonOriginating & (1 << i)) != 0) vnm = vnm.add(new BigDecimal(values[i]));
        return tv.subtract(vnm).multiply(BigDecimal.valueOf(2)).compareTo(tv) >= 0;
    }

    @Test
    void requestListsAsCsvAndALetterPerSupplier() throws Exception {
        ChaseRanker.Ranking r = new ChaseRanker(USMCA, TestGoods.DATE, KEY).rank(List.of(
                new ChaseRanker.Subject(GEARBOX, "gearbox", 100), new ChaseRanker.Subject(BRAKE, "brake", 10)));
        String csv = RequestLists.csv(r.of("Castings MX"));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().get().parse(new java.io.StringReader(csv)).getRecords();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("part")).isEqualTo("housing");
        assertThat(new BigDecimal(rows.get(0).get("duty_at_stake"))).isEqualByComparingTo(duty(GEARBOX, 100).add(duty(BRAKE, 10)));
        assertThat(rows.get(0).get("goods")).isEqualTo("GBX-1 BRK-2");
        String letter = RequestLists.letter("Castings MX", r.of("Castings MX"), "Frenos del Norte", "USMCA", TestGoods.DATE,
                TestGoods.DATE.plusDays(30));
        assertThat(letter).contains("Dear Castings MX,", "1. Part housing: can decide the origin of 2 of our goods (2 by your answer alone)",
                RequestLists.money(duty(GEARBOX, 100).add(duty(BRAKE, 10))), "Please reply by 2023-07-31");
    }
}
