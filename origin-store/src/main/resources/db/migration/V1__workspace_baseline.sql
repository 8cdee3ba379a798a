-- Baseline: the schema version table only. Later migrations add the workspace tables.
-- Version ranges so parallel work merges cleanly: V1-V19 workspace core, V20-V39 workflows
-- (requalification, chase, certificates), V40-V59 server (users, sessions, tokens).
CREATE TABLE workspace_info (
    info_key   VARCHAR(64) PRIMARY KEY,
    info_value VARCHAR(256) NOT NULL
);
INSERT INTO workspace_info (info_key, info_value) VALUES ('created_by', 'origin');
