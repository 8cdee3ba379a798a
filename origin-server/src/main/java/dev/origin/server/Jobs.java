package dev.origin.server;

import dev.origin.core.engine.ErrorCode;
import dev.origin.core.fleet.Fleet;
import dev.origin.core.regime.Regime;
import dev.origin.core.tariff.TariffSchedule;
import dev.origin.io.InputException;
import dev.origin.sim.Backtest;
import dev.origin.sim.EngineCache;
import dev.origin.sim.MonteCarlo;
import dev.origin.sim.Outcome;
import dev.origin.sim.Report;
import dev.origin.sim.Simulator;
import dev.origin.sim.Sweep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Simulations as jobs: one runs at a time (the simulator uses every core itself), at most
 * {@value #MAX_WAITING} wait, and the last {@value #KEPT} finished jobs are kept in memory for their
 * results. A job reports its phase and progress (steps done of the phase's total) while it runs.
 */
final class Jobs implements AutoCloseable {
    static final int MAX_WAITING = 4;
    static final int KEPT = 50;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "origin-simulations");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final TariffSchedule tariffs;
    private volatile List<Backtest.Row> backtest;
    private final Object backtestLock = new Object();

    Jobs(TariffSchedule tariffs) {
        this.tariffs = tariffs;
    }

    enum State { QUEUED, RUNNING, DONE, FAILED }

    /** What to simulate: the fleet, regimes (loaded, with overrides), settings, an optional sweep and Monte Carlo draws. */
    record Spec(Fleet fleet, boolean sampleFleet, List<Regime> regimes, Simulator.Settings settings, SweepSpec sweep,
                Map<String, String> sweepOverrides, int draws, long seed) {}

    record SweepSpec(String pack, String param, List<java.math.BigDecimal> thresholds) {}

    /** The results of a finished job. */
    record Result(List<Outcome> outcomes, List<Sweep.Point> sweep, MonteCarlo.Result uncertainty, List<Backtest.Row> backtest, String json) {}

    static final class Job {
        final String id;
        final String owner;
        final Spec spec;
        final Instant created = Instant.now();
        volatile State state = State.QUEUED;
        volatile String phase = "waiting";
        final AtomicInteger done = new AtomicInteger();
        volatile int total = 1;
        volatile Result result;
        volatile String failure;

        Job(String id, String owner, Spec spec) {
            this.id = id;
            this.owner = owner;
            this.spec = spec;
        }

        /** Percent of the current phase done, 0 to 100. */
        int percent() {
            return state == State.DONE ? 100 : (int) Math.min(100, 100L * done.get() / Math.max(1, total));
        }
    }

    synchronized Job submit(String owner, Spec spec) {
        long waiting = jobs.values().stream().filter(j -> j.state == State.QUEUED).count();
        if (waiting >= MAX_WAITING) throw ApiException.of(503, "", ErrorCode.SERVER_BUSY, waiting);
        String id = Accounts.secret().substring(0, 12).replace('-', 'x').replace('_', 'y');
        Job job = new Job(id, owner, spec);
        jobs.put(id, job);
        while (jobs.size() > KEPT) {
            String oldest = jobs.entrySet().stream().filter(e -> e.getValue().state == State.DONE || e.getValue().state == State.FAILED)
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            if (oldest == null) break;
            jobs.remove(oldest);
        }
        runner.submit(() -> run(job));
        return job;
    }

    synchronized Job get(String id) {
        return jobs.get(id);
    }

    /** Jobs, newest first. */
    synchronized List<Job> list() {
        List<Job> all = new ArrayList<>(jobs.values());
        java.util.Collections.reverse(all);
        return all;
    }

    private void run(Job job) {
        job.state = State.RUNNING;
        try {
            Spec s = job.spec;
            EngineCache cache = new EngineCache();
            Simulator sim = new Simulator(s.settings(), cache);
            phase(job, "simulating " + s.regimes().size() + " regimes x " + s.fleet().models().size() + " models", sim.steps(s.fleet(), s.regimes()));
            var decisions = sim.run(s.fleet(), s.regimes(), n -> job.done.set(n));
            List<Outcome> outcomes = new ArrayList<>();
            for (Regime r : s.regimes()) {
                if (decisions.containsKey(r.id())) outcomes.add(Outcome.of(r.id(), decisions.get(r.id()), s.settings())); // in the order asked for
            }
            List<Sweep.Point> curve = null;
            if (s.sweep() != null) {
                phase(job, "threshold sweep, " + s.sweep().thresholds().size() + " thresholds", Sweep.steps(s.fleet(), s.sweep().thresholds().size(), sim));
                curve = Sweep.run(s.fleet(), s.sweep().pack(), s.sweep().param(), s.sweep().thresholds(), s.sweepOverrides(), sim, s.settings(),
                        n -> job.done.set(n));
            }
            MonteCarlo.Result mc = null;
            if (s.draws() > 0) {
                phase(job, "Monte Carlo, " + s.draws() + " draws", MonteCarlo.steps(s.draws()));
                mc = new MonteCarlo(s.fleet(), s.regimes(), s.settings(), cache).run(s.draws(), s.seed(), n -> job.done.set(n));
            }
            List<Backtest.Row> bt = null;
            if (s.sampleFleet()) {
                phase(job, "backtest", 1);
                bt = backtest();
            }
            job.result = new Result(outcomes, curve, mc, bt, Report.json(outcomes, curve, s.sweep() == null ? null : s.sweep().pack(), mc));
            job.state = State.DONE;
            job.phase = "done";
        } catch (InputException e) {
            job.failure = e.problems().isEmpty() ? "invalid input" : e.problems().get(0).format();
            job.state = State.FAILED;
        } catch (RuntimeException e) {
            job.failure = "the simulation failed: " + e.getClass().getSimpleName();
            job.state = State.FAILED;
        }
    }

    /** The backtest of the sample fleet (the same for every job: computed once). */
    List<Backtest.Row> backtest() {
        List<Backtest.Row> b = backtest;
        if (b == null) {
            // not the jobs' monitor: the first computation takes seconds, and listing or submitting jobs must not wait for it
            synchronized (backtestLock) {
                if (backtest == null) backtest = new Backtest(dev.origin.io.fleet.FleetReader.sample(), tariffs).run();
                b = backtest;
            }
        }
        return b;
    }

    private static void phase(Job job, String phase, int total) {
        job.phase = phase;
        job.total = Math.max(1, total);
        job.done.set(0);
    }

    @Override public void close() {
        runner.shutdownNow();
    }
}
