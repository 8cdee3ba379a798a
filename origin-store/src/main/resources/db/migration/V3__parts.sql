-- Parts: every item that appears in a bill of materials, finished goods included.
-- source: MAKE (produced at a plant, from its own BOM) or BUY (bought from a supplier).
-- HS classification is kept as a history: one row per classification, effective from a date,
-- so that a determination as of an earlier date uses the classification of that date.
CREATE TABLE parts (
    part_id      VARCHAR(64)  PRIMARY KEY,
    description  VARCHAR(512) NOT NULL,
    source       VARCHAR(8)   NOT NULL CHECK (source IN ('MAKE', 'BUY')),
    plant_id     VARCHAR(64)  REFERENCES plants (plant_id),
    supplier_id  VARCHAR(64)  REFERENCES suppliers (supplier_id),
    country      CHAR(2),
    destination  CHAR(2),
    vehicle      VARCHAR(32),
    use_kind     VARCHAR(32)
);

CREATE TABLE part_hs (
    part_id     VARCHAR(64) NOT NULL REFERENCES parts (part_id),
    valid_from  DATE        NOT NULL,
    hs          VARCHAR(16) NOT NULL,
    PRIMARY KEY (part_id, valid_from)
);
