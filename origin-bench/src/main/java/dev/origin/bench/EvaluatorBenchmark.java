package dev.origin.bench;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.model.Good;
import dev.origin.io.CaseFileReader;
import dev.origin.io.RulePackReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Single-good evaluation latency, with and without the explanation trace.
 *
 * <p>What it measures: {@code Evaluator.evaluate} on one good already parsed (no I/O): a flat good
 * (the official net-cost example plus one itemised material, CTH and RVC), and a multi-level good (an
 * intermediate material, an accumulated line, a material of unknown origin, so two bound runs).
 *
 * <p>Run: {@code mvn -q -DskipTests package -pl origin-bench -am && java -jar origin-bench/target/benchmarks.jar EvaluatorBenchmark -f 1 -wi 5 -i 5 -w 1s -r 1s}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluatorBenchmark {
    static final String FLAT = """
            {"goods": [{"id": "A-1", "hs": "8703.23", "producer": {"country": "MX"}, "transactionValue": "130.00",
              "costs": {"originatingMaterials": "30.00", "nonOriginatingMaterials": "40.00", "otherProductCosts": "20.00",
                "periodCosts": "10.00", "excludedCosts": {"salesPromotion": "5.00", "royalties": "2.50", "shipping": "3.00",
                "nonAllowableInterest": "1.50"}},
              "materials": [{"id": "m1", "hs": "8407.34", "value": "11.00", "origin": "non-originating", "country": "JP"}],
              "rule": "CTH and RVC(NC) >= 50"}]}
            """;
    static final String MULTI = """
            {"goods": [{"id": "gearbox", "hs": "8708.40", "producer": {"country": "MX"}, "transactionValue": "1450.00",
              "internationalShipping": "30.00",
              "costs": {"otherProductCosts": "310.00", "periodCosts": "95.00", "otherCosts": "12.00",
                "excludedCosts": {"salesPromotion": "18.00", "shipping": "22.00"}},
              "materials": [
                {"id": "gears", "hs": "8483.40", "selfProduced": true, "intermediate": true,
                 "costs": {"otherProductCosts": "90.00", "periodCosts": "15.00"},
                 "materials": [{"id": "blanks", "hs": "7224.90", "value": "140.00", "origin": "non-originating"},
                               {"id": "bearings", "hs": "8482.10", "value": "35.00", "origin": "originating"}],
                 "rule": "CTH"},
                {"id": "housing", "hs": "8708.99", "value": "160.00", "origin": "unknown"},
                {"id": "converter", "hs": "8708.99", "value": "220.00", "origin": "non-originating"},
                {"id": "shaft", "hs": "8483.10", "value": "75.00", "origin": "non-originating",
                 "statement": {"netCost": "70.00", "vnm": "20.00", "addedCosts": "3.00"}}],
              "rule": "CTH or (CTH from 8708.99 and (RVC(TV) >= 60 or RVC(NC) >= 50))"}]}
            """;

    @Param({"flat", "multi-level"})
    public String shape;

    @Param({"true", "false"})
    public boolean trace;

    Evaluator evaluator;
    Good good;
    final LocalDate date = LocalDate.of(2023, 7, 1);

    @Setup
    public void setup() throws Exception {
        evaluator = Evaluator.of(RulePackReader.load("usmca", Map.of()));
        List<Good> goods = CaseFileReader.read(shape.equals("flat") ? FLAT : MULTI, "bench.json", false);
        good = goods.get(0);
    }

    @Benchmark
    public Determination evaluate() {
        return evaluator.evaluate(good, date, trace);
    }
}
