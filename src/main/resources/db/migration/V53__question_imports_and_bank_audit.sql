-- Question banks: every GIFT import is recorded as a batch, so that an administrator can remove what one
-- import brought in. Removing an imported question deletes it, or, when an attempt already drew or answered it,
-- retires it (active = false): it is never drawn again and those attempts stay gradable and reviewable.
create table training_question_import (
    id          bigint auto_increment primary key,
    module_id   bigint       not null,
    file_name   varchar(255),
    questions   int          not null,
    imported_by varchar(32)  not null,
    imported_at datetime(6)  not null,
    constraint fk_training_qimport_module foreign key (module_id) references training_module (id)
);
create index ix_training_qimport_module on training_question_import (module_id, imported_at);

alter table training_question add column import_id bigint;
alter table training_question add constraint fk_training_question_import
    foreign key (import_id) references training_question_import (id);

-- Imports made before this migration: one import stored all its questions at one instant, so one batch per
-- module, user and instant.
insert into training_question_import (module_id, file_name, questions, imported_by, imported_at)
    select module_id, null, count(*), coalesce(imported_by, '?'), created_at
    from training_question where source = 'import'
    group by module_id, imported_by, created_at;
update training_question set import_id = (
        select i.id from training_question_import i
        where i.module_id = training_question.module_id and i.imported_by = coalesce(training_question.imported_by, '?')
          and i.imported_at = training_question.created_at)
    where source = 'import';

-- The audit record (report views and exports until now) also keeps the imports into question banks and the
-- removals of imported questions: action import | remove, format gift, the module, the import, how many
-- questions and, of those removed, how many were retired rather than deleted. Such entries have no period.
alter table report_audit modify period_from date null;
alter table report_audit modify period_to date null;
alter table report_audit add column module varchar(64);
alter table report_audit add column import_id bigint;
alter table report_audit add column questions int;
alter table report_audit add column retired int;
