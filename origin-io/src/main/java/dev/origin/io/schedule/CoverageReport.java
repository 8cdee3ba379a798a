package dev.origin.io.schedule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of Schedule I became executable.
 *
 * @param total      rules (rows with a tariff provision and a rule text)
 * @param executable rules fully understood
 * @param flagged    the other rules, with their reasons
 */
public record CoverageReport(int total, int executable, List<ImportedRule> flagged) {

    public CoverageReport {
        flagged = List.copyOf(flagged);
    }

    static CoverageReport of(List<ImportedRule> rules) {
        int ok = (int) rules.stream().filter(ImportedRule::executable).count();
        return new CoverageReport(rules.size(), ok, rules.stream().filter(r -> !r.executable()).toList());
    }

    /** Executable share in percent, 2 decimals. */
    public BigDecimal share() {
        if (total == 0) return BigDecimal.ZERO;
        return BigDecimal.valueOf(executable * 100L).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    /** Number of flagged rules per reason, in the order of {@link FlagReason}. */
    public Map<FlagReason, Integer> byReason() {
        Map<FlagReason, Integer> out = new LinkedHashMap<>();
        for (FlagReason r : FlagReason.values()) {
            int n = (int) flagged.stream().filter(f -> f.flag() != null && f.flag().reason() == r).count();
            if (n > 0) out.put(r, n);
        }
        return out;
    }

    /** A plain-text summary: totals, then one line per flagged rule. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append("Schedule I rules: ").append(total).append(", executable: ").append(executable)
                .append(" (").append(share().toPlainString()).append(" %), flagged: ").append(flagged.size()).append('\n');
        byReason().forEach((r, n) -> sb.append("  ").append(r).append(": ").append(n).append('\n'));
        for (ImportedRule f : flagged) {
            sb.append(f.provision()).append("  [").append(f.flag() == null ? "?" : f.flag().reason()).append("] ")
                    .append(f.flag() == null ? "" : f.flag().detail()).append('\n');
        }
        return sb.toString();
    }
}
