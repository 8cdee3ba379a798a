package dev.origin.io.catalog;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.engine.ErrorTemplate;
import dev.origin.core.hs.HsCode;
import dev.origin.core.model.CostSheet;
import dev.origin.core.model.ExcludedCosts;
import dev.origin.core.model.Good;
import dev.origin.core.model.Material;
import dev.origin.core.model.MaterialKind;
import dev.origin.core.model.Origin;
import dev.origin.core.model.Use;
import dev.origin.core.model.VehicleKind;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RuleSyntax;
import dev.origin.core.rules.RuleSyntaxException;
import dev.origin.io.Problem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Converts between the two tables of the tabular catalog format (docs/catalog-format.md) and engine goods.
 * Rows to goods checks every row and reports each problem located at its table, row and column; a good with a
 * problem (or a line of it with one) is left out, the others are built. Goods to rows refuses what the tables
 * cannot hold (amounts finer than cents, case-file fields without a column), naming the good and the field.
 */
public final class CatalogTables {
    private CatalogTables() {}

    /** The goods built from tables, and the problems of the goods left out. */
    public record Converted(List<Good> goods, List<Problem> problems) {}

    /**
     * The goods of a catalog.
     *
     * @param goodsFile names the goods table in problems (e.g. {@code catalog/goods.csv})
     * @param linesFile names the lines table in problems
     */
    public static Converted toGoods(Tables t, String goodsFile, String linesFile) {
        List<Problem> problems = new ArrayList<>();
        Map<String, List<LineRow>> byGood = new HashMap<>();
        Map<String, GoodRow> goods = new LinkedHashMap<>();
        for (GoodRow g : t.goods()) {
            if (g.goodId() == null) continue;   // reported by toGood
            if (goods.putIfAbsent(g.goodId(), g) != null) {
                problems.add(at(goodsFile, g.row(), GoodRow.COLUMNS, "good_id", g.goodId(), ErrorCode.DUPLICATE_ID, "good", g.goodId()));
            }
        }
        for (LineRow l : t.lines()) {
            if (l.goodId() != null && !goods.containsKey(l.goodId())) {
                problems.add(at(linesFile, l.row(), LineRow.COLUMNS, "good_id", l.goodId(), Variant.LINE_OF_UNKNOWN_GOOD, l.goodId()));
                continue;
            }
            byGood.computeIfAbsent(l.goodId(), k -> new ArrayList<>()).add(l);
        }
        for (LineRow l : byGood.getOrDefault(null, List.of())) {
            problems.add(at(linesFile, l.row(), LineRow.COLUMNS, "good_id", null, ErrorCode.EMPTY_VALUE, "good_id"));
        }
        if (t.goods().isEmpty()) problems.add(new Problem(goodsFile, 0, 0, "", ErrorCode.NO_GOODS.name(), ErrorCode.NO_GOODS.message()));
        List<Good> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (GoodRow g : t.goods()) {
            if (g.goodId() != null && !seen.add(g.goodId())) continue;
            Good built = toGood(g, byGood.getOrDefault(g.goodId(), List.of()), goodsFile, linesFile, problems);
            if (built != null) out.add(built);
        }
        return new Converted(out, problems);
    }

