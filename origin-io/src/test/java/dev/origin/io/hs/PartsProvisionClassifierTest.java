package dev.origin.io.hs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.origin.core.hs.HsEdition;
import dev.origin.io.hs.PartsProvisionClassifier.Kind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The classifier behind origin-core's {@code parts-provisions.txt}: its rules on single descriptions, and the
 * committed table re-derived from shared/data/harmonized-system (skipped when that folder is absent).
 */
class PartsProvisionClassifierTest {

    static final String RESOURCE = "origin-core/src/main/resources/dev/origin/core/hs/parts-provisions.txt";

    static Kind sub(String description) {
        return PartsProvisionClassifier.subheading("000000", description, false).kind();
    }

    @Test
    void goodsNamedWithTheirPartsAreGoodAndParts() {
        assertThat(sub("Chairs; dentists', barbers' or similar chairs having rotating as well as both reclining and elevating movements, and parts thereof"))
                .isEqualTo(Kind.GOOD_AND_PARTS);
        assertThat(sub("Iron or steel; structures and parts thereof, towers and lattice masts")).isEqualTo(Kind.GOOD_AND_PARTS);
        assertThat(sub("Press-fasteners, snap-fasteners, press-studs and parts therefor")).isEqualTo(Kind.GOOD_AND_PARTS);
        assertThat(sub("Microtomes and parts and accessories thereof")).isEqualTo(Kind.GOOD_AND_PARTS);
        assertThat(sub("Glass envelopes (including bulbs and tubes); open, and glass parts thereof, without fittings, for cathode-ray tubes"))
                .isEqualTo(Kind.GOOD_AND_PARTS);
        assertThat(sub("Stationery; letter clips, paper clips and similar office articles, including parts, of base metal")).isEqualTo(Kind.GOOD_AND_PARTS);
        assertThat(sub("Aluminium; structures and parts of structures, n.e.c.")).as("and parts of X, X named before").isEqualTo(Kind.GOOD_AND_PARTS);
        assertThat(sub("Weighing machines; weights of all kinds, parts of weighing machinery")).as("parts of other goods").isEqualTo(Kind.NONE);
    }

    @Test
    void partsOnlyDescriptionsAreNotListed() {
        assertThat(sub("Pumps; parts thereof")).as("Comtrade's label style: the parts subheading").isEqualTo(Kind.PARTS_ONLY);
        assertThat(sub("Furniture; parts, of wood")).isEqualTo(Kind.PARTS_ONLY);
        assertThat(sub("Vehicle parts; brakes, servo-brakes and parts thereof")).isEqualTo(Kind.PARTS_ONLY);
        assertThat(sub("Engines; parts, suitable for use solely or principally with spark-ignition internal combustion piston engines"))
                .isEqualTo(Kind.PARTS_ONLY);
        assertThat(sub("Parts of vacuum cleaners")).isEqualTo(Kind.PARTS_ONLY);
        assertThat(sub("Sewing machines; furniture, bases and covers for sewing machines and parts thereof, and other parts of sewing machines"))
                .as("'other parts': the goods named are parts themselves").isEqualTo(Kind.PARTS_ONLY);
        assertThat(sub("Furniture; metal, other than for office use")).isEqualTo(Kind.NONE);
        assertThat(sub("Electrical machines and apparatus; particle accelerators")).as("parts as a word").isEqualTo(Kind.NONE);
        assertThat(sub("Pacemakers; for stimulating heart muscles (excluding parts and accessories)")).isEqualTo(Kind.NONE);
        assertThat(sub("Insulating fittings; of plastics, of insulating material only (except minor assembly parts)")).isEqualTo(Kind.NONE);
    }

