package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requalification after one declaration change on a whole catalog touches only the affected goods: 10,000 goods on H2
 * (1,000 on PostgreSQL, to keep the suite short), one housing's declaration withdrawn, exactly the goods built on that
 * housing (known from the catalog's construction, not from the graph) evaluated and appended to the ledger.
 */
class RequalifyCatalogTest {
    static final int HOUSINGS = 100;

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void oneDeclarationChangeTouchesOnlyTheGoodsThatUseItsPart(String kind) throws Exception {
        int goods = kind.equals("h2") ? 10_000 : 1_000;
        Workspace ws = Workspace.open(TestDatabases.fresh(kind));
        SyntheticCatalog.write(ws, goods, HOUSINGS);
        Path pack = Files.createTempFile("synthetic", ".yaml");
        Files.writeString(pack, SyntheticCatalog.PACK);
        pack.toFile().deleteOnExit();
        int finished = ws.read(tx -> tx.parts().finished().size());
        assertThat(finished).isEqualTo(goods);
        List<String> expected = SyntheticCatalog.usersOfHousing(goods, HOUSINGS, 7);
        assertThat(expected).hasSize(goods / HOUSINGS);
        Requalifier.Report r = new Requalifier(ws, Qualification.Pack.load(pack.toString(), Map.of()))
                .withdrawDeclaration(SyntheticCatalog.declaration(7), SyntheticCatalog.FROM.plusMonths(2));
        assertThat(r.evaluated()).as("evaluations").isEqualTo(expected.size());
        assertThat(r.goods()).containsExactlyInAnyOrderElementsOf(expected);
        long ledger = ws.read(tx -> tx.ledger().size());
        assertThat(ledger).isEqualTo(expected.size());
        // the sub-assemblies in between are affected (walked) but are not goods
        assertThat(r.affectedParts()).hasSize(1 + SyntheticCatalog.subs(goods) / HOUSINGS + expected.size());
        // without the housing's declaration its origin is unknown: the gearboxes are undetermined
        assertThat(r.entries().values()).allSatisfy(e -> assertThat(e.verdict()).isEqualTo("UNDETERMINED"));
    }
}
