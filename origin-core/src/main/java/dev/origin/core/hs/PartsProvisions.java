package dev.origin.core.hs;

import java.util.Optional;

/** Provisional: the HS provisions that provide for both a good and its parts (table to come). */
public final class PartsProvisions {
    private PartsProvisions() {}

    public static Optional<Provision> forGood(HsCode good, HsEdition edition) {
        return Optional.empty();
    }

    public record Provision(String code, String description) {}
}
