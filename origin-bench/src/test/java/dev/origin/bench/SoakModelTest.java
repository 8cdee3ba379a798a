package dev.origin.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.origin.bench.SoakModel.Appended;
import dev.origin.bench.SoakModel.DeclarationValue;
import dev.origin.bench.SoakModel.PartValue;
import dev.origin.bench.SoakModel.SharedWrite;
import dev.origin.bench.SoakModel.SupplierValue;
import dev.origin.store.Declaration;
import dev.origin.store.LedgerEntry;
import dev.origin.store.Part;
import dev.origin.store.Sample;
import dev.origin.store.Supplier;
import dev.origin.store.Workspace;
import dev.origin.store.importer.Importer;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The soak test's check of the stored workspace against what the clients were told ({@link SoakModel#verify}): a
 * workspace that lost an acknowledged write, kept an older value, resurrected a deleted entity, holds what only a
 * refused request carried, lacks or altered an acknowledged ledger entry, or holds an entry nobody was answered for,
 * is caught and counted. The store is written directly here, as a server that dropped or invented writes would leave it.
 */
class SoakModelTest {
    static final String P = "SOAKTEST";
    Workspace ws;
    SoakModel model;

    @BeforeEach void open() throws Exception {
        ws = Workspace.open("jdbc:h2:mem:" + UUID.randomUUID());
        Sample.load(ws, LocalDate.now(), Importer.Progress.NONE);
        model = new SoakModel(P);
        model.ledgerBefore(0);
    }

    private void supplier(String id, SupplierValue v) {
        ws.write(tx -> tx.suppliers().put(new Supplier(id, v.name(), v.country(), v.contact())));
    }

    private LedgerEntry append() throws Exception {
        return ws.qualify("HUB-500", "usmca", Map.of(), LocalDate.now(), "soak model test");
    }

    @Test void whatTheServerAcknowledgedAndStoredIsClean() throws Exception {
        SupplierValue a = new SupplierValue("Supplier c0w1", "US", null);
        supplier(P + "-C0-S0", a);
        model.supplierAcknowledged(P + "-C0-S0", a);
        ws.write(tx -> tx.parts().put(new Part(P + "-C0-P0", "Part c0w2", Part.Source.BUY, null, P + "-C0-S0", null, null, null, null)));
        model.partAcknowledged(P + "-C0-P0", new PartValue("Part c0w2", P + "-C0-S0"));
        LocalDate from = LocalDate.now().minusDays(10);
        ws.write(tx -> tx.declarations().put(new Declaration(P + "-C0-D0", P + "-C0-S0", from, from.plusDays(100), Declaration.Statement.ORIGINATING,
                "B", null, null, true, from.plusDays(5), null, List.of(P + "-C0-P0"))));
        model.declarationAcknowledged(P + "-C0-D0", new DeclarationValue(P + "-C0-S0", List.of(P + "-C0-P0"), from, from.plusDays(100), true, from.plusDays(5)));
        model.supplierRefused(P + "-C0-S1", new SupplierValue("refused", "US", null));
        LedgerEntry e = append();
        model.appendAcknowledged(new Appended(e.id(), e.partId(), e.regime(), e.entryHash()));

        SoakModel.Verification v = model.verify(ws);
        assertThat(v.details()).isEmpty();
        assertThat(v.clean()).isTrue();
        assertThat(v.entities()).isEqualTo(4);
        assertThat(v.appendsChecked()).isEqualTo(1);
    }

    @Test void aLostWriteAnOlderValueAndAResurrectedDeleteAreLost() {
        model.supplierAcknowledged(P + "-C0-S0", new SupplierValue("never stored", "US", null));
        SupplierValue old = new SupplierValue("Supplier c0w1", "US", null);
        supplier(P + "-C0-S1", old);
        model.supplierAcknowledged(P + "-C0-S1", old);
        model.supplierAcknowledged(P + "-C0-S1", new SupplierValue("Supplier c0w2", "CA", null));
        SupplierValue deleted = new SupplierValue("Supplier c0w3", "MX", null);
        supplier(P + "-C0-S2", deleted);
        model.supplierAcknowledged(P + "-C0-S2", deleted);
        model.supplierAcknowledged(P + "-C0-S2", null);

        SoakModel.Verification v = model.verify(ws);
        assertThat(v.lost()).as(v.details().toString()).isEqualTo(3);
        assertThat(v.phantom()).isZero();
        assertThat(v.details()).anyMatch(d -> d.contains("C0-S0") && d.contains("missing"))
                .anyMatch(d -> d.contains("C0-S1") && d.contains("older value"))
                .anyMatch(d -> d.contains("C0-S2") && d.contains("deleted"));
    }

    @Test void aValueOnlyARefusedWriteCarriedOrAnUnknownIdIsAPhantom() {
        SupplierValue refused = new SupplierValue("Supplier c1w9", "US", null);
        model.supplierRefused(P + "-C1-S0", refused);
        supplier(P + "-C1-S0", refused);
        supplier(P + "-C1-S5", new SupplierValue("nobody wrote this", "US", null));

        SoakModel.Verification v = model.verify(ws);
        assertThat(v.phantom()).as(v.details().toString()).isEqualTo(2);
        assertThat(v.lost()).isZero();
    }

    @Test void aMissingOrDifferentLedgerEntryIsLostAndAnUnacknowledgedOneIsAPhantom() throws Exception {
        LedgerEntry first = append();
        model.appendAcknowledged(new Appended(first.id(), first.partId(), first.regime(), "sha256:not-the-hash"));
        model.appendAcknowledged(new Appended(first.id() + 5, "HUB-500", "usmca", "sha256:x"));
        append(); // appended, but no client was answered for it

        SoakModel.Verification v = model.verify(ws);
        assertThat(v.lost()).as(v.details().toString()).isEqualTo(2);
        assertThat(v.phantom()).isEqualTo(1);
        assertThat(v.ledgerProblems()).isEmpty();
    }

    @Test void aSharedSupplierMustHoldTheLastAcknowledgedWriteInRealTimeOrder() {
        String id = P + "-SHARED-0";
        SupplierValue w1 = new SupplierValue("Shared c0w1", "US", null);
        SupplierValue w2 = new SupplierValue("Shared c1w1", "US", null);
        model.shared.add(new SharedWrite(id, w1, 0, 10, true));
        model.shared.add(new SharedWrite(id, w2, 20, 30, true));
        supplier(id, w1); // w2 was sent after w1 was answered: w1 cannot be the last
        assertThat(model.verify(ws).lost()).isEqualTo(1);

        ws.write(tx -> tx.suppliers().put(new Supplier(id, w2.name(), w2.country(), w2.contact())));
        assertThat(model.verify(ws).clean()).isTrue();

        // overlapping writes: either may win
        model.shared.add(new SharedWrite(id, new SupplierValue("Shared c2w1", "US", null), 25, 40, true));
        assertThat(model.verify(ws).clean()).isTrue();

        // a delete answered after every write was sent: absence is right, a value is not
        model.shared.add(new SharedWrite(id, null, 50, 60, true));
        assertThat(model.verify(ws).lost()).isEqualTo(1);
        ws.write(tx -> new dev.origin.store.Removals(tx).supplier(id));
        assertThat(model.verify(ws).clean()).isTrue();
    }
}
