package com.servicecoach.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AttemptQuestionRepository extends CrudRepository<AttemptQuestion, Long> {

    List<AttemptQuestion> findByAttemptIdOrderByPosition(Long attemptId);

    List<AttemptQuestion> findByAttemptIdInOrderByAttemptIdAndPosition(Collection<Long> attemptIds);

    Optional<AttemptQuestion> findByAttemptIdAndQuestionId(Long attemptId, Long questionId);

    List<AttemptQuestion> findByNeedsGradingOrderById(boolean needsGrading);

    @Query("UPDATE assessment_attempt_question SET points = :points, needs_grading = :needsGrading WHERE id = :id")
    int recordAutomatic(long id, @Nullable BigDecimal points, boolean needsGrading);

    /** Records a person's grade of an answer still waiting for one; 0 when someone graded it first. */
    @Query("UPDATE assessment_attempt_question SET points = :points, needs_grading = FALSE, graded_by = :by, graded_at = :at, "
            + "grader_comment = :comment WHERE id = :id AND needs_grading = TRUE")
    int recordManual(long id, BigDecimal points, String by, LocalDateTime at, @Nullable String comment);
}
