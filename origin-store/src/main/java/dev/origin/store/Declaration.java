package dev.origin.store;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A supplier's declaration (certification) of origin for the parts it covers, blanket over {@code validFrom} to
 * {@code validTo} inclusive (at most 12 months, USMCA Article 5.2.4(b)).
 *
 * @param criterion   the origin criterion A-D of an originating statement (USMCA Annex 5-A element 7); null otherwise
 * @param statedRvc   the RVC the supplier states, or null
 * @param rvcMethod   {@code NC} or {@code TV} for a stated RVC, or null
 * @param withdrawnOn the day a withdrawn declaration stops counting (null: withdrawn from its start, or not withdrawn)
 */
public record Declaration(String id, String supplierId, LocalDate validFrom, LocalDate validTo, Statement statement,
                          String criterion, BigDecimal statedRvc, String rvcMethod, boolean withdrawn, LocalDate withdrawnOn,
                          LocalDate receivedOn, List<String> parts) {

    /** What the declaration states about the parts it covers. */
    public enum Statement { ORIGINATING, NON_ORIGINATING }

    public Declaration {
        parts = List.copyOf(parts);
    }

    /**
     * True when the declaration can be relied on for goods produced on {@code date}: inside its blanket period and
     * not withdrawn by then.
     */
    public boolean validOn(LocalDate date) {
        if (date.isBefore(validFrom) || date.isAfter(validTo)) {
            return false;
        }
        return !withdrawn || (withdrawnOn != null && date.isBefore(withdrawnOn));
    }

    /** The same declaration, withdrawn from {@code on}. */
    public Declaration withdrawnFrom(LocalDate on) {
        return new Declaration(id, supplierId, validFrom, validTo, statement, criterion, statedRvc, rvcMethod, true, on, receivedOn, parts);
    }
}
