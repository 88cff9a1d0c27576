-- Coaching (issue 11): a session a supervisor holds with an agent, and the actions agreed in it.
create table coaching_session (
    id              bigint auto_increment primary key,
    agent_id        bigint        not null,
    held_on         date          not null,
    focus           varchar(500)  not null,
    notes           text          not null,
    private_notes   text          not null,
    follow_up_on    date,
    created_by      varchar(32)   not null,
    created_at      datetime(6)   not null,
    acknowledged_at datetime(6),
    agent_comment   text,
    constraint fk_coaching_session_agent foreign key (agent_id) references agent (id)
);
create index ix_coaching_session_agent on coaching_session (agent_id, held_on);

create table coaching_action (
    id          bigint auto_increment primary key,
    session_id  bigint        not null,
    position    int           not null,
    text        varchar(500)  not null,
    owner       varchar(16)   not null,
    due_on      date          not null,
    done_at     datetime(6),
    done_by     varchar(32),
    constraint fk_coaching_action_session foreign key (session_id) references coaching_session (id)
);
create index ix_coaching_action_session on coaching_action (session_id);
