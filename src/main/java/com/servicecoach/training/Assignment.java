package com.servicecoach.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A module assigned to one agent ({@code agentId}) or to a team ({@code teamId}); a team assignment reaches
 * every agent of the team who has not left, including those who join later. Cancelled assignments keep
 * their row with {@code cancelledAt} set.
 */
@MappedEntity("training_assignment")
public record Assignment(
        @Id @GeneratedValue @Nullable Long id,
        Long moduleId,
        @Nullable Long agentId,
        @Nullable Long teamId,
        LocalDate dueOn,
        String assignedBy,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        @Nullable LocalDateTime cancelledAt,
        @Nullable String cancelledBy) {

    public boolean isTeamAssignment() {
        return teamId != null;
    }

    Assignment withDueOn(LocalDate due, LocalDateTime now) {
        return new Assignment(id, moduleId, agentId, teamId, due, assignedBy, createdAt, now, cancelledAt, cancelledBy);
    }

    Assignment cancelled(String by, LocalDateTime now) {
        return new Assignment(id, moduleId, agentId, teamId, dueOn, assignedBy, createdAt, now, now, by);
    }
}
