package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origin.store.importer.ImportKind;
import dev.origin.store.importer.Importer;
import dev.origin.store.importer.Table;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Deletes (Removals) and the in-memory import of one table (Importer.importTable, the REST API's writes) on H2 and
 * PostgreSQL: references refuse a delete with IN_USE and leave everything; a part goes with its own data.
 */
class RemovalsTest {
    private static boolean del(Workspace ws, java.util.function.Predicate<Removals> r) {
        return ws.write(tx -> r.test(new Removals(tx)));
    }

    private static boolean holds(Workspace ws, java.util.function.Predicate<Tx> p) {
        return ws.read(p::test);
    }

    @ParameterizedTest
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void referencedIsRefusedUnreferencedIsDeleted(String kind) throws Exception {
        Workspace ws = Workspace.open(TestDatabases.fresh(kind));
        LocalDate today = LocalDate.of(2026, 12, 1);
        Sample.load(ws, today, Importer.Progress.NONE);
        Importer im = new Importer(ws, null);
        im.importTable(new Table("request", "suppliers", List.of("supplier", "name", "country"),
                List.of(new Table.Row(2, List.of("ZED", "Zed", "US")))), ImportKind.SUPPLIERS);
        im.importTable(new Table("request", "parts", List.of("part", "description", "source", "supplier", "hs"),
                List.of(new Table.Row(2, List.of("Z-1", "Zed pin", "buy", "ZED", "7318.15")))), ImportKind.PARTS);
        im.importTable(new Table("request", "costs", List.of("part", "valid_from", "unit_cost"),
                List.of(new Table.Row(2, List.of("Z-1", "2024-01-01", "1.25")))), ImportKind.COSTS);

        assertThatThrownBy(() -> ws.write(tx -> new Removals(tx).supplier("ZED")))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.code()).isEqualTo("IN_USE"));
        assertThatThrownBy(() -> ws.write(tx -> new Removals(tx).part("ROT-300")))
                .isInstanceOfSatisfying(WorkflowException.class, e -> assertThat(e.getMessage()).contains("BOM line"));
        assertThat(holds(ws, tx -> tx.parts().get("ROT-300").isPresent())).isTrue();

        assertThat(del(ws, r -> r.part("Z-1"))).isTrue();
        assertThat(holds(ws, tx -> tx.costs().history("Z-1").isEmpty())).isTrue();
        assertThat(del(ws, r -> r.supplier("ZED"))).isTrue();
        assertThat(del(ws, r -> r.supplier("ZED"))).isFalse();
        assertThat(del(ws, r -> r.declaration("ACME-2026"))).isTrue();
        assertThat(holds(ws, tx -> tx.declarations().get("ACME-2026").isPresent())).isFalse();
        assertThat(del(ws, r -> r.bom("BRK-FR-100", LocalDate.of(2024, 1, 1)))).isTrue();
        assertThat(del(ws, r -> r.costSheet("BRK-FR-100", LocalDate.of(2024, 1, 1)))).isTrue();
    }
}
