package dev.origin.io.catalog;

import dev.origin.core.rules.Rule;
import dev.origin.core.rules.RuleSyntax;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parsed {@code rule} cells by their text, shared by every catalog reader in this JVM (on Spark: by every task of an
 * executor). A catalog names few distinct rules (one per product-specific rule it uses) over many goods, and parsing
 * the text was most of the CPU of building a good from its rows (docs/PERFORMANCE.md, "Apache Spark"). Rules are
 * immutable, so one parsed rule serves every good and thread.
 *
 * <p>Bounded: the shared cache keeps at most {@link #MAX_ENTRIES} texts of at most {@link #MAX_TEXT} characters; once full, a new
 * text is parsed each time it occurs (nothing is evicted, so the rules met first stay). A text that does not parse is
 * not kept: its {@link dev.origin.core.rules.RuleSyntaxException} is thrown every time, as without the cache.
 * Thread-safe (a {@link ConcurrentHashMap}; two threads meeting a new text at once may both parse it).
 */
final class RuleCache {
    static final int MAX_ENTRIES = 4096, MAX_TEXT = 4096;

    /** The cache of this JVM, used by {@link CatalogTables#toGood}. */
    static final RuleCache SHARED = new RuleCache(MAX_ENTRIES, MAX_TEXT);

    private final ConcurrentHashMap<String, Rule> rules = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger held = new java.util.concurrent.atomic.AtomicInteger();
    private final int maxEntries, maxText;

    RuleCache(int maxEntries, int maxText) {
        this.maxEntries = maxEntries;
        this.maxText = maxText;
    }

    /** The rule {@code text} denotes, as {@link RuleSyntax#parse(String)} gives it. */
    Rule parse(String text) {
        Rule r = rules.get(text);
        if (r != null) return r;
        r = RuleSyntax.parse(text);
        if (text.length() <= maxText && held.get() < maxEntries) {
            // a place is taken before the text is put, so that threads putting at once never exceed the bound
            if (held.incrementAndGet() > maxEntries || rules.putIfAbsent(text, r) != null) held.decrementAndGet();
        }
        return r;
    }

    /** Texts held. */
    int size() { return rules.size(); }
}
