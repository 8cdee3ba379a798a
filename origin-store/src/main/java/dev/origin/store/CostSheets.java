package dev.origin.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Effective-dated cost sheets of parts. */
public final class CostSheets {
    private final Connection c;

    CostSheets(Connection c) {
        this.c = c;
    }

    /** The part's sheets, oldest first. */
    public List<CostSheet> history(String partId) {
        return Sql.list(c, "SELECT * FROM cost_sheets WHERE part_id = ? ORDER BY valid_from", CostSheets::row, partId);
    }

    /** The sheet in force on {@code date}: the one with the latest start on or before it. */
    public Optional<CostSheet> on(String partId, LocalDate date) {
        return Sql.one(c, "SELECT * FROM cost_sheets WHERE part_id = ? AND valid_from <= ? ORDER BY valid_from DESC",
                CostSheets::row, partId, date);
    }

    /** Stores {@code s} (replacing the part's sheet from the same date): unchanged when equal. */
    public Change put(CostSheet s) {
        CostSheet n = normalised(s);
        Optional<CostSheet> old = Sql.one(c, "SELECT * FROM cost_sheets WHERE part_id = ? AND valid_from = ?", CostSheets::row,
                s.partId(), s.validFrom());
        if (old.isPresent() && old.get().equals(n)) {
            return Change.UNCHANGED;
        }
        if (old.isPresent()) {
            Sql.update(c, "DELETE FROM cost_sheets WHERE part_id = ? AND valid_from = ?", s.partId(), s.validFrom());
        }
        Sql.update(c, "INSERT INTO cost_sheets (part_id, valid_from, unit_cost, transaction_value, international_shipping,"
                + " other_product_costs, period_costs, other_costs, sales_promotion, royalties, shipping, non_allowable_interest)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", n.partId(), n.validFrom(), n.unitCost(), n.transactionValue(),
                n.internationalShipping(), n.otherProductCosts(), n.periodCosts(), n.otherCosts(), n.salesPromotion(), n.royalties(),
                n.shipping(), n.nonAllowableInterest());
        return old.isPresent() ? Change.CHANGED : Change.ADDED;
    }

    static CostSheet normalised(CostSheet s) {
        return new CostSheet(s.partId(), s.validFrom(), Sql.money(s.unitCost()), Sql.money(s.transactionValue()),
                Sql.money(s.internationalShipping()), Sql.money(s.otherProductCosts()), Sql.money(s.periodCosts()),
                Sql.money(s.otherCosts()), Sql.money(s.salesPromotion()), Sql.money(s.royalties()), Sql.money(s.shipping()),
                Sql.money(s.nonAllowableInterest()));
    }

    private static CostSheet row(ResultSet rs) throws SQLException {
        return normalised(new CostSheet(rs.getString("part_id"), Sql.date(rs, "valid_from"), rs.getBigDecimal("unit_cost"),
                rs.getBigDecimal("transaction_value"), rs.getBigDecimal("international_shipping"), rs.getBigDecimal("other_product_costs"),
                rs.getBigDecimal("period_costs"), rs.getBigDecimal("other_costs"), rs.getBigDecimal("sales_promotion"),
                rs.getBigDecimal("royalties"), rs.getBigDecimal("shipping"), rs.getBigDecimal("non_allowable_interest")));
    }
}
