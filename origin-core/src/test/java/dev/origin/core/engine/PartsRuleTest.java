package dev.origin.core.engine;

import static dev.origin.core.engine.Fixtures.DATE;
import static dev.origin.core.engine.Fixtures.good;
import static dev.origin.core.engine.Fixtures.mat;
import static dev.origin.core.engine.Fixtures.naftaLike;
import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.Origin;
import dev.origin.core.rules.RequirementKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Criterion (d) by the text (SOR/94-14 s.4(4); SOR/2020-155 s.3(4)): only materials of a provision that
 * provides for both the good and its parts, or a good imported unassembled (GIR 2(a)); the finding
 * says which case applied, or why none did. Figures: TV 100, one non-originating material.
 */
class PartsRuleTest {
    final Evaluator nafta = Evaluator.of(naftaLike());

    private static Finding partsRule(Determination d) {
        return d.findings().stream().filter(f -> f.kind() == RequirementKind.PARTS_RULE).findFirst().orElseThrow();
    }

    private static Good with(Good g, boolean unassembled, Boolean partsProvision) {
        return new Good(g.id(), g.hs(), g.producerCountry(), g.destination(), g.date(), g.use(), g.vehicle(), g.transactionValue(),
                g.internationalShipping(), g.costs(), g.materials(), g.rule(), g.whollyObtained(), g.vehicleData(), g.facts(),
                unassembled, partsProvision);
    }

    @Test
    void aSubheadingThatProvidesForTheGoodAndItsPartsLetsThemQualifyOnTheRvc() {
        // 9402.10 "barbers' chairs ... and parts thereof": parts of 9402.10 (35.00) cannot change; TV RVC 65 % >= 60 %
        Determination d = nafta.evaluate(good("9402.10", "100.00", null, List.of(mat("part", "9402.10", "35.00", Origin.NON_ORIGINATING)), "CC"), DATE);
        assertThat(d.status()).isEqualTo(Status.ORIGINATING);
        assertThat(partsRule(d).basis()).isEqualTo(Finding.Basis.PARTS_PROVISION);
        assertThat(partsRule(d).status()).isEqualTo(FindingStatus.MET);
    }

    @Test
    void aSubheadingThatDoesNotProvideForPartsGivesNoRelief() {
        // 9403.20 "other metal furniture" names no parts: a 9403.20 good from 9403.20 furniture fails the shift, whatever its RVC
        Determination d = nafta.evaluate(good("9403.20", "100.00", null, List.of(mat("frame", "9403.20", "10.00", Origin.NON_ORIGINATING)), "CTSH"), DATE);
        assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
        Finding f = partsRule(d);
        assertThat(f.status()).isEqualTo(FindingStatus.NOT_MET);
        assertThat(f.basis()).isNull();
        assertThat(f.note()).contains("9403.20").contains("does not provide for both the good and its parts");
        // the producer may state what the nomenclature does not settle
        Determination stated = nafta.evaluate(with(good("9403.20", "100.00", null,
                List.of(mat("frame", "9403.20", "10.00", Origin.NON_ORIGINATING)), "CTSH"), false, true), DATE);
        assertThat(stated.status()).isEqualTo(Status.ORIGINATING);
        assertThat(partsRule(stated).basis()).isEqualTo(Finding.Basis.PARTS_STATED);
    }

    @Test
    void aMaterialStatedNotToBeAPartOfTheGoodIsNotWaived() {
        Material finished = new Material("chair", dev.origin.core.hs.HsCode.parse("9402.10"), new java.math.BigDecimal("35.00"),
                Origin.NON_ORIGINATING, null, dev.origin.core.model.MaterialKind.DIRECT, false, false, null, null, null, List.of(), false);
        Determination d = nafta.evaluate(good("9402.10", "100.00", null, List.of(finished), "CC"), DATE);
        assertThat(d.status()).isEqualTo(Status.NON_ORIGINATING);
    }

    @Test
    void aGoodImportedUnassembledQualifiesOnTheRvcWhateverTheMaterialsClassification() {
        // GIR 2(a): a kit classified as the assembled 8509.40 appliance; its motor of 8501.10 fails a CTH-from-8501 rule
        Good kit = good("8509.40", "100.00", null, List.of(mat("motor", "8501.10", "30.00", Origin.NON_ORIGINATING)),
                "CTH except from 85.01");
        assertThat(nafta.evaluate(kit, DATE).status()).isEqualTo(Status.NON_ORIGINATING);
        Determination d = nafta.evaluate(with(kit, true, null), DATE);
        assertThat(d.status()).isEqualTo(Status.ORIGINATING); // TV RVC 70 % >= 60 %
        assertThat(partsRule(d).basis()).isEqualTo(Finding.Basis.UNASSEMBLED_GIR_2A);
        Good dear = good("8509.40", "100.00", null, List.of(mat("motor", "8501.10", "45.00", Origin.NON_ORIGINATING)),
                "CTH except from 85.01");
        Determination open = nafta.evaluate(with(dear, true, null), DATE);
        // 55 % < 60 % TV, and without a cost sheet the NC limb (50 %) cannot be computed: undetermined, naming the costs
        assertThat(open.status()).isEqualTo(Status.UNDETERMINED);
        assertThat(open.missingFacts()).contains("costs");
        Good costed = good("8509.40", "100.00", Fixtures.costs("0.00", "0.00", "40.00", "0.00", "0.00", "0.00"),
                List.of(mat("motor", "8501.10", "45.00", Origin.NON_ORIGINATING)), "CTH except from 85.01");
        Determination no = nafta.evaluate(with(costed, true, null), DATE);
        assertThat(no.status()).isEqualTo(Status.NON_ORIGINATING); // and NC (85 - 45) / 85 = 47 % < 50 %
        assertThat(partsRule(no).status()).isEqualTo(FindingStatus.NOT_MET);
    }

    @Test
    void theExplanationSaysWhichCaseApplied() {
        Determination d = nafta.evaluate(good("9402.10", "100.00", null, List.of(mat("part", "9402.10", "35.00", Origin.NON_ORIGINATING)), "CC"), DATE);
        assertThat(d.trace().flatten()).anyMatch(n -> n.label().startsWith("Criterion (d): materials provided for as parts in 9402.10"));
    }

    @Test
    void withoutAValueForItsRvcTheCriterionCannotBeDecidedAndNeitherCanTheGood() {
        // parts of 9402.10 fail the CC rule; criterion (d) applies but neither TV nor costs are given
        Determination d = nafta.evaluate(good("9402.10", null, null, List.of(mat("part", "9402.10", "35.00", Origin.NON_ORIGINATING)), "CC"), DATE);
        assertThat(partsRule(d).status()).isEqualTo(FindingStatus.NOT_EVALUABLE);
        assertThat(d.status()).isEqualTo(Status.UNDETERMINED);
        assertThat(d.missingFacts()).contains("transactionValue", "costs");
    }
}
