-- PostgreSQL: the determinations ledger refuses UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION origin_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the determinations ledger is append-only (% refused)', TG_OP;
END;
$$;
CREATE TRIGGER determinations_append_only BEFORE UPDATE OR DELETE ON determinations
    FOR EACH ROW EXECUTE FUNCTION origin_ledger_append_only();
CREATE TRIGGER determinations_no_truncate BEFORE TRUNCATE ON determinations
    FOR EACH STATEMENT EXECUTE FUNCTION origin_ledger_append_only();
