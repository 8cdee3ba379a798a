package dev.origin.store;

import java.math.BigDecimal;

/** One line of a BOM version: {@code quantity} units of the part {@code componentId}. */
public record BomLine(int lineNo, String componentId, BigDecimal quantity) {}
