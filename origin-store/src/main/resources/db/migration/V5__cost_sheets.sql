-- Cost sheets, effective-dated per part (amounts per unit, US dollars, 2 decimals).
-- A bought part's unit_cost is its purchase price (the value of the material line).
-- A made part's sheet gives the costs of making it beside its materials (other product costs,
-- period costs, other costs, the excluded costs contained in them) and, for a good sold, its
-- transaction value and the international shipping included in it.
CREATE TABLE cost_sheets (
    part_id                VARCHAR(64)    NOT NULL REFERENCES parts (part_id),
    valid_from             DATE           NOT NULL,
    unit_cost              NUMERIC(18, 2),
    transaction_value      NUMERIC(18, 2),
    international_shipping NUMERIC(18, 2),
    other_product_costs    NUMERIC(18, 2),
    period_costs           NUMERIC(18, 2),
    other_costs            NUMERIC(18, 2),
    sales_promotion        NUMERIC(18, 2),
    royalties              NUMERIC(18, 2),
    shipping               NUMERIC(18, 2),
    non_allowable_interest NUMERIC(18, 2),
    PRIMARY KEY (part_id, valid_from)
);
