package com.servicecoach.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** Points given for one rubric criterion of an essay answer; the criterion text is a copy. */
@MappedEntity("assessment_rubric_score")
public record RubricScore(
        @Id @GeneratedValue @Nullable Long id,
        Long attemptQuestionId,
        int position,
        String criterionEn,
        String criterionZh,
        int maxPoints,
        int points) {
}
