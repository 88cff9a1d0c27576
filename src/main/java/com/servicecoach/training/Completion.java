package com.servicecoach.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/**
 * An agent completed a module: every lesson read and the assessment passed at {@code passedAt}; the
 * module's version at that moment is kept. UTC times.
 */
@MappedEntity("training_completion")
public record Completion(
        @Id @GeneratedValue @Nullable Long id,
        Long agentId,
        Long moduleId,
        int moduleVersion,
        LocalDateTime passedAt,
        LocalDateTime completedAt) {
}
