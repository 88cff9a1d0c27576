-- Server-side record of every sign-in (browser cookie or API token). A token names its session (sid);
-- each request checks that the session is still open and reads the user's role and enabled state as
-- they are now, so sign-out, password changes, disabling and role changes take effect at once.
create table user_session (
    id          varchar(64) not null primary key,
    user_id     bigint      not null,
    kind        varchar(16) not null,
    csrf_token  varchar(64) not null,
    created_at  datetime(6) not null,
    expires_at  datetime(6) not null,
    ended_at    datetime(6),
    constraint fk_user_session_user foreign key (user_id) references app_user (id) on delete cascade
);

create index ix_user_session_user on user_session (user_id);
create index ix_user_session_expires on user_session (expires_at);