    /**
     * One good from its row and its lines (any order); null when a row has a problem (added to {@code problems},
     * each located and said to concern the good).
     */
    public static Good toGood(GoodRow g, List<LineRow> lines, String goodsFile, String linesFile, List<Problem> problems) {
        int mark = problems.size();
        String id = g.goodId();
        List<String> gc = GoodRow.COLUMNS;
        if (id == null || id.isBlank()) problems.add(at(goodsFile, g.row(), gc, "good_id", null, ErrorCode.EMPTY_VALUE, "good_id"));
        HsCode hs = hs(g.hs(), true, goodsFile, g.row(), gc, problems);
        String country = country(g.producerCountry(), true, "producer_country", goodsFile, g.row(), gc, problems);
        String destination = country(g.destination(), false, "destination", goodsFile, g.row(), gc, problems);
        Use use = null;
        if (g.use() != null) {
            use = Use.parse(g.use());
            if (use == null) problems.add(at(goodsFile, g.row(), gc, "use", g.use(), ErrorCode.BAD_VALUE, g.use(), words(Use.labels())));
        }
        VehicleKind vehicle = null;
        if (g.vehicle() != null) {
            vehicle = VehicleKind.parse(g.vehicle());
            if (vehicle == null) {
                problems.add(at(goodsFile, g.row(), gc, "vehicle", g.vehicle(), ErrorCode.BAD_VALUE, g.vehicle(), words(VehicleKind.labels())));
            }
        }
        money(g.transactionValue(), "transaction_value", goodsFile, g.row(), gc, problems);
        money(g.internationalShipping(), "international_shipping", goodsFile, g.row(), gc, problems);
        money(g.originatingMaterials(), "originating_materials", goodsFile, g.row(), gc, problems);
        money(g.nonOriginatingMaterials(), "non_originating_materials", goodsFile, g.row(), gc, problems);
        money(g.otherCosts(), "other_costs", goodsFile, g.row(), gc, problems);
        money(g.excludedCosts(), "excluded_costs", goodsFile, g.row(), gc, problems);
        if (g.internationalShipping() != null && g.transactionValue() == null) {
            problems.add(at(goodsFile, g.row(), gc, "international_shipping", null, Variant.GIVEN_WITHOUT, "international_shipping",
                    "transaction_value"));
        } else if (g.internationalShipping() != null && g.internationalShipping().compareTo(g.transactionValue()) > 0) {
            problems.add(at(goodsFile, g.row(), gc, "international_shipping", null, ErrorCode.SHIPPING_EXCEEDS_VALUE,
                    g.internationalShipping(), g.transactionValue()));
        }
        Rule rule = null;
        if (g.rule() != null) {
            try {
                rule = RuleCache.SHARED.parse(g.rule());
            } catch (RuleSyntaxException e) {
                problems.add(new Problem(goodsFile, (int) g.row(), gc.indexOf("rule") + 1, "rule", e.code(), e.reason()));
            }
        }
        List<Material> materials = materials(id, lines, linesFile, problems);
        if (problems.size() > mark) {
            for (int i = mark; i < problems.size(); i++) problems.set(i, problems.get(i).forGood(id));
            return null;
        }
        CostSheet costs = g.hasCosts() ? costs(g.originatingMaterials(), g.nonOriginatingMaterials(), g.otherCosts(), g.excludedCosts()) : null;
        return Good.builder(id, hs, country).destination(destination).date(g.date()).use(use == null ? Use.ORIGINAL_EQUIPMENT : use)
                .vehicle(vehicle).transactionValue(atCents(g.transactionValue())).internationalShipping(atCents(g.internationalShipping()))
                .costs(costs).materials(materials).rule(rule).build();
    }

    private static List<Material> materials(String good, List<LineRow> lines, String file, List<Problem> problems) {
        List<String> lc = LineRow.COLUMNS;
        Map<String, LineRow> byId = new HashMap<>();
        Map<String, List<LineRow>> children = new HashMap<>();
        boolean ok = true;
        for (LineRow l : lines) {
            if (l.lineId() == null || l.lineId().isBlank()) {
                problems.add(at(file, l.row(), lc, "line_id", null, ErrorCode.EMPTY_VALUE, "line_id"));
                ok = false;
                continue;
            }
            if (byId.putIfAbsent(l.lineId(), l) != null) {
                problems.add(at(file, l.row(), lc, "line_id", l.lineId(), Variant.MATERIAL_ID_TWICE, l.lineId()));
                ok = false;
            }
        }
        for (LineRow l : lines) {
            if (l.lineId() == null || l.lineId().isBlank()) continue;
            if (l.parentId() != null) {
                LineRow parent = byId.get(l.parentId());
                if (parent == null) {
                    problems.add(at(file, l.row(), lc, "parent_id", l.parentId(), Variant.UNKNOWN_PARENT, l.parentId(), good));
                    ok = false;
                    continue;
                }
                if (!parent.selfProduced()) {
                    problems.add(at(file, parent.row(), lc, "self_produced", null, Variant.PARENT_NOT_SELF_PRODUCED, parent.lineId()));
                    ok = false;
                }
            }
            children.computeIfAbsent(l.parentId(), k -> new ArrayList<>()).add(l);
        }
        Set<String> placed = new HashSet<>();
        List<Material> top = level(children, null, file, placed, problems);
        for (LineRow l : lines) {
            if (l.lineId() != null && !l.lineId().isBlank() && l.parentId() != null && byId.containsKey(l.parentId())
                    && !placed.contains(l.lineId())) {
                problems.add(at(file, l.row(), lc, "parent_id", l.parentId(), ErrorCode.BOM_CYCLE, cycle(byId, l)));
                ok = false;
            }
        }
        return ok && top != null ? top : null;
    }

