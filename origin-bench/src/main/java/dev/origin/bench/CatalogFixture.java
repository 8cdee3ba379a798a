package dev.origin.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A seeded synthetic catalog written as a case file, one material line per text line, for {@link QualifyBench}.
 * Private to the benchmark (the general generator is {@code origin generate}); the same seed gives the same bytes.
 *
 * <p>Each good is an auto part (one of ten subheadings of chapters 84, 85 and 87, so the regime's
 * product-specific rules apply: tariff shifts and RVC by net cost or transaction value) made in MX, US or CA for
 * the US, with a transaction value, a cost sheet and {@code materials} lines: HS codes from a mix of twelve
 * subheadings, values from 1.00 to 60.00, origin 50 % originating, 45 % non-originating, 5 % unknown (so about
 * 40 % of goods with ten lines are evaluated twice, as bounds).
 */
final class CatalogFixture {
    private static final String[] GOOD_HS = {"8708.40", "8708.50", "8708.99", "8407.34", "8409.91", "8483.40", "8511.40",
            "8544.30", "8708.30", "8708.80"};
    private static final String[] MATERIAL_HS = {"7318.15", "4016.93", "8482.10", "7326.90", "3926.90", "8544.42", "8708.99",
            "8409.99", "7208.51", "7606.12", "8483.90", "8536.90"};
    private static final String[] PRODUCERS = {"MX", "US", "CA"};
    private static final String[] SUPPLIERS = {"US", "MX", "CA", "CN", "JP", "DE", "KR"};

    private CatalogFixture() {}

    /** Writes {@code goods} goods of {@code materials} lines each to {@code file}. */
    static void write(Path file, int goods, int materials, long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            w.write("{\"goods\": [\n");
            StringBuilder sb = new StringBuilder(2048);
            for (int g = 0; g < goods; g++) {
                sb.setLength(0);
                long materialCents = 0;
                StringBuilder lines = new StringBuilder(1024);
                for (int m = 0; m < materials; m++) {
                    long cents = 100 + r.nextLong(5900);
                    materialCents += cents;
                    int o = r.nextInt(100);
                    String origin = o < 50 ? "originating" : o < 95 ? "non-originating" : "unknown";
                    lines.append("  {\"id\": \"m").append(m + 1).append("\", \"hs\": \"").append(MATERIAL_HS[r.nextInt(MATERIAL_HS.length)])
                            .append("\", \"value\": \"").append(money(cents)).append("\", \"origin\": \"").append(origin)
                            .append("\", \"country\": \"").append(SUPPLIERS[r.nextInt(SUPPLIERS.length)]).append("\"}")
                            .append(m + 1 < materials ? ",\n" : "\n");
                }
                long other = materialCents / 5 + r.nextLong(1000);
                long period = materialCents / 10 + r.nextLong(500);
                long tv = (materialCents + other + period) * (110 + r.nextInt(30)) / 100;
                sb.append("{\"id\": \"G").append(g + 1).append("\", \"hs\": \"").append(GOOD_HS[r.nextInt(GOOD_HS.length)])
                        .append("\", \"producer\": {\"country\": \"").append(PRODUCERS[r.nextInt(PRODUCERS.length)])
                        .append("\"}, \"vehicle\": \"passenger-vehicle\", \"destination\": \"US\", \"transactionValue\": \"").append(money(tv))
                        .append("\", \"costs\": {\"otherProductCosts\": \"").append(money(other)).append("\", \"periodCosts\": \"")
                        .append(money(period)).append("\"}, \"materials\": [\n").append(lines).append("]}")
                        .append(g + 1 < goods ? ",\n" : "\n");
                w.append(sb);
            }
            w.write("]}\n");
        }
    }

    private static String money(long cents) {
        return cents / 100 + "." + (cents % 100 < 10 ? "0" : "") + cents % 100;
    }
}
