package dev.origin.server;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of text and bytes for {@link HttpFuzzTest}: the edits and hostile tokens of origin-cli's
 * {@code FuzzTest} (the same generators, so both sides of the product see the same inputs; the test jars of the two
 * modules cannot share code), plus byte-wise edits (invalid UTF-8) and hostile JSON documents.
 */
final class Mutations {
    private Mutations() {}

    static final String[] HOSTILE = {
        "{", "}", "[", "]", "\"", ":", ",", "\n", "---\n", "...\n", "\u0000", "\u001b[2J", "\u0007", "\uFEFF", "\u202E",
        "\ud800", "é", "&a ", "*a", "<<: *a\n", "!!binary ", "!!java.lang.Object ", "? ", "- ", "|\n", ">-\n", "#", "%YAML 1.1\n",
        "-0", "1e999", "1E-999", "NaN", "-Infinity", "0x1F", "1_000", "0.0000000000001", "99999999999999999999999999", "-1",
        "1.005", "100.0000000001", "((((((", "))))))", "${min}", "${", "@2023-02-30", "@FY", "RVC(NC) >= ", "except from ",
        "more than one of [", "CTH", "and", "or", ";", "\"\"", "null", "true", "~", "<!DOCTYPE x>", "&lol;", "<![CDATA[", "]]>",
        "\r\n", "\t", "=cmd|' /C calc'!A0", "+SUM(A1)", "@A1", "-2+3", "\"zz\": 1, ", "\"id\": \"X\", ",
    };

