package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.Status;
import dev.origin.core.model.Good;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.RvcMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Second legal review of the general provisions and the automotive rules against the legal texts
 * (SOR/2020-155 = USMCA Uniform Regulations, SOR/94-14 = NAFTA Uniform Regulations, as held in
 * shared/data/canada-roo-regulations). Every expected figure is worked out by hand in the comment above
 * the test, with the provision that decides it; the engine's output is never the oracle.
 *
 * <p>No test here is skipped: a discrepancy between the engine and the law is fixed, not documented by a
 * disabled test. The tests guard tricky cases that were verified correct.
 *
 * <p>JSON is written with single quotes (turned into double quotes) and {@code ~} for an escaped quote
 * inside a JSON string.
 */
class LegalReviewTest {

    // ------------------------------------------------------------------ helpers

    private static Regime pack(String id) throws InputException {
        return RulePackReader.load(id, Map.of());
    }

    private static Good parse(String goodJson) throws InputException {
        String json = "{'goods':[" + goodJson + "]}";
        json = json.replace("~", "\\\"").replace('\'', '"');
        return CaseFileReader.read(json, "x.json", false).get(0);
    }

    private static Determination eval(String regime, String goodJson, String date) throws InputException {
        return Evaluator.of(pack(regime)).evaluate(parse(goodJson), LocalDate.parse(date));
    }

    private static Determination eval(Regime regime, String goodJson, String date) throws InputException {
        return Evaluator.of(regime).evaluate(parse(goodJson), LocalDate.parse(date));
    }

    private static String nom(String id, String hs, String value, String country) {
        return "{'id':'" + id + "','hs':'" + hs + "','value':'" + value + "','origin':'non-originating','country':'" + country + "'}";
    }

    private static String orig(String id, String hs, String value, String country) {
        return "{'id':'" + id + "','hs':'" + hs + "','value':'" + value + "','origin':'originating','country':'" + country + "'}";
    }

    private static Finding req(Determination d, String kind) {
        return d.findings().stream().filter(r -> kind.equals(r.kind().label())).findFirst()
                .orElseThrow(() -> new AssertionError("no requirement of kind " + kind + " in " + d.findings()));
    }

    private static void assertPercent(BigDecimal actual, String expected) {
        assertThat(actual).as("expected %s", expected).isNotNull();
        assertThat(actual.compareTo(new BigDecimal(expected))).as("%s vs expected %s", actual.toPlainString(), expected).isZero();
    }

    private static void assertPercentNear(BigDecimal actual, String expected) {
        assertThat(actual).as("expected %s", expected).isNotNull();
        assertThat(actual.subtract(new BigDecimal(expected)).abs()).as("%s vs expected %s", actual.toPlainString(), expected)
                .isLessThan(new BigDecimal("0.001"));
    }

    // ================================================================== de minimis

    @Nested
    class DeMinimis {

        // SOR/2020-155 s.5(1)(a)(i): 10 % of the TV "adjusted to exclude any costs incurred in the international
        // shipment". TV 1050 with 50 international shipping -> base 1000. Parts of 9403.90 (same heading as the
        // good 9403.20) fail the CTH. 100.00 = 10.0 % -> originating ("not more than"); 104.00 = 10.4 % of 1000 ->
        // not (it would be 9.9 % of the unadjusted 1050).
        @ParameterizedTest(name = "USMCA failing NOM {0} of adjusted TV 1000 -> {1}")
        @CsvSource({"100.00, ORIGINATING", "100.01, NON_ORIGINATING", "104.00, NON_ORIGINATING"})
        void usmcaTariffShiftRescueOnAdjustedTransactionValue(String failing, Status expected) throws InputException {
            String g = "{'id':'g','hs':'9403.20','producer':{'country':'MX'},'transactionValue':'1050.00','internationalShipping':'50.00',"
                    + "'rule':'CTH','materials':[" + nom("parts", "9403.90", failing, "CN") + "," + nom("bolts", "7318.15", "300.00", "CN") + "]}";
            assertThat(eval("usmca", g, "2022-01-01").status()).isEqualTo(expected);
        }

        // SOR/94-14 s.5(1)(a): 7 % of the F.O.B. transaction value. TV 1000: 70.00 -> originating, 70.01 -> not.
        @ParameterizedTest(name = "NAFTA failing NOM {0} of TV 1000 -> {1}")
        @CsvSource({"70.00, ORIGINATING", "70.01, NON_ORIGINATING"})
        void naftaTariffShiftRescueAtSevenPercent(String failing, Status expected) throws InputException {
            String g = "{'id':'g','hs':'9403.20','producer':{'country':'MX'},'transactionValue':'1000.00',"
                    + "'rule':'CTH','materials':[" + nom("parts", "9403.90", failing, "CN") + "]}";
            assertThat(eval("nafta", g, "2005-01-01").status()).isEqualTo(expected);
        }

        // SOR/2020-155 s.5(1)(b) and Example 3 of s.5(15): materials rescued by de minimis still count in the VNM.
        // Rule CTH and RVC(TV) >= 60; TV 1000; parts 9403.90 = 100 (10 %, rescued) + bolts 310 (shift) ->
        // VNM 410 -> RVC 59 % < 60; all NOM are 41 % so s.5(4) does not exempt -> non-originating.
        @Test
        void rescuedMaterialsStillCountInTheRvc() throws InputException {
            String g = "{'id':'g','hs':'9403.20','producer':{'country':'MX'},'transactionValue':'1000.00',"
                    + "'rule':'CTH and RVC(TV) >= 60','materials':[" + nom("parts", "9403.90", "100.00", "CN") + ","
                    + nom("bolts", "7318.15", "310.00", "CN") + "]}";
            Determination d = eval("usmca", g, "2022-01-01");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertPercent(d.rvc().value(), "59");
        }

