package dev.origin.core.engine;

import dev.origin.core.rules.RvcMethod;
import java.math.BigDecimal;

/**
 * Regional value content computed for the deciding RVC rule.
 *
 * @param value            unrounded percentage (exact ratio, given to 10 decimals, truncated)
 * @param netCost          net cost used (null when the TV method decided)
 * @param transactionValue adjusted transaction value used (null when the NC method decided)
 */
public record RvcResult(RvcMethod method, BigDecimal value, BigDecimal min, BigDecimal netCost,
                        BigDecimal transactionValue, BigDecimal vnm, boolean met) {}
