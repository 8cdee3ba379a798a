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
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Second-reviewer suite for the automotive rules of origin. Every expected figure below is worked out
 * by hand from the legal texts as digested in shared/domain/RULES.md (SOR/2020-155 ss.12-20 for
 * USMCA; SOR/94-14 ss.9-13 for NAFTA; the press-reported 2017-18 proposals, §4). The engine's output
 * is never used as the oracle. Percentages are compared with {@code compareTo} (BigDecimal).
 */
class AutomotiveRulesTest {

    // ------------------------------------------------------------------ helpers

    private static Regime pack(String id) throws InputException {
        return RulePackReader.load(id, Map.of());
    }

    private static Regime pack(String id, Map<String, String> params) throws InputException {
        return RulePackReader.load(id, params);
    }

    private static Good parse(String goodJson) throws InputException {
        List<Good> goods = CaseFileReader.read("{\"goods\":[" + goodJson + "]}", "case.json", false);
        return goods.get(0);
    }

    private static Determination eval(Regime regime, String goodJson, String date) throws InputException {
        return Evaluator.of(regime).evaluate(parse(goodJson), LocalDate.parse(date));
    }

    /** A good: {@code extra} are further top-level fields (each starting with a comma), then the materials. */
    private static String good(String hs, String vehicle, String producer, String otherProductCosts, String extra,
                               String... materials) {
        return "{\"id\":\"g\",\"hs\":\"" + hs + "\"" + (vehicle == null ? "" : ",\"vehicle\":\"" + vehicle + "\"")
                + ",\"producer\":{\"country\":\"" + producer + "\"},\"costs\":{\"otherProductCosts\":\"" + otherProductCosts + "\"}"
                + extra + ",\"materials\":[" + String.join(",", materials) + "]}";
    }

    /** A bought-in material line; {@code extra} are further fields, each starting with a comma. */
    private static String mat(String id, String hs, String value, String origin, String country, String extra) {
        return "{\"id\":\"" + id + "\",\"hs\":\"" + hs + "\",\"value\":\"" + value + "\",\"origin\":\"" + origin
                + "\",\"country\":\"" + country + "\"" + extra + "}";
    }

    private static String core(String kind, String nc, String vnm, String comp) {
        return ",\"corePart\":\"" + kind + "\",\"partCosts\":{\"netCost\":\"" + nc + "\",\"vnm\":\"" + vnm
                + "\",\"vnmComponents\":\"" + comp + "\"}";
    }

    private static String wage(String rate, String currency) {
        return "{\"rate\":\"" + rate + "\",\"currency\":\"" + currency + "\"}";
    }

    private static String metals(String steelOrig, String aluOrig) {
        return ",\"steel\":{\"originating\":\"" + steelOrig + "\",\"total\":\"10000.00\"}"
                + ",\"aluminum\":{\"originating\":\"" + aluOrig + "\",\"total\":\"10000.00\"}";
    }

    private static Finding req(Determination d, String kind) {
        return d.findings().stream().filter(r -> kind.equals(r.kind().label())).findFirst()
                .orElseThrow(() -> new AssertionError("no requirement of kind " + kind + " in " + d.findings()));
    }

    private static boolean hasReq(Determination d, String kind) {
        return d.findings().stream().anyMatch(r -> kind.equals(r.kind().label()));
    }

    private static BigDecimal bd(String s) {
        return new BigDecimal(s);
    }

    private static void assertPercent(BigDecimal actual, String expected) {
        assertThat(actual).as("expected %s", expected).isNotNull();
        assertThat(actual.compareTo(bd(expected))).as("%s vs expected %s", actual.toPlainString(), expected).isZero();
    }

    // ------------------------------------------------------------------ USMCA vehicle fixture

    /**
     * A complete USMCA passenger vehicle / truck that meets every requirement with margin.
     * NC = 2000 + 1000 + 1500 + 5500 = 10000; VNM = 1500 (electronics) -> RVC = 85 %.
     * Core parts: engine (2000 - 400) / 2000 = 80 %, transmission (1000 - 200) / 1000 = 80 %.
     * LVC (net cost): (HWLC 1500 + HWM 3000) / 10000 = 45 points. Steel and aluminum 80 %.
     */
    private static String fullVehicle(String hs, String vehicle, String extra) {
        return good(hs, vehicle, "MX", "5500.00",
                ",\"labour\":{\"highWageMaterials\":\"3000.00\",\"highWageLabour\":\"1500.00\",\"vehiclePlantWage\":"
                        + wage("20.00", "USD") + "}" + metals("8000.00", "8000.00") + extra,
                mat("engine", "8407.34", "2000.00", "originating", "US", core("engine", "2000.00", "400.00", "200.00")),
                mat("transmission", "8708.40", "1000.00", "originating", "MX", core("transmission", "1000.00", "200.00", "100.00")),
                mat("electronics", "8537.10", "1500.00", "non-originating", "CN", ""));
    }

    // ================================================================== USMCA thresholds

    @Nested
    class UsmcaVehicleThresholds {