    private static String cycle(Map<String, LineRow> byId, LineRow start) {
        List<String> path = new ArrayList<>();
        LineRow l = start;
        Set<String> seen = new HashSet<>();
        while (l != null && seen.add(l.lineId())) {
            path.add(l.lineId());
            l = l.parentId() == null ? null : byId.get(l.parentId());
        }
        if (l != null) path.add(l.lineId());
        return String.join(" → ", path);
    }

    /** The materials under {@code parent} (null: the good's own); null when a line has a problem. */
    private static List<Material> level(Map<String, List<LineRow>> children, String parent, String file, Set<String> placed,
                                        List<Problem> problems) {
        List<Material> out = new ArrayList<>();
        boolean ok = true;
        for (LineRow l : children.getOrDefault(parent, List.of())) {
            if (!placed.add(l.lineId())) continue;
            Material m = material(l, children, file, placed, problems);
            if (m == null) ok = false; else out.add(m);
        }
        return ok ? out : null;
    }

    private static Material material(LineRow l, Map<String, List<LineRow>> children, String file, Set<String> placed,
                                     List<Problem> problems) {
        List<String> lc = LineRow.COLUMNS;
        int mark = problems.size();
        HsCode hs = hs(l.hs(), true, file, l.row(), lc, problems);
        String country = country(l.country(), false, "country", file, l.row(), lc, problems);
        money(l.value(), "value", file, l.row(), lc, problems);
        money(l.otherCosts(), "other_costs", file, l.row(), lc, problems);
        money(l.excludedCosts(), "excluded_costs", file, l.row(), lc, problems);
        Origin origin = null;
        if (l.origin() != null) {
            origin = Origin.fromLabel(l.origin());
            if (origin == null) {
                problems.add(at(file, l.row(), lc, "origin", l.origin(), ErrorCode.BAD_VALUE, l.origin(),
                        "`originating`, `non-originating`, `unknown`"));
            }
        }
        Material.Production production = null;
        if (l.selfProduced()) {
            if (l.origin() != null) problems.add(at(file, l.row(), lc, "origin", l.origin(), Variant.ORIGIN_OF_SELF_PRODUCED));
            boolean costs = l.otherCosts() != null || l.excludedCosts() != null;
            if (!costs && l.value() == null) problems.add(at(file, l.row(), lc, "value", null, Variant.SELF_PRODUCED_NEEDS_COST, l.lineId()));
            List<Material> sub = level(children, l.lineId(), file, placed, problems);
            if (sub != null) production = new Material.Production(costs ? costs(null, null, l.otherCosts(), l.excludedCosts()) : null, sub, null);
        } else {
            if (l.value() == null) problems.add(at(file, l.row(), lc, "value", null, ErrorCode.EMPTY_VALUE, "value"));
            if (l.origin() == null) problems.add(at(file, l.row(), lc, "origin", null, ErrorCode.EMPTY_VALUE, "origin"));
            if (l.otherCosts() != null) problems.add(at(file, l.row(), lc, "other_costs", null, ErrorCode.UNEXPECTED_FIELD, "other_costs"));
            if (l.excludedCosts() != null) {
                problems.add(at(file, l.row(), lc, "excluded_costs", null, ErrorCode.UNEXPECTED_FIELD, "excluded_costs"));
            }
            if (l.intermediate()) problems.add(at(file, l.row(), lc, "intermediate", null, ErrorCode.NOT_SELF_PRODUCED));
        }
        if (problems.size() > mark || (l.selfProduced() && production == null)) return null;
        return new Material(l.lineId(), hs, atCents(l.value()), origin, country, MaterialKind.DIRECT, false, l.intermediate(), production,
                null, null);
    }

