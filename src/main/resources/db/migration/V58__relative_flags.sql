-- Flags relative to the others (issue 16): the bottom share of the report's ranked agents by composite, and a
-- figure more than so many points below the agent's team. Null: not checked.
alter table report_threshold add column bottom_percent decimal(4,1) null;
alter table report_threshold add column below_team_points decimal(4,1) null;
