-- Quality reviews of real conversations (issue 13).

-- A contact's conversation, keyed like the interaction (source, external id) so that a transcript import does not
-- need the interaction's id: the text as UTF-8, deflated, at most 64 KiB before compression.
create table interaction_transcript (
    source      varchar(64) character set utf8mb4 collate utf8mb4_bin not null,
    external_id varchar(64) character set utf8mb4 collate utf8mb4_bin not null,
    body        mediumblob  not null,
    text_bytes  int         not null,
    messages    int         not null,
    updated_at  datetime(6) not null,
    primary key (external_id, source)
);

-- A review of one conversation against a rubric: a draft until submitted; then submitted, disputed (once, by the
-- agent) or resolved (upheld or changed by a supervisor). The figures count a review from its first submission
-- (review_date, in the organization's zone), with the points of its latest revision (earned of possible; 0 when a
-- critical criterion failed; no score when every criterion was N/A). A calibration copy (calibration_id) never
-- counts. review_key makes one review per conversation, and one per reviewer and conversation in a calibration.
create table qa_review (
    id               bigint auto_increment primary key,
    review_key       varchar(80)  not null,
    interaction_id   bigint       not null,
    agent_id         bigint       not null,
    rubric_code      varchar(32)  not null,
    rubric_version   int          not null,
    reviewer         varchar(32)  not null,
    calibration_id   bigint       null,
    state            varchar(12)  not null,
    earned           int          null,
    possible         int          null,
    critical_failed  boolean      not null default false,
    remark           varchar(2000) null,
    created_at       datetime(6)  not null,
    updated_at       datetime(6)  not null,
    submitted_at     datetime(6)  null,
    review_date      date         null,
    dispute_reason   varchar(2000) null,
    disputed_at      datetime(6)  null,
    resolution       varchar(8)   null,
    resolution_note  varchar(2000) null,
    resolved_by      varchar(32)  null,
    resolved_at      datetime(6)  null,
    constraint uq_qa_review_key unique (review_key),
    constraint fk_qa_review_interaction foreign key (interaction_id) references interaction (id) on delete cascade,
    constraint fk_qa_review_agent foreign key (agent_id) references agent (id)
);
create index ix_qa_review_agent_date on qa_review (agent_id, review_date);
create index ix_qa_review_date on qa_review (review_date);
create index ix_qa_review_interaction on qa_review (interaction_id);
create index ix_qa_review_state on qa_review (state, updated_at);

-- A review's marks per criterion: revision 0 as submitted, revision 1 as changed when a dispute was resolved.
-- points null = N/A. max_points and critical are the rubric's when the review was made.
create table qa_answer (
    review_id  bigint       not null,
    revision   smallint     not null,
    criterion  varchar(32)  not null,
    points     int          null,
    max_points int          not null,
    critical   boolean      not null,
    note       varchar(1000) null,
    primary key (review_id, revision, criterion),
    constraint fk_qa_answer_review foreign key (review_id) references qa_review (id) on delete cascade
);

-- The review queue: conversations sampled for review, each at most once. reasons: a comma-separated list of
-- random, low_rating, sla_breached, complaint, survey_remark. week = the Monday of the contact's week.
create table qa_queue (
    interaction_id bigint      not null primary key,
    agent_id       bigint      not null,
    week           date        not null,
    reasons        varchar(80) not null,
    state          varchar(8)  not null,
    created_at     datetime(6) not null,
    skipped_by     varchar(32) null,
    constraint fk_qa_queue_interaction foreign key (interaction_id) references interaction (id) on delete cascade
);
create index ix_qa_queue_agent_week on qa_queue (agent_id, week);
create index ix_qa_queue_state_week on qa_queue (state, week);

-- The sampling rules, one row: random conversations per agent per week, and the targeted ones (at most
-- targeted_per_week per agent per week) by rule.
create table qa_sampling (
    id                 int         not null primary key,
    random_per_week    int         not null,
    targeted_per_week  int         not null,
    low_rating         boolean     not null,
    sla_breached       boolean     not null,
    complaint          boolean     not null,
    survey_remark      boolean     not null,
    updated_at         datetime(6) not null,
    updated_by         varchar(32) null
);
insert into qa_sampling (id, random_per_week, targeted_per_week, low_rating, sla_breached, complaint, survey_remark, updated_at)
values (1, 2, 3, true, true, true, true, current_timestamp);

-- A calibration session: a few conversations scored blind by invited reviewers against one rubric.
create table qa_calibration (
    id          bigint auto_increment primary key,
    title       varchar(200) not null,
    rubric_code varchar(32)  not null,
    created_by  varchar(32)  not null,
    created_at  datetime(6)  not null,
    revealed_at datetime(6)  null
);
create table qa_calibration_item (
    calibration_id bigint not null,
    interaction_id bigint not null,
    position       int    not null,
    primary key (calibration_id, interaction_id),
    constraint fk_qa_calibration_item_session foreign key (calibration_id) references qa_calibration (id) on delete cascade,
    constraint fk_qa_calibration_item_interaction foreign key (interaction_id) references interaction (id) on delete cascade
);
create table qa_calibration_reviewer (
    calibration_id bigint      not null,
    username       varchar(32) not null,
    submitted_at   datetime(6) null,
    primary key (calibration_id, username),
    constraint fk_qa_calibration_reviewer_session foreign key (calibration_id) references qa_calibration (id) on delete cascade
);
create index ix_qa_calibration_reviewer_user on qa_calibration_reviewer (username);
