-- Supplier declarations (certifications of origin received from suppliers). A blanket declaration
-- covers the listed parts for a period of at most 12 months (USMCA Article 5.2.4(b), Annex 5-A
-- element 9). statement: ORIGINATING (with the origin criterion A-D) or NON_ORIGINATING.
-- stated_rvc: the RVC the supplier states, where it does (informational; audit file).
-- A withdrawn declaration is kept (withdrawn = true) so that determinations that relied on it stay
-- explainable; it no longer counts from the day it is withdrawn.
CREATE TABLE declarations (
    declaration_id VARCHAR(64)   PRIMARY KEY,
    supplier_id    VARCHAR(64)   NOT NULL REFERENCES suppliers (supplier_id),
    valid_from     DATE          NOT NULL,
    valid_to       DATE          NOT NULL,
    statement      VARCHAR(20)   NOT NULL CHECK (statement IN ('ORIGINATING', 'NON_ORIGINATING')),
    criterion      CHAR(1)       CHECK (criterion IN ('A', 'B', 'C', 'D')),
    stated_rvc     NUMERIC(9, 4),
    rvc_method     VARCHAR(8)    CHECK (rvc_method IN ('NC', 'TV')),
    withdrawn      BOOLEAN       NOT NULL DEFAULT FALSE,
    withdrawn_on   DATE,
    received_on    DATE,
    CHECK (valid_to >= valid_from),
    CHECK (statement = 'NON_ORIGINATING' OR criterion IS NOT NULL)
);

CREATE TABLE declaration_parts (
    declaration_id VARCHAR(64) NOT NULL REFERENCES declarations (declaration_id),
    part_id        VARCHAR(64) NOT NULL REFERENCES parts (part_id),
    PRIMARY KEY (declaration_id, part_id)
);
CREATE INDEX declaration_parts_part ON declaration_parts (part_id);
