-- Saved column mappings of helpdesk exports (issue 14): an interaction.ImportMapping as JSON, by name. The presets
-- (Zendesk, Freshdesk, Zammad, Chatwoot) ship with the application and are not stored here.
create table import_mapping (
    name     varchar(64) character set utf8mb4 collate utf8mb4_bin not null primary key,
    document text        not null,
    saved_by varchar(32) not null,
    saved_at datetime(6) not null
);

-- The mapping an import read its file through (null: the file has ServiceCoach's own columns).
alter table interaction_import add column mapping varchar(64);
