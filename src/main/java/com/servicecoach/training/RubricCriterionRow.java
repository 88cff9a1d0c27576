package com.servicecoach.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One criterion of the rubric of the essay question {@code questionName} of a module. */
@MappedEntity("training_rubric_criterion")
public record RubricCriterionRow(
        @Id @GeneratedValue @Nullable Long id,
        Long moduleId,
        String questionName,
        int position,
        String criterionEn,
        String criterionZh,
        int points) {
}
