-- Plants (where the workspace's producer makes goods) and suppliers (who sells it materials).
-- Ids are the user's own codes, kept as given (case-sensitive, at most 64 characters).
CREATE TABLE plants (
    plant_id   VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(256) NOT NULL,
    country    CHAR(2)      NOT NULL
);

CREATE TABLE suppliers (
    supplier_id VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(256) NOT NULL,
    country     CHAR(2)      NOT NULL,
    contact     VARCHAR(256)
);
