package dev.origin.io.catalog;

import dev.origin.core.bulk.ColumnarCatalog;
import dev.origin.core.model.Good;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RuleSyntax;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Loads catalogs into the bulk engine's {@link ColumnarCatalog}: from the generator, or from goods. */
public final class Columnar {
    private Columnar() {}

    /** The generator's catalog, good by good, without building rows or engine goods. */
    public static ColumnarCatalog of(CatalogGenerator gen) {
        var s = gen.settings();
        ColumnarCatalog.Builder b = ColumnarCatalog.builder().capacity(s.goods(), s.goods() * s.linesPerGood());
        Map<String, Rule> rules = new HashMap<>();
        CatalogGenerator.Raw g = gen.newRaw();
        String[] ids = new String[s.linesPerGood()];
        for (int j = 0; j < ids.length; j++) ids[j] = CatalogGenerator.Raw.lineId(j);
        for (int i = 0; i < s.goods(); i++) {
            gen.generate(i, g);
            var f = CatalogGenerator.family(g);
            Rule rule = rules.computeIfAbsent(f.rule(), RuleSyntax::parse);
            b.good(g.id, f.hs(), g.producerCountry, s.date(), g.transactionValue, g.otherCosts, g.excludedCosts, f.rule(), rule);
            for (int j = 0; j < g.lines; j++) {
                int d = g.declaration[j];
                var decl = d < 0 ? null : gen.declaration(d);
                b.line(ids[j], g.parent[j], gen.lineHs(g, j), g.value[j], decl == null ? null : dev.origin.core.model.Origin.fromLabel(decl.origin()),
                        decl == null ? null : decl.country(), g.selfProduced[j], g.intermediate[j], g.other[j], g.excluded[j], d);
            }
        }
        return b.build();
    }

    /**
     * Goods of the tabular subset (as {@link CatalogTables#toGoods} builds them) as columns.
     *
     * @throws IllegalArgumentException for a good the tables cannot hold ({@link CatalogTables#toRows} says why)
     */
    public static ColumnarCatalog of(List<Good> goods) {
        ColumnarCatalog.Builder b = ColumnarCatalog.builder();
        for (Good g : goods) {
            var rows = CatalogTables.toRows(g, "goods");
            if (!rows.problems().isEmpty()) throw new IllegalArgumentException(rows.problems().get(0).message());
            var r = rows.good();
            if (r.destination() != null || r.use() != null || r.vehicle() != null || r.internationalShipping() != null
                    || (r.hasCosts() && (r.originatingMaterials().signum() != 0 || r.nonOriginatingMaterials().signum() != 0))) {
                throw new IllegalArgumentException("Good `" + r.goodId() + "` gives a destination, use, vehicle, international shipping or "
                        + "lump-sum materials, which the columnar catalog does not hold yet; evaluate it with the evaluator.");
            }
            b.good(r.goodId(), r.hs(), r.producerCountry(), r.date(), cents(r.transactionValue()),
                    r.hasCosts() ? cents(r.otherCosts()) : -1, r.hasCosts() ? cents(r.excludedCosts()) : -1, g.rule(), g.rule());
            Map<String, Integer> index = new HashMap<>();
            for (int j = 0; j < rows.lines().size(); j++) index.put(rows.lines().get(j).lineId(), j);
            for (LineRow l : rows.lines()) {
                b.line(l.lineId(), l.parentId() == null ? -1 : index.get(l.parentId()), l.hs(), cents(l.value()),
                        l.origin() == null ? null : dev.origin.core.model.Origin.fromLabel(l.origin()), l.country(), l.selfProduced(),
                        l.intermediate(), cents(l.otherCosts()), cents(l.excludedCosts()), -1);
            }
        }
        return b.build();
    }

    private static long cents(java.math.BigDecimal v) {
        return v == null ? -1 : v.movePointRight(2).longValueExact();
    }

}
