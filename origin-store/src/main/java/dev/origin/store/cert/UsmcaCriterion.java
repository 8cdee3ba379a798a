package dev.origin.store.cert;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.FindingStatus;
import dev.origin.core.engine.Status;
import dev.origin.core.rules.RequirementKind;
import java.util.List;
import java.util.Set;

/**
 * The origin criterion of a USMCA certification (Annex 5-A, element 7), one per paragraph of Article 4.2
 * (Originating Goods): A, B, C or D.
 */
public enum UsmcaCriterion {
    /** Art. 4.2(a): wholly obtained or produced entirely in the territory of one or more Parties (Art. 4.3). */
    A("USMCA Art. 4.2(a)", "wholly obtained or produced entirely in the territory of one or more of the Parties"),
    /** Art. 4.2(b): produced entirely in the territory using non-originating materials, meeting the product-specific rule (Annex 4-B). */
    B("USMCA Art. 4.2(b)", "produced using non-originating materials, satisfying the product-specific rule of origin (Annex 4-B)"),
    /** Art. 4.2(c): produced entirely in the territory exclusively from originating materials. */
    C("USMCA Art. 4.2(c)", "produced entirely in the territory of one or more of the Parties exclusively from originating materials"),
    /** Art. 4.2(d): the parts / unassembled-good exception with a regional value content. */
    D("USMCA Art. 4.2(d)", "classified with its parts or imported unassembled, with the required regional value content");

    private final String citation;
    private final String meaning;

    UsmcaCriterion(String citation, String meaning) {
        this.citation = citation;
        this.meaning = meaning;
    }

    public String citation() { return citation; }

    public String meaning() { return meaning; }

    /**
     * The criterion an ORIGINATING determination was reached by, from its deciding findings.
     *
     * <p>Which provision decided, in this order: a met criterion-(c) finding ({@link RequirementKind#ORIGINATING_MATERIALS},
     * SOR/2020-155 s.3(3)) gives C; a met parts-rule finding ({@link RequirementKind#PARTS_RULE}, s.3(4)-(5)) gives D;
     * a product rule decided by "wholly obtained" alone gives A only when the producer declares the good wholly obtained
     * (Art. 4.3) — the engine also meets that rule for a good made of originating materials, which is criterion C;
     * a product-specific rule met with a nil value of non-originating materials is criterion C as well; every other met
     * product-specific rule (tariff shift, RVC, de minimis, with the vehicle requirements) gives B.
     *
     * @param whollyObtained the good is declared wholly obtained or produced entirely in the territory
     * @throws IllegalArgumentException when the determination is not ORIGINATING
     */
    public static UsmcaCriterion of(Determination d, boolean whollyObtained) {
        if (d.status() != Status.ORIGINATING) {
            throw new IllegalArgumentException("only an originating determination has an origin criterion, not " + d.status());
        }
        List<Finding> deciding = decidingFindings(d);
        if (deciding.stream().anyMatch(f -> f.kind() == RequirementKind.ORIGINATING_MATERIALS)) return C;
        if (deciding.stream().anyMatch(f -> f.kind() == RequirementKind.PARTS_RULE)) return D;
        boolean onlyWhollyObtained = !deciding.isEmpty()
                && deciding.stream().allMatch(f -> f.kind() == RequirementKind.WHOLLY_OBTAINED);
        if (onlyWhollyObtained) return whollyObtained ? A : C;
        // A product-specific rule met with no non-originating material at all (VNM nil) is met vacuously: the good is
        // produced exclusively from originating materials, Art. 4.2(c), which is the criterion CBP asks to be stated.
        if (d.vnm() != null && d.vnm().signum() == 0 && d.bounds() == null) return C;
        return B;
    }

    /** The met findings whose ids are among the deciding rules. */
    static List<Finding> decidingFindings(Determination d) {
        Set<String> ids = Set.copyOf(d.decidingRules());
        return d.findings().stream().filter(f -> f.status() == FindingStatus.MET && ids.contains(f.id())).toList();
    }
}
