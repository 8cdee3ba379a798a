package dev.origin.bench;

import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import dev.origin.io.RulePackReader;
import dev.origin.io.TariffReader;
import dev.origin.sim.Simulator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A whole simulation: every model of a synthetic fleet under the five negotiation regimes (comply
 * or pay, cheapest re-sourcing with the solver and the engine's check), as {@code origin simulate} runs it.
 *
 * <p>Run: {@code mvn -q -DskipTests package -pl origin-bench -am && java -jar origin-bench/target/benchmarks.jar SimulationBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class SimulationBenchmark {
    @Param({"1000"})
    public int models;

    Fleet fleet;
    List<Regime> regimes;
    Simulator simulator;

    @Setup
    public void setup() throws Exception {
        fleet = SyntheticFleet.generate(models, 42);
        regimes = new ArrayList<>();
        for (String id : List.of("nafta", "usmca", "us-proposal-2017", "proposal-80-15", "canada-proposal-2018")) {
            regimes.add(RulePackReader.load(id, Map.of()));
        }
        simulator = new Simulator(Simulator.Settings.defaults(LocalDate.of(2023, 7, 1), TariffReader.builtIn()));
    }

    @Benchmark
    public Object simulate() {
        return simulator.run(fleet, regimes, null);
    }
}
