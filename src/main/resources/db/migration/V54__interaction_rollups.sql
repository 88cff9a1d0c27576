-- Exact rollups of the interactions (metrics.md figures merge exactly from them): one row per agent and
-- day (created_at as a date in the organization's zone), holding the day's tally: per channel the number
-- of interactions, every first-response and resolution duration in seconds on the channel's calendar, the
-- count of each rating and the creation instants of the contacts still unanswered or unresolved (encoded
-- by scoring.Tally). The import keeps them in step with the rows, in the same transaction.
create table interaction_day (
    agent_id     bigint     not null,
    day          date       not null,
    interactions int        not null,
    tally        mediumblob not null,
    primary key (agent_id, day)
);

-- Which settings the rollups were computed under (organization zone and calendars: rollup_key) and whether
-- they are complete. While a rebuild runs, agents with an id up to built_through are done; until status is
-- 'current' for the settings in force, figures are computed from the rows themselves.
create table interaction_rollup_state (
    id             int          not null primary key,
    rollup_key     varchar(64)  not null,
    status         varchar(16)  not null,
    built_through  bigint       not null,
    agents_done    int          not null default 0,
    agents_total   int          not null default 0,
    started_at     datetime(6),
    finished_at    datetime(6),
    claimed_by     varchar(64),
    claimed_until  datetime(6)
);
