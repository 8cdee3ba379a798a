package dev.origin.server;

import static dev.origin.server.HttpFuzzTest.enc;
import static dev.origin.server.HttpFuzzTest.pick;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Query strings and path segments for {@link HttpFuzzTest}: each parameter the route declares (and the few a page
 * reads without declaring them), with valid values, absurd ones (paging of -1, 10^30, the end of an int; dates out of
 * range; parameters of 500 digits) and raw ones the request line should not hold (invalid percent-encoding, invalid
 * UTF-8, control characters); parameters repeated and unknown ones added.
 */
final class Queries {
    private Queries() {}

    static final List<String> REGIMES = List.of("nafta", "usmca", "us-proposal-2017", "proposal-80-15", "canada-proposal-2018");
    static final List<String> NUMBERS = List.of("-1", "0", "1", "5", "20", "100", "101", "1000000000000000000000000000000", "2147483647", "2147483648",
            "-2147483648", "9223372036854775808", " 5", "0x10", "1e3", "", "5.5", "\u0663", "+5", "1_000", "NaN", "Infinity", "99999999999999999999999999999999999999");
    static final List<String> DATES = List.of("2023-07-01", "2020-07-01", "2019-06-17", "2026-12-02", "2023-02-30", "2023-13-01", "+999999999-12-31",
            "-999999999-01-01", "0000-00-00", "2023-07-01T00:00", "2023-7-1", "9".repeat(300), "", "today");
    /** Raw (already encoded, or deliberately not): invalid escapes, invalid UTF-8, control characters, bytes above 0x7F. */
    static final List<String> RAW = List.of("%", "%Z", "%ZZ", "%C3%28", "%FF", "%00", "%E2%82", "%ED%A0%80", "%C0%AF", "%1B%5B2J", "%0D%0ASet-Cookie:%20x=1",
            "\u00e9", "\u00ff", "%2e%2e%2f%2e%2e%2f", "%252F", "a;b", "a|b", "[x]", "{x}");

    static String query(Endpoint e, Random r) {
        List<String> pairs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        e.query().forEach(p -> names.add(p.name()));
        String k = HttpFuzzTest.key(e);
        if (k.equals("GET /qualify") || k.equals("GET /compare")) names.add("example");
        if (k.equals("GET /login")) names.add("next");
        // three in four queries are valid, so that the bodies reach evaluation; the others are hostile
        if (r.nextInt(4) != 0) {
            for (String n : names) {
                String v = valid(n, r);
                if (v != null) pairs.add(enc(n) + "=" + enc(v));
            }
            return String.join("&", pairs);
        }
        for (String n : names) {
            if (r.nextInt(n.equals("regime") ? 8 : 4) == 0) continue;
            int times = r.nextInt(12) == 0 ? 2 + r.nextInt(r.nextInt(10) == 0 ? 2000 : 5) : 1;
            for (int i = 0; i < times; i++) pairs.add(enc(n) + "=" + value(n, r));
        }
        if (r.nextInt(10) == 0) pairs.add(pick(r, List.of("zzz=1", "regime", "=", "&", "offset", "a=b=c", "%ZZ=1", "x=" + "y".repeat(5000))));
        if (r.nextInt(15) == 0 && !pairs.isEmpty()) pairs.set(r.nextInt(pairs.size()), pick(r, RAW) + "=" + pick(r, RAW));
        return String.join("&", pairs);
    }

    /** A valid value of the parameter, or null to leave it out. */
    static String valid(String name, Random r) {
        return switch (name) {
            case "regime" -> pick(r, REGIMES);
            case "regimes" -> r.nextBoolean() ? null : String.join(",", REGIMES.subList(0, 1 + r.nextInt(REGIMES.size())));
            case "date" -> r.nextBoolean() ? null : pick(r, List.of("2023-07-01", "2020-07-01", "2019-06-17", "2026-12-02", "2027-07-01"));
            case "param" -> r.nextInt(3) != 0 ? null : pick(r, List.of("min=70", "min=62.5", "national-min=0"));
            case "good" -> r.nextBoolean() ? null : pick(r, List.of("NC-EX4", "PV-1"));
            case "example" -> pick(r, List.of("net-cost-example.json", "passenger-vehicle.json", "multi-level-bom.yaml", "contract-sample.json"));
            case "next" -> pick(r, List.of("/", "/qualify", "/catalog"));
            case "offset" -> r.nextBoolean() ? null : String.valueOf(r.nextInt(30));
            case "limit" -> r.nextBoolean() ? null : String.valueOf(1 + r.nextInt(100));
            case "days" -> String.valueOf(r.nextInt(400));
            default -> null;
        };
    }

    static String value(String name, Random r) {
        if (r.nextInt(6) == 0) return pick(r, RAW);
        if (r.nextInt(6) == 0) return enc(pick(r, HttpFuzzTest.TEXTS));
        return enc(switch (name) {
            case "regime" -> r.nextInt(5) == 0 ? pick(r, List.of("mars", "/etc/passwd", "USMCA", " usmca ", "usmca,nafta", "../../pom.xml")) : pick(r, REGIMES);
            case "regimes" -> r.nextInt(4) == 0 ? pick(r, List.of(",,,", "usmca,".repeat(2000), "mars,usmca", "nafta;usmca", " ")) : String.join(",", REGIMES.subList(0, 1 + r.nextInt(REGIMES.size())));
            case "date" -> pick(r, DATES);
            case "param" -> e(r);
            case "good" -> pick(r, List.of("NC-EX4", "PV-1", "nope", "G0"));
            case "example" -> pick(r, List.of("net-cost-example.json", "passenger-vehicle.json", "../pom.xml", "../../../../etc/passwd", "multi-level-bom.yaml", "x"));
            case "next" -> pick(r, List.of("/", "/qualify", "//evil.example", "/\\evil.example", "javascript:alert(1)", "https://evil.example", "/" + "a".repeat(600)));
            default -> pick(r, NUMBERS);   // offset, limit, days
        });
    }

    /** A {@code param} value: NAME=VALUE (or REGIME:NAME=VALUE) with absurd values. */
    private static String e(Random r) {
        String value = pick(r, List.of("70", "0", "-1", "100", "100.0000001", "9".repeat(1 + r.nextInt(600)), "1e999999999", "NaN", "", "x", "0." + "0".repeat(400) + "1"));
        String name = pick(r, List.of("min", "national-min", "roll-up", "x", "", "min=min"));
        String p = name + "=" + value;
        return switch (r.nextInt(6)) {
            case 0 -> pick(r, REGIMES) + ":" + p;
            case 1 -> pick(r, List.of("=", "min", ":", "usmca:", "usmca:=1", ":min=1", "mars:min=1"));
            default -> p;
        };
    }

    /** A path segment that is not an id: encoded hostile text, or raw escapes. */
    static String hostileSegment(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> pick(r, RAW);
            case 1 -> enc(pick(r, HttpFuzzTest.TEXTS)).replace("+", "%20");
            case 2 -> pick(r, List.of("..", "%2F", "a%2Fb", ".", "%20", "x".repeat(3000), "9".repeat(40), "-1"));
            default -> enc(Mutations.hostile(r)).replace("+", "%20");
        };
    }
}
