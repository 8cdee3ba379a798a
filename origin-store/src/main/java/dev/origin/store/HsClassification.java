package dev.origin.store;

import java.time.LocalDate;

/** A part's HS classification from {@code validFrom} until the next classification of the part. */
public record HsClassification(String partId, LocalDate validFrom, String hs) {}
