package dev.origin.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.origin.core.engine.ErrorCode;
import dev.origin.io.InputException;
import dev.origin.io.Problem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the engine's input for a stored part as of a date (see docs/workspace.md, "From the workspace to the
 * engine"):
 *
 * <ul>
 *   <li>the good: its HS classification on the date, its plant's country, destination, vehicle and use, and its
 *       cost sheet in force (other product, period and other costs, excluded costs, transaction value);</li>
 *   <li>each line of its BOM version in force, recursively: a part made in-house becomes a self-produced material
 *       with its own costs and materials, scaled by the quantity used; a bought part becomes a material worth
 *       quantity times its unit cost (rounded half-up to the cent), whose origin is
 *       <ul><li>non-originating when it is produced outside the USMCA/NAFTA territory (US, CA, MX);</li>
 *           <li>else as stated by the supplier's declaration covering it and valid on the date;</li>
 *           <li>else unknown, so the good is UNDETERMINED while the declaration is missing.</li></ul></li>
 * </ul>
 *
 * Every data gap (no classification, no BOM in force for a made part, no unit cost) is reported, not guessed.
 */
public final class GoodInputs {
    /** The parties of USMCA and NAFTA: a material produced elsewhere is non-originating. */
    public static final Set<String> TERRITORY = Set.of("US", "CA", "MX");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** Where problems are placed: the workspace, not a file. */
    public static final String SOURCE = "workspace";

    private final Tx tx;
    private final LocalDate asOf;
    private final List<Problem> problems = new ArrayList<>();
    private final List<InputLine> lines = new ArrayList<>();

    private GoodInputs(Tx tx, LocalDate asOf) {
        this.tx = tx;
        this.asOf = asOf;
    }

    /**
     * The input of part {@code partId} as of {@code asOf}.
     *
     * @throws InputException with every data gap found (codes UNKNOWN_PART, NOT_CLASSIFIED, NO_BOM, NO_UNIT_COST,
     *                        NO_COST_SHEET, BOM_CYCLE), each placed at {@code workspace} with the part's path
     */
    public static GoodInput build(Tx tx, String partId, LocalDate asOf) throws InputException {
        return new GoodInputs(tx, asOf).good(partId);
    }

