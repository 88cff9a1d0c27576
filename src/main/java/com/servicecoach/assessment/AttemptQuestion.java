package com.servicecoach.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A bank question drawn for an attempt, at its 1-based position. {@code optionOrder} and {@code stemOrder}
 * are the bank's option and stem ids ("," separated) in the order the agent sees them. {@code points} is
 * the score in [0, 1] (null until graded); {@code needsGrading} marks an answer waiting for a person.
 */
@MappedEntity("assessment_attempt_question")
public record AttemptQuestion(
        @Id @GeneratedValue @Nullable Long id,
        Long attemptId,
        int position,
        Long questionId,
        String optionOrder,
        String stemOrder,
        @Nullable BigDecimal points,
        boolean needsGrading,
        @Nullable String gradedBy,
        @Nullable LocalDateTime gradedAt,
        @Nullable String graderComment) {

    public List<String> options() {
        return split(optionOrder);
    }

    public List<String> stems() {
        return split(stemOrder);
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(","));
    }
}
