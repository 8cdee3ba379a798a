package dev.origin.core.engine;

import java.math.BigDecimal;

/**
 * One evaluated requirement: a leaf rule (or a general provision such as de minimis).
 *
 * @param met   TRUE, FALSE, or null when it could not be evaluated (see the diagnostics)
 * @param value computed percentage where the requirement is a threshold test (unrounded), else null
 * @param min   threshold applied, else null
 */
public record Requirement(String id, String kind, Boolean met, BigDecimal value, BigDecimal min,
                          String citation, String note) {}
