package dev.origin.store;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.Diagnostic;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.model.Good;
import dev.origin.core.regime.Regime;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.io.ResultWriter;
import dev.origin.io.RulePackReader;
import dev.origin.io.TariffReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One evaluation of a stored input: the engine's input document read with {@link CaseFileReader}, evaluated by
 * the {@link Evaluator} under the pack with its overrides and the built-in tariff table, with the trace, and the
 * results document that the ledger stores as findings. The same function serves qualification and replay, so a
 * replay of an unchanged input under an unchanged pack and engine gives the same findings, byte for byte.
 *
 * @param findings the results document ({@code ResultWriter.json}) of the one determination
 */
public record Qualification(Determination determination, String findings, String regime, String packRevision, String packHash,
                            Map<String, String> params) {

    /**
     * Evaluates {@code document} (a case file with one good) under {@code regime} with {@code params} as of
     * {@code asOf}.
     *
     * @throws InputException when the pack cannot be read, or the document or the evaluation has errors (each
     *                        placed in {@code workspace} at the good's path)
     */
    public static Qualification evaluate(String document, String regime, Map<String, String> params, LocalDate asOf)
            throws InputException {
        return evaluate(document, Pack.load(regime, params), asOf);
    }

    /**
     * A rule pack loaded once, with its content hash, for runs that evaluate many goods (requalification, chase):
     * the same evaluation as {@link #evaluate(String, String, Map, LocalDate)} without reading the pack each time.
     */
    public record Pack(String regime, Map<String, String> params, Regime regimeRules, String hash, Evaluator evaluator) {
        /** Built-in packs already loaded, by regime and parameters (a built-in pack cannot change while the process runs). */
        private static final java.util.concurrent.ConcurrentHashMap<String, Pack> BUILT_IN = new java.util.concurrent.ConcurrentHashMap<>();
        private static final int MAX_CACHED = 64;

        /**
         * Loads {@code regime} with {@code params} and the built-in tariff table. A built-in pack is loaded once per
         * parameters and shared (the evaluator is immutable): reading and hashing the pack and the tariff table took
         * most of the time of one qualification of a stored part (the soak test of docs/RELIABILITY.md); a pack file
         * is read each time, since it may change on disk.
         */
        public static Pack load(String regime, Map<String, String> params) throws InputException {
            if (!RulePackReader.isBuiltIn(regime)) return read(regime, params);
            String key = regime + " " + new java.util.TreeMap<>(params);
            Pack p = BUILT_IN.get(key);
            if (p != null) return p;
            p = read(regime, params);
            if (BUILT_IN.size() >= MAX_CACHED) BUILT_IN.clear();
            BUILT_IN.put(key, p);
            return p;
        }

        private static Pack read(String regime, Map<String, String> params) throws InputException {
            Regime r = RulePackReader.load(regime, params);
            return new Pack(regime, Map.copyOf(params), r, PackRevision.of(regime, params), Evaluator.of(r, TariffReader.builtIn()));
        }
    }

    /** As {@link #evaluate(String, String, Map, LocalDate)} with a pack already loaded. */
    public static Qualification evaluate(String document, Pack pack, LocalDate asOf) throws InputException {
        List<Good> goods = CaseFileReader.read(document, GoodInputs.SOURCE, false);
        Determination d = pack.evaluator().evaluate(goods.get(0), asOf, true);
        if (d.hasErrors()) {
            List<Problem> problems = new ArrayList<>();
            for (Diagnostic x : d.diagnostics()) {
                if (x.isError()) {
                    problems.add(new Problem(GoodInputs.SOURCE, 0, 0, d.good() + (x.path() == null || x.path().isEmpty() ? "" : "/" + x.path()),
                            x.code(), x.message(), d.good(), x.severity()));
                }
            }
            throw new InputException(problems);
        }
        return new Qualification(d, ResultWriter.json(List.of(d)), pack.regime(), pack.regimeRules().revision(), pack.hash(),
                pack.params());
    }

    /** The ledger entry to append for this evaluation of {@code input}. */
    public NewDetermination toLedger(GoodInput input, String reason) {
        return new NewDetermination(input.partId(), regime, packRevision, packHash, params, EngineVersion.get(), determination.date(),
                determination.status().name(), input.hash(), input.document(), findings, Evidence.json(input), reason);
    }
}
