package com.servicecoach.coaching;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/** The coaching tables. */
final class CoachingRepositories {

    private CoachingRepositories() {
    }

    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Sessions extends CrudRepository<CoachingSession, Long> {
        List<CoachingSession> findByAgentId(long agentId);

        List<CoachingSession> findByIdIn(Collection<Long> ids);
    }

    /**
     * The actions. Their state changes are single conditional UPDATEs of the columns concerned (never a whole row
     * written back), so that the follow-up job and a user marking an action done at the same moment do not undo
     * each other, and each marker is set once.
     */
    @JdbcRepository(dialect = Dialect.MYSQL)
    interface Actions extends CrudRepository<CoachingAction, Long> {
        List<CoachingAction> findBySessionIdInOrderByPosition(Collection<Long> sessionIds);

        /** Open actions without a goal, past their date ({@code dueOn < today}), whose owner was not told yet. */
        List<CoachingAction> findByDoneAtIsNullAndGoalFigureIsNullAndOverdueNotifiedAtIsNullAndDueOnLessThan(LocalDate today);

        /** Goals past their date ({@code dueOn < today}) whose agent was not told the outcome yet. */
        List<CoachingAction> findByGoalFigureIsNotNullAndGoalNotifiedAtIsNullAndDueOnLessThan(LocalDate today);

        @Query("UPDATE coaching_action SET done_at = :at, done_by = :by WHERE id = :id AND done_at IS NULL")
        int markDone(long id, String by, LocalDateTime at);

        /** Stores a goal's outcome once: answers 0 when it was closed already. */
        @Query("""
                UPDATE coaching_action SET goal_outcome = :outcome, goal_successes = :successes, goal_n = :n, goal_closed_at = :at
                 WHERE id = :id AND goal_figure IS NOT NULL AND goal_closed_at IS NULL""")
        int closeGoal(long id, String outcome, long successes, long n, LocalDateTime at);

        @Query("UPDATE coaching_action SET overdue_notified_at = :at WHERE id = :id AND overdue_notified_at IS NULL")
        int markOverdueNotified(long id, LocalDateTime at);

        @Query("UPDATE coaching_action SET goal_notified_at = :at WHERE id = :id AND goal_notified_at IS NULL")
        int markGoalNotified(long id, LocalDateTime at);
    }
}
