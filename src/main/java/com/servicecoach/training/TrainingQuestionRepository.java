package com.servicecoach.training;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDateTime;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TrainingQuestionRepository extends CrudRepository<TrainingQuestion, Long> {

    /** Questions no attempt drew or answered (only those may be deleted: attempts keep referring to theirs). */
    String UNUSED = " and not exists (select 1 from assessment_attempt_question aq where aq.question_id = training_question.id)"
            + " and not exists (select 1 from assessment_answer aa where aa.question_id = training_question.id)";

    List<TrainingQuestion> findByModuleIdOrderById(Long moduleId);

    List<TrainingQuestion> findByModuleIdAndActiveOrderById(Long moduleId, boolean active);

    List<TrainingQuestion> findByModuleIdAndSource(Long moduleId, String source);

    long countByModuleIdAndActive(Long moduleId, boolean active);

    /** The bank's imported questions still in use (not removed), newest import first. */
    Page<TrainingQuestion> findByModuleIdAndSourceAndActive(Long moduleId, String source, boolean active, Pageable pageable);

    /** How many of each import's questions are still in the bank. */
    @Query("select import_id, count(*) as remaining from training_question where module_id = :moduleId and source = 'import'"
            + " and active = true and import_id is not null group by import_id")
    List<ImportCount> countRemainingByImport(Long moduleId);

    @Introspected
    record ImportCount(@Nullable Long importId, long remaining) {
    }

    @Query("delete from training_question where id = :id and source = 'import' and active = true" + UNUSED)
    int deleteImportedIfUnused(Long id);

    @Query("update training_question set active = false, updated_at = :now where id = :id and source = 'import' and active = true")
    int retireImported(Long id, LocalDateTime now);

    @Query("delete from training_question where import_id = :importId and source = 'import' and active = true" + UNUSED)
    int deleteUnusedOfImport(Long importId);

    @Query("update training_question set active = false, updated_at = :now where import_id = :importId and source = 'import'"
            + " and active = true")
    int retireOfImport(Long importId, LocalDateTime now);
}
