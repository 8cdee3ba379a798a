-- Effective-dated bills of materials. A version of a part's BOM applies from valid_from to
-- valid_to (inclusive; null = open-ended); the version in force on a date is the one with the
-- latest valid_from on or before it whose valid_to is null or not before it. Multi-level: a line's
-- component may have BOM versions of its own (a part made in-house).
CREATE TABLE bom_versions (
    part_id     VARCHAR(64) NOT NULL REFERENCES parts (part_id),
    valid_from  DATE        NOT NULL,
    valid_to    DATE,
    PRIMARY KEY (part_id, valid_from),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE TABLE bom_lines (
    part_id      VARCHAR(64)    NOT NULL,
    valid_from   DATE           NOT NULL,
    line_no      INTEGER        NOT NULL,
    component_id VARCHAR(64)    NOT NULL REFERENCES parts (part_id),
    quantity     NUMERIC(18, 6) NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (part_id, valid_from, line_no),
    UNIQUE (part_id, valid_from, component_id),
    FOREIGN KEY (part_id, valid_from) REFERENCES bom_versions (part_id, valid_from)
);
CREATE INDEX bom_lines_component ON bom_lines (component_id);
