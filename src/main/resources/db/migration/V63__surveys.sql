-- Customer surveys by dimension (metrics.md "Customer surveys by dimension", issue 12).

-- The survey's definition, versioned like the scoring settings: each save adds a version; the highest is in
-- force. document is canonical JSON: the dimensions (code, English and Chinese wording, agent- or
-- company-driven, target, in order), how many days a link stays valid and the public page's rate limit.
create table survey_version (
    version  int          not null primary key,
    document text         not null,
    saved_by varchar(32)  not null,
    saved_at datetime(6)  not null
);

-- One row per surveyed interaction: its hosted link (a random token, one use, with its expiry) and/or its
-- response (from the link or imported). agent_id, channel, category and created_at are the interaction's,
-- copied so that figures for a period are counted from this table alone; the interaction import keeps them in
-- step when a re-import changes the interaction. A response records the survey version it answered.
create table survey (
    interaction_id bigint       not null primary key,
    agent_id       bigint       not null,
    channel        varchar(8)   not null,
    category       varchar(16)  not null,
    created_at     datetime(6)  not null,
    token          varchar(64)  character set ascii collate ascii_bin,
    language       varchar(2),
    issued_at      datetime(6),
    expires_at     datetime(6),
    version        int,
    origin         varchar(8),
    source         varchar(64),
    answered_at    datetime(6),
    remark         varchar(2000),
    complete       boolean      not null default false,
    import_id      bigint,
    updated_at     datetime(6)  not null,
    constraint uq_survey_token unique (token),
    constraint fk_survey_interaction foreign key (interaction_id) references interaction (id) on delete cascade
);
create index ix_survey_agent_created on survey (agent_id, created_at);
create index ix_survey_created on survey (created_at);

-- A response's answers: one per dimension it rated, a whole number 1-10.
create table survey_answer (
    interaction_id bigint      not null,
    dimension      varchar(32) not null,
    score          smallint    not null,
    primary key (interaction_id, dimension),
    constraint fk_survey_answer_survey foreign key (interaction_id) references survey (interaction_id) on delete cascade
);

-- The public page's request counts per client address and window (the limit itself is in the definition), so
-- that every instance of the application counts the same requests.
create table survey_rate (
    address      varchar(64)  not null,
    window_start datetime(6)  not null,
    hits         int          not null,
    primary key (address, window_start)
);
