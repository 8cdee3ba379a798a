package dev.origin.core.regime;

/**
 * How criterion (d) reads the good's provision (named option `parts-rule`, docs/parts-rule.md): it
 * must provide for both the good and its parts (`goods-and-parts`), or any material of the same
 * subheading or undivided heading qualifies (`literal`, SOR/2020-155 s.3(4)(a) as written).
 */
public enum PartsRuleReading implements dev.origin.core.model.Labelled {
    GOODS_AND_PARTS("goods-and-parts"),
    LITERAL("literal");

    private final String label;

    PartsRuleReading(String label) { this.label = label; }

    @Override public String label() { return label; }

    /** The constant named by {@code word}, or null when none is. */
    public static PartsRuleReading parse(String word) {
        return dev.origin.core.model.Labelled.parse(PartsRuleReading.class, word);
    }

    /** Every word, for messages and validation. */
    public static java.util.List<String> labels() {
        return dev.origin.core.model.Labelled.labels(PartsRuleReading.class);
    }

    @Override public String toString() { return label; }
}
