package dev.origin.core.engine;

import dev.origin.core.rules.RequirementKind;

import static dev.origin.core.engine.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.model.CostSheet;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.model.SupplierStatement;
import dev.origin.core.rules.RvcMethod;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Semantics of the general provisions, each against figures computed by hand. */
class EvaluatorTest {
    final Evaluator usmca = Evaluator.of(usmcaLike());
    final Evaluator nafta = Evaluator.of(naftaLike());

    @Test
    void netCostExampleOfSor94_14_s6_22_example4() {
        var g = good("9401.61", null, costs("30.00", "40.00", "20.00", "10.00", "0.00", "12.00"), List.of(), "RVC(NC) >= 50");
        Determination det = usmca.evaluate(g, DATE);
        assertThat(det.status()).isEqualTo(Status.ORIGINATING);
        assertThat(det.rvc().netCost()).isEqualByComparingTo("88.00");
        assertThat(det.rvc().vnm()).isEqualByComparingTo("40.00");
        // 48 / 88 = 0.545454...
        assertThat(det.rvc().value()).isEqualByComparingTo("54.5454545454");
        assertThat(det.findings()).extracting(Finding::id).containsExactly("psr");
        assertThat(det.decidingRules()).containsExactly("psr");
    }

    @Test
    void thresholdIsComparedExactlyAtTheBoundary() {
        // NC 0.30, VNM 0.15: exactly 50 % (0.1 + 0.2 style values would misround in binary floating point)
        var atBoundary = good("9401.61", null, costs("0.00", "0.15", "0.10", "0.05", "0.00", "0.00"), List.of(), "RVC(NC) >= 50");
        assertThat(usmca.evaluate(atBoundary, DATE).status()).isEqualTo(Status.ORIGINATING);
        var justBelow = good("9401.61", null, costs("0.00", "0.16", "0.09", "0.05", "0.00", "0.00"), List.of(), "RVC(NC) >= 50");
        assertThat(usmca.evaluate(justBelow, DATE).status()).isEqualTo(Status.NON_ORIGINATING);
        // 1/3 threshold: NC 3.00, VNM 2.00 -> 33.333...% is below 33.34 and not below 33.33
        var third = good("9401.61", null, costs("0.00", "2.00", "1.00", "0.00", "0.00", "0.00"), List.of(), "RVC(NC) >= 33.34");
        assertThat(usmca.evaluate(third, DATE).status()).isEqualTo(Status.NON_ORIGINATING);
        var third2 = good("9401.61", null, costs("0.00", "2.00", "1.00", "0.00", "0.00", "0.00"), List.of(), "RVC(NC) >= 33.33");
        assertThat(usmca.evaluate(third2, DATE).status()).isEqualTo(Status.ORIGINATING);
    }

    @Test
    void designationOfSelfProducedMaterialFollowsSor94_14_s7_20_example3() {
        CostSheet materialA = new CostSheet(d("1.00"), d("7.50"), d("1.50"), d("0.50"), d("0.10"),
                new dev.origin.core.model.ExcludedCosts(d("0.20"), d("0"), d("0"), d("0")), null, null, null);
        CostSheet goodB = costs("0.00", "5.50", "6.50", "0.50", "0.10", "0.20");
        // Situation 2: not designated -> NC 22.80, VNM 13.00, 42.98 %
        var notDesignated = good("8537.10", null, goodB, List.of(selfProduced("A", "8538.90", false, materialA, List.of(), "CTH")),
                "RVC(NC) >= 50");
        Determination s2 = nafta.evaluate(notDesignated, DATE);
        assertThat(s2.rvc().netCost()).isEqualByComparingTo("22.80");
        assertThat(s2.vnm()).isEqualByComparingTo("13.00");
        assertThat(s2.totalCost()).isEqualByComparingTo("23.20");
        assertThat(s2.status()).isEqualTo(Status.NON_ORIGINATING);
        // Situation 3: designated, originating (its lump NOM 7.50 has no HS, so use an RVC rule for it) -> NC 23.00, VNM 5.50
        var designated = good("8537.10", null, goodB, List.of(selfProduced("A", "8538.90", true, materialA, List.of(), "RVC(NC) >= 10")),
                "RVC(NC) >= 50");
        Determination s3 = nafta.evaluate(designated, DATE);
        assertThat(s3.rvc().netCost()).isEqualByComparingTo("23.00");
        assertThat(s3.vnm()).isEqualByComparingTo("5.50");
        assertThat(s3.status()).isEqualTo(Status.ORIGINATING);
        // Designated but not originating (threshold it cannot meet): its whole value 10.60 is non-originating
        var designatedFailing = good("8537.10", null, goodB, List.of(selfProduced("A", "8538.90", true, materialA, List.of(), "RVC(NC) >= 90")),
                "RVC(NC) >= 50");
        assertThat(nafta.evaluate(designatedFailing, DATE).vnm()).isEqualByComparingTo("16.10");
    }