    static String hostile(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> "9".repeat(1 + r.nextInt(400));
            case 1 -> "[".repeat(1 + r.nextInt(300));
            case 2 -> "(".repeat(1 + r.nextInt(300)) + "CTH" + ")".repeat(r.nextInt(300));
            case 3 -> "0." + "0".repeat(r.nextInt(300)) + "1";
            case 4 -> "1e" + (r.nextBoolean() ? "-" : "") + "9".repeat(1 + r.nextInt(12));
            default -> HOSTILE[r.nextInt(HOSTILE.length)];
        };
    }

    static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    /** One to four random edits of {@code s} (origin-cli FuzzTest's). */
    static String mutate(String s, Random r) {
        StringBuilder b = new StringBuilder(s);
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int len = b.length();
            int at = len == 0 ? 0 : r.nextInt(len);
            int span = len == 0 ? 0 : Math.min(len - at, 1 + r.nextInt(Math.max(1, Math.min(200, len / 4 + 1))));
            switch (r.nextInt(9)) {
                case 0 -> b.delete(at, at + span);
                case 1 -> b.insert(at, b.substring(at, at + span));
                case 2, 3 -> b.insert(at, hostile(r));
                case 4 -> { // an extreme number in place of a number
                    Matcher m = NUMBER.matcher(b);
                    if (m.find(at) || m.find(0)) b.replace(m.start(), m.end(), r.nextBoolean() ? "9".repeat(1 + r.nextInt(60)) : hostile(r));
                }
                case 5 -> { // a line twice (duplicate keys, duplicate ids)
                    int ls = b.lastIndexOf("\n", at) + 1;
                    int le = b.indexOf("\n", at);
                    if (le < 0) le = len;
                    if (le >= ls) b.insert(le, "\n" + b.substring(ls, le));
                }
                case 6 -> b.setLength(at);
                case 7 -> { if (len > 0) b.setCharAt(at, (char) r.nextInt(128)); }
                default -> { // a quoted value replaced
                    int q = b.indexOf("\"", at);
                    int q2 = q < 0 ? -1 : b.indexOf("\"", q + 1);
                    if (q2 > q) b.replace(q + 1, q2, hostile(r));
                }
            }
        }
        return b.toString();
    }

    /** Invalid UTF-8 sequences: a stray continuation byte, a truncated sequence, an overlong slash, an encoded surrogate, 0xFF. */
    static final byte[][] BAD_UTF8 = {
        {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xC3, (byte) 0x28}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xFF}, {(byte) 0xFE, (byte) 0xFF}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
    };

    /** One to eight byte edits of {@code b}: a byte replaced by any byte, an invalid UTF-8 sequence inserted, a byte dropped. */
    static byte[] bytewise(byte[] b, Random r) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length + 16);
        out.writeBytes(b);
        byte[] x = out.toByteArray();
        int edits = 1 + r.nextInt(8);
        for (int e = 0; e < edits && x.length > 0; e++) {
            int at = r.nextInt(x.length);
            switch (r.nextInt(3)) {
                case 0 -> x[at] = (byte) r.nextInt(256);
                case 1 -> {
                    byte[] ins = BAD_UTF8[r.nextInt(BAD_UTF8.length)];
                    byte[] y = new byte[x.length + ins.length];
                    System.arraycopy(x, 0, y, 0, at);
                    System.arraycopy(ins, 0, y, at, ins.length);
                    System.arraycopy(x, at, y, at + ins.length, x.length - at);
                    x = y;
                }
                default -> {
                    byte[] y = new byte[x.length - 1];
                    System.arraycopy(x, 0, y, 0, at);
                    System.arraycopy(x, at + 1, y, at, x.length - at - 1);
                    x = y;
                }
            }
        }
        return x;
    }

    static String nested(String open, String inner, String close, int depth) {
        return open.repeat(depth) + inner + close.repeat(depth);
    }

    static String yamlBillionLaughs(Random r) {
        StringBuilder b = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (int i = 1; i < 10; i++) {
            char c = (char) ('a' + i);
            char p = (char) ('a' + i - 1);
            b.append(c).append(": &").append(c).append(" [").append(String.join(",", java.util.Collections.nCopies(9, "*" + p))).append("]\n");
        }
        return b.append(r.nextBoolean() ? "goods: *j\n" : "models: *j\n").toString();
    }

    /** A chain of goods linked by {@code ref}, sometimes closed into a cycle (origin-cli FuzzTest's). */
    static String refChain(Random r) {
        int n = 1 + r.nextInt(r.nextInt(10) == 0 ? 3000 : 100);
        boolean cycle = r.nextBoolean();
        StringBuilder b = new StringBuilder("{\"goods\": [");
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(',');
            String next = i + 1 < n ? "G" + (i + 1) : cycle ? "G0" : null;
            b.append("{\"id\": \"G").append(i).append("\", \"hs\": \"8708.99\", \"producer\": {\"country\": \"US\"}, \"rule\": \"CTH\", \"transactionValue\": \"10.00\"");
            if (next != null) {
                b.append(", \"materials\": [{\"id\": \"m\", \"hs\": \"8708.40\", \"value\": \"1.00\", \"selfProduced\": true, \"ref\": \"").append(next).append("\"}]");
            }
            b.append('}');
        }
        return b.append("]}").toString();
    }

    /** Goods that each use the next one twice: 2^n material lines when expanded. */
    static String refDiamond(Random r) {
        int n = 2 + r.nextInt(r.nextInt(10) == 0 ? 40 : 16);
        StringBuilder b = new StringBuilder("{\"goods\": [");
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(',');
            b.append("{\"id\": \"G").append(i).append("\", \"hs\": \"8708.99\", \"producer\": {\"country\": \"US\"}, \"rule\": \"CTH\", \"transactionValue\": \"10.00\"");
            b.append(", \"materials\": [");
            if (i + 1 < n) {
                b.append("{\"id\": \"a\", \"value\": \"1.00\", \"ref\": \"G").append(i + 1).append("\"}, ");
                b.append("{\"id\": \"b\", \"value\": \"1.00\", \"ref\": \"G").append(i + 1).append("\"}");
            } else {
                b.append("{\"id\": \"a\", \"hs\": \"7318.15\", \"value\": \"1.00\", \"origin\": \"non-originating\"}");
            }
            b.append("]}");
        }
        return b.append("]}").toString();
    }

    /** A CSV whose cells start with spreadsheet formulas (formula injection). */
    static String formulaCsv(String csv, Random r) {
        String formula = pick(r, new String[] {"=cmd|' /C calc'!A0", "+HYPERLINK(\"http://x\")", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "=1+1"});
        return switch (r.nextInt(3)) {
            case 0 -> csv.replaceFirst("\n([^,\n]+),", "\n" + formula.replace("$", "\\$") + ",");
            case 1 -> csv.replaceFirst(",X,", "," + formula.replace("$", "\\$") + ",");
            default -> csv.replaceAll("30000\\.00", formula.replace("$", "\\$"));
        };
    }

    /** {@code s} as a JSON string literal. */
    static String quote(String s) {
        try {
            return Json.MAPPER.writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A hostile variant of the JSON object {@code seed}, or a hostile JSON document of its own. */
    static String hostileJson(String seed, Random r) {
        return switch (r.nextInt(14)) {
            case 0 -> nested("{\"a\": ", "1", "}", 1 + r.nextInt(r.nextBoolean() ? 150 : 6000));
            case 1 -> "{\"x\": " + nested("[", "", "]", 1 + r.nextInt(r.nextBoolean() ? 150 : 6000)) + "}";
            case 2 -> seed.replaceFirst("\\{\\s*(\"[^\"]+\"\\s*:\\s*(\"(?:[^\"\\\\]++|\\\\.)*+\"|-?[\\d.]+|true|false|null))", "{$1, $1");   // the first field twice
            case 3 -> seed.replaceAll("(?<=[:\\[,]\\s?)(\\d+(\\.\\d+)?|\"\\d[^\"]*\")", r.nextBoolean() ? "9".repeat(1 + r.nextInt(3000))
                    : pick(r, new String[] {"1e999999999", "-1e-999999999", "1E400", "-0", "0.000000000000000000000000000001", "123456789012345678901234567890"}));
            case 4 -> seed.substring(0, r.nextInt(seed.length()));
            case 5 -> "{\"zzz\": 1, \"" + "k".repeat(1 + r.nextInt(3)) + "\u0000\": [1], " + seed.substring(1);
            case 6 -> seed.replaceFirst(":\\s*\"[^\"]*\"", ": \"" + pick(r, new String[] {"\u0000", "\u001b[31mRED\u0007", "\\u0000\\u001b", "\t\r\n", "\\ud800", "\u202Eevil"}) + "\"");
            case 7 -> pick(r, new String[] {"", " ", "[]", "[{}]", "\"x\"", "1", "null", "true", "{}", "{", "}", "{\"a\"}", "{'a': 1}", "{a: 1}", "{\"a\": 1,}", "{\"a\": 1} {\"b\": 2}"});
            case 8 -> seed.replaceFirst(":\\s*\"[^\"]*\"", ": \"" + "x".repeat(1 + r.nextInt(200_000)) + "\"");
            case 9 -> "{\"a\": [" + "1,".repeat(r.nextInt(100_000)) + "1]}";
            case 10 -> "\uFEFF" + seed;
            case 11 -> {
                StringBuilder b = new StringBuilder("{");
                int n = 1 + r.nextInt(20_000);
                for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
                yield b.append('}').toString();
            }
            case 12 -> seed.replaceFirst(":\\s*(\"[^\"]*\"|[\\d.]+)", ": " + pick(r, new String[] {"{}", "[]", "[1,2]", "{\"a\":{\"b\":1}}", "null", "true", "-1"}));
            default -> mutate(seed, r);
        };
    }

    static String pick(Random r, String[] xs) {
        return xs[r.nextInt(xs.length)];
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
