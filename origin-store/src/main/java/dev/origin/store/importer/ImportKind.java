package dev.origin.store.importer;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The import templates (docs/workspace.md, "Import templates"): the columns of each kind, required first. A
 * workbook's sheets are imported in this order, so that a sheet may name what an earlier one adds.
 */
public enum ImportKind {
    PLANTS("plants", List.of("plant", "name", "country"), List.of()),
    SUPPLIERS("suppliers", List.of("supplier", "name", "country"), List.of("contact")),
    PARTS("parts", List.of("part", "description", "source"),
            List.of("plant", "supplier", "country", "hs", "hs_from", "destination", "vehicle", "use")),
    COSTS("costs", List.of("part", "valid_from"), List.of("unit_cost", "transaction_value", "international_shipping",
            "other_product_costs", "period_costs", "other_costs", "sales_promotion", "royalties", "shipping", "non_allowable_interest")),
    BOMS("boms", List.of("parent", "valid_from", "component", "quantity"), List.of("valid_to", "line")),
    DECLARATIONS("declarations", List.of("declaration", "supplier", "part", "valid_from", "valid_to", "statement"),
            List.of("criterion", "stated_rvc", "rvc_method", "withdrawn", "withdrawn_on", "received_on"));

    private final String label;
    private final List<String> required;
    private final List<String> optional;

    ImportKind(String label, List<String> required, List<String> optional) {
        this.label = label;
        this.required = required;
        this.optional = optional;
    }

    public String label() { return label; }

    public List<String> required() { return required; }

    public List<String> optional() { return optional; }

    /** Every column, required first. */
    public List<String> columns() {
        return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
    }

    /** The labels, for messages and {@code --kind}. */
    public static List<String> labels() {
        return java.util.Arrays.stream(values()).map(ImportKind::label).toList();
    }

    /** The kind a label, a file stem or a sheet name names (its start, singular or plural, any case). */
    public static Optional<ImportKind> named(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        for (ImportKind k : values()) {
            String singular = k.label.substring(0, k.label.length() - 1);
            if (n.startsWith(singular)) {
                return Optional.of(k);
            }
        }
        if (n.startsWith("bill")) {
            return Optional.of(BOMS);
        }
        return Optional.empty();
    }

    /** The kind a header shows by its distinctive columns. */
    public static Optional<ImportKind> of(List<String> header) {
        Set<String> h = Set.copyOf(header);
        if (h.contains("parent") && h.contains("component")) {
            return Optional.of(BOMS);
        }
        if (h.contains("declaration")) {
            return Optional.of(DECLARATIONS);
        }
        if (h.contains("part") && h.contains("description")) {
            return Optional.of(PARTS);
        }
        if (h.contains("part") && h.contains("valid_from")) {
            return Optional.of(COSTS);
        }
        if (h.contains("supplier") && h.contains("name")) {
            return Optional.of(SUPPLIERS);
        }
        if (h.contains("plant") && h.contains("name")) {
            return Optional.of(PLANTS);
        }
        return Optional.empty();
    }
}
