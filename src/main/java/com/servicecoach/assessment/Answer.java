package com.servicecoach.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** The answer saved for one question of an attempt, as JSON in the bank's own option and stem ids. */
@MappedEntity("assessment_answer")
public record Answer(
        @Id @GeneratedValue @Nullable Long id,
        Long attemptId,
        Long questionId,
        String response,
        LocalDateTime savedAt) {
}
