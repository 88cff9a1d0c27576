-- Every view and export of a performance report: who, when, which report (period and scope), which format.
create table report_audit (
    id           bigint auto_increment primary key,
    username     varchar(32)  not null,
    role         varchar(16)  not null,
    action       varchar(8)   not null,
    format       varchar(8)   not null,
    period_from  date         not null,
    period_to    date         not null,
    team         varchar(64),
    at           datetime(6)  not null
);
create index ix_report_audit_at on report_audit (at);
create index ix_report_audit_user on report_audit (username, at);

-- The thresholds below which a report flags an agent (set by HR); one row, absent until HR first sets
-- them (the application's defaults apply until then). Null = not checked.
create table report_threshold (
    id                   int          not null primary key,
    csat_min             decimal(5,1),
    first_response_min   decimal(5,1),
    resolution_min       decimal(5,1),
    knowledge_min        decimal(5,1),
    updated_by           varchar(32),
    updated_at           datetime(6)
);
