package com.servicecoach.coaching;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A coaching session a supervisor held with an agent: when, its focus, the notes (the agent reads them) and the
 * private notes (supervisors and HR only), the follow-up date, and the agent's acknowledgement and comment. UTC times.
 */
@MappedEntity("coaching_session")
public record CoachingSession(@Id @GeneratedValue @Nullable Long id, long agentId, LocalDate heldOn, String focus, String notes,
                              String privateNotes, @Nullable LocalDate followUpOn, String createdBy, LocalDateTime createdAt,
                              @Nullable LocalDateTime acknowledgedAt, @Nullable String agentComment) {

    CoachingSession acknowledged(@Nullable String comment, LocalDateTime at) {
        return new CoachingSession(id, agentId, heldOn, focus, notes, privateNotes, followUpOn, createdBy, createdAt, at, comment);
    }
}