    @Test
    void goodsThatArePartsUnderAPartsHeadingArePartsOfParts() {
        String heading = "Motor vehicles; parts and accessories, of heading no. 8701 to 8705";
        assertThat(PartsProvisionClassifier.isPartsHeading(heading)).isTrue();
        assertThat(PartsProvisionClassifier.isPartsHeading("Vehicles; parts and accessories of heading no. 8711 to 8713")).isTrue();
        assertThat(PartsProvisionClassifier.isPartsHeading("Machinery parts; used solely or principally with the machinery of heading no. 8425 to 8430"))
                .isTrue();
        assertThat(PartsProvisionClassifier.isPartsHeading("Furniture; medical, surgical, dental or veterinary; barbers' chairs; parts")).isFalse();
        assertThat(PartsProvisionClassifier.isPartsHeading("Aircraft launching gear, deck-arrestor or similar gear, ground flying trainers;"
                + " parts of the foregoing articles")).as("goods; parts of the foregoing").isFalse();
        assertThat(PartsProvisionClassifier.isPartsHeading("Buttons, press-fasteners and press-studs, button moulds and other parts of these"
                + " articles; button blanks")).isFalse();
        assertThat(PartsProvisionClassifier.subheading("870810", "Vehicles; bumpers and parts thereof, for the vehicles of heading no. 8701 to 8705",
                true).kind()).isEqualTo(Kind.PARTS_OF_PARTS);
    }

    @Test
    void undividedHeadingsReadInHeadingStyle() {
        assertThat(PartsProvisionClassifier.undividedHeading("8804", "Parachutes and rotochutes; parts thereof and accessories thereto",
                "Parachutes and rotochutes; parts thereof and accessories thereto").kind()).isEqualTo(Kind.GOOD_AND_PARTS);
        assertThat(PartsProvisionClassifier.undividedHeading("9307", "Arms; swords, cutlasses, bayonets, lances and the like, parts thereof"
                + " and scabbards and sheaths therefor", "=").kind()).isEqualTo(Kind.GOOD_AND_PARTS);
        assertThat(PartsProvisionClassifier.undividedHeading("8503", "Electric motors and generators; parts suitable for use solely or"
                + " principally with the machines of heading no. 8501 or 8502", "=").kind()).isEqualTo(Kind.PARTS_ONLY);
        assertThat(PartsProvisionClassifier.undividedHeading("8548", "Electrical parts of machinery or apparatus; not specified or elsewhere"
                + " included in this chapter", "=").kind()).isEqualTo(Kind.PARTS_ONLY);
        assertThat(PartsProvisionClassifier.undividedHeading("8706", "Chassis fitted with engines, for the motor vehicles of heading no."
                + " 8701 to 8705", "=").kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void theCommittedTableIsTheOneDerivedFromTheNomenclatures() throws Exception {
        Map<HsEdition, HsNomenclature> byEdition = new EnumMap<>(HsEdition.class);
        byEdition.put(HsEdition.HS2017, HsNomenclatureTest.hs2017());
        byEdition.put(HsEdition.HS2022, HsNomenclatureTest.hs2022());
        List<PartsProvisionClassifier.Row> rows = PartsProvisionClassifier.table(byEdition);
        String derived = PartsProvisionClassifier.render(rows);

        String root = System.getProperty("origin.root");
        assumeTrue(root != null, "system property origin.root is not set (run through Maven); table check skipped");
        Path committed = Path.of(root, RESOURCE);
        String actual = Files.isRegularFile(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        if (!derived.equals(actual)) {
            Path out = Path.of("target", "parts-provisions.txt").toAbsolutePath();
            Files.createDirectories(out.getParent());
            Files.writeString(out, derived, StandardCharsets.UTF_8);
            fail(RESOURCE + " is not the table derived from the HS descriptions; the derived table is in " + out
                    + " (review the difference, then copy it over the resource)");
        }
        // the official worked example (SOR/94-14 s.5(13) and SOR/2020-155 s.5(15), Example 5) and the automotive chapters
        assertThat(rows).extracting(PartsProvisionClassifier.Row::code).contains("940210", "8710", "8715", "732010")
                .doesNotContain("940320", "870829", "870810", "870830", "840991", "940391", "940390", "8503", "871491");
    }
}
