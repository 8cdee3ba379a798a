-- One row that every import and every delete of a workspace entity locks first (SELECT ... FOR UPDATE, Tx.lockWrites):
-- a delete checks that nothing references the row and an import checks that what it references exists, so the two must
-- not interleave. Without it, on H2 a supplier could be deleted while a part bought from it was being written, leaving a
-- part whose supplier is gone (the soak test found it, docs/RELIABILITY.md); PostgreSQL's foreign keys refuse that case,
-- with an error instead of a clear answer.
CREATE TABLE workspace_lock (
    lock_id INT PRIMARY KEY
);
INSERT INTO workspace_lock (lock_id) VALUES (1);
