package dev.origin.bench;

import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import dev.origin.io.RulePackReader;
import dev.origin.io.TariffReader;
import dev.origin.io.fleet.FleetReader;
import dev.origin.sim.EngineCache;
import dev.origin.sim.MonteCarlo;
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
 * The Monte Carlo of {@code origin simulate --draws N}: the sample fleet under the five negotiation regimes, the point
 * estimate, {@code draws} draws of the uncertain assumptions and the tornado's ten runs, with a fresh engine cache per
 * invocation (so nothing is reused from an earlier invocation; within one, the cache serves every run). Single shot.
 *
 * <p>Run: {@code mvn -q -DskipTests package -pl origin-bench -am && java -jar origin-bench/target/benchmarks.jar MonteCarloBenchmark -p draws=10}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@Fork(1)
public class MonteCarloBenchmark {
    @Param({"200"})
    public int draws;

    Fleet fleet;
    List<Regime> regimes;
    Simulator.Settings settings;

    @Setup
    public void setup() throws Exception {
        fleet = FleetReader.sample();
        regimes = new ArrayList<>();
        for (String id : List.of("nafta", "usmca", "us-proposal-2017", "proposal-80-15", "canada-proposal-2018")) {
            regimes.add(RulePackReader.load(id, Map.of()));
        }
        settings = Simulator.Settings.defaults(LocalDate.of(2023, 7, 1), TariffReader.builtIn());
    }

    @Benchmark
    public Object monteCarlo() {
        return new MonteCarlo(fleet, regimes, settings, new EngineCache()).run(draws, 1);
    }
}
