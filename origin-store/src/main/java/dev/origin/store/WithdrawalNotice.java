package dev.origin.store;

import java.util.List;

/**
 * The notice that goes with withdrawn certificates of origin: which certificates no longer hold, for which goods and
 * why, and the customers (importers) to inform in writing. A certifier who learns that a certification is based on
 * incorrect information must promptly notify every person it gave the certification to (USMCA Art. 5.6, obligations
 * relating to exportations; NAFTA Art. 504.1(b), and the undertaking printed on CBP Form 434).
 */
public final class WithdrawalNotice {
    private WithdrawalNotice() {}

    /** The notice for the withdrawals of {@code r}, or an empty string when none was withdrawn. */
    public static String text(Requalifier.Report r) {
        if (r.withdrawals().isEmpty()) return "";
        StringBuilder b = new StringBuilder();
        b.append("NOTICE OF WITHDRAWN CERTIFICATES OF ORIGIN (").append(r.asOf()).append(")\n\n");
        b.append("Requalification under ").append(r.regime()).append(" as of ").append(r.asOf()).append(": ").append(r.subject())
                .append(".\n");
        b.append("The certificates below no longer hold for the goods named, which are not originating as of that date.\n");
        b.append("Inform each customer in writing (USMCA Art. 5.6; NAFTA Art. 504.1(b)); preference claimed on these goods from\n");
        b.append("that date may have to be corrected.\n\n");
        b.append("Customers to inform:\n");
        for (Requalifier.Withdrawal w : r.withdrawals()) {
            String who = w.importer() == null ? (w.importerId() == null ? "(no importer recorded)" : w.importerId())
                    : w.importer().oneLine();
            b.append("  - ").append(who).append('\n');
            b.append("    certificate ").append(w.certificateId()).append(" (").append(w.form()).append(") withdrawn for ")
                    .append(String.join(", ", w.goods())).append('\n');
            for (String g : w.goods()) {
                for (Requalifier.Flip f : r.flips()) {
                    if (f.partId().equals(g)) {
                        b.append("      ").append(g).append(": ").append(Requalifier.words(f.before())).append(" -> ")
                                .append(Requalifier.words(f.after())).append("; ").append(String.join("; ", f.why())).append('\n');
                    }
                }
            }
        }
        return b.toString();
    }

    /** The distinct customers to inform, as printed. */
    public static List<String> customers(Requalifier.Report r) {
        return r.withdrawals().stream().map(w -> w.importer() == null ? String.valueOf(w.importerId()) : w.importer().oneLine())
                .distinct().toList();
    }
}
