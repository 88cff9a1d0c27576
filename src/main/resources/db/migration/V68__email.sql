-- Email delivery of notifications (issue 14). Each notification is looked at once by the mail job:
-- email_status 'new' until then; afterwards 'queued' (a message was made: email_message_id), 'digest'
-- (waiting for the reader's daily digest), 'off' (the reader turned this kind off), 'no_address',
-- 'expired' (older than the mail job's age limit when mail was turned on). Notifications made before this
-- migration are 'old' and never mailed.
alter table notification add column email_status varchar(16) not null default 'new';
update notification set email_status = 'old';
alter table notification add column email_message_id bigint null;
-- files that go with the notification (the monthly report), attached to its email when the reader chose so
alter table notification add column attachments varchar(2000) null;
create index ix_notification_email_status on notification (email_status, id);

-- A user's email address (when empty, the address on their agent profile) and whether report files are
-- attached rather than linked.
create table email_settings (
    username       varchar(32)  not null primary key,
    address        varchar(254) null,
    attach_reports boolean      not null default false,
    updated_at     datetime(6)  not null
);

-- How a user gets each topic by email: immediately, daily digest or off (absent: the topic's default).
create table email_preference (
    username varchar(32) not null,
    topic    varchar(32) not null,
    delivery varchar(16) not null,
    primary key (username, topic)
);

-- Every email made, with its content as sent, its state (pending, sent, failed) and each attempt's result.
create table email_message (
    id              bigint auto_increment primary key,
    username        varchar(32)  not null,
    address         varchar(254) not null,
    locale          varchar(16)  not null,
    kind            varchar(16)  not null,
    notifications   int          not null,
    subject         varchar(300) not null,
    text_body       mediumtext         not null,
    html_body       mediumtext         not null,
    attachments     varchar(2000) null,
    status          varchar(16)  not null,
    attempts        int          not null default 0,
    next_attempt_at datetime(6)  not null,
    last_error      varchar(1000) null,
    created_at      datetime(6)  not null,
    -- when it last entered the queue (made, or put back by an administrator): the give-up time counts from here
    queued_at       datetime(6)  not null,
    sent_at         datetime(6)  null
);
create index ix_email_message_due on email_message (status, next_attempt_at);
create index ix_email_message_user on email_message (username, id);
