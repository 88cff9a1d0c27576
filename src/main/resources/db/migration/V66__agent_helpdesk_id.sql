-- The agent's user id, email or name in the shop's helpdesk, as its exports write it, so that helpdesk imports
-- match the agent when the export carries no employee number. Optional; at most one agent per value (a unique
-- index allows any number of agents without one).
alter table agent add column helpdesk_id varchar(100);
create unique index uq_agent_helpdesk_id on agent (helpdesk_id);