        // SOR/2020-155 s.5(4)(a)(ii): no TV, so total cost is the base. Total cost = 100 (NOM) + 900 = 1000,
        // excluded costs 850 -> NC 150; RVC(NC) = (150 - 100) / 150 = 33.3 % < 60, but all NOM = 100 = 10 % of
        // total cost -> the RVC need not be met -> originating.
        @Test
        void rvcExemptionOnTotalCostWhenThereIsNoTransactionValue() throws InputException {
            String g = "{'id':'g','hs':'8438.10','producer':{'country':'MX'},'rule':'RVC(NC) >= 60',"
                    + "'costs':{'otherProductCosts':'900.00','excludedCosts':{'salesPromotion':'850.00'}},"
                    + "'materials':[" + nom("m", "8483.40", "100.00", "CN") + "]}";
            Determination d = eval("usmca", g, "2022-01-01");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertThat(d.decidingRules()).contains("usmca.de-minimis-rvc");
        }

        // SOR/94-14 s.5(5): the exemption is on ALL non-originating materials (7 %); 7.01 % -> the RVC applies.
        // NC = total cost 1000 (no excluded costs, no TV). NOM 70.10 + RVC threshold 95 (hand-written rule):
        // RVC = 92.99 % < 95 and NOM 7.01 % > 7 -> non-originating; NOM 70.00 -> exempt -> originating.
        @ParameterizedTest(name = "NAFTA all NOM {0} of total cost 1000 -> {1}")
        @CsvSource({"70.00, ORIGINATING", "70.10, NON_ORIGINATING"})
        void naftaRvcExemptionBoundary(String nomValue, Status expected) throws InputException {
            BigDecimal other = new BigDecimal("1000.00").subtract(new BigDecimal(nomValue));
            String g = "{'id':'g','hs':'8438.10','producer':{'country':'MX'},'rule':'RVC(NC) >= 95',"
                    + "'costs':{'otherProductCosts':'" + other.toPlainString() + "'},"
                    + "'materials':[" + nom("m", "8483.40", nomValue, "CN") + "]}";
            assertThat(eval("nafta", g, "2005-01-01").status()).isEqualTo(expected);
        }

        // SOR/2020-155 s.5(3)(e): de minimis does not apply to a non-originating material of Chapter 15 used in a
        // good of heading 15.07. Crude soybean oil 1507.10 (5 % of TV) in refined oil 1507.90 under CTH: the
        // material fails the shift and cannot be rescued -> non-originating.
        @Test
        void usmcaExclusionBarsTheRescue() throws InputException {
            String g = "{'id':'g','hs':'1507.90','producer':{'country':'CA'},'transactionValue':'1000.00','rule':'CTH',"
                    + "'materials':[" + nom("crude", "1507.10", "50.00", "AR") + "]}";
            assertThat(eval("usmca", g, "2022-01-01").status()).isEqualTo(Status.NON_ORIGINATING);
        }

        // SOR/2020-155 s.5(1)(a): "not more than 10% (i) of the transaction value ..., or (ii) of the total cost
        // of the good". Unlike SOR/94-14 s.5(1)(b) ("of the total cost ... where there is no transaction value ...
        // or the transaction value ... is unacceptable"), the USMCA text puts the two bases side by side with no
        // condition; s.5(11) then lets the producer choose how total cost is computed. Good sold at a loss:
        // TV 1000, total cost 110 + 1090 = 1200. Failing parts 110 = 11 % of TV but 9.17 % of total cost ->
        // within de minimis on the total-cost base -> originating.
        @Test
        void usmcaDeMinimisOnTotalCostEvenWithTransactionValue() throws InputException {
            String g = "{'id':'g','hs':'9403.20','producer':{'country':'MX'},'transactionValue':'1000.00','rule':'CTH',"
                    + "'costs':{'otherProductCosts':'1090.00'},'materials':[" + nom("parts", "9403.90", "110.00", "CN") + "]}";
            assertThat(eval("usmca", g, "2022-01-01").status()).isEqualTo(Status.ORIGINATING);
        }

        // Counterpart under NAFTA, where total cost is the base only when there is no (acceptable) TV
        // (SOR/94-14 s.5(1)(a)-(b)): 110 = 11 % of TV 1000 > 7 % -> non-originating.
        @Test
        void naftaDeMinimisUsesTheTransactionValueWhenThereIsOne() throws InputException {
            String g = "{'id':'g','hs':'9403.20','producer':{'country':'MX'},'transactionValue':'1000.00','rule':'CTH',"
                    + "'costs':{'otherProductCosts':'1090.00'},'materials':[" + nom("parts", "9403.90", "65.00", "CN") + ","
                    + nom("more", "9403.90", "45.00", "CN") + "]}";
            assertThat(eval("nafta", g, "2005-01-01").status()).isEqualTo(Status.NON_ORIGINATING);
        }

