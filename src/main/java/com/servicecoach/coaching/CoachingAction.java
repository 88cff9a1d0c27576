package com.servicecoach.coaching;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An action agreed in a session: what, who does it ({@code agent} or {@code supervisor}), by when, and when done.
 *
 * <p>An action may be a goal on a figure ({@code goalFigure} set): the agent's figure (overall, or on the channel
 * or category {@code goalSlice} of kind {@code goalSliceKind}) from the session's date to {@code dueOn} should reach
 * {@code goalTarget} percent. A goal is not marked done: it closes once its date has passed, and its outcome
 * ({@code met} or {@code missed}) with the successes and n it was judged on is stored then ({@code goalClosedAt}).
 *
 * <p>{@code overdueNotifiedAt} and {@code goalNotifiedAt} mark that the owner was told the action is overdue, and
 * the agent that the goal closed, so that each is told once. UTC times.
 */
@MappedEntity("coaching_action")
public record CoachingAction(@Id @GeneratedValue @Nullable Long id, long sessionId, int position, String text, String owner,
                             LocalDate dueOn, @Nullable LocalDateTime doneAt, @Nullable String doneBy,
                             @Nullable String goalFigure, @Nullable String goalSliceKind, @Nullable String goalSlice,
                             @Nullable BigDecimal goalTarget, @Nullable String goalOutcome, @Nullable Long goalSuccesses,
                             @Nullable Long goalN, @Nullable LocalDateTime goalClosedAt,
                             @Nullable LocalDateTime overdueNotifiedAt, @Nullable LocalDateTime goalNotifiedAt) {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";

    /** A new action of a session, without a goal. */
    static CoachingAction of(long sessionId, int position, String text, String owner, LocalDate dueOn) {
        return new CoachingAction(null, sessionId, position, text, owner, dueOn, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** A new action of a session that is a goal on {@code figure} (overall when {@code sliceKind} is null). */
    static CoachingAction goal(long sessionId, int position, String text, LocalDate dueOn, String figure,
                               @Nullable String sliceKind, @Nullable String slice, BigDecimal target) {
        return new CoachingAction(null, sessionId, position, text, AGENT, dueOn, null, null, figure, sliceKind, slice, target,
                null, null, null, null, null, null);
    }

    CoachingAction inSession(long session) {
        return new CoachingAction(id, session, position, text, owner, dueOn, doneAt, doneBy, goalFigure, goalSliceKind, goalSlice,
                goalTarget, goalOutcome, goalSuccesses, goalN, goalClosedAt, overdueNotifiedAt, goalNotifiedAt);
    }

    public boolean isGoal() {
        return goalFigure != null;
    }

    /** Open past its due date (as of {@code today}, in the organization's zone): overdue, or for a goal, closed. */
    boolean pastDue(LocalDate today) {
        return dueOn.isBefore(today);
    }

    /** An action without a goal: open, done, or overdue (open past its due date, as of {@code today}). */
    public String status(LocalDate today) {
        return doneAt != null ? "done" : pastDue(today) ? "overdue" : "open";
    }
}