        // SOR/2020-155 s.13 (table, 8703.21-8703.90), s.18(1): PV RVC 66/69/72/75 and LVC 30/33/36/40 on 1 July 2020-2023.
        @ParameterizedTest(name = "passenger vehicle on {0}: RVC {1}, LVC {2}")
        @CsvSource({
                "2020-07-01, 66, 30",
                "2021-06-30, 66, 30",
                "2021-07-01, 69, 33",
                "2022-06-30, 69, 33",
                "2022-07-01, 72, 36",
                "2023-06-30, 72, 36",
                "2023-07-01, 75, 40",
                "2026-01-01, 75, 40"})
        void passengerVehicle(String date, String rvcMin, String lvcMin) throws InputException {
            Determination d = eval(pack("usmca"), fullVehicle("8703.23", "passenger-vehicle", ""), date);
            assertPercent(d.rvc().min(), rvcMin);
            assertPercent(d.rvc().value(), "85");            // (10000 - 1500) / 10000
            assertPercent(req(d, "core-parts").threshold(), rvcMin); // Table A.1/A.2 NC threshold equals the vehicle's
            assertPercent(req(d, "lvc").threshold(), lvcMin);
            assertPercent(req(d, "lvc").value(), "45");       // (1500 + 3000) / 10000 x 100
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // s.13 (table, 8704.21, 8704.31), s.18(2): light truck RVC as PV, LVC 45 flat.
        @ParameterizedTest(name = "light truck on {0}: RVC {1}, LVC 45")
        @CsvSource({
                "2020-07-01, 66",
                "2021-06-30, 66",
                "2021-07-01, 69",
                "2022-06-30, 69",
                "2022-07-01, 72",
                "2023-06-30, 72",
                "2023-07-01, 75"})
        void lightTruck(String date, String rvcMin) throws InputException {
            Determination d = eval(pack("usmca"), fullVehicle("8704.21", "light-truck", ""), date);
            assertPercent(d.rvc().min(), rvcMin);
            assertPercent(req(d, "core-parts").threshold(), rvcMin);
            assertPercent(req(d, "lvc").threshold(), "45");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // s.13 (table, 8701.20, 8704.22-23, 8704.32-90), s.18(2): heavy truck RVC 60 / 64 from 1 July 2024 / 70 from 1 July 2027; LVC 45; no core-parts test.
        @ParameterizedTest(name = "heavy truck on {0}: RVC {1}")
        @CsvSource({
                "2020-07-01, 60",
                "2024-06-30, 60",
                "2024-07-01, 64",
                "2027-06-30, 64",
                "2027-07-01, 70",
                "2030-01-01, 70"})
        void heavyTruck(String date, String rvcMin) throws InputException {
            Determination d = eval(pack("usmca"), fullVehicle("8704.23", "heavy-truck", ""), date);
            assertPercent(d.rvc().min(), rvcMin);
            assertPercent(req(d, "lvc").threshold(), "45");
            assertThat(hasReq(d, "core-parts")).as("no Table A.2 requirement for heavy trucks").isFalse();
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // s.20(2)(b)-(f): an "other" 8703 vehicle (e.g. a motorhome, marked `other`) needs 62.5 %, no core parts;
        // s.20(3)(a)(iii): 8704.10 dumpers 60 %.
        @Test
        void otherVehicles() throws InputException {
            Determination motorhome = eval(pack("usmca"), fullVehicle("8703.23", "other", ""), "2024-01-01");
            assertPercent(motorhome.rvc().min(), "62.5");
            assertThat(hasReq(motorhome, "core-parts")).isFalse();
            Determination dumper = eval(pack("usmca"), fullVehicle("8704.10", "other", ""), "2024-01-01");
            assertPercent(dumper.rvc().min(), "60");
        }

        // s.12: compression-ignition vehicles of 8703.31-8703.33 are not "passenger vehicles"; HS 8703.32 is diesel
        // only, so without a `vehicle` field it is an other vehicle: 62.5 % (s.20(2)(b)), no core-parts requirement.
        @Test
        void dieselByDefaultIsAnOtherVehicle() throws InputException {
            Determination diesel = eval(pack("usmca"), fullVehicle("8703.32", null, ""), "2024-01-01");
            assertPercent(diesel.rvc().min(), "62.5");
            assertThat(hasReq(diesel, "core-parts")).isFalse();
        }

        // USMCA enters into force on 1 July 2020: a vehicle cannot be USMCA-originating the day before.
        @Test
        void noUsmcaOriginBeforeEntryIntoForce() throws InputException {
            Determination d = eval(pack("usmca"), fullVehicle("8703.23", "passenger-vehicle", ""), "2020-06-30");
            assertThat(d.status()).isNotEqualTo(Status.ORIGINATING);
        }
    }

    // ================================================================== USMCA parts tables

    /**
     * A part for {@code vehicle}. NC = nom + otherCosts = 1000.
     * NC case: NOM 150 -> RVC(NC) 85 %, which meets every NC threshold (max 75), no TV given.
     * TV case: NOM 550 -> RVC(NC) 45 % (fails every NC threshold, min 50), TV 5000 -> (5000 - 550) / 5000 = 89 %,
     * which meets every TV threshold (max 85), so the deciding RVC is the TV alternative.
     */
    private static String part(String hs, String vehicle, String use, boolean tv, String extra) {
        String nom = tv ? "550.00" : "150.00";
        String other = tv ? "450.00" : "850.00";
        return good(hs, vehicle, "US", other, (use == null ? "" : ",\"use\":\"" + use + "\"")
                        + (tv ? ",\"transactionValue\":\"5000.00\"" : "") + extra,
                mat("bolts", "7318.15", nom, "non-originating", "CN", ""));
    }

    @Nested
    class UsmcaPartThresholds {

        // s.14(2)-(3) Table A.1 (core parts): 66/69/72/75 NC, 76/79/82/85 TV.
        // s.14(14)-(15) Table B: 62.5/65/67.5/70 NC, 72.5/75/77.5/80 TV.
        // s.14(16)-(17) Table C: 62/63/64/65 NC, 72/73/74/75 TV.
        // s.15 Table D (heavy trucks): 60/64/70 NC, 70/74/80 TV; Table E: 50/54/60 NC, 60/64/70 TV.
        @ParameterizedTest(name = "{0} for {1} on {2} by {3}: {4} %")
        @CsvSource({
                // Table A.1: gear boxes 8708.40, engines 8407.34
                "8708.40, passenger-vehicle, 2020-07-01, NC, 66",
                "8708.40, passenger-vehicle, 2021-06-30, NC, 66",
                "8708.40, passenger-vehicle, 2021-07-01, NC, 69",
                "8708.40, passenger-vehicle, 2022-06-30, NC, 69",
                "8708.40, passenger-vehicle, 2022-07-01, NC, 72",
                "8708.40, passenger-vehicle, 2023-06-30, NC, 72",
                "8708.40, passenger-vehicle, 2023-07-01, NC, 75",
                "8708.40, passenger-vehicle, 2020-07-01, TV, 76",
                "8708.40, passenger-vehicle, 2021-07-01, TV, 79",
                "8708.40, passenger-vehicle, 2022-07-01, TV, 82",
                "8708.40, passenger-vehicle, 2023-06-30, TV, 82",
                "8708.40, passenger-vehicle, 2023-07-01, TV, 85",
                "8407.34, light-truck, 2023-07-01, NC, 75",
                "8708.50, light-truck, 2021-07-01, TV, 79",
                // Table B: brakes 8708.30 (its s.13 row: net cost only), bearings 8482.10 (for a passenger vehicle)
                "8708.30, passenger-vehicle, 2020-07-01, NC, 62.5",
                "8708.30, passenger-vehicle, 2021-06-30, NC, 62.5",
                "8708.30, passenger-vehicle, 2021-07-01, NC, 65",
                "8708.30, passenger-vehicle, 2022-07-01, NC, 67.5",
                "8708.30, passenger-vehicle, 2023-06-30, NC, 67.5",
                "8708.30, passenger-vehicle, 2023-07-01, NC, 70",
                "8482.10, passenger-vehicle, 2020-07-01, TV, 72.5",
                "8482.10, passenger-vehicle, 2021-07-01, TV, 75",
                "8482.10, passenger-vehicle, 2022-07-01, TV, 77.5",
                "8482.10, passenger-vehicle, 2023-07-01, TV, 80",
                "8482.10, passenger-vehicle, 2023-07-01, NC, 70",
                // Table C: wiring harnesses 8544.30
                "8544.30, passenger-vehicle, 2020-07-01, NC, 62",
                "8544.30, passenger-vehicle, 2021-07-01, NC, 63",
                "8544.30, passenger-vehicle, 2022-07-01, NC, 64",
                "8544.30, passenger-vehicle, 2023-06-30, NC, 64",
                "8544.30, passenger-vehicle, 2023-07-01, NC, 65",
                "8544.30, light-truck, 2020-07-01, TV, 72",
                "8544.30, light-truck, 2021-07-01, TV, 73",
                "8544.30, light-truck, 2022-07-01, TV, 74",
                "8544.30, light-truck, 2023-07-01, TV, 75",
                // Table D (heavy trucks): gear boxes 8708.40
                "8708.40, heavy-truck, 2020-07-01, NC, 60",
                "8708.40, heavy-truck, 2024-06-30, NC, 60",
                "8708.40, heavy-truck, 2024-07-01, NC, 64",
                "8708.40, heavy-truck, 2027-06-30, NC, 64",
                "8708.40, heavy-truck, 2027-07-01, NC, 70",
                // TV only where the part's rule has a TV method (s.15(2)): not for 87.08 parts (s.13 rows), so an engine part
                "8409.91, heavy-truck, 2020-07-01, TV, 70",
                "8409.91, heavy-truck, 2024-07-01, TV, 74",
                "8409.91, heavy-truck, 2027-07-01, TV, 80",
                // Table E (heavy trucks): bearings 8482.10
                "8482.10, heavy-truck, 2020-07-01, NC, 50",
                "8482.10, heavy-truck, 2024-06-30, NC, 50",
                "8482.10, heavy-truck, 2024-07-01, NC, 54",
                "8482.10, heavy-truck, 2027-07-01, NC, 60",
                "8482.10, heavy-truck, 2020-07-01, TV, 60",
                "8482.10, heavy-truck, 2024-07-01, TV, 64",
                "8482.10, heavy-truck, 2027-07-01, TV, 70"})
        void tableThreshold(String hs, String vehicle, String date, String method, String min) throws InputException {
            boolean tv = method.equals("TV");
            Determination d = eval(pack("usmca"), part(hs, vehicle, "original-equipment", tv, ""), date);
            assertThat(d.rvc()).isNotNull();
            assertThat(d.rvc().method()).isEqualTo(tv ? RvcMethod.TV : RvcMethod.NC);
            assertPercent(d.rvc().min(), min);
            assertPercent(d.rvc().value(), tv ? "89" : "85");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // A Table A.1 part at 70 % NC: below 75 (P4) as original equipment; as an aftermarket part the
        // table does not apply (s.14(18) / s.12 "aftermarket part"), its Schedule 1 rule does
        // (here given in the case file as 50 % NC or 60 % TV).
        @Test
        void aftermarketPartsEscapeTheTables() throws InputException {
            // NC = 300 + 700 = 1000, VNM 300 -> 70 %.
            String oe = good("8708.40", "passenger-vehicle", "US", "700.00", "",
                    mat("gears", "8483.40", "300.00", "non-originating", "CN", ""));
            Determination o = eval(pack("usmca"), oe, "2024-01-01");
            assertPercent(o.rvc().min(), "75");
            assertPercent(o.rvc().value(), "70");
            // 70 % < 75 % NC; the TV alternative of Table A.1 cannot be evaluated without a transaction value
            assertThat(o.status()).isEqualTo(Status.UNDETERMINED);
            assertThat(o.missingFacts()).containsExactly("transactionValue");

            String am = good("8708.40", "passenger-vehicle", "US", "700.00",
                    ",\"use\":\"aftermarket\",\"rule\":\"RVC(NC) >= 50 or RVC(TV) >= 60\"",
                    mat("gears", "8483.40", "300.00", "non-originating", "CN", ""));
            Determination a = eval(pack("usmca"), am, "2024-01-01");
            assertPercent(a.rvc().min(), "50");
            assertThat(a.status()).isEqualTo(Status.ORIGINATING);

            // without a rule of its own, the aftermarket part is never held to a Table A.1 threshold
            String amNoRule = good("8708.40", "passenger-vehicle", "US", "700.00", ",\"use\":\"aftermarket\"",
                    mat("gears", "8483.40", "300.00", "non-originating", "CN", ""));
            Determination n = eval(pack("usmca"), amNoRule, "2024-01-01");
            assertThat(n.findings()).noneMatch(r -> r.id() != null && r.id().contains("table-a1"));
            assertThat(n.findings()).noneMatch(r -> r.threshold() != null && (r.threshold().compareTo(bd("75")) == 0
                    || r.threshold().compareTo(bd("85")) == 0));
        }
    }

    // ================================================================== USMCA core parts and roll-up

    /**
     * Passenger vehicle on 2024-01-01 (P4: vehicle 75 %, core parts 75 % NC). Engine (value 1100) and
     * transmission (value {@code tValue}) are the core parts; electronics NOM 4800; the other costs make
     * NC = 20000. LVC (2000 + 6000) / 20000 = 40 points (40 required, HWMME 40 >= 25). Steel/aluminum 80 %.
     */
    private static String coreVehicle(String engineOrigin, String[] e, String tValue, String[] t) {
        BigDecimal other = bd("20000").subtract(bd("1100")).subtract(bd(tValue)).subtract(bd("4800"));
        return good("8703.23", "passenger-vehicle", "MX", other.setScale(2).toPlainString(),
                ",\"labour\":{\"highWageMaterials\":\"6000.00\",\"highWageLabour\":\"2000.00\",\"vehiclePlantWage\":"
                        + wage("20.00", "USD") + "}" + metals("8000.00", "8000.00"),
                mat("engine", "8407.34", "1100.00", engineOrigin, "US", core("engine", e[0], e[1], e[2])),
                mat("transmission", "8708.40", tValue, "originating", "MX", core("transmission", t[0], t[1], t[2])),
                mat("electronics", "8537.10", "4800.00", "non-originating", "CN", ""));
    }

    private static Determination coreCase(String policy, String engineOrigin, String[] e, String tValue, String[] t)
            throws InputException {
        return eval(pack("usmca", Map.of("roll-up", policy)), coreVehicle(engineOrigin, e, tValue, t), "2024-01-01");
    }

    /**
     * Rows of the SOR/2020-155 s.13 table for Table B parts of heading 87.08: the row is the part's rule, so a tariff
     * shift qualifies it as well as the RVC. Figures by hand: NC = other costs + material values.
     */
    @Nested
    class UsmcaSection13PartRows {

        private static final String OE = ",\"use\":\"original-equipment\"";

        /** An original-equipment part of {@code hs} with one non-originating Chinese material. */
        private String oe(String hs, String vehicle, String matHs, String matValue, String other) {
            return good(hs, vehicle, "US", other, OE, mat("m", matHs, matValue, "non-originating", "CN", ""));
        }

        private Determination bumper(String vehicle, String matHs, String matValue, String other) throws InputException {
            return eval(pack("usmca"), oe("8708.10", vehicle, matHs, matValue, other), "2024-01-01");
        }

        /** A passenger-vehicle bumper whose producer states that 8708.10 provides for the bumper and its parts. */
        private Determination bumperStated(String matHs, String matValue, String other) throws InputException {
            return eval(pack("usmca"), good("8708.10", "passenger-vehicle", "US", other, OE + ",\"partsProvision\":true",
                    mat("m", matHs, matValue, "non-originating", "CN", "")), "2024-01-01");
        }

        @Test
        void changeOfHeadingQualifiesWithoutRvc() throws InputException {
            // 8708.10 (1)(a): steel sheet 7208.51 (chapter 72) -> 87.08. RVC (1000 - 900) / 1000 = 10 % is irrelevant.
            Determination d = bumper("passenger-vehicle", "7208.51", "900.00", "100.00");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertThat(d.decidingRules()).anyMatch(r -> r.startsWith("usmca.8708-10-pv-lt"));
        }

        @Test
        void changeFrom870899NeedsTheTableBRvc() throws InputException {
            // 8708.10 (1)(b): parts of 8708.99 allowed with RVC >= 70 % NC from 1 July 2023.
            assertThat(bumper("passenger-vehicle", "8708.99", "250.00", "750.00").status())
                    .isEqualTo(Status.ORIGINATING);                       // (1000 - 250) / 1000 = 75 %
            Determination d = bumper("light-truck", "8708.99", "400.00", "600.00");   // 60 % < 70
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertPercent(d.rvc().value(), "60");
        }

        @Test
        void noShiftFromAnotherSubheadingOfTheHeadingEvenWithAHighRvc() throws InputException {
            // A non-originating 8708.21 material (150 of total cost 1000 = 15 %, above the 10 % de minimis of s.5(1))
            // makes neither change (not another heading, not 8708.99), and criterion (d) (s.3(4)(a)) needs the same
            // subheading, so the 85 % RVC does not help. The RVC-only reading of Table B passed it.
            Determination d = bumper("passenger-vehicle", "8708.21", "150.00", "850.00");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertPercent(d.rvc().value(), "85");
        }

        @Test
        void partsOfTheSameSubheadingFallToCriterionD() throws InputException {
            // 8708.10 provides for bumpers and their parts, but the nomenclature table leaves out provisions of parts of
            // goods (NAFTA's s.4(4)(b)(iii)), so the producer states it (`partsProvision`, docs/parts-rule.md). A
            // non-originating 8708.10 part cannot change, so s.3(4)(a) applies with RVC >= 50 % NC.
            // (1000 - 550) / 1000 = 45 % fails; (1000 - 450) / 1000 = 55 % passes.
            assertThat(bumper("passenger-vehicle", "8708.10", "550.00", "450.00").status()).isEqualTo(Status.NON_ORIGINATING);
            assertThat(bumper("passenger-vehicle", "8708.10", "450.00", "550.00").status()).isEqualTo(Status.NON_ORIGINATING);
            // NC 45 % < 50 %; the TV limb of s.3(4)(a) (60 %) needs a transaction value the good does not give
            Determination open = bumperStated("8708.10", "550.00", "450.00");
            assertThat(open.status()).isEqualTo(Status.UNDETERMINED);
            assertThat(open.missingFacts()).contains("transactionValue");
            Determination d = bumperStated("8708.10", "450.00", "550.00");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
            assertThat(req(d, "parts-rule").basis()).isEqualTo(dev.origin.core.engine.Finding.Basis.PARTS_STATED);
        }

        @Test
        void passengerVehiclePartsOfHeading8708AreNetCostOnly() throws InputException {
            // The 8708.30 row (1) states net cost only; s.14(15)'s TV figures replace only Schedule 1 requirements.
            // Brake parts 8708.99 make no change of heading (and are 55 % of total cost, beyond de minimis), so the
            // RVC decides: NC (1000 - 550) / 1000 = 45 % < 70, though TV (5000 - 550) / 5000 = 89 % would pass 80.
            String g = good("8708.30", "passenger-vehicle", "US", "450.00", OE + ",\"transactionValue\":\"5000.00\"",
                    mat("m", "8708.99", "550.00", "non-originating", "CN", ""));
            Determination d = eval(pack("usmca"), g, "2024-01-01");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertThat(d.rvc().method()).isEqualTo(RvcMethod.NC);
            assertPercent(d.rvc().value(), "45");
        }

        @Test
        void describedRowsAreApproximatedFromTheSafeSide() throws InputException {
            // 8708.91 radiator for a passenger vehicle from non-originating 8708.99 parts: row (1)(a) needs a change of
            // heading, (1)(b) a change from another good of 8708.91, so it fails although RVC 75 % >= 70. From
            // aluminium 7606.12 (a change of heading) with RVC 75 % it passes; with RVC 60 % it fails.
            String parts = oe("8708.91", "passenger-vehicle", "8708.99", "250.00", "750.00");
            String alu = oe("8708.91", "passenger-vehicle", "7606.12", "250.00", "750.00");
            String aluLow = oe("8708.91", "passenger-vehicle", "7606.12", "400.00", "600.00");
            assertThat(eval(pack("usmca"), parts, "2024-01-01").status()).isEqualTo(Status.NON_ORIGINATING);
            assertThat(eval(pack("usmca"), alu, "2024-01-01").status()).isEqualTo(Status.ORIGINATING);
            assertThat(eval(pack("usmca"), aluLow, "2024-01-01").status()).isEqualTo(Status.NON_ORIGINATING);
        }

        @Test
        void heavyTruckPartsOfHeading8708AreNetCostOnly() throws InputException {
            // s.15(2) allows TV only where the part's rule has it; the 8708.40 row (2) does not. NOM 550, other 450:
            // NC (1000 - 550) / 1000 = 45 % < 64 (1 July 2024), though TV (5000 - 550) / 5000 = 89 % would pass.
            Determination d = eval(pack("usmca"), part("8708.40", "heavy-truck", "original-equipment", true, ""), "2025-01-01");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertThat(d.rvc().method()).isEqualTo(RvcMethod.NC);
            assertPercent(d.rvc().min(), "64");
        }

        @Test
        void heavyTruckBodyPartsByShiftOrNetCost() throws InputException {
            // 8708.29 row (3) for a heavy truck: CTH, or no change with RVC >= 64 % NC from 1 July 2024.
            String byShift = oe("8708.29", "heavy-truck", "7208.51", "900.00", "100.00");
            assertThat(eval(pack("usmca"), byShift, "2025-01-01").status()).isEqualTo(Status.ORIGINATING);   // RVC 10 %
            String low = oe("8708.29", "heavy-truck", "8708.21", "380.00", "620.00");
            String high = oe("8708.29", "heavy-truck", "8708.21", "300.00", "700.00");
            Determination d = eval(pack("usmca"), low, "2025-01-01");                                        // 62 % < 64
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertPercent(d.rvc().min(), "64");
            assertThat(eval(pack("usmca"), high, "2025-01-01").status()).isEqualTo(Status.ORIGINATING);      // 70 %
        }

        @Test
        void heavyTruckBodyLimbsAreANamedReading() throws InputException {
            // 87.07 row (2) joins "(a) a change ... from any other chapter; and (b) no required change ... RVC".
            // Steel 7208.51 makes the change of chapter; RVC (1000 - 900) / 1000 = 10 % < 64 (2025).
            String body = oe("8707.90", "heavy-truck", "7208.51", "900.00", "100.00");
            assertThat(eval(pack("usmca"), body, "2025-01-01").status()).isEqualTo(Status.ORIGINATING);
            assertThat(eval(pack("usmca", Map.of("body-limbs", "and")), body, "2025-01-01").status())
                    .isEqualTo(Status.NON_ORIGINATING);
            // both limbs met: RVC (1000 - 300) / 1000 = 70 % -> originating under either reading
            String both = oe("8707.90", "heavy-truck", "7208.51", "300.00", "700.00");
            assertThat(eval(pack("usmca", Map.of("body-limbs", "and")), both, "2025-01-01").status())
                    .isEqualTo(Status.ORIGINATING);
            InputException e = org.assertj.core.api.Assertions.catchThrowableOfType(InputException.class,
                    () -> pack("usmca", Map.of("body-limbs", "xor")));
            assertThat(e.problems()).extracting(Problem::code).containsExactly("BAD_PARAM");
        }

        @Test
        void aftermarketRowAppliesAtFiftyPercent() throws InputException {
            // 8708.95 (3)(b): no change required, RVC >= 50 % NC. Air-bag parts of 8708.99 make no change of heading.
            String pass = good("8708.95", "passenger-vehicle", "US", "550.00", ",\"use\":\"aftermarket\"",
                    mat("m", "8708.99", "450.00", "non-originating", "CN", ""));         // 55 %
            String fail = good("8708.95", "passenger-vehicle", "US", "400.00", ",\"use\":\"aftermarket\"",
                    mat("m", "8708.99", "600.00", "non-originating", "CN", ""));         // 40 %
            assertThat(eval(pack("usmca"), pass, "2024-01-01").status()).isEqualTo(Status.ORIGINATING);
            Determination d = eval(pack("usmca"), fail, "2024-01-01");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
            assertPercent(d.rvc().min(), "50");
        }
    }

    @Nested
    class UsmcaCoreParts {
        // Note: per part, option 2 (column-2 components) is never worse than option 1 (all NOM), and option 4 never
        // worse than option 3, since components <= all NOM. A super-core option can only rescue a part when another
        // part passes with margin (the super-core RVC is a weighted average). The cases below are built so that the
        // engine qualifies ONLY by the named option (and, where unavoidable, its dominating twin).

        // Option 1: engine (1000 - 250) / 1000 = 75 % exactly -> qualifies with all NOM; transmission 80 %.
        // Both policies roll it up: vehicle VNM = 4800, RVC (20000 - 4800) / 20000 = 76 %.
        @ParameterizedTest(name = "all-NOM option, roll-up {0}")
        @CsvSource({"panel-2023", "us-cbp"})
        void optionAllNom(String policy) throws InputException {
            Determination d = coreCase(policy, "originating", new String[] {"1000.00", "250.00", "100.00"}, "1100.00",
                    new String[] {"1000.00", "200.00", "100.00"});
            assertThat(req(d, "core-parts").met()).isTrue();
            assertPercent(d.rvc().vnm(), "4800");
            assertPercent(d.rvc().value(), "76");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // Option 2 only: engine all-NOM (1000 - 400) / 1000 = 60 % fails; components (1000 - 200) / 1000 = 80 %.
        // Super-core all NOM (2000 - 600) / 2000 = 70 % fails. Transmission 80 % with all NOM.
        // panel-2023: engine counts as originating -> VNM 4800 -> RVC 76 % -> originating.
        // us-cbp: engine carries its own VNM 400 -> VNM 5200 -> RVC (20000 - 5200) / 20000 = 74 % < 75 -> not originating.
        @ParameterizedTest(name = "components option, roll-up {0}: VNM {1}, RVC {2}")
        @CsvSource({"panel-2023, 4800, 76, ORIGINATING", "us-cbp, 5200, 74, NON_ORIGINATING"})
        void optionComponents(String policy, String vnm, String rvc, Status status) throws InputException {
            Determination d = coreCase(policy, "originating", new String[] {"1000.00", "400.00", "200.00"}, "1100.00",
                    new String[] {"1000.00", "200.00", "100.00"});
            assertThat(req(d, "core-parts").met()).isTrue();
            assertPercent(d.rvc().vnm(), vnm);
            assertPercent(d.rvc().value(), rvc);
            assertThat(d.status()).isEqualTo(status);
        }

        // Super-core, all NOM: engine 70 % either way (fails alone); transmission NC 3000, VNM 600 -> 80 %.
        // Super-core (4000 - 900) / 4000 = 77.5 % -> every core part originating.
        // Vehicle NC 20000 (transmission value 3100). panel-2023: VNM 4800 -> 76 %; us-cbp: engine adds 300 ->
        // VNM 5100 -> (20000 - 5100) / 20000 = 74.5 % -> not originating.
        @ParameterizedTest(name = "super-core all-NOM option, roll-up {0}")
        @CsvSource({"panel-2023, 4800, 76, ORIGINATING", "us-cbp, 5100, 74.5, NON_ORIGINATING"})
        void optionSuperCoreAllNom(String policy, String vnm, String rvc, Status status) throws InputException {
            Determination d = coreCase(policy, "originating", new String[] {"1000.00", "300.00", "300.00"}, "3100.00",
                    new String[] {"3000.00", "600.00", "600.00"});
            assertThat(req(d, "core-parts").met()).isTrue();
            assertPercent(d.rvc().vnm(), vnm);
            assertPercent(d.rvc().value(), rvc);
            assertThat(d.status()).isEqualTo(status);
        }

        // Super-core, components only: engine 60 % / 70 % (fails alone); transmission 3000 NC, VNM 800 -> 73.33 %
        // (fails), components 600 -> 80 % (option 2). Super-core all NOM (4000 - 1200) / 4000 = 70 % fails;
        // super-core components (4000 - 900) / 4000 = 77.5 % passes. Neither part qualifies with all NOM, so
        // under us-cbp both carry their VNM: 4800 + 400 + 800 = 6000 -> RVC 70 %.
        @ParameterizedTest(name = "super-core components option, roll-up {0}")
        @CsvSource({"panel-2023, 4800, 76, ORIGINATING", "us-cbp, 6000, 70, NON_ORIGINATING"})
        void optionSuperCoreComponents(String policy, String vnm, String rvc, Status status) throws InputException {
            Determination d = coreCase(policy, "originating", new String[] {"1000.00", "400.00", "300.00"}, "3100.00",
                    new String[] {"3000.00", "800.00", "600.00"});
            assertThat(req(d, "core-parts").met()).isTrue();
            assertPercent(d.rvc().vnm(), vnm);
            assertPercent(d.rvc().value(), rvc);
            assertThat(d.status()).isEqualTo(status);
        }

        // No option: engine 50 % / 60 %; transmission 75 %; super-core (2000 - 750) / 2000 = 62.5 %,
        // components (2000 - 650) / 2000 = 67.5 % -> the core-parts requirement fails (s.14(4)) and the engine is a
        // non-originating material at its full value 1100: VNM 5900, RVC (20000 - 5900) / 20000 = 70.5 %.
        @ParameterizedTest(name = "no option qualifies, roll-up {0}")
        @CsvSource({"panel-2023", "us-cbp"})
        void noOption(String policy) throws InputException {
            Determination d = coreCase(policy, "non-originating", new String[] {"1000.00", "500.00", "400.00"}, "1100.00",
                    new String[] {"1000.00", "250.00", "250.00"});
            assertThat(req(d, "core-parts").met()).isFalse();
            assertPercent(d.rvc().vnm(), "5900");
            assertPercent(d.rvc().value(), "70.5");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
        }

        // TV alternative for a core part (85 % TV in P4): engine NC 70 % fails, TV 2000 -> (2000 - 300) / 2000 = 85 %.
        // Transmission exactly 75 %; super-core (2000 - 550) / 2000 = 72.5 % fails, so only the TV route qualifies.
        @Test
        void corePartByTransactionValue() throws InputException {
            String good = coreVehicle("originating", new String[] {"1000.00", "300.00", "300.00"}, "1100.00",
                    new String[] {"1000.00", "250.00", "250.00"})
                    .replace("\"vnmComponents\":\"300.00\"}", "\"vnmComponents\":\"300.00\",\"transactionValue\":\"2000.00\"}");
            Determination d = eval(pack("usmca"), good, "2024-01-01");
            assertThat(req(d, "core-parts").met()).isTrue();
            assertPercent(d.rvc().vnm(), "4800");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }
    }

    // ================================================================== USMCA LVC

    /**
     * LVC fixture (net cost method): NC = 6 x 1000 + 4000 = 10000. High-wage materials by plant wage:
     * US 16.00 (counts, although the line is non-originating), US 15.99 (no), CA 20.88 (counts), CA 20.87 (no),
     * MX 294.22 (counts), MX 294.21 (no) -> HWM = 3000. HWLC 500 when the vehicle plant qualifies.
     */
    private static String lvcVehicle(String hs, String vehicle, String labour) {
        return good(hs, vehicle, "MX", "4000.00", ",\"labour\":" + labour + metals("8000.00", "8000.00"),
                mat("m1", "8708.40", "1000.00", "non-originating", "US", ",\"plantWage\":" + wage("16.00", "USD")),
                mat("m2", "8708.50", "1000.00", "originating", "US", ",\"plantWage\":" + wage("15.99", "USD")),
                mat("m3", "8708.80", "1000.00", "originating", "CA", ",\"plantWage\":" + wage("20.88", "CAD")),
                mat("m4", "8708.94", "1000.00", "originating", "CA", ",\"plantWage\":" + wage("20.87", "CAD")),
                mat("m5", "8708.30", "1000.00", "originating", "MX", ",\"plantWage\":" + wage("294.22", "MXN")),
                mat("m6", "8708.70", "1000.00", "originating", "MX", ",\"plantWage\":" + wage("294.21", "MXN")));
    }

    private static String labour(String plantRate, String plantCur, String tech, String prod, String assembly) {
        return "{\"highWageLabour\":\"500.00\",\"vehiclePlantWage\":" + wage(plantRate, plantCur)
                + (tech == null ? "" : ",\"technologyWages\":\"" + tech + "\",\"productionWages\":\"" + prod + "\"")
                + (assembly == null ? "" : ",\"assemblyPlant\":" + assembly) + "}";
    }

    private static String plant(long engines, long transmissions, long batteries, String rate, String cur) {
        return "{\"engines\":" + engines + ",\"transmissions\":" + transmissions + ",\"batteries\":" + batteries
                + ",\"wage\":" + wage(rate, cur) + "}";
    }

    @Nested
    class UsmcaLabourValueContent {

        // HWMME (500 + 3000) / 10000 = 35; HWTC 1.5M / 10M = 15 -> capped at 10; HWAC 5 (100,000 engines, US$16 plant).
        // LVC = 35 + 10 + 5 = 50.
        @Test
        void wageFloorsAtTheFloorCountAndTechnologyCreditIsCapped() throws InputException {
            Determination d = eval(pack("usmca"), lvcVehicle("8703.23", "passenger-vehicle",
                    labour("16.00", "USD", "1500000.00", "10000000.00", plant(100000, 0, 0, "16.00", "USD"))), "2024-01-01");
            assertPercent(req(d, "lvc").value(), "50");
            assertPercent(req(d, "lvc").threshold(), "40");
            assertThat(req(d, "lvc").met()).isTrue();
        }

        // Vehicle plant MXN 294.21 < 294.22 -> HWLC not counted: HWMME 3000 / 10000 = 30; HWTC 0.8M / 10M = 8
        // (under the cap); no plant reaching any capacity -> HWAC 0. LVC = 38 < 40.
        @Test
        void vehiclePlantJustBelowTheFloorLosesItsLabour() throws InputException {
            Determination d = eval(pack("usmca"), lvcVehicle("8703.23", "passenger-vehicle",
                    labour("294.21", "MXN", "800000.00", "10000000.00", plant(99999, 99999, 24999, "30.00", "USD"))), "2024-01-01");
            assertPercent(req(d, "lvc").value(), "38");
            assertThat(req(d, "lvc").met()).isFalse();
        }

        // The CA$20.88 floor, exactly: HWMME 35, no credits -> 35.
        @Test
        void canadianVehiclePlantAtTheFloor() throws InputException {
            Determination d = eval(pack("usmca"), lvcVehicle("8703.23", "passenger-vehicle",
                    labour("20.88", "CAD", null, null, null)), "2024-01-01");
            assertPercent(req(d, "lvc").value(), "35");
            Determination below = eval(pack("usmca"), lvcVehicle("8703.23", "passenger-vehicle",
                    labour("20.87", "CAD", null, null, null)), "2024-01-01");
            assertPercent(req(below, "lvc").value(), "30");
        }

        // HWAC is exactly 5 or 0 (s.12 "high-wage assembly plant", s.18): PV/LT 100,000 engines or 100,000
        // transmissions or 25,000 battery packs; heavy trucks 20,000 of any; the plant must pay the wage floor.
        // LVC = HWMME 35 (plant US$16.00) + HWTC 0 + HWAC.
        @ParameterizedTest(name = "{0} {1}: engines {2}, transmissions {3}, batteries {4}, plant {5} {6} -> HWAC {7}")
        @CsvSource({
                "8703.23, passenger-vehicle, 100000, 0, 0, 16.00, USD, 5",
                "8703.23, passenger-vehicle, 99999, 0, 0, 16.00, USD, 0",
                "8703.23, passenger-vehicle, 0, 100000, 0, 20.88, CAD, 5",
                "8703.23, passenger-vehicle, 0, 99999, 0, 20.88, CAD, 0",
                "8703.23, passenger-vehicle, 0, 0, 25000, 294.22, MXN, 5",
                "8703.23, passenger-vehicle, 0, 0, 24999, 294.22, MXN, 0",
                "8703.23, passenger-vehicle, 20000, 20000, 20000, 16.00, USD, 0",
                "8703.23, passenger-vehicle, 250000, 0, 0, 15.99, USD, 0",
                "8704.21, light-truck, 100000, 0, 0, 16.00, USD, 5",
                "8704.21, light-truck, 20000, 0, 0, 16.00, USD, 0",
                "8704.23, heavy-truck, 20000, 0, 0, 16.00, USD, 5",
                "8704.23, heavy-truck, 0, 20000, 0, 16.00, USD, 5",
                "8704.23, heavy-truck, 0, 0, 20000, 16.00, USD, 5",
                "8704.23, heavy-truck, 19999, 19999, 19999, 16.00, USD, 0",
                "8704.23, heavy-truck, 20000, 0, 0, 294.21, MXN, 0"})
        void assemblyCredit(String hs, String vehicle, long engines, long transmissions, long batteries, String rate,
                            String cur, String credit) throws InputException {
            Determination d = eval(pack("usmca"), lvcVehicle(hs, vehicle,
                    labour("16.00", "USD", null, null, plant(engines, transmissions, batteries, rate, cur))), "2024-01-01");
            assertPercent(req(d, "lvc").value(), bd("35").add(bd(credit)).toPlainString());
        }

        // HWMME floor (s.18(1)-(2)): P4 passenger vehicle 40 total with at least 25 HWMME; LT 45 with 30.
        // HWMME given as highWageMaterials / NC (no HWLC): 2500 / 10000 = 25 + HWTC 10 + HWAC 5 = 40 -> met;
        // 2499 / 10000 = 24.99 + 10 + 5 = 39.99 -> not met.
        @ParameterizedTest(name = "{0} with HWM {1}: LVC {2}, met {3}")
        @CsvSource({
                "8703.23, passenger-vehicle, 2500.00, 40, true",
                "8703.23, passenger-vehicle, 2499.00, 39.99, false",
                "8704.21, light-truck, 3000.00, 45, true",
                "8704.21, light-truck, 2999.00, 44.99, false",
                "8704.23, heavy-truck, 3000.00, 45, true"})
        void hwmmeFloorWithMaximalCredits(String hs, String vehicle, String hwm, String lvc, boolean met) throws InputException {
            String labour = "{\"highWageMaterials\":\"" + hwm + "\",\"technologyWages\":\"1000000.00\",\"productionWages\":\"10000000.00\","
                    + "\"assemblyPlant\":" + plant(100000, 100000, 25000, "16.00", "USD") + "}";
            Determination d = eval(pack("usmca"), lvcVehicle(hs, vehicle, labour), "2024-01-01");
            assertPercent(req(d, "lvc").value(), lvc);
            assertThat(req(d, "lvc").met()).isEqualTo(met);
        }

        // HWMME alone may carry the whole requirement: 4000 / 10000 = 40, no credits -> met in P4.
        @Test
        void hwmmeAloneSuffices() throws InputException {
            Determination d = eval(pack("usmca"), lvcVehicle("8703.23", "passenger-vehicle",
                    "{\"highWageMaterials\":\"4000.00\"}"), "2024-01-01");
            assertPercent(req(d, "lvc").value(), "40");
            assertThat(req(d, "lvc").met()).isTrue();
        }

        // Annual purchase value method (s.18(6)): ((APV + HWLC) / (TAPV + HWLC)) x 100 + HWTC + HWAC.
        // APV 2.8M, TAPV 7M, HWLC 1M (plant US$16): 3.8M / 8M = 47.5; HWTC 0.8M / 10M = 8 -> 55.5.
        // Plant US$15.99: HWLC left out of both terms: 2.8M / 7M = 40 + 8 = 48.
        @ParameterizedTest(name = "annual purchase value, plant US${0}: {1}")
        @CsvSource({"16.00, 55.5", "15.99, 48"})
        void annualPurchaseValueMethod(String plantRate, String lvc) throws InputException {
            String labour = "{\"method\":\"annual-purchase\",\"annualPurchaseValue\":\"2800000.00\",\"totalAnnualPurchaseValue\":\"7000000.00\","
                    + "\"highWageLabour\":\"1000000.00\",\"vehiclePlantWage\":" + wage(plantRate, "USD")
                    + ",\"technologyWages\":\"800000.00\",\"productionWages\":\"10000000.00\"}";
            Determination d = eval(pack("usmca"), lvcVehicle("8703.23", "passenger-vehicle", labour), "2024-01-01");
            assertPercent(req(d, "lvc").value(), lvc);
        }
    }

    // ================================================================== USMCA steel and aluminum

    @Nested
    class UsmcaSteelAndAluminum {
        // s.17 / s.19(4)(c): 70 % of steel AND 70 % of aluminum purchases, two separate tests.
        @ParameterizedTest(name = "steel {0} / aluminum {1} of 10000 -> {2}")
        @CsvSource({
                "7000.00, 7000.00, ORIGINATING",
                "6999.00, 9000.00, NON_ORIGINATING",
                "9000.00, 6999.00, NON_ORIGINATING"})
        void twoSeparateTests(String steel, String aluminum, Status status) throws InputException {
            String g = fullVehicle("8703.23", "passenger-vehicle", "")
                    .replace(metals("8000.00", "8000.00"), metals(steel, aluminum));
            Determination d = eval(pack("usmca"), g, "2024-01-01");
            assertPercent(req(d, "steel").value(), bd(steel).divide(bd("100")).stripTrailingZeros().toPlainString());
            assertPercent(req(d, "aluminum").value(), bd(aluminum).divide(bd("100")).stripTrailingZeros().toPlainString());
            assertPercent(req(d, "steel").threshold(), "70");
            assertPercent(req(d, "aluminum").threshold(), "70");
            assertThat(d.status()).isEqualTo(status);
        }
    }

    // ================================================================== USMCA other vehicles (s.20)

    @Nested
    class UsmcaOtherVehicles {

        // s.20(4): a Table F good for use as original equipment in an "other" vehicle (here an engine, 62.5 % under
        // s.20(2)(h)) counts, for each Table F material, the VNM inside it, plus all other NOM.
        // NC = 300 + 300 + 100 + 50 + 250 = 1000. VNM = bolts 300 (NOM, not listed) + head 300 x (1 - 70 %) = 90
        // + fuel pump stated 20 + springs (originating, not listed) 0 = 410 -> RVC 59 % < 62.5.
        @Test
        void tableFGoodUsesListedMaterials() throws InputException {
            String engine = good("8407.34", "other", "US", "250.00", "",
                    mat("bolts", "7318.15", "300.00", "non-originating", "CN", ""),
                    mat("head", "8409.91", "300.00", "originating", "US", ",\"tracing\":{\"rvc\":\"70\"}"),
                    mat("pump", "8413.30", "100.00", "originating", "MX", ",\"tracing\":{\"value\":\"20.00\"}"),
                    mat("springs", "7320.20", "50.00", "originating", "US", ""));
            Determination d = eval(pack("usmca"), engine, "2024-01-01");
            assertPercent(d.rvc().min(), "62.5");
            assertPercent(d.rvc().vnm(), "410");
            assertPercent(d.rvc().value(), "59");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
        }

        // s.20(5): "for greater certainty, despite subsection (4)", for the motor vehicle itself the VNM is the sum of
        // the values of all non-originating materials (with roll-up, s.20(1)). NC = 2000 + 2000 + 300 + 500 + 5200
        // = 10000; only the electronics (2000) are non-originating -> RVC 80 %, threshold 62.5 %.
        @Test
        void otherVehicleItselfCountsAllNonOriginatingMaterialsOnly() throws InputException {
            String v = good("8703.32", "other", "MX", "5200.00", metals("8000.00", "8000.00"),
                    mat("electronics", "8537.10", "2000.00", "non-originating", "CN", ""),
                    mat("gearbox", "8708.40", "2000.00", "originating", "MX", ",\"tracing\":{\"rvc\":\"80\"}"),
                    mat("head", "8409.91", "300.00", "originating", "US", ",\"tracing\":{\"value\":\"150.00\"}"),
                    mat("bolts", "7318.15", "500.00", "originating", "US", ""));
            Determination d = eval(pack("usmca"), v, "2024-01-01");
            assertPercent(d.rvc().min(), "62.5");
            assertPercent(d.rvc().vnm(), "2000");
            assertPercent(d.rvc().value(), "80");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // s.20(8): new-plant relief (50 % for 5 years) is for the other vehicles of s.20(2)-(3) only.
        @Test
        void newPlantReliefOnlyForOtherVehicles() throws InputException {
            String np = ",\"newPlant\":{\"kind\":\"new-plant\",\"from\":\"2022-01-01\"}";
            Determination other = eval(pack("usmca"), fullVehicle("8703.32", "other", np), "2024-01-01");
            assertPercent(other.rvc().min(), "50");
            Determination pv = eval(pack("usmca"), fullVehicle("8703.23", "passenger-vehicle", np), "2024-01-01");
            assertPercent(pv.rvc().min(), "75");
        }
    }

    // ================================================================== USMCA alternative staging regime (s.19)

    /**
     * ASR fixture: NC = 1100 + 3500 + 5400 = 10000. The engine fails every core-part option (50 %), so the
     * normal rules would fail; electronics NOM 3500 -> RVC (10000 - 3500) / 10000 = 65 % (ASR needs 62.5).
     * LVC: HWMME (500 + 500) / 10000 = 10 + HWTC 1M / 10M = 10 + HWAC 5 = 25 (ASR: 25 with HWMME >= 10).
     * Steel and aluminum exactly 70 %.
     */
    private static String asrVehicle(boolean staging) {
        return good("8703.23", "passenger-vehicle", "MX", "5400.00",
                (staging ? ",\"alternativeStaging\":true" : "")
                        + ",\"labour\":{\"highWageMaterials\":\"500.00\",\"highWageLabour\":\"500.00\",\"vehiclePlantWage\":"
                        + wage("20.00", "USD") + ",\"technologyWages\":\"1000000.00\",\"productionWages\":\"10000000.00\","
                        + "\"assemblyPlant\":" + plant(100000, 0, 0, "20.00", "USD") + "}" + metals("7000.00", "7000.00"),
                mat("engine", "8407.34", "1100.00", "originating", "US", core("engine", "1000.00", "500.00", "500.00")),
                mat("electronics", "8537.10", "3500.00", "non-originating", "CN", ""));
    }

    @Nested
    class UsmcaAlternativeStaging {

        @Test
        void asrVehicleNeeds62Point5AndLvc25AndNoCoreParts() throws InputException {
            Determination d = eval(pack("usmca"), asrVehicle(true), "2024-01-01");
            assertPercent(d.rvc().min(), "62.5");
            assertPercent(d.rvc().value(), "65");
            assertPercent(req(d, "lvc").threshold(), "25");
            assertPercent(req(d, "lvc").value(), "25");
            assertThat(hasReq(d, "core-parts")).as("s.19(5): exempt from the core-parts requirement").isFalse();
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // The same vehicle outside the ASR: 75 % RVC, core parts, LVC 40 -> not originating.
        @Test
        void sameVehicleUnderTheNormalRules() throws InputException {
            Determination d = eval(pack("usmca"), asrVehicle(false), "2024-01-01");
            assertPercent(d.rvc().min(), "75");
            assertPercent(req(d, "lvc").threshold(), "40");
            assertThat(req(d, "core-parts").met()).isFalse();
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
        }

        // s.19(2): the ASR requirements apply "until June 30, 2025"; after that sections 13-18 apply, including the
        // core-parts requirement of s.14(4) (75 % for the core parts).
        @Test
        void afterTheStagingPeriodTheCorePartsRequirementReturns() throws InputException {
            Determination d = eval(pack("usmca"), asrVehicle(true), "2025-07-01");
            assertPercent(d.rvc().min(), "75");
            assertPercent(req(d, "lvc").threshold(), "40");
            assertThat(hasReq(d, "core-parts")).isTrue();
            assertPercent(req(d, "core-parts").threshold(), "75");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
        }

        // s.19(4)(b): Table A.1 parts for ASR vehicles 62.5 % NC or 72.5 % TV.
        @ParameterizedTest(name = "ASR Table A.1 part by {0}: {1}")
        @CsvSource({"NC, 62.5", "TV, 72.5"})
        void tableA1PartUnderAsr(String method, String min) throws InputException {
            boolean tv = method.equals("TV");
            Determination d = eval(pack("usmca"), part("8708.40", "passenger-vehicle", "original-equipment", tv,
                    ",\"alternativeStaging\":true"), "2024-01-01");
            assertThat(d.rvc().method()).isEqualTo(tv ? RvcMethod.TV : RvcMethod.NC);
            assertPercent(d.rvc().min(), min);
        }

        // A Table A.1 part at 65 % NC: originating for an ASR vehicle (62.5), not for a normal one (75, P4).
        @Test
        void tableA1PartAt65Percent() throws InputException {
            String asr = good("8708.40", "passenger-vehicle", "US", "650.00", ",\"alternativeStaging\":true",
                    mat("gears", "8483.40", "350.00", "non-originating", "CN", ""));
            assertThat(eval(pack("usmca"), asr, "2024-01-01").status()).isEqualTo(Status.ORIGINATING);
            String normal = asr.replace(",\"alternativeStaging\":true", "");
            // 65 % < 75 % NC; the 85 % TV alternative needs a transaction value the good does not give
            Determination n = eval(pack("usmca"), normal, "2024-01-01");
            assertThat(n.status()).isEqualTo(Status.UNDETERMINED);
            assertThat(n.missingFacts()).containsExactly("transactionValue");
            assertThat(req(n, "rvc").met()).isFalse();
        }
    }

    // ================================================================== NAFTA thresholds by fiscal year

    /** NAFTA light-duty vehicle: NC = 2000 + 8000 = 10000; traced VNM 2000 (Japanese gear box, Schedule IV) -> 80 %. */
    private static String naftaVehicle(String hs, String vehicle, String fy, String extra) {
        return good(hs, vehicle, "CA", "8000.00", (fy == null ? "" : ",\"fiscalYearStart\":\"" + fy + "\"") + extra,
                mat("gearbox", "8708.40", "2000.00", "non-originating", "JP", ""));
    }

    @Nested
    class NaftaThresholds {

        // SOR/94-14 s.13(1)(a): light-duty 50 %, then 56 % from the FY beginning on the day closest to 1 Jan 1998,
        // 62.5 % from the FY beginning on the day closest to 1 Jan 2002.
        // FY from 1 October: 1997-10-01 is 92 days before 1998-01-01, 1998-10-01 is 273 days after -> 1997-10-01;
        //   likewise 2001-10-01 for 2002.
        // FY from 1 July: 1997-07-01 is 184 days before 1998-01-01, 1998-07-01 only 181 days after -> 1998-07-01;
        //   for 2002: 2001-07-01 is 184 days before, 2002-07-01 is 181 days after -> 2002-07-01 is closer.
        // FY from 1 January: the steps fall on 1998-01-01 and 2002-01-01.
        @ParameterizedTest(name = "light-duty, FY from {0}, on {1}: {2} %")
        @CsvSource({
                "10-01, 1997-09-30, 50",
                "10-01, 1997-10-01, 56",
                "10-01, 2001-09-30, 56",
                "10-01, 2001-10-01, 62.5",
                "07-01, 1998-06-30, 50",
                "07-01, 1998-07-01, 56",
                "07-01, 2001-07-01, 56",
                "07-01, 2002-06-30, 56",
                "07-01, 2002-07-01, 62.5",
                "01-01, 1997-12-31, 50",
                "01-01, 1998-01-01, 56",
                "01-01, 2001-12-31, 56",
                "01-01, 2002-01-01, 62.5"})
        void lightDutyVehicle(String fy, String date, String min) throws InputException {
            Determination d = eval(pack("nafta"), naftaVehicle("8703.23", "passenger-vehicle", fy, ""), date);
            assertPercent(d.rvc().min(), min);
            assertPercent(d.rvc().value(), "80");
            assertThat(d.rvc().method()).isEqualTo(RvcMethod.NC);
        }

        // s.13(1)(b)(i): heavy-duty vehicles 50 / 55 / 60 %.
        @ParameterizedTest(name = "heavy-duty on {0}: {1} %")
        @CsvSource({
                "1997-12-31, 50",
                "1998-01-01, 55",
                "2001-12-31, 55",
                "2002-01-01, 60",
                "2010-01-01, 60"})
        void heavyDutyVehicle(String date, String min) throws InputException {
            Determination d = eval(pack("nafta"), naftaVehicle("8704.23", "heavy-truck", "01-01", ""), date);
            assertPercent(d.rvc().min(), min);
        }

        // s.13(1)(a)(ii) / (b)(ii): engines and gear boxes follow their vehicle: 62.5 % for light-duty, 60 % for heavy-duty.
        // Engine: NC = 300 + 700 = 1000, traced Japanese head 300 -> 70 %.
        @ParameterizedTest(name = "{0} for {1} in 2003: {2} %")
        @CsvSource({
                "8407.34, passenger-vehicle, , 62.5",
                "8407.34, heavy-truck, , 60",
                "8708.40, light-truck, RVC(NC) >= 50, 62.5",
                "8708.40, heavy-truck, RVC(NC) >= 50, 60"})
        void enginesAndGearBoxes(String hs, String vehicle, String rule, String min) throws InputException {
            String g = good(hs, vehicle, "US", "700.00",
                    ",\"fiscalYearStart\":\"01-01\"" + (rule == null ? "" : ",\"rule\":\"" + rule + "\""),
                    mat("head", "8409.91", "300.00", "non-originating", "JP", ""));
            Determination d = eval(pack("nafta"), g, "2003-03-01");
            assertPercent(d.rvc().min(), min);
            assertPercent(d.rvc().value(), "70");
        }

        // s.13(1)(b)(iii): other Schedule IV parts for light-duty vehicles top out at 60 % (not 62.5).
        // Air bag 8708.95 for a passenger vehicle: NC 1000, traced Japanese 8708.95 material 300 -> 70 %.
        @ParameterizedTest(name = "8708.95 for a light-duty vehicle on {0}: {1} %")
        @CsvSource({"1997-12-31, 50", "1998-01-01, 55", "2001-12-31, 55", "2002-01-01, 60"})
        void otherScheduleIvPart(String date, String min) throws InputException {
            String g = good("8708.95", "passenger-vehicle", "US", "700.00", ",\"fiscalYearStart\":\"01-01\"",
                    mat("module", "8708.95", "300.00", "non-originating", "JP", ""));
            Determination d = eval(pack("nafta"), g, date);
            assertPercent(d.rvc().min(), min);
            assertPercent(d.rvc().value(), "70");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // s.13(1)(b)(iii) excepts bearings 8482.10-8482.80 (and 8483.20, 8483.30): they stay at 50 %.
        // Bearing for a passenger vehicle in 2003: NC = 450 + 550 = 1000, traced Japanese bearing 450 -> 55 % >= 50.
        @Test
        void bearingsStayAt50() throws InputException {
            String g = good("8482.10", "passenger-vehicle", "US", "550.00",
                    ",\"fiscalYearStart\":\"01-01\",\"rule\":\"RVC(NC) >= 50\"",
                    mat("bearing", "8482.10", "450.00", "non-originating", "JP", ""));
            Determination d = eval(pack("nafta"), g, "2003-03-01");
            assertPercent(d.rvc().min(), "50");
            assertPercent(d.rvc().value(), "55");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }
    }

    // ================================================================== NAFTA tracing and new plants

    @Nested
    class NaftaTracing {

        // s.9: light-duty VNM = traced materials only (Schedule IV, produced outside and imported from outside NAFTA).
        // NC = 2000 + 500 + 800 + 1500 + 1000 + 600 + 200 + 3400 = 10000.
        //  gear box from Japan (8708.40, listed)               2000
        //  bolts from China (7318.15, not listed)                 0
        //  brakes made in Canada (8708.30 listed, NAFTA-made)     0
        //  axle, supplier states traced value 300               300
        //  suspension, supplier states RVC 70 %: 1000 x 0.30    300
        //  steering, originating, requirement 60 %: 600 x 0.40  240
        //  lamps, no supplier information: full value           200
        // traced VNM 3040 -> RVC (10000 - 3040) / 10000 = 69.6 % >= 62.5 (2003).
        @Test
        void onlyListedImportedMaterialsCount() throws InputException {
            String g = good("8703.23", "passenger-vehicle", "CA", "3400.00", ",\"fiscalYearStart\":\"01-01\"",
                    mat("gearbox", "8708.40", "2000.00", "non-originating", "JP", ""),
                    mat("bolts", "7318.15", "500.00", "non-originating", "CN", ""),
                    mat("brakes", "8708.30", "800.00", "non-originating", "CA", ""),
                    mat("axle", "8708.50", "1500.00", "originating", "US", ",\"tracing\":{\"value\":\"300.00\"}"),
                    mat("suspension", "8708.80", "1000.00", "originating", "MX", ",\"tracing\":{\"rvc\":\"70\"}"),
                    mat("steering", "8708.94", "600.00", "originating", "US", ",\"tracing\":{\"rvcRequirement\":\"60\"}"),
                    mat("lamps", "8512.20", "200.00", "originating", "US", ",\"tracing\":{\"full\":true}"));
            Determination d = eval(pack("nafta"), g, "2003-03-01");
            assertPercent(d.rvc().min(), "62.5");
            assertPercent(d.rvc().vnm(), "3040");
            assertPercent(d.rvc().value(), "69.6");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // A traced material stays traced through every tier, even inside an originating intermediate material.
        // Self-produced engine (designated): Japanese head 400 + US crankshaft 600 + 500 own costs = 1500, originating
        // ((1500 - 400) / 1500 = 73 % >= 50). Vehicle NC = 1500 + 1000 (Chinese bolts, not listed) + 7500 = 10000;
        // traced VNM = 400 -> RVC 96 %.
        @Test
        void tracedMaterialsStayTracedThroughTiers() throws InputException {
            String engine = "{\"id\":\"engine\",\"hs\":\"8407.34\",\"selfProduced\":true,\"intermediate\":true,"
                    + "\"costs\":{\"otherProductCosts\":\"500.00\"},\"materials\":["
                    + mat("head", "8409.91", "400.00", "non-originating", "JP", "") + ","
                    + mat("crank", "8483.10", "600.00", "originating", "US", "") + "]}";
            String g = good("8703.23", "passenger-vehicle", "CA", "7500.00", ",\"fiscalYearStart\":\"01-01\"",
                    engine, mat("bolts", "7318.15", "1000.00", "non-originating", "CN", ""));
            Determination d = eval(pack("nafta"), g, "2003-03-01");
            assertPercent(d.rvc().vnm(), "400");
            assertPercent(d.rvc().value(), "96");
        }

        // s.13(2): 50 % for five years after the first prototype in a new plant, two years after a refit.
        // Vehicle: NC 10000, traced VNM 4000 -> RVC 60 %: fails 62.5, meets 50.
        @ParameterizedTest(name = "{0} from {1}, on {2}: {3} %")
        @CsvSource({
                "new-plant, 2001-03-01, 2003-06-01, 50, ORIGINATING",
                "new-plant, 2001-03-01, 2006-02-27, 50, ORIGINATING",
                "new-plant, 2001-03-01, 2006-03-02, 62.5, NON_ORIGINATING",
                "refit, 2004-01-15, 2005-06-01, 50, ORIGINATING",
                "refit, 2004-01-15, 2006-01-13, 50, ORIGINATING",
                "refit, 2004-01-15, 2006-01-16, 62.5, NON_ORIGINATING"})
        void newPlantRelief(String kind, String from, String date, String min, Status status) throws InputException {
            String g = good("8703.23", "passenger-vehicle", "CA", "6000.00",
                    ",\"fiscalYearStart\":\"01-01\",\"newPlant\":{\"kind\":\"" + kind + "\",\"from\":\"" + from + "\"}",
                    mat("gearbox", "8708.40", "4000.00", "non-originating", "JP", ""));
            Determination d = eval(pack("nafta"), g, date);
            assertPercent(d.rvc().min(), min);
            assertPercent(d.rvc().value(), "60");
            assertThat(d.status()).isEqualTo(status);
        }
    }

    // ================================================================== 2017-2018 proposals

    /**
     * Proposal fixture, producer in {@code producer}: NC = 3000 + 2000 + 1500 + 1000 + 2500 = 10000.
     * Non-originating: Chinese bolts 1000 (not in Schedule IV: NAFTA tracing would ignore them; the proposals count
     * every non-originating material) -> VNM 1000, RVC 90 %.
     */
    private static String proposalVehicle(String producer, String extra) {
        return good("8703.23", "passenger-vehicle", producer, "2500.00", extra,
                mat("engine", "8407.34", "3000.00", "originating", "US", ""),
                mat("gearbox", "8708.40", "2000.00", "originating", "MX", ""),
                mat("seats", "9401.20", "1500.00", "originating", "CA", ""),
                mat("bolts", "7318.15", "1000.00", "non-originating", "CN", ""));
    }

    @Nested
    class Proposals {

        // US proposal (Oct 2017): 85 % regional, 50 % US content. US content, producer in the US:
        // US-originating materials 3000 + NC other than materials 2500 = 5500 / 10000 = 55 %.
        @Test
        void usProposal2017() throws InputException {
            Determination d = eval(pack("us-proposal-2017"), proposalVehicle("US", ""), "2018-03-01");
            assertPercent(d.rvc().min(), "85");
            assertPercent(d.rvc().vnm(), "1000");
            assertPercent(d.rvc().value(), "90");
            assertPercent(req(d, "national-content").value(), "55");
            assertPercent(req(d, "national-content").threshold(), "50");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // Producer in Mexico: US content = the US engine only, 3000 / 10000 = 30 % < 50 -> not originating
        // although the regional content is 90 %.
        @Test
        void usProposal2017FailsOnUsContent() throws InputException {
            Determination d = eval(pack("us-proposal-2017"), proposalVehicle("MX", ""), "2018-03-01");
            assertPercent(d.rvc().value(), "90");
            assertPercent(req(d, "national-content").value(), "30");
            assertThat(req(d, "national-content").met()).isFalse();
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
        }

        // Overrides min=70, national-min=20, national-country=MX: MX content (producer in the US) = MX gear box
        // 2000 / 10000 = 20 % -> exactly at 20.
        @Test
        void usProposal2017WithOverrides() throws InputException {
            Regime r = pack("us-proposal-2017", Map.of("min", "70", "national-min", "20", "national-country", "MX"));
            Determination d = eval(r, proposalVehicle("US", ""), "2018-03-01");
            assertPercent(d.rvc().min(), "70");
            assertPercent(req(d, "national-content").threshold(), "20");
            assertPercent(req(d, "national-content").value(), "20");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // 80 % regional with 15 % US content.
        @Test
        void proposal80And15() throws InputException {
            Determination d = eval(pack("proposal-80-15"), proposalVehicle("US", ""), "2018-03-01");
            assertPercent(d.rvc().min(), "80");
            assertPercent(d.rvc().value(), "90");
            assertPercent(req(d, "national-content").threshold(), "15");
            assertPercent(req(d, "national-content").value(), "55");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // Canada (Jan 2018): (NC - VNM + a) / (NC + b) x 100 = (10000 - 1000 + 1500) / (10000 + 2000) = 87.5 % >= 80.
        @Test
        void canadaProposal2018() throws InputException {
            Determination d = eval(pack("canada-proposal-2018"),
                    proposalVehicle("CA", ",\"intangibles\":{\"northAmerican\":\"1500.00\",\"total\":\"2000.00\"}"), "2018-03-01");
            assertPercent(req(d, "intangibles").value(), "87.5");
            assertPercent(req(d, "intangibles").threshold(), "80");
            assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        }

        // min=90: 87.5 % < 90 -> not originating.
        @Test
        void canadaProposal2018WithOverride() throws InputException {
            Determination d = eval(pack("canada-proposal-2018", Map.of("min", "90")),
                    proposalVehicle("CA", ",\"intangibles\":{\"northAmerican\":\"1500.00\",\"total\":\"2000.00\"}"), "2018-03-01");
            assertPercent(req(d, "intangibles").value(), "87.5");
            assertPercent(req(d, "intangibles").threshold(), "90");
            assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
        }

        // Contrast: the same vehicle under NAFTA (light-duty tracing, 2003: 62.5 %): the Chinese bolts are not listed,
        // so traced VNM = 0 and RVC = 100 %.
        @Test
        void naftaTracingIgnoresTheUnlistedBolts() throws InputException {
            Determination d = eval(pack("nafta"), proposalVehicle("US", ",\"fiscalYearStart\":\"01-01\""), "2003-03-01");
            assertPercent(d.rvc().vnm(), "0");
            assertPercent(d.rvc().value(), "100");
        }
    }
}