    private GoodInput good(String partId) throws InputException {
        Optional<Part> found = tx.parts().get(partId);
        if (found.isEmpty()) {
            throw new InputException(List.of(Problem.of(SOURCE, 0, 0, partId, ErrorCode.UNKNOWN_PART, partId)));
        }
        Part part = found.get();
        ObjectNode good = JSON.createObjectNode();
        good.put("id", part.id());
        good.put("hs", hs(part, part.id()));
        good.putObject("producer").put("country", producerCountry(part));
        if (part.destination() != null) {
            good.put("destination", part.destination());
        }
        good.put("date", asOf.toString());
        if (part.use() != null) {
            good.put("use", part.use());
        }
        if (part.vehicle() != null) {
            good.put("vehicle", part.vehicle());
        }
        Optional<CostSheet> sheet = tx.costs().on(part.id(), asOf);
        sheet.map(CostSheet::transactionValue).ifPresent(v -> good.put("transactionValue", v.toPlainString()));
        sheet.map(CostSheet::internationalShipping).ifPresent(v -> good.put("internationalShipping", v.toPlainString()));
        sheet.ifPresent(s -> costs(good, s, BigDecimal.ONE));
        Optional<BomVersion> bom = tx.boms().on(part.id(), asOf);
        if (bom.isEmpty()) {
            problems.add(Problem.of(SOURCE, 0, 0, part.id(), ErrorCode.NO_BOM, part.id(), asOf));
        } else {
            Set<String> path = new HashSet<>(List.of(part.id()));
            good.set("materials", materials(bom.get(), part.id(), 1, BigDecimal.ONE, path));
        }
        if (!problems.isEmpty()) {
            throw new InputException(problems);
        }
        ObjectNode doc = JSON.createObjectNode();
        doc.putArray("goods").add(good);
        String text;
        try {
            text = JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return new GoodInput(part.id(), asOf, text, Hashes.sha256(text), lines);
    }

    private ArrayNode materials(BomVersion bom, String path, int level, BigDecimal multiplier, Set<String> onPath) {
        ArrayNode out = JSON.createArrayNode();
        for (BomLine l : bom.lines()) {
            String here = path + "/" + l.componentId();
            Optional<Part> found = tx.parts().get(l.componentId());
            if (found.isEmpty()) {
                problems.add(Problem.of(SOURCE, 0, 0, here, ErrorCode.UNKNOWN_PART, l.componentId()));
                continue;
            }
            Part c = found.get();
            BigDecimal qty = multiplier.multiply(l.quantity());
            ObjectNode m = out.addObject();
            m.put("id", c.id());
            String hs = hs(c, here);
            m.put("hs", hs);
            if (c.source() == Part.Source.MAKE) {
                if (!onPath.add(c.id())) {
                    problems.add(Problem.of(SOURCE, 0, 0, here, ErrorCode.BOM_CYCLE, here));
                    continue;
                }
                String country = producerCountry(c);
                m.put("country", country);
                m.put("selfProduced", true);
                lines.add(new InputLine(here, level, c.id(), c.description(), hs, qty, null, "self-produced", country, null, "made in-house",
                        null));
                Optional<CostSheet> sheet = tx.costs().on(c.id(), asOf);
                if (sheet.isEmpty()) {
                    problems.add(Problem.of(SOURCE, 0, 0, here, ErrorCode.NO_COST_SHEET, c.id(), asOf));
                } else {
                    costs(m, sheet.get(), qty);
                }
                Optional<BomVersion> sub = tx.boms().on(c.id(), asOf);
                if (sub.isEmpty()) {
                    problems.add(Problem.of(SOURCE, 0, 0, here, ErrorCode.NO_BOM, c.id(), asOf));
                } else {
                    m.set("materials", materials(sub.get(), here, level + 1, qty, onPath));
                }
                onPath.remove(c.id());
                continue;
            }
            Optional<BigDecimal> unit = tx.costs().on(c.id(), asOf).map(CostSheet::unitCost);
            BigDecimal value = null;
            if (unit.isEmpty()) {
                problems.add(Problem.of(SOURCE, 0, 0, here, ErrorCode.NO_UNIT_COST, c.id(), asOf));
            } else {
                value = qty.multiply(unit.get()).setScale(2, RoundingMode.HALF_UP);
                m.put("value", value.toPlainString());
            }
            Optional<Supplier> supplier = c.supplierId() == null ? Optional.empty() : tx.suppliers().get(c.supplierId());
            String country = c.country() != null ? c.country() : supplier.map(Supplier::country).orElse(null);
            String origin;
            String basis;
            Declaration relied = null;
            if (country != null && !TERRITORY.contains(country)) {
                origin = "non-originating";
                basis = "produced outside the territory";
            } else {
                relied = c.supplierId() == null ? null : tx.declarations().validFor(c.id(), c.supplierId(), asOf).orElse(null);
                if (relied == null) {
                    origin = "unknown";
                    basis = "no valid declaration";
                } else {
                    origin = relied.statement() == Declaration.Statement.ORIGINATING ? "originating" : "non-originating";
                    basis = "declaration";
                }
            }
            m.put("origin", origin);
            if (country != null) {
                m.put("country", country);
            }
            lines.add(new InputLine(here, level, c.id(), c.description(), hs, qty, value, origin, country, c.supplierId(), basis, relied));
        }
        return out;
    }

    /** The cost sheet's amounts (other than materials) into {@code node}'s {@code costs}, times {@code qty}. */
    private static void costs(ObjectNode node, CostSheet s, BigDecimal qty) {
        ObjectNode costs = node.putObject("costs");
        amount(costs, "otherProductCosts", s.otherProductCosts(), qty);
        amount(costs, "periodCosts", s.periodCosts(), qty);
        amount(costs, "otherCosts", s.otherCosts(), qty);
        ObjectNode excluded = JSON.createObjectNode();
        amount(excluded, "salesPromotion", s.salesPromotion(), qty);
        amount(excluded, "royalties", s.royalties(), qty);
        amount(excluded, "shipping", s.shipping(), qty);
        amount(excluded, "nonAllowableInterest", s.nonAllowableInterest(), qty);
        if (!excluded.isEmpty()) {
            costs.set("excludedCosts", excluded);
        }
    }

    private static void amount(ObjectNode node, String field, BigDecimal v, BigDecimal qty) {
        if (v != null) {
            node.put(field, v.multiply(qty).setScale(2, RoundingMode.HALF_UP).toPlainString());
        }
    }

    private String hs(Part p, String path) {
        Optional<String> hs = tx.parts().hsOn(p.id(), asOf);
        if (hs.isEmpty()) {
            problems.add(Problem.of(SOURCE, 0, 0, path, ErrorCode.NOT_CLASSIFIED, p.id(), asOf));
            return "0000.00";
        }
        return hs.get();
    }

    /** Where a made part is produced: its own country if given, else its plant's (imports require one of them). */
    private String producerCountry(Part p) {
        if (p.country() != null) {
            return p.country();
        }
        Optional<String> plant = p.plantId() == null ? Optional.empty() : tx.plants().get(p.plantId()).map(Plant::country);
        if (plant.isEmpty()) {
            problems.add(Problem.of(SOURCE, 0, 0, p.id(), ErrorCode.NOT_IN_WORKSPACE, "plant", String.valueOf(p.plantId())));
            return "US";
        }
        return plant.get();
    }
}
