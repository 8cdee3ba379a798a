package dev.origin.bench;

import dev.origin.core.bulk.BulkEvaluator;
import dev.origin.core.bulk.ColumnarCatalog;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.model.Origin;
import dev.origin.io.RulePackReader;
import dev.origin.io.catalog.CatalogGenerator;
import dev.origin.io.catalog.Columnar;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hot paths of bulk evaluation on a generated catalog (docs/bulk.md): a full qualification of the catalog with
 * the columnar kernel ({@code full}) and with the evaluator alone ({@code fullEvaluatorOnly}), the requalification
 * after one supplier declaration changes ({@code requalifyOneDeclaration}), and loading the catalog into columns
 * ({@code load}). Throughput in BOM lines per second = lines ÷ time per operation.
 *
 * <p>Run: {@code mvn -q -DskipTests package -pl origin-bench -am && java -jar origin-bench/target/benchmarks.jar BulkBenchmark -f 1 -wi 3 -i 5 -w 2s -r 2s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BulkBenchmark {
    @Param({"1000000"})
    public int lines;

    CatalogGenerator gen;
    ColumnarCatalog catalog;
    BulkEvaluator bulk;
    BulkEvaluator.Results results;
    int declaration;

    @Setup(Level.Trial)
    public void setup() throws Exception {
        int goods = lines / 20;
        gen = new CatalogGenerator(CatalogGenerator.Settings.of(goods).withOrigins(0.05, 500, Math.max(1, lines / 50)));
        catalog = Columnar.of(gen);
        bulk = BulkEvaluator.of(Evaluator.of(RulePackReader.load("usmca", Map.of())), LocalDate.of(2023, 7, 1));
        results = bulk.evaluate(catalog);
    }

    @Benchmark
    public BulkEvaluator.Results full() {
        return bulk.evaluate(catalog);
    }

    @Benchmark
    public BulkEvaluator.Results fullEvaluatorOnly() {
        return bulk.withFastPath(false).evaluate(catalog);
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public BulkEvaluator.Results requalifyOneDeclaration() {
        int d = declaration++ % gen.declarationCount();
        int[] affected = catalog.setDeclarationOrigin(d, Origin.values()[d % 3]);
        bulk.requalify(catalog, results, affected);
        return results;
    }

    @Benchmark
    public ColumnarCatalog load() {
        return Columnar.of(gen);
    }
}
