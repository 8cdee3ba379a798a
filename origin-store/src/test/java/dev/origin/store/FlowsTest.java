package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.origin.io.InputException;
import dev.origin.store.cert.CertifierRole;
import dev.origin.store.cert.Party;
import dev.origin.store.cert.Signature;
import dev.origin.store.chase.ChaseRanker;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workflows on a stored workspace, on H2 and on a real PostgreSQL server: requalification touches exactly the
 * goods that use a changed part, appends to the ledger, reports flips with their reasons and withdraws certificates;
 * it is all or nothing; expiring and chase read the same graph.
 */
class FlowsTest {
    static final LocalDate JAN = LocalDate.of(2026, 1, 15);
    static final LocalDate LAST = LocalDate.of(2026, 6, 30);

    /** Simple product rules for the test goods (no vehicle kind, so the pack's automotive tables do not apply). */
    static final String PACK = """
            id: usmca-test
            name: USMCA with test rules
            extends: usmca
            rules:
              - id: gearbox
                hs: ["8708.40"]
                rule: "CTH"
                citation: test rule (CTH)
              - id: brake
                hs: ["8708.30"]
                rule: "RVC(TV) >= 50"
                citation: test rule (RVC TV 50)
              - id: other-parts
                hs: ["8708.99"]
                rule: "RVC(NC) >= 50"
                citation: test rule (RVC NC 50)
            """;