        // SOR/94-14 s.5(4)(j): de minimis does not apply to "a printed circuit assembly that is a non-originating
        // material used in the production of a good, where the applicable change in tariff classification for the
        // good places restrictions on the use of that non-originating material". The rule for the instrument
        // excepts PCAs of 9030.90; a non-originating PCA worth 50 (5 % of TV 1000) fails the shift and cannot be
        // rescued -> non-originating (the nafta pack's exclusion (j): a failing material stating it is a PCA).
        @Test
        void naftaPrintedCircuitAssemblyCannotBeRescued() throws InputException {
            String g = "{'id':'g','hs':'9030.40','producer':{'country':'US'},'transactionValue':'1000.00',"
                    + "'rule':'CTSH except from 9030.90 ~printed circuit assemblies~','materials':["
                    + "{'id':'pca','hs':'9030.90','value':'50.00','origin':'non-originating','country':'CN','facts':['printed circuit assemblies']},"
                    + nom("switch", "8536.50", "100.00", "CN") + "]}";
            assertThat(eval("nafta", g, "2005-01-01").status()).isEqualTo(Status.NON_ORIGINATING);
        }

        // The same good and rule without a PCA among the failing materials: the excepted 9030.90 material that
        // is not a PCA shifts (the exception names PCAs only), so the good is originating. Guards the described
        // exception that the test above relies on.
        @Test
        void describedExceptionOnlyCatchesPcas() throws InputException {
            String g = "{'id':'g','hs':'9030.40','producer':{'country':'US'},'transactionValue':'1000.00',"
                    + "'rule':'CTSH except from 9030.90 ~printed circuit assemblies~','materials':["
                    + "{'id':'housing','hs':'9030.90','value':'50.00','origin':'non-originating','country':'CN'},"
                    + nom("switch", "8536.50", "100.00", "CN") + "]}";
            assertThat(eval("nafta", g, "2005-01-01").status()).isEqualTo(Status.ORIGINATING);
        }
    }

    // ================================================================== criterion (d)

    @Nested
    class CriterionD {

        // SOR/2020-155 s.3(4)(a) and Example 5 of s.5(15): barbers' chairs 9402.10 (rule CTSH) made with
        // non-originating parts of 9402.10 (the subheading covers chairs and parts). Parts 150 = 15 % of TV 1000:
        // de minimis fails, criterion (d) applies: RVC(TV) = 85 % >= 60 -> originating.
        // Parts 450: RVC(TV) 55 % < 60 and no cost sheet for the NC limb (50 %) -> undetermined until the costs are
        // given (partial results, docs/findings.md).
        @ParameterizedTest(name = "parts {0} -> {1}")
        @CsvSource({"150.00, ORIGINATING", "450.00, UNDETERMINED"})
        void partsInTheGoodsOwnSubheading(String parts, Status expected) throws InputException {
            String g = "{'id':'g','hs':'9402.10','producer':{'country':'MX'},'transactionValue':'1000.00','rule':'CTSH',"
                    + "'materials':[" + nom("parts", "9402.10", parts, "CN") + "]}";
            Determination d = eval("usmca", g, "2022-01-01");
            assertThat(d.status()).isEqualTo(expected);
            if (expected == Status.ORIGINATING) assertThat(d.decidingRules()).anyMatch(r -> r.startsWith("usmca.criterion-d"));
            if (expected == Status.UNDETERMINED) assertThat(d.missingFacts()).contains("costs");
        }

        // Criterion (d) is only for materials that cannot shift BECAUSE they share the good's subheading (or an
        // undivided heading). A 9402.90 material under a CTH rule fails because of the heading, not the
        // subheading -> no criterion (d); 15 % > 10 % de minimis -> non-originating even with RVC(TV) 85 %.
        @Test
        void materialOfAnotherSubheadingIsNotCoveredByCriterionD() throws InputException {
            String g = "{'id':'g','hs':'9402.10','producer':{'country':'MX'},'transactionValue':'1000.00','rule':'CTH',"
                    + "'materials':[" + nom("other", "9402.90", "150.00", "CN") + "]}";
            assertThat(eval("usmca", g, "2022-01-01").status()).isEqualTo(Status.NON_ORIGINATING);
        }
    }

    // ================================================================== RVC method choice

    @Nested
    class RvcMethodChoice {

        // SOR/94-14 s.6(6)(d)(iv): NC is mandatory for "a good of heading 84.69", although Schedule I's rule (4) for
        // "any other good of heading 84.69" offers 60 % TV or 50 % NC. Typewriter 8469.29 from parts 8473.10:
        // NOM 350, NC = 350 + 250 = 600 -> RVC(NC) = 41.67 % < 50; TV 1000 -> 65 % (not available) ->
        // non-originating.
        @Test
        void naftaHeading8469IsNetCostOnly() throws InputException {
            String g = "{'id':'g','hs':'8469.29','producer':{'country':'MX'},'transactionValue':'1000.00',"
                    + "'rule':'CTH from 84.73 and (RVC(TV) >= 60 or RVC(NC) >= 50)','costs':{'otherProductCosts':'250.00'},"
                    + "'materials':[" + nom("parts", "8473.10", "350.00", "JP") + "]}";
            Determination d = eval("nafta", g, "2005-01-01");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertThat(d.rvc().method()).isEqualTo(RvcMethod.NC);
        }

        // SOR/94-14 s.6(1): TV or NC at the producer's choice; s.6(6)(d)(ii) makes NC mandatory only for Schedule IV
        // goods "for use in a motor vehicle". s.13(1)(b)(iii) leaves bearings 8482.10-8482.80 at Schedule I's figures.
        // An industrial ball bearing (no vehicle) under Schedule I's rule (2) for 8482.10-8482.80 ("from 8482.99 ...
        // RVC 60 % TV or 50 % NC"): NOM rings 350; TV 1000 -> 65 % >= 60 -> originating (NC would be 41.67 %).
        @Test
        void naftaIndustrialBearingMayUseTransactionValue() throws InputException {
            String g = "{'id':'g','hs':'8482.10','producer':{'country':'US'},'transactionValue':'1000.00',"
                    + "'rule':'from 8482.99 and (RVC(TV) >= 60 or RVC(NC) >= 50)','costs':{'otherProductCosts':'250.00'},"
                    + "'materials':[" + nom("rings", "8482.99", "350.00", "JP") + "]}";
            Determination d = eval("nafta", g, "2005-01-01");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertThat(d.rvc().method()).isEqualTo(RvcMethod.TV);
        }