    @Test
    void tariffShiftFailureIsRescuedByDeMinimisUpToTheLimitInclusive() {
        // TV 100; a same-heading NOM of 10.00 is exactly 10 % (USMCA: ok) and more than 7 % (NAFTA: not ok)
        var g = good("8414.51", "100.00", null, List.of(mat("blade", "8414.90", "10.00", Origin.NON_ORIGINATING),
                mat("motor", "8501.10", "30.00", Origin.NON_ORIGINATING)), "CTH");
        Determination u = usmca.evaluate(g, DATE);
        assertThat(u.status()).isEqualTo(Status.ORIGINATING);
        assertThat(u.findings()).extracting(Finding::kind, Finding::met)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(RequirementKind.TARIFF_SHIFT, false),
                        org.assertj.core.groups.Tuple.tuple(RequirementKind.DE_MINIMIS, true));
        assertThat(u.decidingRules()).containsExactly("psr", "usmca-test.de-minimis");
        assertThat(nafta.evaluate(g, DATE).status()).isEqualTo(Status.NON_ORIGINATING);
        var over = good("8414.51", "100.00", null, List.of(mat("blade", "8414.90", "10.01", Origin.NON_ORIGINATING)), "CTH");
        assertThat(usmca.evaluate(over, DATE).status()).isEqualTo(Status.NON_ORIGINATING);
    }

    @Test
    void deMinimisBaseIsTheTransactionValueWithoutInternationalShipping() {
        // TV 104 incl. 4 shipping -> base 100; failing 10.00 is exactly 10 %
        var g = new dev.origin.core.model.Good("g", dev.origin.core.hs.HsCode.parse("8414.51"), "MX", null, null, dev.origin.core.model.Use.ORIGINAL_EQUIPMENT, null,
                d("104.00"), d("4.00"), null, List.of(mat("blade", "8414.90", "10.00", Origin.NON_ORIGINATING)), rule("CTH"), false);
        assertThat(usmca.evaluate(g, DATE).status()).isEqualTo(Status.ORIGINATING);
        var g2 = new dev.origin.core.model.Good("g", dev.origin.core.hs.HsCode.parse("8414.51"), "MX", null, null, dev.origin.core.model.Use.ORIGINAL_EQUIPMENT, null,
                d("103.90"), d("4.00"), null, List.of(mat("blade", "8414.90", "10.00", Origin.NON_ORIGINATING)), rule("CTH"), false);
        assertThat(usmca.evaluate(g2, DATE).status()).isEqualTo(Status.NON_ORIGINATING);
    }

    @Test
    void deMinimisIsUnavailableForExcludedGoods() {
        var g = good("6204.41", "100.00", null, List.of(mat("yarn", "6204.41", "1.00", Origin.NON_ORIGINATING)), "CTH");
        assertThat(usmca.evaluate(g, DATE).status()).isEqualTo(Status.NON_ORIGINATING);
    }

    @Test
    void goodWithAllNonOriginatingMaterialsWithinDeMinimisNeedNotMeetTheRvc() {
        var g = good("8481.80", "100.00", null, List.of(mat("m", "8481.90", "10.00", Origin.NON_ORIGINATING)), "CTH or RVC(TV) >= 95");
        // CTH fails (same heading) and de minimis rescues the shift anyway; use an RVC-only rule to test the exemption
        var rvcOnly = good("8481.80", "100.00", null, List.of(mat("m", "8481.90", "10.00", Origin.NON_ORIGINATING)), "RVC(TV) >= 95");
        Determination det = usmca.evaluate(rvcOnly, DATE);
        assertThat(det.status()).isEqualTo(Status.ORIGINATING);
        assertThat(det.findings()).extracting(Finding::kind).containsExactly(RequirementKind.RVC, RequirementKind.DE_MINIMIS);
        assertThat(nafta.evaluate(rvcOnly, DATE).status()).isEqualTo(Status.NON_ORIGINATING); // 10 % > 7 %; RVC 90 < 95
        assertThat(usmca.evaluate(g, DATE).status()).isEqualTo(Status.ORIGINATING);
    }

    @Test
    void exceptListBarsAChangeEvenFromAnotherHeading() {
        var g = good("8706.00", "1000.00", null, List.of(mat("axle", "8708.50", "200.00", Origin.NON_ORIGINATING),
                mat("engine", "8407.34", "300.00", Origin.NON_ORIGINATING)), "CTH except from 8708.50, 8708.60");
        Determination det = usmca.evaluate(g, DATE);
        assertThat(det.status()).isEqualTo(Status.NON_ORIGINATING);
        assertThat(det.trace().failingPath().flatten()).anyMatch(n -> n.label().contains("axle") && Boolean.FALSE.equals(n.outcome()));
        assertThat(det.trace().failingPath().flatten()).noneMatch(n -> n.label().contains("engine") && n.outcome() != null);
    }

    @Test
    void unknownOriginGivesBoundsAndUndeterminedExactlyWhenItMatters() {
        var g = good("8481.80", "100.00", null, List.of(mat("body", "8481.90", "30.00", Origin.UNKNOWN),
                mat("seal", "4016.93", "20.00", Origin.NON_ORIGINATING)), "RVC(TV) >= 60");
        Determination det = usmca.evaluate(g, DATE);
        assertThat(det.status()).isEqualTo(Status.UNDETERMINED);
        assertThat(det.bounds().unknownMaterials()).containsExactly("body");
        assertThat(det.bounds().best().rvc().value()).isEqualByComparingTo("80");
        assertThat(det.bounds().worst().rvc().value()).isEqualByComparingTo("50");
        // both bounds qualify -> originating
        var both = good("8481.80", "100.00", null, List.of(mat("body", "8481.90", "30.00", Origin.UNKNOWN),
                mat("seal", "4016.93", "20.00", Origin.NON_ORIGINATING)), "RVC(TV) >= 50");
        assertThat(usmca.evaluate(both, DATE).status()).isEqualTo(Status.ORIGINATING);
        // neither -> non-originating
        var neither = good("8481.80", "100.00", null, List.of(mat("body", "8481.90", "30.00", Origin.UNKNOWN),
                mat("seal", "4016.93", "20.00", Origin.NON_ORIGINATING)), "RVC(TV) >= 81");
        assertThat(usmca.evaluate(neither, DATE).status()).isEqualTo(Status.NON_ORIGINATING);
    }

    @Test
    void accumulationNetCostFormReplacesTheMaterialsValueWithTheSuppliersFigures() {
        // material value 1.00; supplier NC 0.90, VNM 0.30, added costs 0.05 -> good NC = 2.00 - 1.00 + 0.95 = 1.95, VNM 0.30
        var s = new SupplierStatement(d("0.90"), d("0.30"), d("0.05"), null, null);
        var g = good("8482.99", null, costs("0.00", "0.00", "0.70", "0.30", "0.00", "0.00"),
                List.of(accumulated("ring", "8482.99", "1.00", s)), "RVC(NC) >= 80");
        Determination det = nafta.evaluate(g, DATE);
        assertThat(det.rvc().netCost()).isEqualByComparingTo("1.95");
        assertThat(det.vnm()).isEqualByComparingTo("0.30");
        assertThat(det.rvc().value()).isEqualByComparingTo(d("1.65").multiply(d("100")).divide(d("1.95"), 10, java.math.RoundingMode.DOWN));
        assertThat(det.status()).isEqualTo(Status.ORIGINATING);
    }

    @Test
    void accumulationOriginatingAmountFormCountsTheRestAsNonOriginating() {
        var s = new SupplierStatement(null, null, null, d("0.40"), null);
        var g = good("8482.99", null, costs("0.00", "0.00", "0.70", "0.30", "0.00", "0.00"),
                List.of(accumulated("ring", "8482.99", "1.00", s)), "RVC(NC) >= 50");
        Determination det = usmca.evaluate(g, DATE);
        assertThat(det.vnm()).isEqualByComparingTo("0.60");
        assertThat(det.rvc().netCost()).isEqualByComparingTo("2.00");
    }

    @Test
    void naftaAccumulationForcesTheNetCostMethodButUsmcaDoesNot() {
        var s = new SupplierStatement(d("3.00"), d("2.00"), null, null, null);
        var g = good("8482.99", "10.00", costs("0.00", "0.00", "3.00", "0.00", "0.00", "0.00"),
                List.of(accumulated("ring", "8482.99", "3.00", s)), "RVC(either) >= 60");
        // TV: (10 - 2)/10 = 80 %; NC: total 6.00 - 3.00 + 3.00 = 6.00, (6 - 2)/6 = 66.67 %
        assertThat(usmca.evaluate(g, DATE).rvc().method()).isEqualTo(RvcMethod.TV);
        assertThat(usmca.evaluate(g, DATE).rvc().value()).isEqualByComparingTo("80");
        Determination n = nafta.evaluate(g, DATE);
        assertThat(n.rvc().method()).isEqualTo(RvcMethod.NC);
        assertThat(n.rvc().value()).isEqualByComparingTo("66.6666666666");
    }

    @Test
    void producerMayTreatAnOriginatingMaterialAsNonOriginating() {
        var m = new Material("m", dev.origin.core.hs.HsCode.parse("4016.93"), d("20.00"), Origin.ORIGINATING, "US",
                MaterialKind.DIRECT, true, false, null, null);
        var g = good("8481.80", "100.00", null, List.of(m), "RVC(TV) >= 50");
        assertThat(usmca.evaluate(g, DATE).vnm()).isEqualByComparingTo("20.00");
    }

    @Test
    void indirectAndPackingMaterialsAreNotCountedButPackagingIs() {
        var ind = new Material("tools", dev.origin.core.hs.HsCode.parse("8207.30"), d("5.00"), Origin.NON_ORIGINATING, "CN",
                MaterialKind.INDIRECT, false, false, null, null);
        var pack = new Material("crate", dev.origin.core.hs.HsCode.parse("4415.10"), d("3.00"), Origin.NON_ORIGINATING, "CN",
                MaterialKind.PACKING, false, false, null, null);
        var box = new Material("box", dev.origin.core.hs.HsCode.parse("8481.90"), d("2.00"), Origin.NON_ORIGINATING, "CN",
                MaterialKind.PACKAGING, false, false, null, null);
        var g = good("8481.80", "100.00", null, List.of(ind, pack, box), "CTH and RVC(TV) >= 50");
        Determination det = usmca.evaluate(g, DATE);
        assertThat(det.vnm()).isEqualByComparingTo("2.00");
        // the packaging (same heading) is not tested for the tariff shift
        assertThat(det.findings()).filteredOn(r -> r.kind().label().equals("tariff-shift")).allMatch(r -> Boolean.TRUE.equals(r.met()));
    }

    @Test
    void selfProducedMaterialMayBeTestedItselfForTheTariffShift() {
        // SOR/94-14 s.4(9) Example: Y (same heading as the good) makes Z (other heading); Z is tested -> shift met
        var z = selfProduced("Z", "8501.10", false, costs("0.00", "0.00", "1.00", "0.00", "0.00", "0.00"),
                List.of(mat("Y", "8414.90", "2.00", Origin.NON_ORIGINATING)), "CTH except from 84.14");
        var g = good("8414.51", null, costs("0.00", "0.00", "1.00", "0.00", "0.00", "0.00"), List.of(z), "CTH");
        Determination det = usmca.evaluate(g, DATE);
        assertThat(det.status()).isEqualTo(Status.ORIGINATING);
        assertThat(det.vnm()).isEqualByComparingTo("2.00");
    }

    @Test
    void producedExclusivelyFromOriginatingMaterialsIsOriginatingEvenUnderAWhollyObtainedRule() {
        var g = good("0303.11", "10.00", null, List.of(mat("m", "0302.11", "5.00", Origin.ORIGINATING)), "WO");
        Determination det = usmca.evaluate(g, DATE);
        assertThat(det.status()).isEqualTo(Status.ORIGINATING);
        var g2 = good("0303.11", "10.00", null, List.of(mat("m", "0302.11", "5.00", Origin.NON_ORIGINATING)), "WO");
        assertThat(usmca.evaluate(g2, DATE).status()).isEqualTo(Status.NON_ORIGINATING);
    }

    @Test
    void missingCostsMakeTheRequirementNotEvaluableAndTheGoodUndetermined() {
        var g = good("8481.80", null, null, List.of(mat("m", "8481.90", "20.00", Origin.NON_ORIGINATING)), "RVC(NC) >= 50");
        Determination det = usmca.evaluate(g, DATE);
        assertThat(det.status()).isEqualTo(Status.UNDETERMINED);
        assertThat(det.findings().get(0).status()).isEqualTo(FindingStatus.NOT_EVALUABLE);
        assertThat(det.findings().get(0).missing()).containsExactly("costs");
        assertThat(det.missingFacts()).containsExactly("costs");
        assertThat(det.hasErrors()).isFalse();
    }

    @Test
    void lumpNonOriginatingMaterialsAreCountedInVnmButNotTestedForATariffShift() {
        var g = good("8481.80", "100.00", costs("0.00", "20.00", "10.00", "0.00", "0.00", "0.00"),
                List.of(mat("m", "8501.10", "30.00", Origin.NON_ORIGINATING)), "CTH and RVC(TV) >= 40");
        Determination det = usmca.evaluate(g, DATE);
        assertThat(det.vnm()).isEqualByComparingTo("50.00");
        assertThat(det.status()).isEqualTo(Status.ORIGINATING);
        assertThat(det.diagnostics()).singleElement().satisfies(x -> {
            assertThat(x.code()).isEqualTo("UNCLASSIFIED_MATERIALS");
            assertThat(x.isError()).isFalse();
        });
        assertThat(det.findings().get(0).note()).contains("not tested");
    }

    @Test
    void alternativesDecideByTheFirstMetAndFailuresListEveryFailingLeaf() {
        var g = good("8481.80", "100.00", null, List.of(mat("m", "8481.90", "45.00", Origin.NON_ORIGINATING)),
                "CTH or RVC(TV) >= 60 or RVC(TV) >= 50");
        Determination det = usmca.evaluate(g, DATE);
        assertThat(det.status()).isEqualTo(Status.ORIGINATING);
        assertThat(det.decidingRules()).containsExactly("psr.rvc.2");
        assertThat(det.rvc().min()).isEqualByComparingTo("50");
        var fails = good("8481.80", "100.00", null, List.of(mat("m", "8481.90", "55.00", Origin.NON_ORIGINATING)),
                "CTH or RVC(TV) >= 60 or RVC(TV) >= 50");
        assertThat(usmca.evaluate(fails, DATE).decidingRules()).containsExactly("psr.tariff-shift", "psr.rvc", "psr.rvc.2");
    }

    @Test
    void traceWithoutRecordingGivesTheSameVerdict() {
        var g = good("8481.80", "100.00", null, List.of(mat("m", "8481.90", "45.00", Origin.UNKNOWN)), "RVC(TV) >= 60");
        Determination a = usmca.evaluate(g, DATE, true);
        Determination b = usmca.evaluate(g, DATE, false);
        assertThat(b.trace()).isNull();
        assertThat(b.status()).isEqualTo(a.status());
        assertThat(b.findings()).isEqualTo(a.findings());
    }

    static BigDecimal d(String s) { return new BigDecimal(s); }

    @Test
    void missingDataForAnAlternativeNotNeededIsNoProblem() {
        var g = good("8481.80", "100.00", null, List.of(mat("m", "8481.90", "30.00", Origin.NON_ORIGINATING)), "RVC(TV) >= 60 or RVC(NC) >= 50");
        Determination det = usmca.evaluate(g, DATE);
        assertThat(det.status()).isEqualTo(Status.ORIGINATING);
        assertThat(det.diagnostics()).isEmpty();
        var fails = good("8481.80", "100.00", null, List.of(mat("m", "8481.90", "50.00", Origin.NON_ORIGINATING)), "RVC(TV) >= 60 or RVC(NC) >= 50");
        // the TV limb fails and the NC limb needs a cost sheet: undetermined until the costs are given
        Determination u = usmca.evaluate(fails, DATE);
        assertThat(u.status()).isEqualTo(Status.UNDETERMINED);
        assertThat(u.missingFacts()).containsExactly("costs");
        assertThat(u.diagnostics()).isEmpty();
    }

    @Test
    void partsInTheGoodsOwnSubheadingQualifyOnTheCriterionDRvc() {
        // SOR/94-14 s.4(4)(b), Example 5 of s.5(13): barbers' chairs 9402.10 with non-originating parts of 9402.10
        var g = good("9402.10", "100.00", null, List.of(mat("part", "9402.10", "35.00", Origin.NON_ORIGINATING)), "CC");
        Determination det = nafta.evaluate(g, DATE);
        assertThat(det.status()).isEqualTo(Status.ORIGINATING); // TV RVC 65 % >= 60 %
        assertThat(det.decidingRules()).contains("nafta-test.criterion-d.tv");
        var tooMuch = good("9402.10", "100.00", null, List.of(mat("part", "9402.10", "45.00", Origin.NON_ORIGINATING)), "CC");
        // 55 % < 60 % TV; the NC limb (50 %) needs a cost sheet: undetermined until it is given
        assertThat(nafta.evaluate(tooMuch, DATE).status()).isEqualTo(Status.UNDETERMINED);
        var tooMuchCosted = good("9402.10", "100.00", costs("0.00", "0.00", "40.00", "0.00", "0.00", "0.00"),
                List.of(mat("part", "9402.10", "45.00", Origin.NON_ORIGINATING)), "CC");
        assertThat(nafta.evaluate(tooMuchCosted, DATE).status()).isEqualTo(Status.NON_ORIGINATING); // NC 40 / 85 = 47 % < 50 %
        // a failing material of another subheading in the same chapter is not rescued
        var other = good("9402.10", "100.00", null, List.of(mat("part", "9403.90", "10.00", Origin.NON_ORIGINATING)), "CC");
        assertThat(nafta.evaluate(other, DATE).status()).isEqualTo(Status.NON_ORIGINATING);
    }
}
