package dev.origin.store;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.Finding;
import dev.origin.core.engine.Status;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.cert.Party;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Requalification on change. When a supplier declaration expires or is withdrawn, a BOM, cost sheet or classification
 * changes, or a rule pack is updated, it finds exactly the goods affected through the BOM graph ({@link WhereUsed}: the
 * changed parts and every part using them at any depth in the BOM versions in force on the date), re-evaluates each
 * from the workspace as it is, appends a new determination to the ledger (never overwriting one), reports which goods
 * flipped and why (the requirements whose status changed), and withdraws the certificates of origin of goods that are
 * no longer originating, with a notice naming the customers to inform.
 *
 * <p>Everything runs in one transaction: when any affected good cannot be built or evaluated (a data gap), nothing is
 * appended or withdrawn and every problem is reported. The goods requalified are the affected parts that are goods:
 * those with a determination under the pack, and finished parts (used in no BOM).
 */
public final class Requalifier {
    private final Workspace ws;
    private final Qualification.Pack pack;

    public Requalifier(Workspace ws, Qualification.Pack pack) {
        this.ws = ws;
        this.pack = pack;
    }

    /** What set a requalification off. */
    public enum Trigger {
        DECLARATION_EXPIRED("declaration expired"), DECLARATION_WITHDRAWN("declaration withdrawn"),
        DECLARATION_CHANGED("declaration changed"), DECLARATIONS_LAPSED("declarations lapsed"), PARTS_CHANGED("parts changed"),
        PACK_UPDATED("rule pack updated");

        private final String words;

        Trigger(String words) { this.words = words; }

        public String words() { return words; }
    }

    /**
     * A good whose verdict changed: before and after, the ledger entries, and why (the requirements whose status changed,
     * or the materials whose origin is now unknown).
     */
    public record Flip(String partId, String description, String before, String after, long previousEntry, long newEntry,
                       List<String> why) {
        public Flip { why = List.copyOf(why); }
    }

    /** A certificate withdrawn because goods it covers are no longer originating, and the customer to inform. */
    public record Withdrawal(String certificateId, String form, String importerId, Party importer, List<String> goods) {
        public Withdrawal { goods = List.copyOf(goods); }
    }

    /**
     * The outcome of one requalification.
     *
     * @param affectedParts the changed parts and their users on the date (the BOM graph's reverse closure)
     * @param goods         the goods requalified, each evaluated once
     * @param entries       the ledger entries appended, by good
     */
    public record Report(Trigger trigger, String subject, String regime, LocalDate asOf, Set<String> affectedParts, List<String> goods,
                         Map<String, LedgerEntry> entries, List<Flip> flips, List<Withdrawal> withdrawals, long runId, int evaluations) {
        public Report {
            affectedParts = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(affectedParts));
            goods = List.copyOf(goods);
            entries = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            flips = List.copyOf(flips);
            withdrawals = List.copyOf(withdrawals);
        }