        // The same bearing for a heavy-duty vehicle: s.6(6)(d)(ii) -> NC only (even as an after-market part);
        // s.13(1)(b)(iii) leaves it at 50 %. Listed-materials method (s.10): VNM = the NOM 350 -> 41.67 % < 50 ->
        // non-originating although TV would give 65 %.
        @Test
        void naftaBearingForAHeavyDutyVehicleIsNetCostOnly() throws InputException {
            String g = "{'id':'g','hs':'8482.10','vehicle':'heavy-truck','producer':{'country':'US'},'transactionValue':'1000.00',"
                    + "'fiscalYearStart':'01-01','rule':'from 8482.99 and (RVC(TV) >= 60 or RVC(NC) >= 50)','costs':{'otherProductCosts':'250.00'},"
                    + "'materials':[" + nom("rings", "8482.99", "350.00", "JP") + "]}";
            Determination d = eval("nafta", g, "2005-01-01");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertThat(d.rvc().method()).isEqualTo(RvcMethod.NC);
            assertPercent(d.rvc().min(), "50");
        }

        // The same bearing as original equipment for a light-duty vehicle is a light-duty automotive good
        // (SOR/94-14 s.1; 8482.10 is in Schedule IV): VNM = traced materials only (s.9(1)). Rings of 8482.99 are not
        // a Schedule IV provision -> not traced -> VNM 0 -> RVC(NC) 100 % -> originating.
        @Test
        void naftaBearingForALightDutyVehicleCountsTracedMaterialsOnly() throws InputException {
            String g = "{'id':'g','hs':'8482.10','vehicle':'passenger-vehicle','producer':{'country':'US'},'transactionValue':'1000.00',"
                    + "'fiscalYearStart':'01-01','rule':'from 8482.99 and (RVC(TV) >= 60 or RVC(NC) >= 50)','costs':{'otherProductCosts':'250.00'},"
                    + "'materials':[" + nom("rings", "8482.99", "350.00", "JP") + "]}";
            Determination d = eval("nafta", g, "2005-01-01");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertThat(d.rvc().method()).isEqualTo(RvcMethod.NC);
            assertPercent(d.rvc().vnm(), "0");
        }
    }

    // ================================================================== self-produced and intermediate materials

    @Nested
    class SelfProducedAndIntermediate {

        private String good(boolean designated, String subRule) {
            return "{'id':'g','hs':'8438.10','producer':{'country':'MX'},'rule':'RVC(NC) >= 60',"
                    + "'costs':{'otherProductCosts':'400.00'},'materials':["
                    + "{'id':'s','hs':'8483.40','selfProduced':true,'intermediate':" + designated + ",'rule':'" + subRule + "',"
                    + "'costs':{'otherProductCosts':'300.00','excludedCosts':{'royalties':'50.00'}},"
                    + "'materials':[" + nom("n", "8483.90", "250.00", "CN") + "]}]}";
        }

        // SOR/2020-155 s.7(5)(a): a self-produced material that is not designated contributes only its own NOM (250);
        // its excluded costs (royalties 50, recorded on the producer's books) are excluded from the good's NC.
        // S total cost = 250 + 300 = 550; good total = 550 + 400 = 950; NC = 950 - 50 = 900;
        // RVC = (900 - 250) / 900 = 72.22 % -> originating.
        @Test
        void notDesignatedContributesItsOwnNonOriginatingMaterials() throws InputException {
            Determination d = eval("usmca", good(false, "RVC(NC) >= 60"), "2022-01-01");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertPercent(d.rvc().netCost(), "900");
            assertPercent(d.rvc().vnm(), "250");
        }

        // SOR/2020-155 s.8(6)-(8), s.7(4)(b): designated and non-originating -> its whole value (total cost 550)
        // is non-originating. S: NC 500, VNM 250 -> 50 % < 60 -> not originating. Good: NC = 950 (the
        // royalties sit inside the intermediate material's value and are not subtracted again, s.7(13)(b));
        // RVC = (950 - 550) / 950 = 42.1 % -> non-originating.
        @Test
        void designatedNonOriginatingCountsItsFullValue() throws InputException {
            Determination d = eval("usmca", good(true, "RVC(NC) >= 60"), "2022-01-01");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertPercent(d.rvc().netCost(), "950");
            assertPercent(d.rvc().vnm(), "550");
        }

        // Designated and originating (S: 50 % >= 50) -> roll-up, s.7(4)(b): VNM 0, NC 950 -> 100 %.
        @Test
        void designatedOriginatingRollsUp() throws InputException {
            Determination d = eval("usmca", good(true, "RVC(NC) >= 50"), "2022-01-01");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertPercent(d.rvc().vnm(), "0");
            assertPercent(d.rvc().netCost(), "950");
        }

