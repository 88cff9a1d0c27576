package com.servicecoach.training;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/**
 * One question of a module's bank. {@code source} is {@link #FILE} (from the module's GIFT files, kept in
 * step with them by name) or {@link #IMPORT} (imported through the API or the module page; left alone by
 * syncs). {@code contentEn}/{@code contentZh} hold the parsed question as {@link QuestionJson}; imported
 * questions have only {@code contentEn}, in the language they were written in. Questions that left the
 * files stay with {@code active} false so that past attempts can still show them. An imported question
 * records its import ({@code importId}, a {@link QuestionImportBatch}); an administrator's removal deletes
 * it, or retires it ({@code active} false) when an attempt already drew it.
 */
@MappedEntity("training_question")
public record TrainingQuestion(
        @Id @GeneratedValue @Nullable Long id,
        Long moduleId,
        String name,
        String type,
        @Nullable String category,
        String source,
        int position,
        int line,
        String contentEn,
        @Nullable String contentZh,
        boolean active,
        @Nullable String importedBy,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        @Nullable Long importId) {

    public static final String FILE = "file";
    public static final String IMPORT = "import";

    @Creator
    public TrainingQuestion {
    }

    /** A question that came from no import (the module's files). */
    public TrainingQuestion(@Nullable Long id, Long moduleId, String name, String type, @Nullable String category, String source,
                            int position, int line, String contentEn, @Nullable String contentZh, boolean active,
                            @Nullable String importedBy, LocalDateTime createdAt, LocalDateTime updatedAt) {
        this(id, moduleId, name, type, category, source, position, line, contentEn, contentZh, active, importedBy, createdAt,
                updatedAt, null);
    }

    /** The content in the language asked for: the Chinese twin when asked and present, else the stored text. */
    public String content(boolean chinese) {
        return chinese && contentZh != null ? contentZh : contentEn;
    }
}
