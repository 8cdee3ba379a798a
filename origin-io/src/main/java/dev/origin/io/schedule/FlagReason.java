package dev.origin.io.schedule;

/** Why a rule of Schedule I was kept as text instead of becoming an executable rule. */
public enum FlagReason {
    /**
     * A change "from any other tariff item". No longer produced: the AST has the {@code CTI} level since the
     * importer's second version; kept so that reports of the first version still read.
     */
    TARIFF_ITEM_LEVEL,
    /** The good or a material is named by description ("gear boxes of subheading 8708.40", "any other good of"). */
    DESCRIPTION_SCOPE,
    /**
     * A count of materials the AST cannot state: "more than one of the following" with an entry named in words
     * ("bed, base, ... castings ... of subheading 8486.90"), or "from more than one of the following" without the
     * complementary limb "except from more than one of" the same entries. Entries of tariff provisions become
     * {@code except from more than one of [...], [...]} and are not flagged.
     */
    COUNTED_MATERIALS,
    /**
     * A production requirement the importer does not turn into a {@code PROCESS} condition (distillation or
     * blending with conditions on the materials, processes excepted from a change, ...).
     */
    PROCESS_REQUIREMENT,
    /** A limit by weight, volume or share of an ingredient. */
    QUANTITY_LIMIT,
    /** The rule applies only to goods described in a preceding note ("The following rule applies to ..."). */
    CONDITIONAL_NOTE,
    /**
     * A note printed with the rule grants origin on other terms ("Men's or boys' shirts ... shall be considered
     * to originate if ..."): the rule alone would be stricter than the law, so it is not made executable.
     */
    ORIGIN_NOTE,
    /** The tariff provision column could not be read as HS codes. */
    BAD_PROVISION,
    /** The phrases are individually understood but combine into something the AST cannot state exactly. */
    UNSUPPORTED_COMBINATION,
    /** A phrase the parser does not know. */
    UNRECOGNISED
}
