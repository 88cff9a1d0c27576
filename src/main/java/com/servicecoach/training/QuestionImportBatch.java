package com.servicecoach.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/**
 * One GIFT import into a module's bank: who imported how many questions from which file, and when (UTC). Its
 * questions point back to it ({@link TrainingQuestion#importId()}), so that an administrator can remove them
 * together.
 */
@MappedEntity("training_question_import")
public record QuestionImportBatch(@Id @GeneratedValue @Nullable Long id, Long moduleId, @Nullable String fileName,
                                  int questions, String importedBy, LocalDateTime importedAt) {
}
