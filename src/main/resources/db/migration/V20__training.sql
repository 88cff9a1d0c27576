-- Training: modules synced from training-content/, their lessons, question banks and essay rubrics;
-- what agents have read and completed; assignments; in-app notifications. Times are stored in UTC.

create table training_module (
    id                   bigint auto_increment primary key,
    code                 varchar(64)  not null,
    version              int          not null,
    content_hash         varchar(64)  not null,
    title_en             varchar(200) not null,
    title_zh             varchar(200) not null,
    summary_en           text         not null,
    summary_zh           text         not null,
    skills               varchar(1000) not null,
    categories           varchar(200) not null,
    estimated_minutes    int          not null,
    pass_mark            int          not null,
    certification_months int          not null,
    time_limit_minutes   int          not null,
    attempts_allowed     int          not null,
    grading_method       varchar(16)  not null,
    question_count       int          not null,
    shuffle_questions    boolean      not null,
    shuffle_options      boolean      not null,
    layout               varchar(16)  not null,
    review               varchar(16)  not null,
    active               boolean      not null,
    synced_at            datetime(6)  not null,
    constraint uq_training_module_code unique (code)
);

create table training_lesson (
    id        bigint auto_increment primary key,
    module_id bigint       not null,
    position  int          not null,
    slug      varchar(120) not null,
    title_en  varchar(300) not null,
    title_zh  varchar(300) not null,
    body_en   text         not null,
    body_zh   text         not null,
    constraint uq_training_lesson_slug unique (module_id, slug),
    constraint fk_training_lesson_module foreign key (module_id) references training_module (id)
);

-- One question of a module's bank. content_en holds the parsed question as JSON (the English text for
-- questions from the module's files, the text as imported otherwise); content_zh the Chinese twin, null
-- for imported questions. Grading data lives only here and is never sent to agents before review.
create table training_question (
    id          bigint auto_increment primary key,
    module_id   bigint       not null,
    name        varchar(255) not null,
    type        varchar(16)  not null,
    category    varchar(255),
    source      varchar(8)   not null,
    position    int          not null,
    line        int          not null,
    content_en  text         not null,
    content_zh  text,
    active      boolean      not null,
    imported_by varchar(32),
    created_at  datetime(6)  not null,
    updated_at  datetime(6)  not null,
    constraint fk_training_question_module foreign key (module_id) references training_module (id)
);
create index ix_training_question_module on training_question (module_id, source, name);

create table training_rubric_criterion (
    id            bigint auto_increment primary key,
    module_id     bigint       not null,
    question_name varchar(255) not null,
    position      int          not null,
    criterion_en  varchar(1000) not null,
    criterion_zh  varchar(1000) not null,
    points        int          not null,
    constraint fk_training_rubric_module foreign key (module_id) references training_module (id)
);
create index ix_training_rubric_module on training_rubric_criterion (module_id, question_name);

create table training_lesson_read (
    id          bigint auto_increment primary key,
    agent_id    bigint       not null,
    module_id   bigint       not null,
    lesson_slug varchar(120) not null,
    read_at     datetime(6)  not null,
    constraint uq_training_lesson_read unique (agent_id, module_id, lesson_slug),
    constraint fk_training_read_agent foreign key (agent_id) references agent (id),
    constraint fk_training_read_module foreign key (module_id) references training_module (id)
);

-- A completed module: every lesson read and the assessment passed (passed_at is the pass it rests on).
create table training_completion (
    id             bigint auto_increment primary key,
    agent_id       bigint      not null,
    module_id      bigint      not null,
    module_version int         not null,
    passed_at      datetime(6) not null,
    completed_at   datetime(6) not null,
    constraint uq_training_completion unique (agent_id, module_id, passed_at),
    constraint fk_training_completion_agent foreign key (agent_id) references agent (id),
    constraint fk_training_completion_module foreign key (module_id) references training_module (id)
);

-- A module assigned to one agent (agent_id) or to a whole team (team_id), which also reaches agents who
-- join the team later.
create table training_assignment (
    id           bigint auto_increment primary key,
    module_id    bigint      not null,
    agent_id     bigint,
    team_id      bigint,
    due_on       date        not null,
    assigned_by  varchar(32) not null,
    created_at   datetime(6) not null,
    updated_at   datetime(6) not null,
    cancelled_at datetime(6),
    cancelled_by varchar(32),
    constraint ck_training_assignment_target check ((agent_id is null) <> (team_id is null)),
    constraint fk_training_assignment_module foreign key (module_id) references training_module (id),
    constraint fk_training_assignment_agent foreign key (agent_id) references agent (id),
    constraint fk_training_assignment_team foreign key (team_id) references team (id)
);
create index ix_training_assignment_agent on training_assignment (agent_id);
create index ix_training_assignment_team on training_assignment (team_id);

-- In-app notifications for one user. The text is rendered in the reader's language from the message key
-- notification.<kind> and args (JSON: a list of strings or {"en": ..., "zh-CN": ...} objects).
create table notification (
    id         bigint auto_increment primary key,
    username   varchar(32)  not null,
    kind       varchar(40)  not null,
    dedupe_key varchar(200) not null,
    link       varchar(300) not null,
    args       text         not null,
    created_at datetime(6)  not null,
    read_at    datetime(6),
    constraint uq_notification_dedupe unique (username, dedupe_key)
);
create index ix_notification_user on notification (username, read_at);
