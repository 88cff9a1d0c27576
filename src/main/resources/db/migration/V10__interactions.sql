-- Helpdesk interactions (metrics.md, "Interactions"), unique per (source, external_id).
-- Instants are UTC in datetime(6); the *_ns columns keep the nanoseconds beyond the microsecond (0-999),
-- so that an imported timestamp is stored exactly and durations are exact to the second.
-- rating is on the 1-10 scale (a 1-5 rating r is stored as 2r).
create table interaction (
    id                bigint auto_increment primary key,
    source            varchar(64) character set utf8mb4 collate utf8mb4_bin not null,
    external_id       varchar(64) character set utf8mb4 collate utf8mb4_bin not null,
    agent_id          bigint        not null,
    channel           varchar(8)    not null,
    category          varchar(16)   not null,
    created_at        datetime(6)   not null,
    created_ns        smallint      not null default 0,
    first_response_at datetime(6),
    first_response_ns smallint      not null default 0,
    resolved_at       datetime(6),
    resolved_ns       smallint      not null default 0,
    rating            smallint,
    comment           varchar(2000),
    import_id         bigint,
    updated_at        datetime(6)   not null,
    -- external_id first: lookups of a batch of ids use the index on both H2 and MySQL
    constraint uq_interaction_external_id_source unique (external_id, source),
    constraint fk_interaction_agent foreign key (agent_id) references agent (id)
);
-- Scorecards read an agent's (or a team's agents') period from this index alone: it covers every column
-- the figures need, so the rows themselves are never visited.
create index ix_interaction_agent_created on interaction
    (agent_id, created_at, created_ns, channel, category, first_response_at, first_response_ns,
     resolved_at, resolved_ns, rating);
-- Lists of every agent's interactions, newest first, or of a period.
create index ix_interaction_created on interaction (created_at);

-- One row per import (API, upload page or command line): its progress while it runs and its counts after.
create table interaction_import (
    id             bigint auto_increment primary key,
    username       varchar(32)  not null,
    file_name      varchar(255),
    charset        varchar(16)  not null,
    default_source varchar(64),
    status         varchar(16)  not null,
    bytes_read     bigint       not null default 0,
    received       bigint       not null default 0,
    inserted       bigint       not null default 0,
    updated        bigint       not null default 0,
    unchanged      bigint       not null default 0,
    rejected       bigint       not null default 0,
    header         text,
    message        text,
    created_at     datetime(6)  not null,
    started_at     datetime(6),
    finished_at    datetime(6)
);
create index ix_interaction_import_user on interaction_import (username, created_at);

-- The rejected rows of an import: the line, the reason and the row as the file held it.
create table interaction_import_rejection (
    id        bigint auto_increment primary key,
    import_id bigint     not null,
    line      int        not null,
    reason    mediumtext not null,
    row_text  mediumtext not null,
    constraint fk_interaction_rejection_import foreign key (import_id) references interaction_import (id) on delete cascade
);
create index ix_interaction_rejection_line on interaction_import_rejection (import_id, line);
