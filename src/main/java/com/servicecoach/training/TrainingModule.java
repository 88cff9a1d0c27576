package com.servicecoach.training;

import com.servicecoach.training.content.Localized;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A training module as synced from its folder in the content directory. {@code skills} and
 * {@code categories} are ';'-separated, and so is {@code drawTags}: the tags a question must all carry to be drawn
 * for the assessment (empty: the whole bank). A module whose folder has gone stays with {@code active} false,
 * so assignments and completions that refer to it keep their meaning.
 */
@MappedEntity("training_module")
public record TrainingModule(
        @Id @GeneratedValue @Nullable Long id,
        String code,
        int version,
        String contentHash,
        String titleEn,
        String titleZh,
        String summaryEn,
        String summaryZh,
        String skills,
        String categories,
        int estimatedMinutes,
        int passMark,
        int certificationMonths,
        int timeLimitMinutes,
        int attemptsAllowed,
        String gradingMethod,
        int questionCount,
        boolean shuffleQuestions,
        boolean shuffleOptions,
        String layout,
        String review,
        boolean active,
        LocalDateTime syncedAt,
        String drawTags,
        String addresses) {

    public Localized title() {
        return new Localized(titleEn, titleZh);
    }

    public Localized summary() {
        return new Localized(summaryEn, summaryZh);
    }

    public List<String> skillList() {
        return split(skills);
    }

    public List<String> categoryList() {
        return split(categories);
    }

    /** The figures the module addresses (module.yml {@code addresses}). */
    public List<com.servicecoach.training.content.Addressed> addressedList() {
        return com.servicecoach.training.content.Addressed.parse(addresses);
    }

    /** The tags every drawn question carries; empty when the assessment draws from the whole bank. */
    public List<String> drawTagList() {
        return split(drawTags);
    }

    private static List<String> split(String s) {
        return s == null || s.isEmpty() ? List.of() : Arrays.asList(s.split(";"));
    }
}
