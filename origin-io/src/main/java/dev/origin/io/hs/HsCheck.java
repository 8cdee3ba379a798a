package dev.origin.io.hs;

import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.hs.HsCode;
import dev.origin.core.hs.HsPrefix;
import dev.origin.core.hs.HsRange;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.regime.DeMinimis;
import dev.origin.core.regime.Regime;
import dev.origin.core.rules.Rule;
import dev.origin.io.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the HS codes of case files and rule packs against one edition of the nomenclature.
 * A code "exists" as {@link HsNomenclature#exists(HsCode)} says: national digits beyond six are not checked.
 */
public final class HsCheck {

    /** Code of every finding: an HS code or provision that the nomenclature does not have. */
    public static final String UNKNOWN_HS_CODE = ErrorCode.UNKNOWN_HS_CODE.name();

    private HsCheck() {}

    /**
     * Every HS code of the goods that is not in {@code nomenclature}, as warnings: the good's code
     * (path {@code hs}), its materials' codes, recursively through self-produced materials and the
     * materials listed in supplier statements (paths {@code materials[m1]},
     * {@code materials[m1].materials[s1]}, {@code materials[m1].statement.materials[x]}), and the
     * provisions named in tariff-shift rules given in the case file (paths {@code rule},
     * {@code materials[m1].rule}). One warning per occurrence, in document order.
     */
    public static List<Diagnostic> goods(List<Good> goods, HsNomenclature nomenclature) {
        List<Diagnostic> out = new ArrayList<>();
        for (Good g : goods) out.addAll(good(g, nomenclature));
        return out;
    }

    /** As {@link #goods} for one good. */
    public static List<Diagnostic> good(Good good, HsNomenclature nomenclature) {
        List<Diagnostic> out = new ArrayList<>();
        code(out, good.id(), "hs", good.hs(), nomenclature);
        rule(out, good.id(), "rule", good.rule(), nomenclature);
        materials(out, good.id(), "", good.materials(), nomenclature);
        return out;
    }

    private static void materials(List<Diagnostic> out, String good, String base, List<Material> materials, HsNomenclature nom) {
        if (materials == null) return;
        for (int i = 0; i < materials.size(); i++) {
            Material m = materials.get(i);
            String path = base + "materials[" + (m.id() == null ? String.valueOf(i) : m.id()) + "]";
            code(out, good, path, m.hs(), nom);
            if (m.production() != null) {
                rule(out, good, path + ".rule", m.production().rule(), nom);
                materials(out, good, path + ".", m.production().materials(), nom);
            }
            if (m.statement() != null) materials(out, good, path + ".statement.", m.statement().materials(), nom);
        }
    }

    private static void code(List<Diagnostic> out, String good, String path, HsCode hs, HsNomenclature nom) {
        if (hs == null || nom.exists(hs)) return;
        String national = national(new HsPrefix(hs.digits()));
        out.add(Diagnostic.of(ErrorCode.UNKNOWN_HS_CODE, good, path, hs, nom.edition(), national, context(hs.subheading(), nom)));
    }

    private static void rule(List<Diagnostic> out, String good, String path, Rule rule, HsNomenclature nom) {
        for (HsPrefix p : prefixes(rule)) {
            if (nom.exists(p)) continue;
            out.add(Diagnostic.of(Variant.RULE_NAMES_UNKNOWN_HS_CODE, good, path, p, nom.edition(), national(p), context(p.digits(), nom)));
        }
    }

    /**
     * Every HS provision named by a rule pack that is not in {@code nomenclature}: the scopes of its
     * product-specific rules ({@code rules[i].hs}), the {@code from} and {@code except} lists of their
     * tariff shifts ({@code rules[i].rule}), the goods and materials of its de minimis rates and
     * exclusions, and the exclusions of its parts rule. A range is reported for each end that is missing.
     *
     * @param file the pack's file name for the problems (e.g. {@code builtin:usmca.yaml}); null for the regime id
     */
    public static List<Problem> pack(Regime regime, String file, HsNomenclature nomenclature) {
        String f = file != null ? file : regime.id();
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < regime.rules().size(); i++) {
            Regime.ProductRule pr = regime.rules().get(i);
            String id = pr.rule() == null || pr.rule().id() == null ? "" : " of rule `" + pr.rule().id() + "`";
            ranges(out, f, "rules[" + i + "].hs", "the scope" + id, pr.scope(), nomenclature);
            for (HsPrefix p : prefixes(pr.rule())) {
                if (!nomenclature.exists(p)) {
                    out.add(Problem.of(f, 0, 0, "rules[" + i + "].rule", Variant.PACK_NAMES_UNKNOWN_HS_CODE, "`" + p + "`", "the tariff shift" + id,
                            nomenclature.edition(), national(p), context(p.digits(), nomenclature)));
                }
            }
        }
        DeMinimis dm = regime.deMinimis();
        if (dm != null) {
            if (dm.rates() != null) {
                for (int i = 0; i < dm.rates().size(); i++) {
                    ranges(out, f, "deMinimis.rates[" + i + "].goods", "a de minimis rate", dm.rates().get(i).goods(), nomenclature);
                }
            }
            if (dm.exclusions() != null) {
                for (int i = 0; i < dm.exclusions().size(); i++) {
                    DeMinimis.Exclusion ex = dm.exclusions().get(i);
                    ranges(out, f, "deMinimis.exclusions[" + i + "].goods", "a de minimis exclusion", ex.goods(), nomenclature);
                    ranges(out, f, "deMinimis.exclusions[" + i + "].materials", "a de minimis exclusion", ex.materials(), nomenclature);
                }
            }
        }
        if (regime.partsRule() != null) {
            ranges(out, f, "partsRule.excluded", "the parts rule", regime.partsRule().excluded(), nomenclature);
        }
        return out;
    }

    private static void ranges(List<Problem> out, String file, String path, String where, List<HsRange> ranges, HsNomenclature nom) {
        if (ranges == null) return;
        for (HsRange r : ranges) {
            boolean single = r.from().equals(r.to());
            for (HsPrefix end : single ? List.of(r.from()) : List.of(r.from(), r.to())) {
                if (nom.exists(end)) continue;
                String what = single ? "`" + end + "`" : "`" + end + "`, an end of `" + r + "`,";
                out.add(Problem.of(file, 0, 0, path, Variant.PACK_NAMES_UNKNOWN_HS_CODE, what, where, nom.edition(), national(end),
                        context(end.digits(), nom)));
            }
        }
    }

    /** For a national item: {@code  (its subheading `2202.90` is not)}; else empty. */
    private static String national(HsPrefix p) {
        return p.length() > 6 ? " (its subheading `" + new HsPrefix(p.digits().substring(0, 6)) + "` is not)" : "";
    }

    /** {@code ; heading 87.03 has ...} hint: the nearest enclosing provision that does exist. */
    private static String context(String digits, HsNomenclature nom) {
        String d = digits.length() > 6 ? digits.substring(0, 6) : digits;
        for (int n = d.length() - 2; n >= 2; n -= 2) {
            var e = nom.entry(d.substring(0, n));
            if (e.isPresent()) {
                return "; " + (n == 2 ? "chapter " : "heading ") + e.get().dotted() + " is \"" + abbreviate(e.get().description()) + "\"";
            }
        }
        return "";
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** The provisions named in the tariff shifts of a rule (from and except lists), in order. */
    static List<HsPrefix> prefixes(Rule rule) {
        List<HsPrefix> out = new ArrayList<>();
        collect(rule, out);
        return out;
    }

    private static void collect(Rule rule, List<HsPrefix> out) {
        if (rule == null) return;
        if (rule instanceof Rule.TariffShift t) {
            out.addAll(t.from());
            out.addAll(t.except());
            for (Rule.Described d : t.fromDescribed()) out.add(d.prefix());
            for (Rule.Described d : t.exceptDescribed()) out.add(d.prefix());
            for (List<HsPrefix> g : t.atMostOneOf()) out.addAll(g);
        } else if (rule instanceof Rule.AllOf a) {
            for (Rule r : a.rules()) collect(r, out);
        } else if (rule instanceof Rule.AnyOf a) {
            for (Rule r : a.rules()) collect(r, out);
        }
    }
}
