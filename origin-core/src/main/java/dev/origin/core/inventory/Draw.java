package dev.origin.core.inventory;

import java.math.BigDecimal;

/**
 * Units of one receipt considered withdrawn under the FIFO or LIFO method.
 *
 * @param receipt  the receipt drawn from
 * @param quantity units drawn
 * @param value    value of those units, or null when unvalued
 */
public record Draw(Receipt receipt, BigDecimal quantity, BigDecimal value) { }