    static Path pack() {
        try {
            Path p = Files.createTempFile("usmca-test", ".yaml");
            Files.writeString(p, PACK);
            p.toFile().deleteOnExit();
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static CostSheet sheet(String part, String unit, String other, String tv) {
        return new CostSheet(part, LocalDate.of(2019, 1, 1), dec(unit), dec(tv), null, dec(other), null, null, null, null, null, null);
    }

    static Part make(String id, String desc, String dest) {
        return new Part(id, desc, Part.Source.MAKE, "MTY", null, null, dest, null, null);
    }

    static Part buy(String id, String desc, String supplier) {
        return new Part(id, desc, Part.Source.BUY, null, supplier, null, null, null, null);
    }

    /**
     * GBX-1 (CTH) uses the housing HSG-1 directly; BRK-2 (RVC TV 50) uses it directly with Chinese pads; ASM-3
     * (RVC NC 50) uses it two levels down, through the sub-assembly SUB-9; OTH-4 uses only bolts. The housing is
     * declared originating by CAST until 2026-06-30; the bolts are declared by TOR.
     */
    static Workspace workspace(String url) {
        Workspace ws = Workspace.open(url);
        ws.write(tx -> {
            tx.plants().put(new Plant("MTY", "Monterrey", "MX"));
            tx.suppliers().put(new Supplier("CAST", "Castings del Norte", "MX", "ventas@castings.example"));
            tx.suppliers().put(new Supplier("TOR", "Tornillos SA", "MX", null));
            tx.suppliers().put(new Supplier("SHF", "Shanghai Friction", "CN", null));
            tx.parts().put(make("GBX-1", "Gearbox", "US"));
            tx.parts().put(make("BRK-2", "Brake module", "US"));
            tx.parts().put(make("ASM-3", "Axle assembly", "US"));
            tx.parts().put(make("SUB-9", "Axle sub-assembly", null));
            tx.parts().put(make("OTH-4", "Shift lever", "US"));
            tx.parts().put(buy("HSG-1", "Gearbox housing", "CAST"));
            tx.parts().put(buy("BLT-1", "Bolt", "TOR"));
            tx.parts().put(buy("PAD-1", "Pad set", "SHF"));
            String[][] hs = {{"GBX-1", "8708.40"}, {"BRK-2", "8708.30"}, {"ASM-3", "8708.99"}, {"SUB-9", "8708.99"}, {"OTH-4", "8708.40"},
                    {"HSG-1", "8708.40"}, {"BLT-1", "7318.15"}, {"PAD-1", "6813.81"}};
            for (String[] h : hs) tx.parts().classify(new HsClassification(h[0], LocalDate.of(2019, 1, 1), h[1]));
            LocalDate v = LocalDate.of(2019, 1, 1);
            tx.boms().put(new BomVersion("GBX-1", v, null, List.of(new BomLine(1, "HSG-1", BigDecimal.ONE), new BomLine(2, "BLT-1", new BigDecimal("4")))));
            tx.boms().put(new BomVersion("BRK-2", v, null, List.of(new BomLine(1, "HSG-1", BigDecimal.ONE), new BomLine(2, "PAD-1", BigDecimal.ONE))));
            tx.boms().put(new BomVersion("ASM-3", v, null, List.of(new BomLine(1, "SUB-9", BigDecimal.ONE))));
            tx.boms().put(new BomVersion("SUB-9", v, null, List.of(new BomLine(1, "HSG-1", BigDecimal.ONE))));
            tx.boms().put(new BomVersion("OTH-4", v, null, List.of(new BomLine(1, "BLT-1", BigDecimal.ONE))));
            tx.costs().put(sheet("GBX-1", null, "100.00", "900.00"));
            tx.costs().put(sheet("BRK-2", null, "50.00", "500.00"));
            tx.costs().put(sheet("ASM-3", null, "100.00", "800.00"));
            tx.costs().put(sheet("SUB-9", null, "50.00", null));
            tx.costs().put(sheet("OTH-4", null, "20.00", "90.00"));
            tx.costs().put(sheet("HSG-1", "200.00", null, null));
            tx.costs().put(sheet("BLT-1", "0.50", null, null));
            tx.costs().put(sheet("PAD-1", "100.00", null, null));
            tx.declarations().put(new Declaration("D-CAST", "CAST", LocalDate.of(2025, 7, 1), LAST, Declaration.Statement.ORIGINATING, "B",
                    null, null, false, null, null, List.of("HSG-1")));
            tx.declarations().put(new Declaration("D-TOR", "TOR", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
                    Declaration.Statement.ORIGINATING, "B", null, null, false, null, null, List.of("BLT-1")));
            new Parties(tx).put("ME", new Party("Transmisiones MTY", "Parque Industrial 4, Monterrey", "MX", "+52 81 555 0100",
                    "compliance@tmty.example", "TMT010101AA1"));
            new Parties(tx).put("GLA", new Party("Great Lakes Assembly", "4100 Plant Road, Toledo, OH", "US", "+1 419 555 0142",
                    "customs@gla.example", null));
            return null;
        });
        return ws;
    }

    static Qualification.Pack loaded(Path pack) throws InputException {
        return Qualification.Pack.load(pack.toString(), Map.of());
    }

    /** The sample's four goods qualified in January, each originating (the state every flow starts from). */
    static void qualifiedOriginating(Workspace ws, Path pack) throws InputException {
        for (String g : List.of("GBX-1", "BRK-2", "ASM-3", "OTH-4")) {
            assertThat(ws.qualify(g, pack.toString(), Map.of(), JAN, "qualify").verdict()).as(g).isEqualTo("ORIGINATING");
        }
    }

    static long ledgerSize(Workspace ws) {
        return ws.read(tx -> tx.ledger().size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void aWithdrawnDeclarationRequalifiesExactlyTheGoodsUsingItsPartsAndWithdrawsTheirCertificates(String kind) throws Exception {
        Workspace ws = workspace(TestDatabases.fresh(kind));
        Path pack = pack();
        qualifiedOriginating(ws, pack);
        Certifying.Issued cert = new Certifying(ws).issue(new Certifying.Request(Certifying.Form.USMCA, pack.toString(), List.of("GBX-1", "ASM-3"),
                List.of(), CertifierRole.PRODUCER, null, "ME", "ME", "GLA", JAN, LAST, new Signature("Ana Ruiz", "Compliance", "Transmisiones MTY",
                JAN, null, null), null), JAN);
        // every material of both is originating (declared, or produced from declared materials): criterion C
        assertThat(cert.usmca().goods()).extracting(i -> i.criterion().name()).containsExactly("C", "C");
        long before = ledgerSize(ws);

        LocalDate feb = LocalDate.of(2026, 2, 1);
        Requalifier.Report r = new Requalifier(ws, loaded(pack)).withdrawDeclaration("D-CAST", feb);

        // only the goods using the housing, at any depth, are evaluated: not OTH-4
        assertThat(r.affectedParts()).containsExactlyInAnyOrder("HSG-1", "GBX-1", "BRK-2", "SUB-9", "ASM-3");
        assertThat(r.goods()).containsExactlyInAnyOrder("GBX-1", "BRK-2", "ASM-3");
        assertThat(r.evaluated()).isEqualTo(3);
        assertThat(ledgerSize(ws)).isEqualTo(before + 3);
        // new entries appended; the old ones are still there, unchanged
        List<LedgerEntry> gbxEntries = ws.read(tx -> tx.ledger().forPart("GBX-1"));
        assertThat(gbxEntries).extracting(LedgerEntry::verdict).containsExactly("ORIGINATING", "UNDETERMINED");
        // GBX-1: the housing (same heading) may now be non-originating, so the tariff shift may fail; the others' RVCs too
        assertThat(r.flips()).extracting(Requalifier.Flip::partId).containsExactlyInAnyOrder("GBX-1", "BRK-2", "ASM-3");
        Requalifier.Flip gbx = r.flips().stream().filter(f -> f.partId().equals("GBX-1")).findFirst().orElseThrow();
        assertThat(gbx.before()).isEqualTo("ORIGINATING");
        assertThat(gbx.after()).isEqualTo("UNDETERMINED");
        assertThat(gbx.why()).anySatisfy(w -> assertThat(w).contains("tariff-shift").contains("met -> not met"));
        assertThat(gbx.why()).anySatisfy(w -> assertThat(w).contains("origin unknown").contains("HSG-1"));
        Requalifier.Flip brk = r.flips().stream().filter(f -> f.partId().equals("BRK-2")).findFirst().orElseThrow();
        // RVC(TV) of BRK-2: (500 - 100) / 500 = 80 % before; worst case (500 - 300) / 500 = 40 % now
        assertThat(brk.why()).anySatisfy(w -> assertThat(w).contains("rvc").contains("80.0 % against 50 %").contains("40.0 % against 50 %"));
        // the certificate of GBX-1 and ASM-3 is withdrawn, once, and the notice names the customer
        assertThat(r.withdrawals()).singleElement().satisfies(w -> {
            assertThat(w.certificateId()).isEqualTo(cert.id());
            assertThat(w.goods()).containsExactlyInAnyOrder("GBX-1", "ASM-3");
        });
        assertThat(WithdrawalNotice.customers(r)).singleElement().asString().contains("Great Lakes Assembly", "customs@gla.example");
        assertThat(WithdrawalNotice.text(r)).contains(cert.id(), "GBX-1", "D-CAST");
        Certificates.Stored stored = ws.read(tx -> new Certificates(tx).get(cert.id())).orElseThrow();
        assertThat(stored.status()).isEqualTo("WITHDRAWN");
        assertThat(stored.withdrawnOn()).isEqualTo(feb);
        assertThat(ws.read(tx -> tx.declarations().get("D-CAST")).orElseThrow().withdrawn()).isTrue();
        List<String> broken = ws.read(tx -> tx.ledger().verify());
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void declarationsThatLapsedInAWindowRequalifyExactlyTheGoodsUsingTheirParts(String kind) throws Exception {
        Workspace ws = workspace(TestDatabases.fresh(kind));
        Path pack = pack();
        qualifiedOriginating(ws, pack);
        long before = ledgerSize(ws);
        Requalifier q = new Requalifier(ws, loaded(pack));
        // a window after D-CAST's last day (2026-06-30): nothing lapsed in it, nothing is evaluated
        Requalifier.Report none = q.afterLapses(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 15));
        assertThat(none.evaluated()).isZero();
        assertThat(none.flips()).isEmpty();
        assertThat(ledgerSize(ws)).isEqualTo(before);

        // a window holding it: the goods using the housing at any depth, as of the window's end; not OTH-4 (bolts, D-TOR
        // valid to 2026-12-31)
        Requalifier.Report r = q.afterLapses(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 15));
        assertThat(r.goods()).containsExactlyInAnyOrder("GBX-1", "BRK-2", "ASM-3");
        assertThat(r.evaluated()).isEqualTo(3);
        assertThat(ledgerSize(ws)).isEqualTo(before + 3);
        assertThat(r.flips()).extracting(Requalifier.Flip::partId).containsExactlyInAnyOrder("GBX-1", "BRK-2", "ASM-3");
        assertThat(r.flips()).allSatisfy(f -> assertThat(f.after()).isEqualTo("UNDETERMINED"));
        // RVC(TV) of BRK-2: (500 - 100) / 500 = 80 % before; with the housing's origin unknown, (500 - 300) / 500 = 40 %
        Requalifier.Flip brk = r.flips().stream().filter(f -> f.partId().equals("BRK-2")).findFirst().orElseThrow();
        assertThat(brk.why()).anySatisfy(w -> assertThat(w).contains("80.0 % against 50 %").contains("40.0 % against 50 %"));
        List<String> broken = ws.read(tx -> tx.ledger().verify());
        assertThat(broken).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void requalificationIsAllOrNothing(String kind) throws Exception {
        Workspace ws = workspace(TestDatabases.fresh(kind));
        Path pack = pack();
        ws.qualify("GBX-1", pack.toString(), Map.of(), JAN, "qualify");
        // a new good using the housing, with no classification: a data gap among the affected goods
        ws.write(tx -> {
            tx.parts().put(make("NEW-5", "Unclassified good", "US"));
            tx.boms().put(new BomVersion("NEW-5", LocalDate.of(2019, 1, 1), null, List.of(new BomLine(1, "HSG-1", BigDecimal.ONE))));
            tx.costs().put(sheet("NEW-5", null, "10.00", "400.00"));
            return null;
        });
        long before = ledgerSize(ws);
        assertThatThrownBy(() -> new Requalifier(ws, loaded(pack)).withdrawDeclaration("D-CAST", LocalDate.of(2026, 2, 1)))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems()).extracting(dev.origin.io.Problem::code)
                        .contains("NOT_CLASSIFIED"));
        assertThat(ledgerSize(ws)).isEqualTo(before);
        assertThat(ws.read(tx -> tx.declarations().get("D-CAST")).orElseThrow().withdrawn()).as("the withdrawal is rolled back too").isFalse();
        assertThatThrownBy(() -> new Requalifier(ws, loaded(pack)).afterDeclaration("D-NONE", null, JAN))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("NO_SUCH_DECLARATION"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void expiringListsTheDeclarationsAboutToLapseAndTheGoodsDependingOnThem(String kind) throws Exception {
        Workspace ws = workspace(TestDatabases.fresh(kind));
        LocalDate june = LocalDate.of(2026, 6, 1);
        List<Expiring.Lapse> soon = Expiring.within(ws, june, 30);
        assertThat(soon).singleElement().satisfies(l -> {
            assertThat(l.declaration().id()).isEqualTo("D-CAST");
            assertThat(l.daysLeft()).isEqualTo(29);
            assertThat(l.goods()).containsExactlyInAnyOrder("GBX-1", "BRK-2", "ASM-3");
        });
        assertThat(Expiring.within(ws, june, 28)).isEmpty();
        assertThat(Expiring.within(ws, june, 300)).extracting(l -> l.declaration().id()).containsExactly("D-CAST", "D-TOR");
        // lapsed: requalification as of the day after, for the same goods
        Path pack = pack();
        for (String g : List.of("GBX-1", "BRK-2", "ASM-3", "OTH-4")) ws.qualify(g, pack.toString(), Map.of(), JAN, "qualify");
        Requalifier.Report r = new Requalifier(ws, loaded(pack)).afterDeclaration("D-CAST", null, LocalDate.of(2026, 7, 10));
        assertThat(r.trigger()).isEqualTo(Requalifier.Trigger.DECLARATION_EXPIRED);
        assertThat(r.asOf()).isEqualTo(LAST.plusDays(1));
        assertThat(r.goods()).containsExactlyInAnyOrder("GBX-1", "BRK-2", "ASM-3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void chaseRanksTheMissingDeclarationsOfTheWorkspace(String kind) throws Exception {
        Workspace ws = workspace(TestDatabases.fresh(kind));
        ws.write(tx -> tx.declarations().withdraw("D-CAST", LocalDate.of(2025, 7, 1)));
        StoredChase.Result r = StoredChase.rank(ws, loaded(pack()), JAN);
        assertThat(r.skipped()).isEmpty();
        ChaseRanker.Request first = r.ranking().requests().get(0);
        assertThat(first.key().supplier()).isEqualTo("CAST");
        assertThat(first.key().part()).isEqualTo("HSG-1");
        assertThat(first.goodsFlippable()).isEqualTo(3);
        assertThat(r.ranking().requests()).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void aNaftaCertificateForAHistoricalPeriodFromAStoredNaftaDetermination(String kind) throws Exception {
        Workspace ws = workspace(TestDatabases.fresh(kind));
        Path nafta = Files.createTempFile("nafta-test", ".yaml");
        Files.writeString(nafta, PACK.replace("id: usmca-test", "id: nafta-test").replace("extends: usmca", "extends: nafta"));
        nafta.toFile().deleteOnExit();
        LocalDate june2019 = LocalDate.of(2019, 6, 17);
        // the bolts change heading whatever their origin (no declaration in 2019): OTH-4 qualifies by the tariff shift
        LedgerEntry e = ws.qualify("OTH-4", nafta.toString(), Map.of(), june2019, "qualify");
        assertThat(e.verdict()).isEqualTo("ORIGINATING");
        Certifying.Issued c = new Certifying(ws).issue(new Certifying.Request(Certifying.Form.NAFTA, nafta.toString(), List.of("OTH-4"), List.of(),
                CertifierRole.EXPORTER, null, "ME", "ME", "GLA", LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31),
                new Signature("Ana Ruiz", "Compliance", "Transmisiones MTY", june2019, "+52 81 555 0100", null), null), june2019);
        assertThat(c.nafta().goods()).singleElement().satisfies(i -> {
            assertThat(i.criterion().name()).isEqualTo("B");
            assertThat(i.producer().label()).isEqualTo("YES");
            assertThat(i.netCost()).isFalse();
            assertThat(i.countryOfOrigin()).isEqualTo("MX");
            assertThat(i.determinationId()).isEqualTo(e.id());
        });
        assertThat(c.nafta().exporter().taxId()).isEqualTo("TMT010101AA1");
        // a USMCA form cannot rest on it
        assertThatThrownBy(() -> new Certifying(ws).issue(new Certifying.Request(Certifying.Form.USMCA, nafta.toString(), List.of("OTH-4"),
                List.of(), CertifierRole.PRODUCER, null, "ME", "ME", "GLA", null, null, new Signature("Ana Ruiz", null, null, JAN, null, null),
                null), JAN)).isInstanceOfSatisfying(dev.origin.store.WorkflowException.class,
                x -> assertThat(x.code()).isEqualTo("CERTIFICATE_REGIME"));
        int issued = ws.read(tx -> new Certificates(tx).ids().size());
        assertThat(issued).as("the refused certificate is not stored").isEqualTo(1);
    }
    /**
     * A cost or BOM change requalifies the goods above the changed part and no other (issue 9, item 4: "a BOM or cost
     * changes"). The figures are worked by hand from the workspace above.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void aCostOrBomChangeRequalifiesExactlyTheGoodsAboveTheChangedPart(String kind) throws Exception {
        Workspace ws = workspace(TestDatabases.fresh(kind));
        Path pack = pack();
        for (String g : List.of("GBX-1", "BRK-2", "ASM-3", "OTH-4")) ws.qualify(g, pack.toString(), Map.of(), JAN, "qualify");
        LocalDate feb = LocalDate.of(2026, 2, 1);

        // the Chinese pads cost 300.00 from February: BRK-2's RVC(TV) = (500 - 300) / 500 = 40 % (was (500 - 100) / 500 = 80 %)
        ws.write(tx -> tx.costs().put(new CostSheet("PAD-1", feb, dec("300.00"), null, null, null, null, null, null, null, null, null)));
        long before = ledgerSize(ws);
        Requalifier.Report cost = new Requalifier(ws, loaded(pack)).afterPartChange(List.of("PAD-1"), feb);
        assertThat(cost.trigger()).isEqualTo(Requalifier.Trigger.PARTS_CHANGED);
        assertThat(cost.affectedParts()).containsExactlyInAnyOrder("PAD-1", "BRK-2");
        assertThat(cost.goods()).containsExactly("BRK-2");
        assertThat(cost.evaluated()).isEqualTo(1);
        assertThat(ledgerSize(ws)).isEqualTo(before + 1);
        assertThat(cost.flips()).singleElement().satisfies(f -> {
            assertThat(f.partId()).isEqualTo("BRK-2");
            assertThat(f.before()).isEqualTo("ORIGINATING");
            assertThat(f.after()).isEqualTo("NON_ORIGINATING");
            assertThat(f.why()).anySatisfy(w -> assertThat(w).contains("met (80.0 % against 50 %) -> not met (40.0 % against 50 %)"));
        });

        // a new BOM version of the sub-assembly SUB-9 from February: only ASM-3, two levels up, is requalified (SUB-9 is no good)
        ws.write(tx -> tx.boms().put(new BomVersion("SUB-9", feb, null, List.of(new BomLine(1, "HSG-1", BigDecimal.ONE),
                new BomLine(2, "BLT-1", BigDecimal.TEN)))));
        before = ledgerSize(ws);
        Requalifier.Report bom = new Requalifier(ws, loaded(pack)).afterPartChange(List.of("SUB-9"), feb);
        assertThat(bom.affectedParts()).containsExactlyInAnyOrder("SUB-9", "ASM-3");
        assertThat(bom.goods()).containsExactly("ASM-3");
        assertThat(bom.evaluated()).isEqualTo(1);
        assertThat(ledgerSize(ws)).isEqualTo(before + 1);
        assertThat(bom.flips()).as("every material of ASM-3 is still originating").isEmpty();
        List<LedgerEntry> asm = ws.read(tx -> tx.ledger().forPart("ASM-3"));
        assertThat(asm).extracting(LedgerEntry::reason).containsExactly("qualify", "requalify: BOM, costs or classification of SUB-9 changed");

        // an unknown part is refused, and nothing is appended
        long size = ledgerSize(ws);
        assertThatThrownBy(() -> new Requalifier(ws, loaded(pack)).afterPartChange(List.of("NOPE-1"), feb))
                .isInstanceOfSatisfying(InputException.class, e -> assertThat(e.problems().get(0).code()).isEqualTo("UNKNOWN_PART"));
        assertThat(ledgerSize(ws)).isEqualTo(size);
        List<String> broken = ws.read(tx -> tx.ledger().verify());
        assertThat(broken).isEmpty();
    }

    /**
     * A rule-pack update requalifies the goods whose latest determination under the pack was made with other rules, and
     * only those (issue 9, item 4: "a rule pack is updated"); a second run finds nothing left to do.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.origin.store.TestDatabases#kinds")
    void aRulePackUpdateRequalifiesTheGoodsDecidedUnderTheOldRules(String kind) throws Exception {
        Workspace ws = workspace(TestDatabases.fresh(kind));
        Path pack = pack();
        for (String g : List.of("GBX-1", "BRK-2", "OTH-4")) ws.qualify(g, pack.toString(), Map.of(), JAN, "qualify");
        // ASM-3 decided under another pack (the same rules in another file): not this pack's to requalify
        ws.qualify("ASM-3", pack().toString(), Map.of(), JAN, "qualify");

        // the brake rule tightened to 90 %: BRK-2's RVC(TV) of (500 - 100) / 500 = 80 % no longer meets it
        Files.writeString(pack, PACK.replace("RVC(TV) >= 50", "RVC(TV) >= 90"));
        long before = ledgerSize(ws);
        Requalifier.Report r = new Requalifier(ws, loaded(pack)).afterPackUpdate(JAN);
        assertThat(r.trigger()).isEqualTo(Requalifier.Trigger.PACK_UPDATED);
        assertThat(r.goods()).containsExactlyInAnyOrder("GBX-1", "BRK-2", "OTH-4");
        assertThat(r.evaluated()).isEqualTo(3);
        assertThat(ledgerSize(ws)).isEqualTo(before + 3);
        assertThat(r.flips()).singleElement().satisfies(f -> {
            assertThat(f.partId()).isEqualTo("BRK-2");
            assertThat(f.after()).isEqualTo("NON_ORIGINATING");
            assertThat(f.why()).anySatisfy(w -> assertThat(w).contains("met (80.0 % against 50 %) -> not met (80.0 % against 90 %)"));
        });
        String newHash = loaded(pack).hash();
        assertThat(r.entries().values()).allSatisfy(e -> assertThat(e.packHash()).isEqualTo(newHash));

        Requalifier.Report again = new Requalifier(ws, loaded(pack)).afterPackUpdate(JAN);
        assertThat(again.goods()).as("every good is now decided under the current rules").isEmpty();
        assertThat(ledgerSize(ws)).isEqualTo(before + 3);
    }
}
