-- Exact rollups of the survey tables (issue 12: survey figures from rollups like the interaction figures): one row
-- per agent and day (the contact's created_at as a date in the organization's zone) holding scoring.SurveyTally's
-- counts: per channel and category the surveys sent, returned and complete, and per dimension the answers of each
-- score.
create table survey_day (
    agent_id bigint     not null,
    day      date       not null,
    tally    mediumblob not null,
    primary key (agent_id, day)
);

-- The zone the stored days were counted in, and whether they are complete ('current') or being built (since
-- changed_at; a build older than half an hour is taken as abandoned). Until they are current for the
-- organization's zone, figures are counted from the survey tables themselves.
create table survey_rollup_state (
    id         int         not null primary key,
    zone       varchar(64) not null,
    status     varchar(16) not null,
    changed_at datetime(6) not null
);

-- Contacts whose survey counts changed (a link issued, a response stored, a re-imported contact moved to another
-- agent or time): written in the same transaction as the change, their days are counted again before the stored
-- days are next read.
create table survey_stale (
    id         bigint      auto_increment primary key,
    agent_id   bigint      not null,
    created_at datetime(6) not null
);
