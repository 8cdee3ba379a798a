package dev.origin.store;

import java.math.BigDecimal;

/**
 * One material line of a good's input as of a date, with where its figures came from: the audit file's BOM table.
 *
 * @param path        the material's BOM path in the input document ({@code BRK-100/CAL-200/PST-01})
 * @param level       1 for a line of the good's own BOM, 2 for a line of a sub-assembly's, ...
 * @param quantity    units per unit of the good (the product of the quantities along the path)
 * @param value       the line's value (quantity times unit cost); null for a sub-assembly made in-house, whose
 *                    value is its cost as evaluated
 * @param origin      {@code originating}, {@code non-originating}, {@code unknown}, or {@code self-produced}
 * @param basis       why: {@code declaration}, {@code produced outside the territory}, {@code no valid declaration},
 *                    {@code made in-house}
 * @param declaration the declaration relied on, or null
 */
public record InputLine(String path, int level, String partId, String description, String hs, BigDecimal quantity,
                       BigDecimal value, String origin, String country, String supplierId, String basis, Declaration declaration) {}
