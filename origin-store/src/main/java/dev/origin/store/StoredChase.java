package dev.origin.store;

import dev.origin.core.model.Good;
import dev.origin.io.CaseFileReader;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import dev.origin.store.chase.ChaseRanker;
import dev.origin.store.chase.DeclarationKey;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * "Who to chase first" on the workspace: every good (finished part, or part with a determination) is built from the
 * workspace as of the date and evaluated; the missing declarations of the UNDETERMINED ones are ranked by
 * {@link ChaseRanker}. A material's declaration is asked of the supplier its part is bought from. Goods the workspace
 * cannot build (data gaps) are left out and listed. The workspace records no sales volumes, so stakes are per unit of
 * each good.
 */
public final class StoredChase {
    private StoredChase() {}

    /**
     * The ranking, the suppliers by id, and the goods left out with their problems.
     */
    public record Result(ChaseRanker.Ranking ranking, Map<String, Supplier> suppliers, List<Problem> skipped, int goods) {}

    public static Result rank(Workspace ws, Qualification.Pack pack, LocalDate asOf) {
        return ws.read(tx -> {
            Set<String> goods = new LinkedHashSet<>();
            for (Part p : tx.parts().finished()) goods.add(p.id());
            goods.addAll(Sql.list(tx.connection(), "SELECT DISTINCT part_id FROM determinations WHERE regime = ? ORDER BY part_id",
                    rs -> rs.getString(1), pack.regime()));
            Map<String, String> supplierOf = new HashMap<>();
            Map<String, String> description = new HashMap<>();
            for (Part p : tx.parts().all()) {
                if (p.supplierId() != null) supplierOf.put(p.id(), p.supplierId());
                description.put(p.id(), p.description());
            }
            List<ChaseRanker.Subject> subjects = new ArrayList<>();
            List<Problem> skipped = new ArrayList<>();
            for (String g : goods) {
                try {
                    GoodInput in = GoodInputs.build(tx, g, asOf);
                    Good good = CaseFileReader.read(in.document(), GoodInputs.SOURCE, false).get(0);
                    subjects.add(new ChaseRanker.Subject(good, description.getOrDefault(g, g), 1));
                } catch (InputException e) {
                    skipped.addAll(e.problems());
                }
            }
            ChaseRanker ranker = new ChaseRanker(pack.evaluator(), asOf, m -> new DeclarationKey(supplierOf.get(m.id()), m.id()));
            Map<String, Supplier> suppliers = new HashMap<>();
            for (Supplier s : tx.suppliers().all()) suppliers.put(s.id(), s);
            return new Result(ranker.rank(subjects), suppliers, skipped, subjects.size());
        });
    }
}