    /**
     * A good's cost sheet from its cost columns. An empty {@code excluded_costs} cell is "no excluded costs"
     * ({@link ExcludedCosts#NONE}), as a case file without {@code excludedCosts}; {@link #toRows} writes such a sheet
     * with the cell empty, so that the good reads back the same and is explained alike.
     */
    private static CostSheet costs(BigDecimal originating, BigDecimal nonOriginating, BigDecimal other, BigDecimal excluded) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        // the categories of excluded costs change nothing in a determination; the table's sum is carried as sales promotion
        ExcludedCosts ex = excluded == null ? ExcludedCosts.NONE : new ExcludedCosts(atCents(excluded), zero, zero, zero);
        return new CostSheet(nz(originating), nz(nonOriginating), zero, zero, nz(other), ex, null, null, null);
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO.setScale(2) : atCents(v);
    }

    /**
     * An amount at the format's scale, cents ({@code DECIMAL(18,2)}): a CSV cell written {@code 100} or {@code 100.5}
     * reads as a Parquet cell does, {@code 100.00} and {@code 100.50}, so that the same catalog is explained byte for byte
     * alike from either file, and as the bulk engine (which holds cents) explains it. Called only once the amount has
     * passed {@link #money} (never finer than cents), so the change of scale is exact.
     */
    private static BigDecimal atCents(BigDecimal v) {
        return v == null || v.scale() == 2 ? v : v.setScale(2);
    }

    // ------------------------------------------------------------------ goods to rows

    /** The rows of one good, or the problems (each naming the good and the field) when the tables cannot hold it. */
    public record Rows(GoodRow good, List<LineRow> lines, List<Problem> problems) {}

    /** The rows of {@code g}; {@code file} names the case file in problems. */
    public static Rows toRows(Good g, String file) {
        List<Problem> problems = new ArrayList<>();
        String id = g.id();
        String p = "goods[id=" + id + "]";
        unsupported(g.whollyObtained(), "whollyObtained", id, file, p, problems);
        unsupported(!g.facts().isEmpty(), "facts", id, file, p, problems);
        unsupported(g.unassembled(), "unassembled", id, file, p, problems);
        unsupported(g.partsProvision() != null, "partsProvision", id, file, p, problems);
        unsupported(!g.vehicleData().equals(dev.origin.core.model.VehicleData.NONE), "vehicle-level data", id, file, p, problems);
        BigDecimal[] c = costColumns(g.costs(), id, file, p + ".costs", problems);
        String rule = null;
        if (g.rule() != null) {
            try {
                rule = RuleSyntax.format(g.rule());
                // ids and citations of a rule tree are not written: refuse rather than drop them
                if (!RuleSyntax.parse(rule).equals(g.rule())) unsupported(true, "rule ids or citations", id, file, p + ".rule", problems);
            } catch (RuntimeException e) {
                unsupported(true, "rule", id, file, p + ".rule", problems);
            }
        }
        GoodRow row = new GoodRow(id, g.hs().digits(), g.producerCountry(), g.destination(), g.date(),
                g.use() == Use.ORIGINAL_EQUIPMENT ? null : g.use().label(), g.vehicle() == null ? null : g.vehicle().label(),
                cents(g.transactionValue(), id, file, p + ".transactionValue", problems),
                cents(g.internationalShipping(), id, file, p + ".internationalShipping", problems),
                c[0], c[1], c[2], c[3], rule, 0);
        List<LineRow> lines = new ArrayList<>();
        lines(g.materials(), null, id, file, p, lines, problems);
        return new Rows(row, lines, problems);
    }

    private static BigDecimal[] costColumns(CostSheet c, String id, String file, String p, List<Problem> problems) {
        if (c == null) return new BigDecimal[4];
        unsupported(c.totalCost() != null, "totalCost", id, file, p, problems);
        unsupported(c.netCost() != null, "netCost", id, file, p, problems);
        unsupported(c.allocation() != null, "allocation", id, file, p, problems);
        return new BigDecimal[] {cents(c.originatingMaterials(), id, file, p, problems), cents(c.nonOriginatingMaterials(), id, file, p, problems),
                cents(c.nonMaterialCosts(), id, file, p, problems),
                // no excluded costs: an empty cell, read back as none (not as a sum of 0.00, which is explained as "0.00")
                c.excluded().equals(ExcludedCosts.NONE) ? null : cents(c.excluded().total(), id, file, p, problems)};
    }

    private static void lines(List<Material> ms, String parent, String good, String file, String p, List<LineRow> out,
                              List<Problem> problems) {
        for (int i = 0; i < ms.size(); i++) {
            Material m = ms.get(i);
            String mp = p + ".materials[" + i + "]";
            unsupported(m.kind() != MaterialKind.DIRECT, "kind", good, file, mp, problems);
            unsupported(m.treatAsNonOriginating(), "treatAsNonOriginating", good, file, mp, problems);
            unsupported(m.statement() != null, "statement", good, file, mp, problems);
            unsupported(m.part() != null, "corePart, partCosts, tracing, plantWage or heavyDuty", good, file, mp, problems);
            unsupported(!m.facts().isEmpty(), "facts", good, file, mp, problems);
            unsupported(m.providedForAsParts() != null, "providedForAsParts", good, file, mp, problems);
            BigDecimal other = null, excluded = null;
            if (m.isSelfProduced()) {
                unsupported(m.production().rule() != null, "rule", good, file, mp, problems);
                if (m.production().costs() != null) {
                    BigDecimal[] c = costColumns(m.production().costs(), good, file, mp + ".costs", problems);
                    unsupported(c[0].signum() != 0 || c[1].signum() != 0, "originatingMaterials or nonOriginatingMaterials", good, file,
                            mp + ".costs", problems);
                    other = c[2];
                    excluded = c[3];
                }
            }
            out.add(new LineRow(good, m.id(), parent, m.hs().digits(), cents(m.value(), good, file, mp + ".value", problems),
                    m.origin() == null ? null : m.origin().label(), m.country(), m.isSelfProduced(), m.intermediate(), other, excluded, null, 0));
            if (m.isSelfProduced()) lines(m.production().materials(), m.id(), good, file, mp, out, problems);
        }
    }

    private static BigDecimal cents(BigDecimal v, String good, String file, String path, List<Problem> problems) {
        if (v == null) return null;
        if (v.stripTrailingZeros().scale() > 2) {
            problems.add(new Problem(file, 0, 0, path, ErrorCode.OVER_PRECISE_AMOUNT.name(),
                    ErrorCode.OVER_PRECISE_AMOUNT.message(v.toPlainString(), 2), good, dev.origin.core.engine.Diagnostic.Severity.ERROR));
            return v;
        }
        return v.setScale(2);
    }

    private static void unsupported(boolean given, String field, String good, String file, String path, List<Problem> problems) {
        if (given) {
            problems.add(new Problem(file, 0, 0, path, Variant.NO_COLUMN_FOR.code().name(), Variant.NO_COLUMN_FOR.message(good, field),
                    good, dev.origin.core.engine.Diagnostic.Severity.ERROR));
        }
    }

    // ------------------------------------------------------------------ checks of cells

    private static HsCode hs(String v, boolean required, String file, long row, List<String> cols, List<Problem> problems) {
        if (v == null) {
            if (required) problems.add(at(file, row, cols, "hs", null, ErrorCode.EMPTY_VALUE, "hs"));
            return null;
        }
        if (!HsCode.isValid(v)) {
            problems.add(at(file, row, cols, "hs", v, ErrorCode.BAD_HS, v));
            return null;
        }
        return HsCode.parse(v);
    }

    private static String country(String v, boolean required, String col, String file, long row, List<String> cols, List<Problem> problems) {
        if (v == null) {
            if (required) problems.add(at(file, row, cols, col, null, ErrorCode.EMPTY_VALUE, col));
            return null;
        }
        if (!v.matches("[A-Z]{2}")) {
            problems.add(at(file, row, cols, col, v, ErrorCode.BAD_COUNTRY, v));
            return null;
        }
        // the same check as a case file's and a fleet's: a code of the right form that no country has
        if (!dev.origin.io.Fields.ASSIGNED_COUNTRIES.contains(v)) {
            problems.add(at(file, row, cols, col, v, ErrorCode.UNKNOWN_COUNTRY, v));
            return null;
        }
        return v;
    }

    private static void money(BigDecimal v, String col, String file, long row, List<String> cols, List<Problem> problems) {
        if (v == null) return;
        if (v.signum() < 0) problems.add(at(file, row, cols, col, null, ErrorCode.NEGATIVE_AMOUNT, v.toPlainString()));
        else if (v.stripTrailingZeros().scale() > 2) problems.add(at(file, row, cols, col, null, ErrorCode.OVER_PRECISE_AMOUNT, v.toPlainString(), 2));
    }

    private static String words(List<String> labels) {
        StringBuilder sb = new StringBuilder();
        for (String l : labels) sb.append(sb.isEmpty() ? "" : ", ").append('`').append(l).append('`');
        return sb.toString();
    }

    /** A problem at {@code column} of row {@code row} of {@code file}: the column's number is its place in the header. */
    static Problem at(String file, long row, List<String> cols, String column, String value, ErrorTemplate t, Object... args) {
        return new Problem(file, (int) row, cols.indexOf(column) + 1, column, t.code().name(), t.message(args));
    }
}
