package dev.origin.bench;

import dev.origin.store.Qualification;
import dev.origin.store.Requalifier;
import dev.origin.store.SyntheticCatalog;
import dev.origin.store.Workspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Requalification after one supplier declaration changes, on a stored catalog ({@link SyntheticCatalog}: {@code goods}
 * gearboxes, 100 housings each under its own declaration, so one declaration concerns 1 % of the goods, two BOM
 * levels down) in an embedded H2 file workspace: one transaction that walks the BOM graph upwards from the housing,
 * rebuilds and evaluates the affected goods from the workspace, and appends their determinations to the ledger. Each
 * operation takes the next housing's declaration, as lapsed (the workspace is not otherwise changed).
 *
 * <p>Run: {@code mvn -q -DskipTests package -pl origin-bench -am && java -jar origin-bench/target/benchmarks.jar RequalifyBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
@Fork(1)
public class RequalifyBenchmark {
    static final int HOUSINGS = 100;

    @Param({"10000"})
    public int goods;

    Workspace ws;
    Requalifier requalifier;
    int next;
    int touched;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        Path dir = Files.createTempDirectory("origin-requalify-bench");
        ws = Workspace.open("jdbc:h2:file:" + dir.resolve("ws").toAbsolutePath());
        SyntheticCatalog.write(ws, goods, HOUSINGS);
        Path pack = dir.resolve("synthetic.yaml");
        Files.writeString(pack, SyntheticCatalog.PACK);
        requalifier = new Requalifier(ws, Qualification.Pack.load(pack.toString(), Map.of()));
    }

    /** One declaration lapsed: requalify its goods (goods / 100 of them) as of the day after. */
    @Benchmark
    public int oneDeclarationLapsed() throws Exception {
        int h = next++ % HOUSINGS;
        Requalifier.Report r = requalifier.afterDeclaration(SyntheticCatalog.declaration(h), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1));
        touched = r.evaluated();
        if (touched != goods / HOUSINGS) throw new IllegalStateException("touched " + touched + " goods, expected " + goods / HOUSINGS);
        return touched;
    }
}
