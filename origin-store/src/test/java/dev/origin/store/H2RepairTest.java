package dev.origin.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged embedded file is rolled back to its newest sound version, the damaged file kept; a locked file or another
 * failure is never "repaired". (A file whose newest version is damaged is usually opened by H2 itself at the version
 * before; the repair is for the rarer damage H2 does not recover from, which {@code CrashTest} meets after kills.)
 */
class H2RepairTest {
    @TempDir Path dir;

    @Test
    void aFileWhoseNewestVersionIsDamagedIsRolledBackToItsNewestSoundVersion() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath();
        Workspace ws = WorkspaceTest.brakes(url);
        ws.qualify("BRK-100", "usmca", Map.of(), WorkspaceTest.JAN, "first");
        List<String> partsBefore = ws.read(tx -> tx.parts().all().stream().map(Part::id).toList());
        Path file = dir.resolve("ws.mv.db");
        damageNewestChunk(file);

        String note = H2Repair.repair(file, new SQLException("General error: \"Chunk 15 not found [2.5.252/9]\"", "HY000", 50000));
        assertThat(note).contains("(Chunk 15 not found [2.5.252/9])", "rolled back to its newest version that reads in full", "origin db check",
                "the interrupted operation is undone");
        Path kept;
        try (var files = Files.list(dir)) {
            kept = files.filter(p -> p.getFileName().toString().startsWith("ws.mv.db.damaged-")).findFirst().orElseThrow();
        }
        assertThat(note).contains(kept.toString());
        assertThat(Files.readAllBytes(kept)).as("the damaged file is kept as it was").isNotEqualTo(Files.readAllBytes(file));

        Database db = Database.open(url);
        assertThat(db.recovery()).as("the repaired file opens normally").isEmpty();
        Workspace repaired = Workspace.of(db);
        assertThat(Integrity.check(repaired).problems()).isEmpty();
        List<String> partsAfter = repaired.read(tx -> tx.parts().all().stream().map(Part::id).toList());
        assertThat(partsAfter).containsExactlyElementsOf(partsBefore);
        // and it takes writes again
        repaired.qualify("BRK-100", "usmca", Map.of(), WorkspaceTest.JAN, "after the repair");
        assertThat(Integrity.check(repaired).ok()).isTrue();
    }

    @Test
    void whereNoVersionReadsTheFileIsKeptAndTheErrorSaysSo() throws Exception {
        Path file = dir.resolve("junk.mv.db");
        Files.write(file, new byte[64 * 1024]);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> H2Repair.repair(file, new SQLException("x [2.5.252/6]")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no earlier version of it reads in full")
                .hasMessageContaining("junk.mv.db.damaged-");
        assertThat(Files.readAllBytes(file)).as("left as it was").hasSize(64 * 1024);
    }

    @Test
    void onlyDamageIsRepairedNeverALockOrAnotherFailure() {
        assertThat(H2Repair.damaged(new SQLException("General error: \"Chunk 15 not found [2.5.252/9]\" [50000-252]", "HY000", 50000)))
                .isTrue();
        assertThat(H2Repair.damaged(new RuntimeException("wrapped", new SQLException(
                "General error: \"File corrupted in chunk 12, expected page length 4..1024, got 0 [2.5.252/6]\"", "HY000", 50000)))).isTrue();
        assertThat(H2Repair.damaged(new SQLException("Database may be already in use: null. Possible solutions: close all other connection(s)",
                "90020", 90020))).isFalse();
        assertThat(H2Repair.damaged(new SQLException("Wrong user name or password [28000-252]", "28000", 28000))).isFalse();
        assertThat(H2Repair.damaged(new SQLException("The file is locked: /x/ws.mv.db [2.5.252/7]", "HY000", 50000))).isFalse();
        assertThat(H2Repair.file("jdbc:h2:mem:x")).isEmpty();
        assertThat(H2Repair.file("jdbc:postgresql://127.0.0.1/x")).isEmpty();
        assertThat(H2Repair.file("jdbc:h2:file:/tmp/a/ws;MODE=PostgreSQL")).contains(Path.of("/tmp/a/ws.mv.db"));
        assertThat(H2Repair.file("jdbc:h2:/tmp/a/ws")).contains(Path.of("/tmp/a/ws.mv.db"));
    }

    /** Flips bytes of the newest chunk just before its footer, where the store writes its newest root pages. */
    static void damageNewestChunk(Path file) throws Exception {
        byte[] all = Files.readAllBytes(file);
        Pattern header = Pattern.compile("chunk:([0-9a-f]+),.*?len:([0-9a-f]+)");
        long newestId = -1, start = -1, blocks = 0;
        for (int pos = 0; pos + 64 < all.length; pos += 4096) {
            String head = new String(all, pos, Math.min(256, all.length - pos), StandardCharsets.ISO_8859_1);
            Matcher m = header.matcher(head);
            if (head.startsWith("chunk:") && m.find()) {
                long id = Long.parseLong(m.group(1), 16);
                if (id > newestId) {
                    newestId = id;
                    start = pos;
                    blocks = Long.parseLong(m.group(2), 16);
                }
            }
        }
        assertThat(newestId).as("a chunk found in the file").isGreaterThanOrEqualTo(0);
        long footer = start + blocks * 4096 - 128;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(96);
            ch.read(b, footer - 96);
            for (int i = 0; i < 96; i++) b.put(i, (byte) (b.get(i) ^ 0x5A));
            b.rewind();
            ch.write(b, footer - 96);
        }
    }
}
