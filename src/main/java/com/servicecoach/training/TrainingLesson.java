package com.servicecoach.training;

import com.servicecoach.training.content.Localized;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** One lesson of a module, Markdown in both languages; {@code slug} is its file name without .md. */
@MappedEntity("training_lesson")
public record TrainingLesson(
        @Id @GeneratedValue @Nullable Long id,
        Long moduleId,
        int position,
        String slug,
        String titleEn,
        String titleZh,
        String bodyEn,
        String bodyZh) {

    public Localized title() {
        return new Localized(titleEn, titleZh);
    }

    public Localized body() {
        return new Localized(bodyEn, bodyZh);
    }
}
