package dev.origin.bench;

import dev.origin.store.Declaration;
import dev.origin.store.LedgerEntry;
import dev.origin.store.Part;
import dev.origin.store.Supplier;
import dev.origin.store.Workspace;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the soak's clients know the workspace must hold: every write the server acknowledged (and, to tell a phantom
 * from a lost write, every value a refused or failed write carried), and the check of the stored workspace against
 * it ({@link #verify}).
 *
 * <p>Each client writes only its own entities (ids {@code PREFIX-cN-…}) one request at a time, so the last
 * acknowledged write of an entity is exactly what must be stored at the end. The shared suppliers
 * ({@code PREFIX-SHARED-k}) are written by every client at once on purpose: there the stored value must be one a
 * write was acknowledged for, and no acknowledged write may have started after that write was answered (a register's
 * real-time order). Ledger appends are acknowledged with their id and hash.
 */
public final class SoakModel {
    /** A supplier as written: name, country, contact (null: cleared). */
    public record SupplierValue(String name, String country, String contact) {
        static SupplierValue of(Supplier s) {
            return new SupplierValue(s.name(), s.country(), s.contact());
        }
    }

    /** A bought part as written. */
    public record PartValue(String description, String supplier) {
        static PartValue of(Part p) {
            return new PartValue(p.description(), p.source() == Part.Source.BUY ? p.supplierId() : "(made) " + p.plantId());
        }
    }

    /** A declaration as written (parts sorted), with its withdrawal. */
    public record DeclarationValue(String supplier, List<String> parts, LocalDate validFrom, LocalDate validTo, boolean withdrawn,
                                   LocalDate withdrawnOn) {
        public DeclarationValue {
            parts = parts.stream().distinct().sorted().toList();
        }

        static DeclarationValue of(Declaration d) {
            return new DeclarationValue(d.supplierId(), d.parts(), d.validFrom(), d.validTo(), d.withdrawn(), d.withdrawnOn());
        }

        DeclarationValue withdrawnOn(LocalDate on) {
            return new DeclarationValue(supplier, parts, validFrom, validTo, true, on);
        }
    }

    /** An acknowledged ledger append. */
    public record Appended(long id, String part, String regime, String entryHash) {}

    /** One write of a shared supplier: its value, when it was sent and answered (System.nanoTime), acknowledged or not. */
    public record SharedWrite(String id, SupplierValue value, long sent, long answered, boolean acknowledged) {}

    /** The state of one kind of entity: the expected value of each id (absent: null), and what else was written. */
    static final class Kind<V> {
        final Map<String, V> expected = new HashMap<>();
        /** Every value a write of the id was acknowledged for. */
        final Map<String, Set<V>> acknowledged = new HashMap<>();
        /** Every value a refused or failed write of the id carried. */
        final Map<String, Set<V>> refused = new HashMap<>();
        /** Ids whose last write has no answer (a timeout or broken connection): their state is unknown. */
        final Set<String> uncertain = new HashSet<>();

        synchronized void ack(String id, V value) {
            expected.put(id, value);
            if (value != null) acknowledged.computeIfAbsent(id, k -> new HashSet<>()).add(value);
            uncertain.remove(id);
        }

        synchronized void refuse(String id, V value) {
            if (value != null) refused.computeIfAbsent(id, k -> new HashSet<>()).add(value);
        }

        synchronized void unknown(String id, V value) {
            refuse(id, value);
            uncertain.add(id);
        }

        synchronized boolean isUncertain(String id) {
            return uncertain.contains(id);
        }

        synchronized V get(String id) {
            return expected.get(id);
        }
    }

    final String prefix;
    final Set<String> ids = java.util.Collections.synchronizedSet(new HashSet<>());
    final Kind<SupplierValue> suppliers = new Kind<>();
    final Kind<PartValue> parts = new Kind<>();
    final Kind<DeclarationValue> declarations = new Kind<>();
    final List<Appended> appended = java.util.Collections.synchronizedList(new ArrayList<>());
    final List<SharedWrite> shared = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Appends whose answer never came: each may or may not be in the ledger. */
    final java.util.concurrent.atomic.AtomicLong appendsUnknown = new java.util.concurrent.atomic.AtomicLong();
    /** The ledger's size before the run. */
    volatile long ledgerBefore;

    public SoakModel(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() { return prefix; }

    // the calls a client (or a test) makes to record what it wrote

    public void supplierAcknowledged(String id, SupplierValue v) { ids.add(id); suppliers.ack(id, v); }

    public void supplierRefused(String id, SupplierValue v) { ids.add(id); suppliers.refuse(id, v); }

    public void partAcknowledged(String id, PartValue v) { ids.add(id); parts.ack(id, v); }

    public void partRefused(String id, PartValue v) { ids.add(id); parts.refuse(id, v); }

    public void declarationAcknowledged(String id, DeclarationValue v) { ids.add(id); declarations.ack(id, v); }

    public void declarationRefused(String id, DeclarationValue v) { ids.add(id); declarations.refuse(id, v); }

    public void appendAcknowledged(Appended a) { appended.add(a); }

    public void ledgerBefore(long size) { ledgerBefore = size; }

    /** What the check found: acknowledged writes missing or different (lost), stored values no acknowledged write made (phantom). */
    public record Verification(int entities, int lost, int phantom, int uncertain, long ledgerEntries, int appendsChecked,
                               List<String> ledgerProblems, List<String> danglingReferences, List<String> details) {
        public boolean clean() {
            return lost == 0 && phantom == 0 && ledgerProblems.isEmpty() && danglingReferences.isEmpty();
        }
    }

    /**
     * Reads the workspace (the server stopped, or any reader of the same database) and compares it with the model:
     * every entity of this run's prefix, every acknowledged ledger entry (id, part, regime, hash), the ledger's hash
     * chain ({@code Ledger.verify}), entries appended that no acknowledged request made, and that every supplier and
     * part a part or declaration of the workspace names exists.
     */
    public Verification verify(Workspace ws) {
        List<String> details = new ArrayList<>();
        int[] lost = {0};
        int[] phantom = {0};
        Map<String, SupplierValue> storedSuppliers = new HashMap<>();
        Map<String, PartValue> storedParts = new HashMap<>();
        Map<String, DeclarationValue> storedDeclarations = new HashMap<>();
        List<String> references = new ArrayList<>();
        List<String> chain = new ArrayList<>();
        long[] size = {0};
        Map<Long, Appended> ledger = new HashMap<>();
        // one transaction: on an embedded H2 file each new connection after the last one closed reopens the database
        ws.read(tx -> {
            // every reference of the whole workspace resolves (a delete that raced a write could leave one dangling)
            Set<String> allSuppliers = new HashSet<>();
            Set<String> allParts = new HashSet<>();
            tx.suppliers().all().forEach(s -> allSuppliers.add(s.id()));
            tx.parts().all().forEach(p -> allParts.add(p.id()));
            tx.parts().all().stream().filter(p -> p.supplierId() != null && !allSuppliers.contains(p.supplierId()))
                    .forEach(p -> references.add("part " + p.id() + " is bought from " + p.supplierId() + ", which does not exist"));
            for (Declaration d : tx.declarations().all()) {
                if (!allSuppliers.contains(d.supplierId())) references.add("declaration " + d.id() + " is of " + d.supplierId() + ", which does not exist");
                d.parts().stream().filter(p -> !allParts.contains(p))
                        .forEach(p -> references.add("declaration " + d.id() + " covers " + p + ", which does not exist"));
            }
            tx.suppliers().all().stream().filter(s -> s.id().startsWith(prefix)).forEach(s -> storedSuppliers.put(s.id(), SupplierValue.of(s)));
            tx.parts().all().stream().filter(p -> p.id().startsWith(prefix)).forEach(p -> storedParts.put(p.id(), PartValue.of(p)));
            tx.declarations().all().stream().filter(d -> d.id().startsWith(prefix))
                    .forEach(d -> storedDeclarations.put(d.id(), DeclarationValue.of(d)));
            chain.addAll(tx.ledger().verify());
            size[0] = tx.ledger().size();
            for (long from = ledgerBefore + 1; ; ) {
                List<LedgerEntry> page = tx.ledger().page(from, 500);
                page.forEach(e -> ledger.put(e.id(), new Appended(e.id(), e.partId(), e.regime(), e.entryHash())));
                if (page.size() < 500) break;
                from = page.get(page.size() - 1).id() + 1;
            }
            return null;
        });
        Set<String> sharedIds = new HashSet<>();
        synchronized (shared) {
            shared.forEach(w -> sharedIds.add(w.id()));
        }
        int entities = 0;
        int uncertain = 0;
        entities += compare("supplier", suppliers, storedSuppliers, sharedIds, details, lost, phantom);
        entities += compare("part", parts, storedParts, Set.of(), details, lost, phantom);
        entities += compare("declaration", declarations, storedDeclarations, Set.of(), details, lost, phantom);
        uncertain += suppliers.uncertain.size() + parts.uncertain.size() + declarations.uncertain.size();
        for (String id : sharedIds) {
            entities++;
            checkShared(id, storedSuppliers.get(id), details, lost, phantom);
        }
        // the ledger
        Set<Long> ours = new HashSet<>();
        List<Appended> acks;
        synchronized (appended) {
            acks = List.copyOf(appended);
        }
        for (Appended a : acks) {
            ours.add(a.id());
            Appended e = ledger.get(a.id());
            if (!a.equals(e)) {
                lost[0]++;
                details.add("lost: ledger entry " + a.id() + " (" + a.part() + ", " + a.regime() + ", " + a.entryHash() + ") is "
                        + (e == null ? "missing" : e.part() + ", " + e.regime() + ", " + e.entryHash()));
            }
        }
        long extra = 0;
        for (long id = ledgerBefore + 1; id <= size[0]; id++) {
            if (!ours.contains(id)) extra++;
        }
        if (extra > appendsUnknown.get()) {
            phantom[0] += (int) (extra - appendsUnknown.get());
            details.add("phantom: " + extra + " ledger entries after entry " + ledgerBefore + " that no acknowledged append made ("
                    + appendsUnknown.get() + " appends had no answer)");
        }
        return new Verification(entities, lost[0], phantom[0], uncertain, size[0], acks.size(), chain, references, details);
    }

    private <V> int compare(String what, Kind<V> kind, Map<String, V> stored, Set<String> skip, List<String> details, int[] lost, int[] phantom) {
        Set<String> all = new HashSet<>();
        synchronized (kind) {
            all.addAll(kind.expected.keySet());
            all.addAll(kind.refused.keySet());
        }
        all.addAll(stored.keySet());
        all.removeAll(skip);
        for (String id : all) {
            V want;
            Set<V> acked;
            Set<V> refused;
            boolean uncertain;
            synchronized (kind) {
                want = kind.expected.get(id);
                acked = kind.acknowledged.getOrDefault(id, Set.of());
                refused = kind.refused.getOrDefault(id, Set.of());
                uncertain = kind.uncertain.contains(id);
            }
            V got = stored.get(id);
            if (uncertain || Objects.equals(want, got)) continue;
            if (got == null) {
                lost[0]++;
                details.add("lost: " + what + " " + id + " acknowledged as " + want + " is missing");
            } else if (want == null && acked.contains(got)) {
                lost[0]++;
                details.add("lost: " + what + " " + id + " was deleted (acknowledged) but holds " + got);
            } else if (refused.contains(got) || !acked.contains(got)) {
                phantom[0]++;
                details.add("phantom: " + what + " " + id + " holds " + got + ", which no acknowledged write made"
                        + (refused.contains(got) ? " (a refused or failed request carried it)" : "") + "; expected " + want);
            } else {
                lost[0]++;
                details.add("lost: " + what + " " + id + " holds an older value " + got + " instead of the last acknowledged " + want);
            }
        }
        return all.size();
    }

    /**
     * A shared supplier, written and deleted by every client at once: what is stored (or its absence) must be what an
     * acknowledged write (a delete writes absence) made, and no acknowledged write may have been sent after that one
     * was answered; a value only a refused write carried is a phantom.
     */
    private void checkShared(String id, SupplierValue got, List<String> details, int[] lost, int[] phantom) {
        List<SharedWrite> writes;
        synchronized (shared) {
            writes = shared.stream().filter(w -> w.id().equals(id)).toList();
        }
        List<SharedWrite> acked = writes.stream().filter(SharedWrite::acknowledged).toList();
        List<SharedWrite> same = acked.stream().filter(x -> Objects.equals(x.value(), got)).toList();
        if (same.isEmpty()) {
            if (got == null && acked.isEmpty()) return;
            if (got == null) {
                lost[0]++;
                details.add("lost: shared supplier " + id + " is missing after " + acked.size() + " acknowledged writes");
            } else {
                phantom[0]++;
                details.add("phantom: shared supplier " + id + " holds " + got + ", which no acknowledged write made");
            }
            return;
        }
        // the latest answered write of that value is the one that can be the last
        long answered = same.stream().mapToLong(SharedWrite::answered).max().orElseThrow();
        long later = acked.stream().filter(x -> x.sent() > answered).count();
        if (later > 0) {
            lost[0]++;
            details.add("lost: shared supplier " + id + " holds " + (got == null ? "nothing" : got) + " although " + later
                    + " acknowledged writes were sent after that write was answered");
        }
    }
}
