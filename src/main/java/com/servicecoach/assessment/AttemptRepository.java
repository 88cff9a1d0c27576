package com.servicecoach.assessment;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface AttemptRepository extends CrudRepository<Attempt, Long> {

    List<Attempt> findByAgentIdAndModuleIdOrderByAttemptNo(Long agentId, Long moduleId);

    List<Attempt> findByAgentIdInOrderById(Collection<Long> agentIds);

    List<Attempt> findByModuleIdAndStateAndFinalAtIsNotNullOrderById(Long moduleId, String state);

    List<Attempt> findByAgentIdInAndStateAndSubmittedAtGreaterThanEqualsAndSubmittedAtLessThan(
            Collection<Long> agentIds, String state, LocalDateTime from, LocalDateTime to);

    /** In-progress attempts whose deadline lies before {@code limit} (now minus the grace period). */
    List<Attempt> findByStateAndDeadlineLessThanOrderById(String state, LocalDateTime limit);

    /**
     * Takes the lock on an attempt that still accepts answers (in progress, deadline not before
     * {@code limit} = now minus the grace period), recording the save time. 0 when it accepts none.
     */
    @Query("UPDATE assessment_attempt SET last_saved_at = :now WHERE id = :id AND state = 'in_progress' AND deadline >= :limit")
    int lockOpen(long id, LocalDateTime now, LocalDateTime limit);

    /** Ends an in-progress attempt; 0 when it had already ended (someone else submitted it). */
    @Query("UPDATE assessment_attempt SET state = :state, submitted_at = :at, auto_submitted = :auto WHERE id = :id AND state = 'in_progress'")
    int close(long id, String state, LocalDateTime at, boolean auto);

    @Query("UPDATE assessment_attempt SET awaiting = :awaiting, points_earned = :points WHERE id = :id")
    int recordGrades(long id, int awaiting, BigDecimal points);

    /** One essay answer graded: one fewer waiting, its points added. Locks the attempt row. */
    @Query("UPDATE assessment_attempt SET awaiting = awaiting - 1, points_earned = points_earned + :points WHERE id = :id AND awaiting > 0")
    int addManualGrade(long id, BigDecimal points);

    @Query("UPDATE assessment_attempt SET score_percent = :percent, passed = :passed, final_at = :at WHERE id = :id AND final_at IS NULL")
    int makeFinal(long id, BigDecimal percent, boolean passed, LocalDateTime at);
}
