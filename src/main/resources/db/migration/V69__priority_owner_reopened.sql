-- Service promises per case type (issue 15, metrics.md "Targets per case type" and "Owners"): each contact's
-- priority (absent in a file: normal), its owner (the agent responsible for resolving it: the file's owner
-- column, else the handling agent, so owner_id is always set) and how often it was reopened (replaced on re-import).
alter table interaction add column priority varchar(8) not null default 'normal';
alter table interaction add column owner_id bigint null;
alter table interaction add column reopened int not null default 0;
update interaction set owner_id = agent_id;
-- an owner's contacts of a period (resolution figures, drill-downs) and their open ones (the open promises page)
create index ix_interaction_owner_created on interaction (owner_id, created_at);
create index ix_interaction_owner_open on interaction (owner_id, resolved_at);
