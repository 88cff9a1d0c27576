-- When the interactions of each stored day last changed (the latest updated_at among them), so that a
-- report's data cut-off is read from the rollups instead of every interaction of the period.
alter table interaction_day add column changed_at datetime(6);
