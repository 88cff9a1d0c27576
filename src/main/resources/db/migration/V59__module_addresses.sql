-- The figures a module addresses (module.yml addresses, issue 11): figure/channel/category entries joined by ';'.
alter table training_module add column addresses varchar(1000) not null default '';