        // SOR/2020-155 s.8(6) (NAFTA s.7(4) alike): "if an intermediate material is subject to a regional value
        // content requirement, no other self-produced material that is subject to a regional value content
        // requirement and is incorporated into that intermediate material is also designated".
        // A (RVC rule) contains B (RVC rule), both designated. B: 150 NOM + 200 = 350, RVC 57.1 % >= 50.
        // A: B 350 + NOM y 200 + 100 = 650. The lawful choices for the good (NC = 650 + 350 = 1000, rule 85 %):
        //  - A only designated: A's VNM = B's NOM 150 + 200 = 350 -> 46.2 % < 50 -> A non-originating -> VNM 650;
        //  - B only designated: A not designated contributes its own NOM = 0 (B rolls up) + 200 -> VNM 200 -> 80 %;
        //  - none: VNM 150 + 200 = 350 -> 65 %.
        // Best lawful RVC is 80 % < 85 -> non-originating. Both designated (not allowed) would give A originating
        // (VNM 200 -> 69.2 %) and a good VNM of 0 -> 100 %. The engine must reject the double designation or
        // not give effect to it.
        @Test
        void nestedDesignationIsNotAllowed() throws InputException {
            String g = "{'id':'g','hs':'8438.10','producer':{'country':'MX'},'rule':'RVC(NC) >= 85',"
                    + "'costs':{'otherProductCosts':'350.00'},'materials':["
                    + "{'id':'a','hs':'8483.40','selfProduced':true,'intermediate':true,'rule':'RVC(NC) >= 50',"
                    + "'costs':{'otherProductCosts':'100.00'},'materials':["
                    + "{'id':'b','hs':'8483.90','selfProduced':true,'intermediate':true,'rule':'RVC(NC) >= 50',"
                    + "'costs':{'otherProductCosts':'200.00'},'materials':[" + nom("x", "7326.90", "150.00", "CN") + "]},"
                    + nom("y", "7326.90", "200.00", "CN") + "]}]}";
            Good good;
            try {
                good = parse(g);
            } catch (InputException rejected) {
                return; // rejecting the designation as invalid input is a lawful outcome
            }
            Determination d = Evaluator.of(pack("usmca")).evaluate(good, LocalDate.parse("2022-01-01"));
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
        }

        // SOR/94-14 s.7(4): a producer may designate a self-produced material as intermediate "except in the case
        // of an automotive component assembly, automotive component or sub-component for use as original equipment
        // in the production of a heavy-duty vehicle". Road tractor 8701.20 (heavy-duty), FY from 1 January, 2005:
        // threshold 60 % (s.13(1)(b)). Self-produced engine 8408.20 (an automotive component, Schedule V) marked
        // intermediate: cost 1500 (JP 8409.99 parts) + 3500 = 5000. JP parts 8708.99 4000; other costs 3000 ->
        // NC 12000. The designation cannot be made, so the engine's own NOM (1500) counts (s.6(5)(a); s.10(1)(f)):
        // VNM = 1500 + 4000 = 5500 -> RVC = 6500 / 12000 = 54.17 % < 60 -> non-originating.
        // (With the designation given effect the engine rolls up: VNM 4000 -> 66.67 % -> originating.)
        @Test
        void naftaHeavyDutyComponentCannotBeDesignated() throws InputException {
            Determination d = eval("nafta", heavyDutyWithSelfProducedEngine(true), "2005-01-01");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertPercentNear(d.rvc().value(), "54.1666");
        }

        // The same vehicle with the engine not designated: the figures the law gives (54.17 %, non-originating).
        @Test
        void naftaHeavyDutyComponentNotDesignated() throws InputException {
            Determination d = eval("nafta", heavyDutyWithSelfProducedEngine(false), "2005-01-01");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertPercent(d.rvc().vnm(), "5500");
            assertPercentNear(d.rvc().value(), "54.1666");
            assertPercent(d.rvc().min(), "60");
        }

        private String heavyDutyWithSelfProducedEngine(boolean designated) {
            return "{'id':'g','hs':'8701.20','vehicle':'heavy-truck','producer':{'country':'MX'},'fiscalYearStart':'01-01',"
                    + "'costs':{'otherProductCosts':'3000.00'},'materials':["
                    + "{'id':'engine','hs':'8408.20','selfProduced':true,'intermediate':" + designated + ","
                    + "'costs':{'otherProductCosts':'3500.00'},'materials':[" + nom("blocks", "8409.99", "1500.00", "JP") + "]},"
                    + nom("parts", "8708.99", "4000.00", "JP") + "]}";
        }
    }

    // ================================================================== accumulation

    @Nested
    class Accumulation {

        // SOR/2020-155 s.9(3): under the TV method a statement accumulates only if it "states the value of
        // non-originating materials used by the producer of the material"; the originating-amount statement of
        // s.9(2)(b) is for the NC method. Rule "RVC(TV) >= 60 or RVC(NC) >= 65", TV 1000, material 500 with a
        // statement of an originating amount 200, other costs 300:
        //  - TV: no VNM statement -> the material (non-originating) counts 500 -> 50 % < 60;
        //  - NC: NC = 500 + 300 = 800, VNM = 500 - 200 = 300 (s.9(2)(b)) -> 62.5 % < 65.
        // -> non-originating. (Using 500 - 200 = 300 under TV gives 70 % -> originating.)
        @Test
        void usmcaOriginatingAmountStatementIsForNetCostOnly() throws InputException {
            String g = "{'id':'g','hs':'8438.10','producer':{'country':'MX'},'transactionValue':'1000.00',"
                    + "'rule':'RVC(TV) >= 60 or RVC(NC) >= 65','costs':{'otherProductCosts':'300.00'},'materials':["
                    + "{'id':'m','hs':'8483.40','value':'500.00','origin':'non-originating','country':'US',"
                    + "'statement':{'originatingAmount':'200.00'}}]}";
            assertThat(eval("usmca", g, "2022-01-01").status()).isEqualTo(Status.NON_ORIGINATING);
        }

