-- H2: the determinations ledger refuses UPDATE and DELETE (a Java trigger; H2 has no TRUNCATE trigger,
-- and TRUNCATE of a table referenced by nothing cannot be refused: see docs/workspace.md).
CREATE TRIGGER determinations_append_only BEFORE UPDATE, DELETE ON determinations
    FOR EACH ROW CALL 'dev.origin.store.AppendOnlyTrigger';
