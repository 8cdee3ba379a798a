package dev.origin.io.schedule;

import dev.origin.core.hs.HsRange;
import dev.origin.core.rules.Rule;
import java.util.List;

/**
 * One rule of Schedule I (one row of its tables).
 *
 * @param row       position of the row among the rule rows of Schedule I (1-based)
 * @param chapter   the chapter whose table holds the row, e.g. {@code 87}
 * @param provision the tariff provision column as written, e.g. {@code 8482.10-8482.80} or
 *                  {@code 2106.90.31,2106.90.32}
 * @param scope     the goods the rule applies to
 * @param text      the legal text of the rule (notes removed), alternatives labelled {@code (1)}, {@code (2)} ...
 * @param notes     notes printed in the rule cell (kept as text; they are not rules)
 * @param citation  {@code SOR/94-14 Sch. I, <provision>}
 * @param entries   the executable rule(s): usually one entry for the whole scope; several when the text
 *                  refers to the good's own provision ("from within that subheading") and the scope is a
 *                  range, which is then split per provision. Empty when flagged.
 * @param flag      why the rule is not executable; null when it is
 */
public record ImportedRule(int row, String chapter, String provision, List<HsRange> scope, String text,
                           List<String> notes, String citation, List<Entry> entries, Flag flag) {

    public ImportedRule {
        scope = List.copyOf(scope);
        notes = List.copyOf(notes);
        entries = List.copyOf(entries);
    }

    /** A pack rule: pack-unique id, scope and the parsed rule (without ids and citations). */
    public record Entry(String id, List<HsRange> scope, Rule rule) {
        public Entry { scope = List.copyOf(scope); }
    }

    /**
     * Why the rule is not executable.
     *
     * @param reason    the category
     * @param remainder the text from the first phrase that was not understood
     * @param detail    a human explanation (which alternative, what was expected)
     */
    public record Flag(FlagReason reason, String remainder, String detail) {}

    /** True when the whole text was understood. */
    public boolean executable() {
        return flag == null && !entries.isEmpty();
    }

    /** The parsed rule when the rule is executable as one entry; null otherwise. */
    public Rule rule() {
        return executable() && entries.size() == 1 ? entries.get(0).rule() : null;
    }
}
