package com.servicecoach.coaching;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** An action agreed in a session: what, who does it ({@code agent} or {@code supervisor}), by when, and when done. */
@MappedEntity("coaching_action")
public record CoachingAction(@Id @GeneratedValue @Nullable Long id, long sessionId, int position, String text, String owner,
                             LocalDate dueOn, @Nullable LocalDateTime doneAt, @Nullable String doneBy) {

    public static final String AGENT = "agent";
    public static final String SUPERVISOR = "supervisor";

    /** open, done, or overdue (open past its due date, as of {@code today}). */
    public String status(LocalDate today) {
        return doneAt != null ? "done" : dueOn.isBefore(today) ? "overdue" : "open";
    }

    CoachingAction done(String by, LocalDateTime at) {
        return new CoachingAction(id, sessionId, position, text, owner, dueOn, at, by);
    }
}
