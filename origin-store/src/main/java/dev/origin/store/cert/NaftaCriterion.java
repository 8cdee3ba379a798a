package dev.origin.store.cert;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.Status;
import dev.origin.core.rules.RequirementKind;
import java.util.List;

/**
 * The preference criterion of a NAFTA Certificate of Origin (former CBP Form 434, field 7), A to F.
 * A to D follow NAFTA Article 401(a)-(d); E (Annex 308.1 automatic data processing goods) and F
 * (Annex 703.2 agricultural goods) are not origin determinations the engine makes and are never derived.
 */
public enum NaftaCriterion {
    /** Art. 401(a): wholly obtained or produced entirely in the territory (Art. 415). */
    A("NAFTA Art. 401(a)"),
    /** Art. 401(b): each non-originating material undergoes the tariff change and/or meets the RVC of Annex 401. */
    B("NAFTA Art. 401(b)"),
    /** Art. 401(c): produced entirely in the territory exclusively from originating materials. */
    C("NAFTA Art. 401(c)"),
    /** Art. 401(d): unassembled goods or parts classified with the good, with an RVC of at least 60 % (TV) or 50 % (NC). */
    D("NAFTA Art. 401(d)"),
    /** Annex 308.1: certain automatic data processing goods (not derived by the engine). */
    E("NAFTA Annex 308.1"),
    /** Annex 703.2: certain agricultural goods (not derived by the engine). */
    F("NAFTA Annex 703.2");

    private final String citation;

    NaftaCriterion(String citation) { this.citation = citation; }

    public String citation() { return citation; }

    /**
     * The criterion an ORIGINATING determination was reached by, decided as {@link UsmcaCriterion#of}
     * (Art. 401(a)-(d) correspond to USMCA Art. 4.2(a)-(d); SOR/94-14 s.4(3) is criterion (c), s.4(4)-(5) criterion (d)).
     */
    public static NaftaCriterion of(Determination d, boolean whollyObtained) {
        return switch (UsmcaCriterion.of(d, whollyObtained)) {
            case A -> A;
            case B -> B;
            case C -> C;
            case D -> D;
        };
    }

    /** True when a met, deciding RVC was computed by the net cost method (field 9 then reads {@code NC}). */
    static boolean byNetCost(Determination d) {
        if (d.status() != Status.ORIGINATING) return false;
        List<Finding> deciding = UsmcaCriterion.decidingFindings(d);
        boolean rvcDecides = deciding.stream().anyMatch(f -> f.kind() == RequirementKind.RVC || f.kind() == RequirementKind.PARTS_RULE);
        return rvcDecides && d.rvc() != null && d.rvc().met() && d.rvc().method() == dev.origin.core.rules.RvcMethod.NC;
    }
}
