package dev.origin.store;

/**
 * An item of the workspace: a finished good, a sub-assembly made in-house, or a bought component.
 *
 * @param source      {@link Source#MAKE} (produced at {@code plantId} from its own BOM) or {@link Source#BUY}
 *                    (bought from {@code supplierId})
 * @param country     where a bought part is produced, when it is not the supplier's country; null otherwise
 * @param destination the importing country a finished good is sold into (the tariff consequence), or null
 * @param vehicle     the case file's {@code vehicle} (e.g. {@code passenger-vehicle}), or null
 * @param use         the case file's {@code use} ({@code original-equipment}, {@code aftermarket}), or null
 */
public record Part(String id, String description, Source source, String plantId, String supplierId, String country,
                   String destination, String vehicle, String use) {

    /** Make or buy. */
    public enum Source { MAKE, BUY }
}
