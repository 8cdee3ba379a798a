package dev.origin.bench;

import dev.origin.store.Workspace;
import dev.origin.store.importer.ImportReport;
import dev.origin.store.importer.Importer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Import of a 50,000-line BOM file (CSV) into an embedded H2 file workspace (docs/PERFORMANCE.md, "Workspace
 * import"): 2,500 assemblies made in-house with 20 lines each over 1,000 bought components, all already in the
 * workspace (their parts file imported in the setup, not timed).
 *
 * <ul>
 *   <li>{@code fresh}: the BOM file into a workspace without BOMs: every line checked and written;</li>
 *   <li>{@code again}: the same file a second time: every line checked, compared and left as it was.</li>
 * </ul>
 *
 * Run: {@code java -jar origin-bench/target/benchmarks.jar WorkspaceImportBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WorkspaceImportBenchmark {
    static final int ASSEMBLIES = 2_500;
    static final int LINES = 20;
    static final int COMPONENTS = 1_000;

    @Param({"fresh", "again"})
    public String run;

    byte[] parts;
    byte[] boms;
    Path dir;
    Workspace ws;

    @Setup(Level.Trial)
    public void files() {
        parts = partsFile().getBytes(StandardCharsets.UTF_8);
        boms = bomFile().getBytes(StandardCharsets.UTF_8);
    }

    @Setup(Level.Iteration)
    public void workspace() throws Exception {
        dir = Files.createTempDirectory("origin-bench-ws");
        ws = Workspace.open("jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath());
        new Importer(ws, null).importAll(java.util.List.of(
                new Importer.Source("plants.csv", "plant,name,country\nP1,Plant one,MX\n".getBytes(StandardCharsets.UTF_8)),
                new Importer.Source("suppliers.csv", "supplier,name,country\nS1,Supplier one,US\n".getBytes(StandardCharsets.UTF_8)),
                new Importer.Source("parts.csv", parts)), null);
        if (run.equals("again")) {
            new Importer(ws, null).importFile(boms, "boms.csv", null);
        }
    }

    @Benchmark
    public ImportReport importBoms() throws Exception {
        return new Importer(ws, null).importFile(boms, "boms.csv", null);
    }

    @TearDown(Level.Iteration)
    public void remove() throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** The parts: the assemblies (made at plant P1) and the components (bought from S1). */
    public static String partsFile() {
        StringBuilder sb = new StringBuilder();
        sb.append("part,description,source,plant,supplier,hs\n");
        for (int i = 0; i < ASSEMBLIES; i++) {
            sb.append("ASM-").append(i).append(",Assembly ").append(i).append(",make,P1,,8708.99\n");
        }
        for (int i = 0; i < COMPONENTS; i++) {
            sb.append("CMP-").append(i).append(",Component ").append(i).append(",buy,,S1,7318.15\n");
        }
        return sb.toString();
    }

    /** The 50,000-line BOM file: each assembly uses 20 distinct components, 1 to 4 of each. */
    public static String bomFile() {
        StringBuilder sb = new StringBuilder("parent,valid_from,valid_to,line,component,quantity\n");
        for (int a = 0; a < ASSEMBLIES; a++) {
            for (int l = 0; l < LINES; l++) {
                sb.append("ASM-").append(a).append(",2026-01-01,,").append((l + 1) * 10).append(",CMP-")
                        .append((a * 7 + l * 37) % COMPONENTS).append(',').append(1 + (a + l) % 4).append('\n');
            }
        }
        return sb.toString();
    }
}
