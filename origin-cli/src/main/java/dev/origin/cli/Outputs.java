package dev.origin.cli;

import dev.origin.core.engine.ErrorCode;
import dev.origin.io.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Output files named by options ({@code --csv}, {@code --json}, {@code --html}, {@code --output}): checked
 * before any work starts, so that a run of minutes is not lost to a folder that does not exist, and written
 * with a located problem ({@code CANNOT_WRITE}, exit 2) rather than an internal error when writing fails.
 */
final class Outputs {
    private Outputs() {}

    /** Adds a problem for {@code file} (given with {@code option}) when it clearly cannot be written; null file: nothing. */
    static void check(String option, Path file, List<Problem> problems) {
        if (file == null) return;
        String reason = reason(file);
        if (reason != null) problems.add(Problem.of(option, 0, 0, "", ErrorCode.CANNOT_WRITE, file, reason));
    }

    private static String reason(Path file) {
        if (Files.isDirectory(file)) return "it is a folder";
        Path parent = file.toAbsolutePath().getParent();
        Path shown = file.getParent() != null ? file.getParent() : parent;
        if (parent != null && !Files.isDirectory(parent)) {
            return Files.exists(parent) ? "`" + shown + "` is not a folder" : "the folder `" + shown + "` does not exist";
        }
        if (Files.exists(file) && !Files.isWritable(file)) return "it is read-only";
        if (!Files.exists(file) && parent != null && !Files.isWritable(parent)) return "the folder `" + shown + "` is read-only";
        return null;
    }

    /** Writes {@code text} to {@code file}: true when written; a failure is a {@code CANNOT_WRITE} problem of {@code option}. */
    static boolean write(String option, Path file, String text, List<Problem> problems) {
        try {
            Files.writeString(file, text);
            return true;
        } catch (IOException | RuntimeException e) {
            String reason = reason(file);
            problems.add(Problem.of(option, 0, 0, "", ErrorCode.CANNOT_WRITE, file,
                    reason != null ? reason : e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)));
            return false;
        }
    }
}
