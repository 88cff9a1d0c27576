package com.servicecoach.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One attempt of an agent at a module's assessment (UTC times). {@code state} is {@link #IN_PROGRESS},
 * {@link #FINISHED} or {@link #ABANDONED}; an in-progress attempt past its deadline but within the grace
 * period is shown as {@link #OVERDUE}. The result is final when {@code finalAt} is set (no answer waits
 * for a person any more); {@code pointsEarned} adds up the points known so far.
 */
@MappedEntity("assessment_attempt")
public record Attempt(
        @Id @GeneratedValue @Nullable Long id,
        Long moduleId,
        Long agentId,
        int attemptNo,
        String language,
        String state,
        int passMark,
        String review,
        String layout,
        LocalDateTime startedAt,
        LocalDateTime deadline,
        @Nullable LocalDateTime submittedAt,
        boolean autoSubmitted,
        int awaiting,
        @Nullable BigDecimal pointsEarned,
        int pointsPossible,
        @Nullable BigDecimal scorePercent,
        @Nullable Boolean passed,
        @Nullable LocalDateTime finalAt,
        @Nullable LocalDateTime lastSavedAt) {

    public static final String IN_PROGRESS = "in_progress";
    public static final String OVERDUE = "overdue";
    public static final String FINISHED = "finished";
    public static final String ABANDONED = "abandoned";

    public boolean inProgress() {
        return IN_PROGRESS.equals(state);
    }

    public boolean isFinal() {
        return finalAt != null;
    }

    /** True for a finished attempt whose result is final: the attempts grading methods and figures use. */
    public boolean counts() {
        return FINISHED.equals(state) && finalAt != null && scorePercent != null;
    }
}
