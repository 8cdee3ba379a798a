package dev.origin.io.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origin.core.model.Good;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tabular catalog format: tables, CSV, Parquet and case files give the same goods; bad cells are located. */
class CatalogFormatTest {
    @TempDir Path dir;

    static CatalogGenerator gen(long seed, int depth) {
        return new CatalogGenerator(CatalogGenerator.Settings.of(40).withShape(4, depth).withOrigins(0.2, 7, 30)
                .withIntermediateShare(0.5).withSeed(seed));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void tablesCaseFilesAndNdjsonGiveTheSameGoods(long seed) throws Exception {
        CatalogGenerator g = gen(seed, (int) seed - 1);
        Tables t = g.tables();
        var conv = CatalogTables.toGoods(t, "goods", "lines");
        assertThat(conv.problems()).isEmpty();
        assertThat(conv.goods()).hasSize(40);
        assertThat(t.lines()).hasSize(40 * g.settings().linesPerGood());

        ByteArrayOutputStream json = new ByteArrayOutputStream();
        g.writeCaseFile(json, false);
        List<Good> read = CaseFileReader.read(json.toString(StandardCharsets.UTF_8), "gen.json", false);
        assertThat(read).isEqualTo(conv.goods());

        ByteArrayOutputStream nd = new ByteArrayOutputStream();
        g.writeCaseFile(nd, true);
        String[] lines = nd.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(40);
        List<Good> fromNd = new ArrayList<>();
        for (String l : lines) fromNd.addAll(CaseFileReader.read("{\"goods\": [" + l + "]}", "gen.ndjson", false));
        assertThat(fromNd).isEqualTo(conv.goods());

        // goods back to rows: the same rows, but for the declaration ids, which no case-file field holds
        List<LineRow> back = new ArrayList<>();
        List<GoodRow> goodsBack = new ArrayList<>();
        for (Good good : conv.goods()) {
            var rows = CatalogTables.toRows(good, "gen.json");
            assertThat(rows.problems()).isEmpty();
            goodsBack.add(rows.good());
            back.addAll(rows.lines());
        }
        assertThat(goodsBack).isEqualTo(t.goods());
        assertThat(back).containsExactlyInAnyOrderElementsOf(t.lines().stream().map(l -> new LineRow(l.goodId(), l.lineId(), l.parentId(), l.hs(), l.value(), l.origin(),
                l.country(), l.selfProduced(), l.intermediate(), l.otherCosts(), l.excludedCosts(), null, 0)).toList());
    }

    @Test
    void csvAndParquetRoundTrip() throws Exception {
        CatalogGenerator g = gen(7, 2);
        Tables t = g.tables();
        g.writeCsv(dir.resolve("csv"));
        Tables csv = CatalogCsv.read(dir.resolve("csv"));
        assertThat(withoutRows(csv)).isEqualTo(withoutRows(t));
        assertThat(csv.lines().get(0).row()).isEqualTo(2);
        g.writeParquet(dir.resolve("pq"));
        Tables pq = CatalogParquet.read(dir.resolve("pq"));
        assertThat(withoutRows(pq)).isEqualTo(withoutRows(t));
    }

    @Test
    void sameSeedSameCatalogOtherSeedOtherCatalog() {
        assertThat(gen(5, 1).tables()).isEqualTo(gen(5, 1).tables());
        assertThat(gen(5, 1).tables()).isNotEqualTo(gen(6, 1).tables());
    }

    @Test
    void badCellsAreReportedWithTableRowAndColumn() throws Exception {
        Files.createDirectories(dir.resolve("bad"));
        Files.writeString(dir.resolve("bad/goods.csv"), """
                good_id,hs,producer_country,other_costs,rule
                A,870840,MX,10.00,CTH and RVC(NC) >= 60
                B,87084,mx,1.001,CTH and
                """);
        Files.writeString(dir.resolve("bad/lines.csv"), """
                good_id,line_id,parent_id,hs,value,origin,self_produced
                A,m1,,848310,12.5x,originating,false
                Z,m1,,848310,1.00,originating,false
                """);
        assertThatThrownBy(() -> CatalogCsv.read(dir.resolve("bad"))).isInstanceOf(InputException.class)
                .satisfies(e -> assertThat(((InputException) e).problems()).extracting(Problem::format)
                        .containsExactly(dir.resolve("bad/lines.csv") + ":2:5: BAD_NUMBER: `12.5x` is not a decimal number. (at value)"));
        Files.writeString(dir.resolve("bad/lines.csv"), """
                good_id,line_id,parent_id,hs,value,origin,self_produced
                A,m1,m9,848310,12.50,originating,false
                A,m2,,848310,,maybe,false
                Z,m1,,848310,1.00,originating,false
                """);
        Tables t = CatalogCsv.read(dir.resolve("bad"));
        var conv = CatalogTables.toGoods(t, "goods.csv", "lines.csv");
        assertThat(conv.goods()).isEmpty();
        assertThat(conv.problems()).extracting(Problem::format).containsExactly(
                "lines.csv:4:1: UNKNOWN_REF: No good `Z` is in the goods table. (at good_id)",
                "lines.csv:2:3: UNKNOWN_REF: No line `m9` of good `A` holds this line. (at parent_id)",
                "lines.csv:3:6: BAD_VALUE: `maybe` is not one of `originating`, `non-originating`, `unknown`. (at origin)",
                "lines.csv:3:5: EMPTY_VALUE: The field `value` is empty. (at value)",
                "goods.csv:3:2: BAD_HS: `87084` is not an HS code of 6, 8 or 10 digits (e.g. `8708.40`). (at hs)",
                "goods.csv:3:3: BAD_COUNTRY: `mx` is not an ISO 3166 alpha-2 country code (e.g. `MX`). (at producer_country)",
                "goods.csv:3:12: OVER_PRECISE_AMOUNT: The amount `1.001` has more than 2 decimals; round it as your books do before giving it. (at other_costs)",
                "goods.csv:3:14: RULE_SYNTAX: " + conv.problems().get(7).message() + " (at rule)");
        assertThat(conv.problems().get(1).good()).isEqualTo("A");
    }

    @Test
    void aGoodTheTablesCannotHoldIsRefusedNamingTheField() throws Exception {
        Good g = CaseFileReader.read("""
                {"goods": [{"id": "A", "hs": "8708.40", "producer": {"country": "MX"}, "costs": {"otherCosts": "1.00", "totalCost": "50.00"},
                  "materials": [{"id": "m1", "hs": "8483.10", "value": "10.00", "origin": "originating", "kind": "packing"}]}]}
                """, "a.json", false).get(0);
        var rows = CatalogTables.toRows(g, "a.json");
        assertThat(rows.problems()).extracting(Problem::format).containsExactly(
                "a.json: UNKNOWN_FIELD: Good `A` gives `totalCost`, which the tabular catalog format has no column for; keep it in a case file. (at goods[id=A].costs)",
                "a.json: UNKNOWN_FIELD: Good `A` gives `kind`, which the tabular catalog format has no column for; keep it in a case file. (at goods[id=A].materials[0])");
    }

    @Test
    void unknownFamilyInTheMixIsRefused() {
        assertThatThrownBy(() -> CatalogGenerator.Settings.of(1).withHsMix(Map.of("tyres", 1)))
                .hasMessageContaining("`tyres` is not a product family");
    }

    static Tables withoutRows(Tables t) {
        return new Tables(t.goods().stream().map(g -> new GoodRow(g.goodId(), g.hs(), g.producerCountry(), g.destination(), g.date(), g.use(),
                        g.vehicle(), g.transactionValue(), g.internationalShipping(), g.originatingMaterials(), g.nonOriginatingMaterials(),
                        g.otherCosts(), g.excludedCosts(), g.rule(), 0)).toList(),
                t.lines().stream().map(l -> new LineRow(l.goodId(), l.lineId(), l.parentId(), l.hs(), l.value(), l.origin(), l.country(),
                        l.selfProduced(), l.intermediate(), l.otherCosts(), l.excludedCosts(), l.declaration(), 0)).toList());
    }
}
