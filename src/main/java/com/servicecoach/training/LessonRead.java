package com.servicecoach.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** An agent read a lesson (first opened it) at {@code readAt}, UTC. */
@MappedEntity("training_lesson_read")
public record LessonRead(
        @Id @GeneratedValue @Nullable Long id,
        Long agentId,
        Long moduleId,
        String lessonSlug,
        LocalDateTime readAt) {
}
