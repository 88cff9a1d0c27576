-- The scoring settings (organization zone, calendars, SLA targets, weights, min-rated), one row per saved
-- version; the highest version is in force. No row means metrics.md's defaults (version 0).
create table scoring_settings (
    version   int          not null primary key,
    document  text         not null,
    hash      varchar(64)  not null,
    saved_by  varchar(32)  not null,
    saved_at  datetime(6)  not null
);