        // SOR/2020-155 s.9(3): a statement of the supplier's VNM works under TV. Same good, statement netCost 450 /
        // vnm 300: TV -> (1000 - 300) / 1000 = 70 % >= 60 -> originating.
        @Test
        void usmcaVnmStatementWorksUnderTransactionValue() throws InputException {
            String g = "{'id':'g','hs':'8438.10','producer':{'country':'MX'},'transactionValue':'1000.00',"
                    + "'rule':'RVC(TV) >= 60 or RVC(NC) >= 65','costs':{'otherProductCosts':'300.00'},'materials':["
                    + "{'id':'m','hs':'8483.40','value':'500.00','origin':'non-originating','country':'US',"
                    + "'statement':{'netCost':'450.00','vnm':'300.00'}}]}";
            Determination d = eval("usmca", g, "2022-01-01");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertThat(d.rvc().method()).isEqualTo(RvcMethod.TV);
            assertPercent(d.rvc().value(), "70");
        }

        // SOR/94-14 s.14(3) and s.6(6)(e): accumulating forces the NC method. Material value 450 with a statement
        // NC 400, VNM 300, added costs (freight, duties) 20; other costs 300. NC = 450 + 300 + (400 + 20 - 450) = 720;
        // VNM 300 -> RVC(NC) = 58.33 % < 60; TV (70 %) not available -> non-originating.
        @Test
        void naftaAccumulationForcesNetCost() throws InputException {
            String g = "{'id':'g','hs':'8438.10','producer':{'country':'MX'},'transactionValue':'1000.00',"
                    + "'rule':'RVC(TV) >= 60 or RVC(NC) >= 60','costs':{'otherProductCosts':'300.00'},'materials':["
                    + "{'id':'m','hs':'8483.40','value':'450.00','origin':'non-originating','country':'US',"
                    + "'statement':{'netCost':'400.00','vnm':'300.00','addedCosts':'20.00'}}]}";
            Determination d = eval("nafta", g, "2005-01-01");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertThat(d.rvc().method()).isEqualTo(RvcMethod.NC);
            assertPercent(d.rvc().netCost(), "720");
            assertPercentNear(d.rvc().value(), "58.3333");
        }
    }

    // ================================================================== unknown origins

    @Nested
    class UnknownOrigins {

        // Rule CTH and RVC(TV) >= 60; TV 1000; a known NOM 150 and a material of unknown origin 300 (it shifts).
        // Best case (unknown originating): VNM 150 -> 85 %; worst: 450 -> 55 % -> UNDETERMINED, with both bounds.
        @Test
        void undeterminedWhenOnlyTheBestCaseQualifies() throws InputException {
            String g = "{'id':'g','hs':'8438.10','producer':{'country':'MX'},'transactionValue':'1000.00',"
                    + "'rule':'CTH and RVC(TV) >= 60','materials':[" + nom("n", "8483.90", "150.00", "CN") + ","
                    + "{'id':'u','hs':'8483.40','value':'300.00','origin':'unknown'}]}";
            Determination d = eval("usmca", g, "2022-01-01");
            assertThat(d.status()).isEqualTo(Status.UNDETERMINED);
            assertThat(d.bounds().unknownMaterials()).containsExactly("u");
            assertPercent(d.bounds().best().rvc().value(), "85");
            assertPercent(d.bounds().worst().rvc().value(), "55");
        }

        // An unknown material inside a self-produced (not designated) material is found through the tier; a failing
        // unknown within de minimis (10 % of 1000) leaves both bounds originating -> ORIGINATING.
        @Test
        void unknownInsideASelfProducedMaterial() throws InputException {
            String g = "{'id':'g','hs':'9403.20','producer':{'country':'MX'},'transactionValue':'1000.00','rule':'CTH',"
                    + "'materials':[{'id':'s','hs':'9403.90','selfProduced':true,'costs':{'otherProductCosts':'50.00'},"
                    + "'materials':[{'id':'u','hs':'9403.90','value':'100.00','origin':'unknown'}]}]}";
            Determination d = eval("usmca", g, "2022-01-01");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertThat(d.bounds().unknownMaterials()).containsExactly("s/u");
        }
    }

    // ================================================================== NAFTA heavy-duty listed method

    @Nested
    class NaftaHeavyDuty {

        // SOR/94-14 s.10(1)(d)(ii): an originating automotive component (engine 84.08) acquired for a heavy-duty
        // truck counts VM x (1 - RVC) on the supplier's statement of its RVC. Engine 5000 with stated RVC 60 % ->
        // 2000; JP parts 2000 (s.10(1)(f)); other costs 3000 -> NC 10000, VNM 4000 -> 60 % = threshold in 2005
        // (s.13(1)(b)) -> originating. Stated RVC 59.9 % -> 2005 -> 59.95 % -> non-originating.
        @ParameterizedTest(name = "engine stated RVC {0} -> {1}")
        @CsvSource({"60, ORIGINATING", "59.9, NON_ORIGINATING"})
        void originatingComponentCountsItsNonOriginatingShare(String rvc, Status expected) throws InputException {
            String g = "{'id':'g','hs':'8704.23','vehicle':'heavy-truck','producer':{'country':'MX'},'fiscalYearStart':'01-01',"
                    + "'costs':{'otherProductCosts':'3000.00'},'materials':["
                    + "{'id':'engine','hs':'8408.20','value':'5000.00','origin':'originating','country':'US','tracing':{'rvc':'" + rvc + "'}},"
                    + nom("parts", "8708.99", "2000.00", "JP") + "]}";
            Determination d = eval("nafta", g, "2005-01-01");
            assertThat(d.status()).isEqualTo(expected);
            assertPercent(d.rvc().min(), "60");
        }
    }

