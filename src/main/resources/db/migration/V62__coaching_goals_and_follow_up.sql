-- Coaching goals and follow-up (issue 11): an action may be a goal on a figure (first_response_sla,
-- resolution_sla or csat), overall or on one channel or one category (goal_slice_kind 'channel' or 'category'),
-- with a target percentage (one decimal) to reach over the session's date to the action's due date. Once that
-- date has passed the goal is closed: its outcome (met or missed) and what it was judged on (successes of n) are
-- stored and no longer change. The two markers record that the owner was told about an overdue action, and the
-- agent about a closed goal, so that each is told once.
alter table coaching_action add column goal_figure varchar(32);
alter table coaching_action add column goal_slice_kind varchar(16);
alter table coaching_action add column goal_slice varchar(32);
alter table coaching_action add column goal_target decimal(4,1);
alter table coaching_action add column goal_outcome varchar(8);
alter table coaching_action add column goal_successes bigint;
alter table coaching_action add column goal_n bigint;
alter table coaching_action add column goal_closed_at datetime(6);
alter table coaching_action add column overdue_notified_at datetime(6);
alter table coaching_action add column goal_notified_at datetime(6);
create index ix_coaching_action_due on coaching_action (due_on);
