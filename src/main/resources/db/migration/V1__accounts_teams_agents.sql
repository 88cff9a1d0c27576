-- Users, teams and agent profiles. Times are stored in UTC.
create table app_user (
    id              bigint auto_increment primary key,
    username        varchar(32)  not null,
    password_hash   varchar(100) not null,
    role            varchar(16)  not null,
    enabled         boolean      not null default true,
    employee_no     varchar(32),
    locale          varchar(10),
    failed_sign_ins int          not null default 0,
    locked_until    datetime(6),
    created_at      datetime(6)  not null,
    constraint uq_app_user_username unique (username)
);

create table team (
    id         bigint auto_increment primary key,
    name       varchar(64) not null,
    supervisor varchar(32),
    constraint uq_team_name unique (name)
);

create table agent (
    id          bigint auto_increment primary key,
    employee_no varchar(32)  not null,
    name        varchar(100) not null,
    email       varchar(254) not null,
    team_id     bigint       not null,
    channels    varchar(40)  not null,
    hired_on    date,
    status      varchar(16)  not null,
    updated_at  datetime(6)  not null,
    constraint uq_agent_employee_no unique (employee_no),
    constraint fk_agent_team foreign key (team_id) references team (id)
);
create index ix_agent_team on agent (team_id);

-- Small named values the application keeps for itself, e.g. the generated JWT signing key.
create table app_secret (
    name         varchar(64)  not null primary key,
    secret_value varchar(255) not null
);