    // ================================================================== USMCA core parts, LVC, heavy trucks

    @Nested
    class UsmcaAutomotive {

        private String vehicle(String hs, String kind, String engineFigures, String labour, String otherMaterials, String other) {
            return "{'id':'g','hs':'" + hs + "','vehicle':'" + kind + "','producer':{'country':'MX'},"
                    + "'costs':{'otherProductCosts':'" + other + "'},"
                    + "'labour':" + labour + ","
                    + "'steel':{'originating':'8000.00','total':'10000.00'},'aluminum':{'originating':'8000.00','total':'10000.00'},"
                    + "'materials':[{'id':'engine','hs':'8407.34','value':'2000.00','origin':'originating','country':'US',"
                    + "'corePart':'engine','partCosts':" + engineFigures + "}" + otherMaterials + "]}";
        }

        private static final String LABOUR_45 = "{'highWageMaterials':'3000.00','highWageLabour':'1500.00',"
                + "'vehiclePlantWage':{'rate':'20.00','currency':'USD'}}";

        // SOR/2020-155 s.14(7)(b) with s.14(13): a Table A.2 part may be tested with only its non-originating column-2
        // components as VNM, and s.14(13) gives the threshold "for the purposes of subsections (2), (7) and (10)" as
        // "75% under the net cost method or 85% under the transaction value method" (from 1 July 2023).
        // Engine figures: NC 1000, all NOM 500, components 260, TV 2000.
        //   (a) NC 50 %, (a) TV 75 %, (b) NC 74 % -- all below; (b) TV (2000 - 260) / 2000 = 87 % >= 85 -> originating.
        // The vehicle: NC = 2000 + 1500 + 6500 = 10000; engine rolls up (panel-2023, s.14(1)) -> VNM 1500 ->
        // RVC 85 % >= 75; LVC 45; steel/aluminum 80 % -> originating. docs/automotive.md also says the four options
        // apply "at 66/69/72/75 % NC (or 76-85 % TV where the part's figures give a TV)".
        @Test
        void corePartQualifiesByComponentsUnderTransactionValue() throws InputException {
            String g = vehicle("8703.23", "passenger-vehicle",
                    "{'netCost':'1000.00','vnm':'500.00','vnmComponents':'260.00','transactionValue':'2000.00'}", LABOUR_45,
                    "," + nom("electronics", "8537.10", "1500.00", "CN"), "6500.00");
            Determination d = eval("usmca", g, "2024-01-01");
            assertThat(req(d, "core-parts").met()).isTrue();
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // Control: the same engine qualifying by option (a) under TV (all NOM 290 -> (2000 - 290) / 2000 = 85.5 %).
        @Test
        void corePartQualifiesByAllMaterialsUnderTransactionValue() throws InputException {
            String g = vehicle("8703.23", "passenger-vehicle",
                    "{'netCost':'1000.00','vnm':'290.00','vnmComponents':'260.00','transactionValue':'2000.00'}", LABOUR_45,
                    "," + nom("electronics", "8537.10", "1500.00", "CN"), "6500.00");
            Determination d = eval("usmca", g, "2024-01-01");
            assertThat(req(d, "core-parts").met()).isTrue();
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertPercent(d.rvc().value(), "85");
        }

        // Roll-up policy on a part qualifying by components only under NC (option (b)): engine NC 1000, all NOM 400
        // (60 % < 75), components 200 (80 % >= 75). panel-2023: the part counts as originating in the vehicle
        // (VNM = 1500 -> 85 %); us-cbp: its own VNM 400 counts (VNM 1900 -> 81 %). Both >= 75 -> originating, but
        // the reported RVC differs as docs/automotive.md states.
        @ParameterizedTest(name = "roll-up {0}: vehicle RVC {1}")
        @CsvSource({"panel-2023, 85", "us-cbp, 81"})
        void rollUpPolicy(String policy, String rvc) throws InputException {
            String g = vehicle("8703.23", "passenger-vehicle",
                    "{'netCost':'1000.00','vnm':'400.00','vnmComponents':'200.00'}", LABOUR_45,
                    "," + nom("electronics", "8537.10", "1500.00", "CN"), "6500.00");
            Determination d = eval(RulePackReader.load("usmca", Map.of("roll-up", policy)), g, "2024-01-01");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertPercent(d.rvc().value(), rvc);
        }

        // SOR/2020-155 s.18(22): "For the period ending July 1, 2027, if a producer certifies an LVC for a heavy truck
        // that is higher than 45% by increasing the amount of high wage material and manufacturing expenditures above
        // 30 percentage points, the producer may use the points above 30 percentage points as a credit towards the
        // RVC percentages ..., provided that the RVC percentage is not below 60%."
        // Heavy truck 8704.23 on 2025-01-01 (s.15: 64 %). NC = 2000 + 3800 + 4200 = 10000, VNM 3800 -> RVC 62 %.
        // LVC: HWMME (1800 + 1500) / 10000 = 33 points, technology 2000 / 10000 = 20 -> capped 10, assembly credit
        // 5 (20,000 engines) -> LVC 48 > 45 with 3 HWMME points above 30 -> RVC 62 + 3 = 65 >= 64, and 62 >= 60
        // -> originating.
        @Test
        void heavyTruckExcessLvcCreditsTheRvc() throws InputException {
            Determination d = eval("usmca", heavyTruck(), "2025-01-01");
            assertThat(req(d, "lvc").met()).isTrue();
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // Control: the same truck in the first heavy-truck period (60 %) -> originating without any credit,
        // and its LVC is 48 (33 + 10 + 5).
        @Test
        void heavyTruckInTheFirstPeriod() throws InputException {
            Determination d = eval("usmca", heavyTruck(), "2023-01-01");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertPercent(d.rvc().value(), "62");
            assertPercent(req(d, "lvc").value(), "48");
        }

        private String heavyTruck() {
            String labour = "{'highWageMaterials':'1800.00','highWageLabour':'1500.00','vehiclePlantWage':{'rate':'20.00','currency':'USD'},"
                    + "'technologyWages':'2000.00','productionWages':'10000.00',"
                    + "'assemblyPlant':{'engines':20000,'transmissions':0,'batteries':0,'wage':{'rate':'20.00','currency':'USD'}}}";
            return "{'id':'g','hs':'8704.23','vehicle':'heavy-truck','producer':{'country':'MX'},"
                    + "'costs':{'otherProductCosts':'4200.00'},'labour':" + labour + ","
                    + "'steel':{'originating':'8000.00','total':'10000.00'},'aluminum':{'originating':'8000.00','total':'10000.00'},"
                    + "'materials':[" + orig("engine", "8408.20", "2000.00", "US") + "," + nom("electronics", "8537.10", "3800.00", "CN") + "]}";
        }

        // SOR/2020-155 s.18(1)(d): from 1 July 2023 a passenger vehicle needs LVC 40 with at least 25 HWMME points;
        // credits (technology <= 10, assembly 5) only top up. HWMME 24.99 + 10 + 5 = 39.99 fails twice; 25 + 10 + 5
        // = 40 meets both (exactly at the thresholds).
        @ParameterizedTest(name = "HWM {0} -> LVC met {1}")
        @CsvSource({"999.00, false", "1000.00, true"})
        void lvcFloorAndCreditsAtTheBoundary(String hwm, boolean met) throws InputException {
            String labour = "{'highWageMaterials':'" + hwm + "','highWageLabour':'1500.00','vehiclePlantWage':{'rate':'16.00','currency':'USD'},"
                    + "'technologyWages':'5000.00','productionWages':'10000.00',"
                    + "'assemblyPlant':{'engines':0,'transmissions':100000,'batteries':0}}";
            String g = vehicle("8703.23", "passenger-vehicle", "{'netCost':'1000.00','vnm':'100.00','vnmComponents':'100.00'}",
                    labour, "," + nom("electronics", "8537.10", "1500.00", "CN"), "6500.00");
            Determination d = eval("usmca", g, "2024-01-01");
            assertThat(req(d, "lvc").met()).isEqualTo(met);
        }
    }

    // ================================================================== proposals (model formulas as documented)

    @Nested
    class Proposals {

        // docs/automotive.md: national content of X = (originating materials produced in X + (NC - all materials) when
        // the producer is in X) / NC. Vehicle 8703.23: US engine 3000 (originating), MX seat 2000 (originating),
        // CN 1000, other 4000 -> NC 10000, RVC 90 % >= 85. Producer US: (3000 + 4000) / 10000 = 70 % >= 50 ->
        // originating. Producer MX: 3000 / 10000 = 30 % < 50 -> non-originating.
        @ParameterizedTest(name = "producer {0}: US content {1}")
        @CsvSource({"US, 70, ORIGINATING", "MX, 30, NON_ORIGINATING"})
        void usProposalNationalContent(String producer, String us, Status expected) throws InputException {
            String g = "{'id':'g','hs':'8703.23','vehicle':'passenger-vehicle','producer':{'country':'" + producer + "'},"
                    + "'costs':{'otherProductCosts':'4000.00'},'materials':[" + orig("engine", "8407.34", "3000.00", "US") + ","
                    + orig("seat", "9401.20", "2000.00", "MX") + "," + nom("radio", "8527.21", "1000.00", "CN") + "]}";
            Determination d = eval("us-proposal-2017", g, "2018-01-01");
            assertThat(d.status()).isEqualTo(expected);
            assertPercent(req(d, "national-content").value(), us);
            assertPercent(d.rvc().value(), "90");
        }

        // docs/automotive.md: (NC - VNM + a) / (NC + b). NC 10000, VNM 3000 (no tracing), a 1000, b 2000 ->
        // 8000 / 12000 = 66.67 % -> below the default 80, above a min of 65.
        @ParameterizedTest(name = "min {0} -> {1}")
        @CsvSource({"80, NON_ORIGINATING", "65, ORIGINATING"})
        void canadaProposalIntangibles(String min, Status expected) throws InputException {
            String g = "{'id':'g','hs':'8703.23','vehicle':'passenger-vehicle','producer':{'country':'CA'},"
                    + "'intangibles':{'northAmerican':'1000.00','total':'2000.00'},"
                    + "'costs':{'otherProductCosts':'7000.00'},'materials':[" + nom("radio", "8527.21", "3000.00", "CN") + "]}";
            Determination d = eval(RulePackReader.load("canada-proposal-2018", Map.of("min", min)), g, "2018-01-01");
            assertThat(d.status()).isEqualTo(expected);
            assertPercentNear(req(d, "intangibles").value(), "66.6666");
        }
    }
}
