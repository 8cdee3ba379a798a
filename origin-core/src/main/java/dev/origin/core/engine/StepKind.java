package dev.origin.core.engine;

/**
 * The kinds of explanation step, each with its English wording: {@code {0}}, {@code {1}}, … stand for
 * the step's arguments. One place holds every sentence an explanation can contain, so that the
 * computation never builds prose (rendered by {@link Explanation}).
 */
public enum StepKind {
    GOOD("Good `{0}` ({1}) under {2} on {3}"),
    GOOD_BEST_CASE("Good `{0}` ({1}) under {2} on {3} [unknown origins treated as originating]"),
    NET_COST("Net cost"),
    TOTAL_COST("Total cost"),
    EXCLUDED_COSTS("Excluded costs (incl. those of self-produced materials not designated)"),
    NO_COST_SHEET("No cost sheet given"),
    VNM("Value of non-originating materials (VNM)"),
    VNM_TRACED_ONLY("Value of non-originating materials (VNM): traced materials only"),
    VNM_LISTED("Value of non-originating materials (VNM): all non-originating materials and the non-originating value in listed materials"),
    SUB_MATERIAL("Self-produced material `{0}` ({1}): originating", "Self-produced material `{0}` ({1}): not originating"),
    SUB_INTERMEDIATE("Self-produced material `{0}` ({1}), designated intermediate: originating", "Self-produced material `{0}` ({1}), designated intermediate: not originating"),
    VNM_LUMP_SUM("Non-originating materials given as a lump sum"),
    VNM_INTERMEDIATE_NON_ORIGINATING("Intermediate material, non-originating: full value: `{0}`"),
    VNM_INTERMEDIATE_ORIGINATING("Intermediate material `{0}` is originating: its non-originating materials are not counted (roll-up)"),
    VNM_SELF_PRODUCED_TREATED("Self-produced material treated as non-originating: `{0}`"),
    VNM_SELF_PRODUCED("Self-produced material `{0}` (not designated): its own non-originating materials"),
    VNM_INDIRECT("Indirect material `{0}`: originating wherever produced"),
    VNM_PACKING("Packing material `{0}`: disregarded"),
    VNM_ACCUMULATED("Accumulated under a supplier statement: `{0}`"),
    VNM_CORE_PART_NONE("Core part not originating under any option: full value: `{0}`"),
    VNM_CORE_PART_ROLLED_UP("Core part originating ({1}): counts as wholly originating (roll-up, {2}): `{0}`"),
    VNM_CORE_PART_OWN_MATERIALS("Core part originating only {1}: under `{2}` its own non-originating materials count: `{0}`"),
    VNM_NON_ORIGINATING("Non-originating: `{0}`"),
    VNM_UNKNOWN_WORST_CASE("Origin unknown, counted as non-originating (worst case): `{0}`"),
    VNM_TREATED_AS_NON_ORIGINATING("Originating, treated as non-originating at the producer's choice: `{0}`"),
    VNM_ORIGINATING("Material `{0}`: originating"),
    VNM_UNKNOWN_BEST_CASE("Material `{0}`: origin unknown, counted as originating (best case)"),
    TRACED_STATED_VALUE("`{0}`: traced value stated by the supplier"),
    TRACED_STATED_RVC("`{0}`: value × (1 − stated RVC {1} %)"),
    TRACED_RVC_REQUIREMENT("`{0}`: value × (1 − RVC requirement {1} %)"),
    TRACED_NO_INFORMATION("`{0}`: no supplier information: full value"),
    TRACED_OUTSIDE("`{0}`: listed ({1}) and produced outside the territory ({2})"),
    TRACED_OUTSIDE_NO_COUNTRY("`{0}`: listed ({1}) and produced outside the territory (no country: non-originating)"),
    TRACED_INSIDE("`{0}`: listed but produced in the territory: not traced"),
    TRACED_NOT_LISTED("`{0}`: not a listed material: not traced"),
    TRACED_SELF_PRODUCED("Self-produced `{0}`: traced materials inside it"),
    TRACED_LUMP_SUM("Lump-sum non-originating materials: classification unknown, counted as traced"),
    LISTED_INTERMEDIATE("Non-originating intermediate material `{0}`: the non-originating materials used to make it ({1}) instead of its value ({2})"),
    LISTED_SUPPLIER_FIGURE("Non-originating listed material `{0}`: the supplier's figure {1} instead of its value {2}"),
    LISTED_FULL_VALUE("Originating listed material `{0}`: full value (no supplier statement)"),
    LISTED_STATEMENT("Originating listed material `{0}`: non-originating value per the supplier's statement"),
    LISTED_FIGURES("Originating listed material `{0}`: VNM from the part's figures"),
    LISTED_NO_INFORMATION("Originating listed material `{0}`: no information on its non-originating content: full value"),
    ALL_OF("All of the following"),
    ANY_OF("Any one of the following alternatives"),
    NO_RULE("No product-specific rule for {0}"),
    NO_RULE_FOR_MATERIAL("No rule for {0}: not originating"),
    CRITERION_C_EITHER("Either the product-specific rule or: produced exclusively from originating materials"),
    CRITERION_C("No non-originating material was used"),
    CRITERION_D_EITHER("The product-specific rule, or criterion (d) (the parts rule)"),
    PARTS_RULE_MET("Criterion (d): {0}; the rest of the rule and an RVC of {1} % (TV) or {2} % (NC) suffice"),
    PARTS_RULE_NOT_MET("Criterion (d) applies ({0}), but the rest of the rule or its RVC is not met"),
    PARTS_RULE_NO_PROVISION("Criterion (d) does not apply: the good's provision {0} does not provide for both the good and its parts"),
    WHOLLY_OBTAINED("Wholly obtained or produced in the territory"),
    NOT_WHOLLY_OBTAINED("Not wholly obtained: non-originating materials were used"),
    NO_CHANGE_REQUIRED("No change in tariff classification required"),
    CONDITION_GOOD_STATED("The case file states the good is `{0}`"),
    CONDITION_GOOD_NOT_STATED("The case file does not state the good is `{0}`"),
    CONDITION_PROCESS_STATED("The case file states performed in the territory: `{0}`"),
    CONDITION_PROCESS_NOT_STATED("The case file does not state performed in the territory: `{0}`"),
    SHIFT_MET("Every non-originating material satisfies {0}"),
    SHIFT_MET_BY_DE_MINIMIS("{0} is met by virtue of de minimis"),
    SHIFT_NOT_MET("Not every non-originating material satisfies {0}"),
    SHIFT_LUMP_SUM("Lump-sum non-originating materials: no classification, not tested"),
    SHIFT_MATERIAL_CHANGES("`{0}` ({1}) → {2}: changes as required"),
    SHIFT_MATERIAL_FAILS("`{0}` ({1}) → {2}: does not change as required"),
    SHIFT_MATERIAL_INPUTS("`{0}` ({1}) does not change, so the materials it was made of are tested instead"),
    COUNTED_ONE_ENTRY("Non-originating materials of only one of the entries {0}: {1}"),
    COUNTED_MORE_THAN_ONE("Non-originating materials of more than one of the entries {0}: {1}; the change from more than one of them is excepted"),
    DE_MINIMIS_WITHIN("De minimis: materials failing the shift are {0} = {1} % of {2} {3}, not more than {4} %"),
    DE_MINIMIS_OVER("De minimis: materials failing the shift are {0} = {1} % of {2} {3}, more than {4} %"),
    DE_MINIMIS_BARRED("De minimis is not available for this good and material"),
    DE_MINIMIS_NO_BASE("De minimis cannot be tested: no transaction value and no cost sheet"),
    RVC("Regional value content of at least {0} % ({1})"),
    RVC_FORMULA("RVC ({0}) = ({0} {1} − VNM {2}) / {0} × 100 = {3} %, not less than {4} %", "RVC ({0}) = ({0} {1} − VNM {2}) / {0} × 100 = {3} %, less than {4} %"),
    RVC_DE_MINIMIS_ALL("All non-originating materials ({0}) are {1} % of {2} {3}, not more than {4} %"),
    RVC_NOT_REQUIRED("RVC of {0} % not required"),
    RVC_EXEMPT("Regional value content of {0} % not required (de minimis)"),
    RVC_TV_UNAVAILABLE("Transaction value method not available: the net cost method is required"),
    RVC_NET_COST_REQUIRED("Net cost method required (accumulation or intermediate material)"),
    RVC_TRACED_VNM("VNM counts traced materials only"),
    RVC_LISTED_VNM("VNM counts all non-originating materials plus the non-originating value inside originating listed materials"),
    RVC_NEW_PLANT_RELIEF("New plant relief until {0}: {1} %"),
    RVC_REFIT_RELIEF("Refit relief until {0}: {1} %"),
    RVC_AUTOMOTIVE_THRESHOLD("Automotive threshold {0} % by the net cost method replaces the rule's (fiscal year from {1})"),
    RVC_AUTOMOTIVE_THRESHOLD_JANUARY("Automotive threshold {0} % by the net cost method replaces the rule's (fiscal year from 1 January)"),
    RVC_LVC_CREDIT("High-wage material and manufacturing points above {0} credited: {1} (RVC itself at least {2} %)"),
    NO_THRESHOLD_IN_FORCE("{0}: no threshold in force on {1}"),
    NOT_EVALUABLE("{0} cannot be evaluated: missing {1}"),
    CORE_PARTS("Core parts originating (RVC of at least {0} % NC; roll-up policy `{2}`)"),
    CORE_PARTS_WITH_TV("Core parts originating (RVC of at least {0} % NC or {1} % TV; roll-up policy `{2}`)"),
    CORE_PART("`{0}` ({1}): RVC {2} % with all non-originating materials, {3} % with column-2 components only; {4}"),
    CORE_PART_DECLARED("`{0}` ({1}): no figures; declared originating", "`{0}` ({1}): no figures; declared not originating"),
    SUPER_CORE("Super-core (all core parts as one part): RVC {0} % with all non-originating materials, {1} % with components only"),
    LVC("Labour value content {0} % (at least {1}, of which {2} from high-wage materials and manufacturing)"),
    LVC_LABOUR_CERTIFIED("High-wage labour costs (vehicle plant certified by the producer)"),
    LVC_LABOUR_ABOVE_FLOOR("High-wage labour costs (vehicle plant {0}, at or above the wage floor)"),
    LVC_LABOUR_BELOW_FLOOR("High-wage labour costs (vehicle plant {0}, below the wage floor)"),
    LVC_HIGH_WAGE_MATERIAL("High-wage material `{0}` ({1}), full value whatever its origin"),
    LVC_HWMME("High-wage material and manufacturing expenditures: {0} points (at least {1})"),
    LVC_TECHNOLOGY_CREDIT("High-wage technology expenditure credit: {0} points (capped at {1})"),
    LVC_ASSEMBLY_CREDIT("High-wage assembly credit: {0} points"),
    METAL("Originating {0} purchases {1} of {2} = {3} % (at least {4} %)"),
    METAL_ORIGINATING("{0} originating"),
    METAL_NON_ORIGINATING("{0} non-originating"),
    METAL_NOT_TABLE_S("{0} {1}: not a Table S good, not counted"),
    NATIONAL_CONTENT("{0} content {1} % of net cost (at least {2} %)"),
    NATIONAL_LUMP_SUM("Lump-sum originating materials, taken as produced in {0} (the producer's country)"),
    NATIONAL_MATERIAL("`{0}`: originating, produced in {1}"),
    NATIONAL_ADDED("Net cost other than materials, incurred by the producer in {0}"),
    INTANGIBLES("Regional content counting R&D, engineering, software and IP: {0} % (at least {1} %)"),
    INTANGIBLES_FORMULA("(NC {0} − VNM {1} + North American intangibles {2}) ÷ (NC + all intangibles {3}) × 100");

    private final String template;
    private final String notMetTemplate;

    StepKind(String template) { this(template, null); }

    StepKind(String template, String notMetTemplate) {
        this.template = template;
        this.notMetTemplate = notMetTemplate;
    }

    /** The wording with the arguments filled in; some kinds word a step that is not met differently. */
    public String render(java.util.List<String> args, FindingStatus outcome) {
        String t = outcome == FindingStatus.NOT_MET && notMetTemplate != null ? notMetTemplate : template;
        StringBuilder sb = new StringBuilder(t.length() + 32);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            int close = c == '{' ? t.indexOf('}', i) : -1;
            if (close > i + 1 && close - i <= 3 && Character.isDigit(t.charAt(i + 1))) {
                int k = Integer.parseInt(t.substring(i + 1, close));
                sb.append(k < args.size() ? args.get(k) : "");
                i = close;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
