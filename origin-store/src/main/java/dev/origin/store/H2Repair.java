package dev.origin.store;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.mvstore.MVStoreTool;

/**
 * Crash recovery of the embedded H2 file. H2's store (MVStore) writes new versions beside the old ones and, on open,
 * normally resumes from the newest complete version, rolling back the transactions that had not committed. A process
 * killed at an unlucky moment can still leave the newest version unreadable ("Chunk 15 not found" in our crash test,
 * about once in several hundred kills; h2database issue #4383 reports the same on 2.5). This class then does what
 * PostgreSQL's WAL replay does for a server: it resumes from the newest version that reads in full. The damaged file
 * is first copied aside, never deleted, and the caller is told (the CLI prints it on stderr).
 *
 * <p>Rolling back to that version keeps every transaction committed in it and drops the one that was being written
 * when the process died. Usually that version is the last one before the interrupted operation; when H2 damaged more
 * than the newest version, operations committed after it are lost, which the message says. {@code CrashTest} checks
 * the state after every kill, and {@code H2RepairTest} damages a file on purpose.
 */
final class H2Repair {
    /** MVStore error codes that mean a damaged file (not a locked or missing one): file corrupt, chunk or block not found. */
    private static final Pattern STORE_CODE = Pattern.compile("\\[\\d+\\.\\d+\\.\\d+/(6|9|50)]");
    /** H2's SQL error code FILE_CORRUPTED_1. */
    private static final int FILE_CORRUPTED = 90030;
    private static final int MAX_VERSIONS_TRIED = 10_000;

    private H2Repair() {}

    /** The {@code .mv.db} file of an embedded H2 URL ({@code jdbc:h2:file:PATH} or {@code jdbc:h2:PATH}), if it is one. */
    static Optional<Path> file(String url) {
        if (!url.startsWith("jdbc:h2:")) return Optional.empty();
        String rest = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        } else if (rest.matches("^(mem|tcp|ssl|zip|split|nio\\w*|async|retry|memFS|memLZF):.*")) {
            return Optional.empty();
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return Optional.of(Path.of(rest + ".mv.db"));
    }

    /** True when the failure to open says the file's contents are damaged. */
    static boolean damaged(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == FILE_CORRUPTED) return true;
            // MVStore's own exception, or H2's SQL error quoting it: "... [2.5.252/9]"
            if (t.getMessage() != null && STORE_CODE.matcher(t.getMessage()).find()) return true;
        }
        return false;
    }

    /**
     * Copies the damaged file aside, then replaces it with its newest version that reads in full.
     *
     * @return what was done, for the user
     * @throws IllegalStateException when no version reads (the damaged file is still kept)
     */
    static String repair(Path file, Throwable cause) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path kept = file.resolveSibling(file.getFileName() + ".damaged-" + stamp);
        Path temp = Path.of(file + ".temp");
        try {
            Files.copy(file, kept, StandardCopyOption.REPLACE_EXISTING);
            long version = Long.MAX_VALUE;
            Writer sink = Writer.nullWriter();
            for (int tries = 0; version >= 0 && tries < MAX_VERSIONS_TRIED; tries++) {
                try {
                    version = MVStoreTool.rollback(file.toString(), version, sink);
                    if (MVStoreTool.info(temp.toString(), sink) == null) {
                        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                        return "the workspace file " + file + " was damaged by an interrupted write (" + firstLine(cause)
                                + "); it was rolled back to its newest version that reads in full (" + version
                                + "): the interrupted operation is undone, and any committed after that version must be redone"
                                + " (see `origin db ledger` and the import log). The damaged file is kept as " + kept
                                + ". Run `origin db check`.";
                    }
                } catch (RuntimeException damagedToo) {
                    // this version does not read either: try the one before
                }
                version--;
            }
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            throw new IllegalStateException("the workspace file " + file + " is damaged (" + firstLine(cause)
                    + ") and could not be repaired: " + e.getMessage(), e);
        }
        throw new IllegalStateException("the workspace file " + file + " is damaged (" + firstLine(cause)
                + ") and no earlier version of it reads in full; it is kept as " + kept);
    }

    private static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = Pattern.compile("\"([^\"]*\\[\\d+\\.\\d+\\.\\d+/\\d+])\"").matcher(t.getMessage());
                if (m.find()) return m.group(1);
            }
        }
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
