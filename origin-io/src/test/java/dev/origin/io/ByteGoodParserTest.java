package dev.origin.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.origin.core.model.Good;
import dev.origin.io.catalog.CatalogGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ByteGoodParser} reads exactly what {@link GoodParser} (Jackson's tokens) reads, and builds the same good:
 * on generated catalogs, where it must read every flat good itself, and on tens of thousands of goods changed at
 * random, where every good it accepts must be well-formed JSON that {@link GoodParser} reads to an equal good (it may
 * give up on more, never on less safe ground). {@code CaseStreamFastTest} checks the whole stream against the
 * whole-file reader, through this parser.
 */
class ByteGoodParserTest {
    private static final JsonFactory JSON = new JsonFactory();

    @Test
    void readsEveryGeneratedFlatGoodAsJacksonsTokensDo() throws IOException {
        int read = 0;
        for (long seed = 1; seed <= 4; seed++) {
            var settings = CatalogGenerator.Settings.of(300).withShape(3 + (int) seed * 5, 0).withOrigins(0.1 * seed, 20, 5).withSeed(seed);
            for (byte[] good : goods(generated(settings))) {
                Good viaBytes = new ByteGoodParser().read(good, 0, good.length);
                Good viaTokens = tokens(good);
                assertThat(viaTokens).as("the generator writes goods GoodParser reads").isNotNull();
                assertThat(viaBytes).as("good %s", new String(good, StandardCharsets.US_ASCII)).isNotNull().isEqualTo(viaTokens);
                read++;
            }
        }
        assertThat(read).isEqualTo(1200);
    }

    @Test
    void oneParserReadsAGoodAfterAnother() throws IOException {
        // the cache of HS codes grows and goods follow each other in one buffer with blanks and commas between them
        ByteGoodParser p = new ByteGoodParser();
        List<byte[]> goods = goods(generated(CatalogGenerator.Settings.of(3000).withShape(4, 0).withSeed(7)));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        List<int[]> at = new ArrayList<>();
        for (byte[] g : goods) {
            at.add(new int[] {all.size(), g.length});
            all.write(g);
            all.write(",\n  ".getBytes(StandardCharsets.US_ASCII));
        }
        byte[] text = all.toByteArray();
        for (int k = 0; k < goods.size(); k++) {
            Good g = p.read(text, at.get(k)[0], at.get(k)[1]);
            assertThat(g).isNotNull().isEqualTo(tokens(goods.get(k)));
        }
    }

    @Test
    void acceptsOnlyWhatJacksonsTokensReadTheSame() throws IOException {
        List<byte[]> seeds = new ArrayList<>(goods(generated(CatalogGenerator.Settings.of(40).withShape(3, 0).withSeed(3))));
        for (String[] change : CaseStreamFastTest.CHANGES) {
            seeds.add(CaseStreamFastTest.good("G", change[0], change[1]).getBytes(StandardCharsets.UTF_8));
        }
        // bytes that matter to JSON and to the fields read: a mutation mostly breaks the good, sometimes changes a value it keeps
        byte[] alphabet = "{}[]:,\"\\.-+eE\u0001    \n\t\r0123456789012345678901234567890123456789abcdeGMXUS".getBytes(StandardCharsets.ISO_8859_1);
        SplittableRandom random = new SplittableRandom(20261202);
        int accepted = 0;
        int refused = 0;
        int changedAndAccepted = 0;
        for (int round = 0; round < 30_000; round++) {
            byte[] good = seeds.get(random.nextInt(seeds.size()));
            byte[] m = mutate(good, random, alphabet);
            Good viaBytes = new ByteGoodParser().read(m, 0, m.length);
            if (viaBytes == null) {
                refused++;
                continue;
            }
            accepted++;
            if (!java.util.Arrays.equals(m, good)) changedAndAccepted++;
            String shown = new String(m, StandardCharsets.ISO_8859_1);
            assertThat(wellFormed(m)).as("accepted but not one well-formed JSON value: %s", shown).isTrue();
            assertThat(tokens(m)).as("accepted: %s", shown).isEqualTo(viaBytes);
        }
        // both outcomes occur often, so the comparison above is not vacuous
        // (with this seed: 614 accepted, 580 of them changed; 29,386 refused)
        assertThat(accepted).isGreaterThan(400);
        assertThat(changedAndAccepted).isGreaterThan(300);
        assertThat(refused).isGreaterThan(20_000);
    }

    @Test
    void givesUpOnTextItDoesNotReadItself() {
        String good = "{\"id\": \"G1\", \"hs\": \"8708.40\", \"producer\": {\"country\": \"MX\"}, \"materials\": []}";
        assertThat(read(good)).isNotNull();
        // an escape, a byte outside ASCII, a number with an exponent: read by Jackson's tokens instead
        assertThat(read(good.replace("\"G1\"", "\"G\\u0031\""))).isNull();
        assertThat(read(good.replace("\"G1\"", "\"G\u00e9\""))).isNull();
        assertThat(read(good.replace("\"materials\": []", "\"transactionValue\": 1e2"))).isNull();
        // numbers as JSON writes them are read (a leading zero alone), others are not JSON
        assertThat(read(good.replace("\"materials\": []", "\"transactionValue\": 0.5")).transactionValue()).isEqualByComparingTo("0.50");
        assertThat(read(good.replace("\"materials\": []", "\"transactionValue\": 012"))).isNull();
        assertThat(read(good.replace("\"materials\": []", "\"transactionValue\": 1."))).isNull();
        // not well-formed: a missing comma, a trailing comma, text after the good
        assertThat(read(good.replace("\"G1\", ", "\"G1\" "))).isNull();
        assertThat(read(good.replace("[]}", "[],}"))).isNull();
        assertThat(read(good + " x")).isNull();
        assertThat(read(good + " \n")).isNotNull();
    }

    @Test
    void givesUpOnAStringLongerThanJacksonReads() {
        // Jackson refuses a string longer than its limit (20,000,000 characters by default) when it makes its text:
        // GoodParser throws there (skipping it, as wellFormed does, does not check the limit)
        int max = StreamReadConstraints.defaults().getMaxStringLength();
        String good = "{\"id\": \"G1\", \"hs\": \"8708.40\", \"producer\": {\"country\": \"MX\"}, \"materials\": []}";
        String line = "[{\"id\": \"m1\", \"hs\": \"7606.12\", \"value\": \"1.00\", \"origin\": \"originating\"}]";
        for (String changed : new String[] {
                good.replace("\"G1\"", "\"" + "G".repeat(max + 1) + "\""),
                good.replace("[]", line.replace("\"m1\"", "\"" + "m".repeat(max + 1) + "\""))}) {
            byte[] b = changed.getBytes(StandardCharsets.US_ASCII);
            // (compared as booleans: a failure would show the whole good)
            assertThat(tokens(b) == null).isTrue();
            assertThat(new ByteGoodParser().read(b, 0, b.length) == null).as("a string of %d characters read", max + 1).isTrue();
        }
        // one character less is read, the same
        byte[] longest = good.replace("\"G1\"", "\"" + "G".repeat(max) + "\"").getBytes(StandardCharsets.US_ASCII);
        Good g = new ByteGoodParser().read(longest, 0, longest.length);
        assertThat(g != null && g.equals(tokens(longest))).as("a string of %d characters read the same", max).isTrue();
    }

    @Test
    void findsARepeatedMaterialIdInAShortOrALongList() {
        for (int n : new int[] {3, 16, 17, 40}) {
            for (int repeat = -1; repeat < n - 1; repeat++) {
                StringBuilder lines = new StringBuilder();
                for (int k = 0; k < n; k++) {
                    String id = k == n - 1 && repeat >= 0 ? "m" + repeat : "m" + k;
                    lines.append(k == 0 ? "" : ", ").append("{\"id\": \"").append(id)
                            .append("\", \"hs\": \"7606.12\", \"value\": \"1.00\", \"origin\": \"originating\"}");
                }
                String good = "{\"id\": \"G1\", \"hs\": \"8708.40\", \"producer\": {\"country\": \"MX\"}, \"materials\": [" + lines + "]}";
                Good g = read(good);
                assertThat(g).as("%d lines, the last repeating line %d", n, repeat).isEqualTo(tokens(good.getBytes(StandardCharsets.UTF_8)));
                assertThat(g == null).as("%d lines, the last repeating line %d", n, repeat).isEqualTo(repeat >= 0);
            }
        }
    }

    private static Good read(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return new ByteGoodParser().read(b, 0, b.length);
    }

    /** One or two random edits: a byte replaced, inserted or deleted, or a span repeated. */
    private static byte[] mutate(byte[] good, SplittableRandom random, byte[] alphabet) {
        byte[] m = good;
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits; e++) {
            int at = random.nextInt(m.length);
            byte c = alphabet[random.nextInt(alphabet.length)];
            switch (random.nextInt(4)) {
                case 0 -> {
                    m = m.clone();
                    m[at] = c;
                }
                case 1 -> {
                    byte[] n = new byte[m.length + 1];
                    System.arraycopy(m, 0, n, 0, at);
                    n[at] = c;
                    System.arraycopy(m, at, n, at + 1, m.length - at);
                    m = n;
                }
                case 2 -> {
                    if (m.length < 2) break;
                    byte[] n = new byte[m.length - 1];
                    System.arraycopy(m, 0, n, 0, at);
                    System.arraycopy(m, at + 1, n, at, m.length - at - 1);
                    m = n;
                }
                default -> {
                    int len = Math.min(1 + random.nextInt(40), m.length - at);
                    byte[] n = new byte[m.length + len];
                    System.arraycopy(m, 0, n, 0, at + len);
                    System.arraycopy(m, at, n, at + len, m.length - at);
                    m = n;
                }
            }
        }
        return m;
    }

    /** Whether the text is exactly one JSON value, by Jackson. */
    private static boolean wellFormed(byte[] text) {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() == null) return false;
            p.skipChildren();
            return p.nextToken() == null;
        } catch (IOException e) {
            return false;
        }
    }

    /** The good as {@link GoodParser} reads it from Jackson's tokens, or null when it gives up or the text is not JSON. */
    private static Good tokens(byte[] text) {
        try (JsonParser p = JSON.createParser(text)) {
            return new GoodParser().read(p);
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] generated(CatalogGenerator.Settings settings) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new CatalogGenerator(settings).writeCaseFile(out, false);
        return out.toByteArray();
    }

    /** The text of each element of the file's {@code goods} array, as written. */
    private static List<byte[]> goods(byte[] file) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(file)) {
            while (p.nextToken() != JsonToken.START_ARRAY) {
                // to the goods
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                int from = (int) p.currentTokenLocation().getByteOffset();
                p.skipChildren();
                int to = (int) p.currentLocation().getByteOffset();
                out.add(java.util.Arrays.copyOfRange(file, from, to));
            }
        }
        return out;
    }
}
