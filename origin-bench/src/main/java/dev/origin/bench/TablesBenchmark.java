package dev.origin.bench;

import dev.origin.core.model.Good;
import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RuleSyntax;
import dev.origin.io.Problem;
import dev.origin.io.catalog.CatalogGenerator;
import dev.origin.io.catalog.CatalogTables;
import dev.origin.io.catalog.GoodRow;
import dev.origin.io.catalog.LineRow;
import dev.origin.io.catalog.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Building goods from the rows of the tabular catalog format, as each Spark task does ({@code CatalogTables.toGood},
 * docs/spark.md): per good, over 1,000 generated goods of 10 lines (the shape of the Spark benchmark). {@code toGood}
 * is the reader as it is (rule texts parsed once, then taken from the cache); {@code parseRule} is what parsing the
 * good's rule text costs, which the reader paid on every good before the cache.
 *
 * <p>Run: {@code java -jar origin-bench/target/benchmarks.jar TablesBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TablesBenchmark {
    static final int GOODS = 1000;

    List<GoodRow> goods;
    List<List<LineRow>> lines;

    @Setup
    public void setup() {
        Tables t = new CatalogGenerator(CatalogGenerator.Settings.of(GOODS).withShape(5, 1)).tables();
        Map<String, List<LineRow>> byGood = new HashMap<>();
        for (LineRow l : t.lines()) byGood.computeIfAbsent(l.goodId(), k -> new ArrayList<>()).add(l);
        goods = t.goods();
        lines = new ArrayList<>();
        for (GoodRow g : goods) lines.add(byGood.get(g.goodId()));
    }

    @Benchmark
    @OperationsPerInvocation(GOODS)
    public void toGood(Blackhole bh) {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < GOODS; i++) {
            Good g = CatalogTables.toGood(goods.get(i), lines.get(i), "goods", "lines", problems);
            bh.consume(g);
        }
    }

    @Benchmark
    @OperationsPerInvocation(GOODS)
    public void parseRule(Blackhole bh) {
        for (int i = 0; i < GOODS; i++) {
            Rule r = RuleSyntax.parse(goods.get(i).rule());
            bh.consume(r);
        }
    }
}
