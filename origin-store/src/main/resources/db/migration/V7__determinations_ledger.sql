-- The determinations ledger: append-only. Each entry keeps the engine's input document (a case
-- file built from the workspace as of the date; inputs_hash is its SHA-256), the rule pack (id,
-- declared revision, content hash, parameter overrides), the engine version, the date the rules
-- were applied as of, the verdict, the full findings (the results JSON with its trace) and the
-- evidence (JSON: each BOM line's part, description, HS, quantity, value, origin and its basis, and
-- the supplier declarations relied on, as they stood), which the audit file exports.
-- Entries are chained: entry_hash = SHA-256 over prev_hash and the entry's fields, so that a
-- change to any stored entry is detectable (Ledger.verify). ledger_head holds the last entry and
-- serialises writers (each append updates its single row in the appending transaction).
-- The application never updates or deletes an entry; triggers (db/vendor/*) refuse it.
CREATE TABLE determinations (
    id              BIGINT                   PRIMARY KEY,
    part_id         VARCHAR(64)              NOT NULL,
    regime          VARCHAR(256)             NOT NULL,
    pack_revision   VARCHAR(128),
    pack_hash       VARCHAR(80)              NOT NULL,
    params          VARCHAR(4000)            NOT NULL,
    engine_version  VARCHAR(64)              NOT NULL,
    as_of           DATE                     NOT NULL,
    verdict         VARCHAR(20)              NOT NULL,
    inputs_hash     VARCHAR(80)              NOT NULL,
    input_document  TEXT                     NOT NULL,
    findings        TEXT                     NOT NULL,
    evidence        TEXT                     NOT NULL,
    reason          VARCHAR(1000)            NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    prev_hash       VARCHAR(80)              NOT NULL,
    entry_hash      VARCHAR(80)              NOT NULL UNIQUE
);
CREATE INDEX determinations_part ON determinations (part_id, id);

CREATE TABLE ledger_head (
    head_id    INTEGER     PRIMARY KEY CHECK (head_id = 1),
    last_id    BIGINT      NOT NULL,
    last_hash  VARCHAR(80) NOT NULL
);
INSERT INTO ledger_head (head_id, last_id, last_hash) VALUES (1, 0, 'sha256:0');
