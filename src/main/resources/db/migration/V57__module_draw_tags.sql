-- The tags an assessment draws from (module.yml assessment.tags, ';'-separated): only questions carrying every
-- one of them are drawn. Empty: the whole bank.
alter table training_module add column draw_tags varchar(500) not null default '';