        /** How many evaluations the engine made (one per good requalified). */
        public int evaluated() { return evaluations; }
    }

    /**
     * Requalifies the goods depending on declaration {@code id} as of {@code asOf} (null: the day after it lapsed if it
     * has, its withdrawal day if withdrawn, else {@code today}).
     */
    public Report afterDeclaration(String id, LocalDate asOf, LocalDate today) throws InputException {
        return ws.writeChecked(tx -> {
            Declaration d = declaration(tx, id);
            Trigger t = d.withdrawn() ? Trigger.DECLARATION_WITHDRAWN
                    : d.validTo().isBefore(asOf == null ? today : asOf) ? Trigger.DECLARATION_EXPIRED : Trigger.DECLARATION_CHANGED;
            LocalDate on = asOf != null ? asOf : t == Trigger.DECLARATION_EXPIRED ? d.validTo().plusDays(1)
                    : t == Trigger.DECLARATION_WITHDRAWN && d.withdrawnOn() != null ? d.withdrawnOn() : today;
            String what = "declaration " + d.id() + " of supplier " + d.supplierId() + (t == Trigger.DECLARATION_EXPIRED
                    ? " lapsed on " + d.validTo() : t == Trigger.DECLARATION_WITHDRAWN ? " withdrawn" + (d.withdrawnOn() == null ? ""
                    : " from " + d.withdrawnOn()) : " changed");
            return run(tx, t, d.id(), what, d.parts(), on);
        });
    }

    /** Withdraws declaration {@code id} from {@code on} and requalifies the goods depending on it, in one transaction. */
    public Report withdrawDeclaration(String id, LocalDate on) throws InputException {
        return ws.writeChecked(tx -> {
            Declaration d = declaration(tx, id);
            tx.declarations().withdraw(id, on);
            return run(tx, Trigger.DECLARATION_WITHDRAWN, d.id(), "declaration " + d.id() + " of supplier " + d.supplierId()
                    + " withdrawn from " + on, d.parts(), on);
        });
    }

    /**
     * Requalifies the goods depending on every declaration that lapsed (its last day in [{@code since}, {@code asOf})) or
     * was withdrawn from a day in [{@code since}, {@code asOf}].
     */
    public Report afterLapses(LocalDate since, LocalDate asOf) throws InputException {
        return ws.writeChecked(tx -> {
            Set<String> parts = new LinkedHashSet<>();
            List<String> ids = new ArrayList<>();
            for (Declaration d : tx.declarations().all()) {
                boolean lapsed = !d.validTo().isBefore(since) && d.validTo().isBefore(asOf);
                boolean withdrawn = d.withdrawn() && d.withdrawnOn() != null && !d.withdrawnOn().isBefore(since) && !d.withdrawnOn().isAfter(asOf);
                if (lapsed || withdrawn) {
                    ids.add(d.id());
                    parts.addAll(d.parts());
                }
            }
            String what = ids.isEmpty() ? "no declaration lapsed or was withdrawn from " + since + " to " + asOf
                    : "declarations lapsed or withdrawn from " + since + " to " + asOf + ": " + String.join(", ", ids);
            return run(tx, Trigger.DECLARATIONS_LAPSED, since + ".." + asOf, what, parts, asOf);
        });
    }

    /** Requalifies the goods depending on {@code parts} after their BOM, cost sheet or classification changed. */
    public Report afterPartChange(Collection<String> parts, LocalDate asOf) throws InputException {
        return ws.writeChecked(tx -> {
            List<Problem> unknown = new ArrayList<>();
            for (String p : parts) {
                if (tx.parts().get(p).isEmpty()) unknown.add(Problem.of(GoodInputs.SOURCE, 0, 0, p, ErrorCode.UNKNOWN_PART, p));
            }
            if (!unknown.isEmpty()) throw new InputException(unknown);
            return run(tx, Trigger.PARTS_CHANGED, String.join(",", parts), "BOM, costs or classification of " + String.join(", ", parts)
                    + " changed", new LinkedHashSet<>(parts), asOf);
        });
    }

    /**
     * Requalifies the goods whose latest determination under this pack's id was made with other rules (another content
     * hash: the pack, a file it includes, or its parameters changed).
     */
    public Report afterPackUpdate(LocalDate asOf) throws InputException {
        return ws.writeChecked(tx -> {
            List<String> stale = Sql.list(tx.connection(), "SELECT d.part_id FROM determinations d WHERE d.regime = ? AND d.id ="
                    + " (SELECT MAX(x.id) FROM determinations x WHERE x.part_id = d.part_id AND x.regime = d.regime) AND d.pack_hash <> ?"
                    + " ORDER BY d.part_id", rs -> rs.getString(1), pack.regime(), pack.hash());
            return run(tx, Trigger.PACK_UPDATED, pack.regime(), "rule pack " + pack.regime() + " updated (now "
                    + pack.hash().substring(0, Math.min(19, pack.hash().length())) + ")", stale, asOf, true);
        });
    }

    private static Declaration declaration(Tx tx, String id) throws InputException {
        Optional<Declaration> d = tx.declarations().get(id);
        if (d.isEmpty()) {
            throw new InputException(List.of(Problem.of(GoodInputs.SOURCE, 0, 0, id, ErrorCode.NO_SUCH_DECLARATION, id)));
        }
        return d.get();
    }

    private Report run(Tx tx, Trigger t, String subject, String what, Collection<String> changed, LocalDate asOf) throws InputException {
        return run(tx, t, subject, what, changed, asOf, false);
    }

    private Report run(Tx tx, Trigger t, String subject, String what, Collection<String> changed, LocalDate asOf, boolean exactGoods)
            throws InputException {
        WhereUsed graph = new WhereUsed(tx);
        Set<String> affected = exactGoods ? new LinkedHashSet<>(changed) : graph.affectedBy(changed, asOf);
        List<String> goods = new ArrayList<>();
        Map<String, LedgerEntry> previous = new LinkedHashMap<>();
        for (String p : affected) {
            Optional<LedgerEntry> prev = tx.ledger().latest(p, pack.regime());
            if (prev.isPresent() || exactGoods || graph.isFinished(p)) {
                goods.add(p);
                prev.ifPresent(e -> previous.put(p, e));
            }
        }
        String reason = "requalify: " + what;
        List<Problem> problems = new ArrayList<>();
        Map<String, Qualification> done = new LinkedHashMap<>();
        Map<String, GoodInput> inputs = new LinkedHashMap<>();
        int evaluations = 0;
        for (String g : goods) {
            try {
                GoodInput in = GoodInputs.build(tx, g, asOf);
                evaluations++;
                done.put(g, Qualification.evaluate(in.document(), pack, asOf));
                inputs.put(g, in);
            } catch (InputException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) throw new InputException(problems); // the transaction rolls back: nothing appended
        Map<String, LedgerEntry> entries = new LinkedHashMap<>();
        List<Flip> flips = new ArrayList<>();
        Certificates certs = new Certificates(tx);
        Parties parties = new Parties(tx);
        Map<String, Withdrawal> withdrawals = new LinkedHashMap<>();
        Map<String, List<String>> issued = new LinkedHashMap<>(); // before any withdrawal of this run
        for (String g : goods) issued.put(g, certs.issuedFor(g));
        for (String g : goods) {
            Qualification q = done.get(g);
            LedgerEntry e = tx.ledger().append(q.toLedger(inputs.get(g), reason));
            entries.put(g, e);
            LedgerEntry before = previous.get(g);
            if (before != null && !before.verdict().equals(e.verdict())) {
                String desc = tx.parts().get(g).map(Part::description).orElse(g);
                flips.add(new Flip(g, desc, before.verdict(), e.verdict(), before.id(), e.id(), why(StoredFindings.of(before), q.determination())));
            }
            if (q.determination().status() != Status.ORIGINATING) {
                for (String c : issued.get(g)) {
                    Withdrawal w = withdrawals.get(c);
                    if (w == null) {
                        Certificates.Stored s = certs.get(c).orElseThrow();
                        certs.withdraw(c, asOf, "good " + g + " is " + words(e.verdict()) + " (determination " + e.id() + "): " + what, e.id());
                        w = new Withdrawal(c, s.form(), s.importerId(), s.importerId() == null ? null : parties.get(s.importerId()).orElse(null),
                                new ArrayList<>());
                        withdrawals.put(c, w);
                    }
                    List<String> gs = new ArrayList<>(w.goods());
                    gs.add(g);
                    withdrawals.put(c, new Withdrawal(w.certificateId(), w.form(), w.importerId(), w.importer(), gs));
                }
            }
        }
        long first = entries.isEmpty() ? 0 : entries.values().iterator().next().id();
        long last = entries.isEmpty() ? 0 : new ArrayList<>(entries.values()).get(entries.size() - 1).id();
        Sql.update(tx.connection(), "INSERT INTO requalifications (trigger_kind, subject, regime, as_of, affected, evaluated, flipped,"
                + " withdrawn, first_entry, last_entry, run_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", t.name(), cut(subject, 256),
                pack.regime(), asOf, affected.size(), entries.size(), flips.size(), withdrawals.size(), entries.isEmpty() ? null : first,
                entries.isEmpty() ? null : last, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        long runId = Sql.one(tx.connection(), "SELECT MAX(run_id) FROM requalifications", rs -> rs.getLong(1)).orElse(0L);
        return new Report(t, what, pack.regime(), asOf, affected, goods, entries, flips, new ArrayList<>(withdrawals.values()), runId,
                evaluations);
    }

    /**
     * Why a verdict changed: each requirement whose status differs between the two determinations (added or gone
     * requirements included), with its value against its threshold; else the materials whose origin is now unknown.
     */
    static List<String> why(Determination before, Determination after) {
        Map<String, Finding> old = new LinkedHashMap<>();
        for (Finding f : before.findings()) old.putIfAbsent(f.id(), f);
        List<String> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Finding f : after.findings()) {
            if (!seen.add(f.id())) continue;
            Finding o = old.get(f.id());
            if (o == null) out.add(f.id() + " (" + f.kind().label() + "): now " + state(f));
            else if (o.status() != f.status()) out.add(f.id() + " (" + f.kind().label() + "): " + state(o) + " -> " + state(f));
        }
        for (Finding o : before.findings()) {
            if (seen.add(o.id())) out.add(o.id() + " (" + o.kind().label() + "): no longer applies (was " + state(o) + ")");
        }
        if (after.status() == Status.UNDETERMINED && after.bounds() != null && !after.bounds().unknownMaterials().isEmpty()) {
            out.add("origin unknown (no valid declaration): " + String.join(", ", after.bounds().unknownMaterials()));
        }
        if (out.isEmpty()) out.add("verdict " + before.status() + " -> " + after.status());
        return out;
    }

    private static String state(Finding f) {
        String s = switch (f.status()) {
            case MET -> "met";
            case NOT_MET -> "not met";
            case NOT_EVALUABLE -> "not evaluable";
        };
        if (f.value() != null && f.threshold() != null) {
            s += " (" + f.value().setScale(1, RoundingMode.DOWN).toPlainString() + " % against " + f.threshold().stripTrailingZeros()
                    .toPlainString() + " %)";
        } else if (!f.missing().isEmpty()) {
            s += " (missing " + String.join(", ", f.missing()) + ")";
        }
        return s;
    }

    static String words(String verdict) {
        return verdict.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private static String cut(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
