-- Assessments: attempts at a module's assessment, the questions drawn for each (in their fixed order),
-- the answers saved, rubric scores given by graders, and the certifications that passing grants.
-- Times are UTC. Scores are fractions of a question's one point, kept unrounded.

-- One attempt of one agent at one module's assessment. state: in_progress | finished | abandoned
-- ("overdue" is an in-progress attempt past its deadline but within the grace period). The settings that
-- govern the attempt are copied from the module when it starts. attempt_no counts the agent's attempts at the
-- module, so two simultaneous starts cannot both take the last allowed attempt.
create table assessment_attempt (
    id             bigint auto_increment primary key,
    module_id      bigint         not null,
    agent_id       bigint         not null,
    attempt_no     int            not null,
    language       varchar(8)     not null,
    state          varchar(16)    not null,
    pass_mark      int            not null,
    review         varchar(16)    not null,
    layout         varchar(16)    not null,
    started_at     datetime(6)    not null,
    deadline       datetime(6)    not null,
    submitted_at   datetime(6),
    auto_submitted boolean        not null,
    awaiting       int            not null,
    points_earned  decimal(20,10),
    points_possible int           not null,
    score_percent  decimal(20,10),
    passed         boolean,
    final_at       datetime(6),
    last_saved_at  datetime(6),
    constraint uq_assessment_attempt_number unique (agent_id, module_id, attempt_no),
    constraint fk_assessment_attempt_module foreign key (module_id) references training_module (id),
    constraint fk_assessment_attempt_agent foreign key (agent_id) references agent (id)
);
create index ix_assessment_attempt_state on assessment_attempt (state, deadline);
create index ix_assessment_attempt_module on assessment_attempt (module_id, final_at);

-- A question drawn for an attempt, at its position; option_order and stem_order hold the bank's option
-- and stem ids in the order shown to the agent (the agent sees ids o1, o2, ... and s1, s2, ... by that
-- order, so option ids reveal nothing). points is the score in [0, 1], null until graded; needs_grading
-- marks an answered essay waiting for a person.
create table assessment_attempt_question (
    id            bigint auto_increment primary key,
    attempt_id    bigint        not null,
    position      int           not null,
    question_id   bigint        not null,
    option_order  varchar(2000) not null,
    stem_order    varchar(2000) not null,
    points        decimal(20,10),
    needs_grading boolean       not null,
    graded_by     varchar(32),
    graded_at     datetime(6),
    grader_comment text,
    constraint uq_assessment_aq_question unique (attempt_id, question_id),
    constraint uq_assessment_aq_position unique (attempt_id, position),
    constraint fk_assessment_aq_attempt foreign key (attempt_id) references assessment_attempt (id),
    constraint fk_assessment_aq_question foreign key (question_id) references training_question (id)
);
create index ix_assessment_aq_grading on assessment_attempt_question (needs_grading);

-- The answer saved for one question of an attempt (one row at most: saving again replaces it). response
-- is JSON in the bank's own ids: "3", ["1","3"], true, "text", "2.5" (numerical) or {"1":"2"} (matching).
create table assessment_answer (
    id          bigint auto_increment primary key,
    attempt_id  bigint      not null,
    question_id bigint      not null,
    response    text        not null,
    saved_at    datetime(6) not null,
    constraint uq_assessment_answer unique (attempt_id, question_id),
    constraint fk_assessment_answer_attempt foreign key (attempt_id) references assessment_attempt (id),
    constraint fk_assessment_answer_question foreign key (question_id) references training_question (id)
);

-- Points a grader gave for one rubric criterion of an essay answer; the criterion is copied, so the
-- grade keeps its meaning when the module's rubric changes later.
create table assessment_rubric_score (
    id                  bigint auto_increment primary key,
    attempt_question_id bigint        not null,
    position            int           not null,
    criterion_en        varchar(1000) not null,
    criterion_zh        varchar(1000) not null,
    max_points          int           not null,
    points              int           not null,
    constraint uq_assessment_rubric_score unique (attempt_question_id, position),
    constraint fk_assessment_rubric_aq foreign key (attempt_question_id) references assessment_attempt_question (id)
);

-- A certification granted when an agent's result at a module's assessment reaches the pass mark; valid
-- until expires_at (null: the module's certifications never expire). expiring_notified_at and
-- renewed_at record that the expiry warning went out and that the module was assigned again.
create table assessment_certification (
    id                    bigint auto_increment primary key,
    agent_id              bigint      not null,
    module_id             bigint      not null,
    attempt_id            bigint      not null,
    score_percent         decimal(20,10) not null,
    granted_at            datetime(6) not null,
    expires_at            datetime(6),
    expiring_notified_at  datetime(6),
    renewed_at            datetime(6),
    renewal_assignment_id bigint,
    constraint uq_assessment_certification unique (agent_id, module_id, attempt_id),
    constraint fk_assessment_cert_agent foreign key (agent_id) references agent (id),
    constraint fk_assessment_cert_module foreign key (module_id) references training_module (id),
    constraint fk_assessment_cert_attempt foreign key (attempt_id) references assessment_attempt (id)
);
create index ix_assessment_cert_expiry on assessment_certification (expires_at);
