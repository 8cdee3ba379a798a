package dev.origin.spark;

import dev.origin.core.engine.Determination;
import dev.origin.core.engine.ErrorCode;
import dev.origin.core.engine.ErrorCode.Variant;
import dev.origin.core.engine.Evaluator;
import dev.origin.core.model.Good;
import dev.origin.io.Problem;
import dev.origin.io.catalog.CatalogTables;
import dev.origin.io.catalog.GoodRow;
import dev.origin.io.catalog.LineRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.sql.Row;

/**
 * One good on an executor: its goods row and all its lines (grouped by {@code good_id} by Spark), built
 * into a {@link Good} by the catalog reader's {@link CatalogTables#toGood} and evaluated by the one
 * {@link Evaluator} (no trace, as in every bulk run). Gives exactly one output row per good id; rows that
 * cannot make a good give a row with their problems instead of a verdict.
 */
final class QualifyGroup implements CoGroupFunction<String, Row, Row, Row> {
    private static final long serialVersionUID = 1L;

    private final EngineSource engine;
    private final LocalDate date;
    private final String goodsFile;
    private final String linesFile;

    QualifyGroup(EngineSource engine, LocalDate date, String goodsFile, String linesFile) {
        this.engine = engine;
        this.date = date;
        this.goodsFile = goodsFile;
        this.linesFile = linesFile;
    }

    @Override
    public Iterator<Row> call(String id, Iterator<Row> goodRows, Iterator<Row> lineRows) {
        return List.of(qualify(id, goodRows, lineRows)).iterator();
    }

    Row qualify(String id, Iterator<Row> goodRows, Iterator<Row> lineRows) {
        Evaluator ev = engine.evaluator();
        List<GoodRow> goods = new ArrayList<>(1);
        goodRows.forEachRemaining(r -> goods.add(CatalogRows.good(r)));
        List<LineRow> lines = new ArrayList<>();
        lineRows.forEachRemaining(r -> lines.add(CatalogRows.line(r)));
        List<Problem> problems = new ArrayList<>();
        if (goods.isEmpty()) {
            problems.add(id == null ? Problem.of(linesFile, 0, 0, "good_id", ErrorCode.EMPTY_VALUE, "good_id")
                    : Problem.of(linesFile, 0, 0, "good_id", Variant.LINE_OF_UNKNOWN_GOOD, id).forGood(id));
        } else if (goods.size() > 1 && id != null) {
            problems.add(Problem.of(goodsFile, 0, 0, "good_id", ErrorCode.DUPLICATE_ID, "good", id).forGood(id));
        } else {
            if (id == null && !lines.isEmpty()) problems.add(Problem.of(linesFile, 0, 0, "good_id", ErrorCode.EMPTY_VALUE, "good_id"));
            Good good = null;
            for (GoodRow g : goods) good = CatalogTables.toGood(g, id == null ? List.of() : lines, goodsFile, linesFile, problems);
            if (problems.isEmpty() && good != null) {
                Determination d = ev.evaluate(good, date, false);
                return ResultSchema.of(d);
            }
        }
        return ResultSchema.invalid(id, ev.regime().id(), ev.regime().revision(), date, problems);
    }
}
