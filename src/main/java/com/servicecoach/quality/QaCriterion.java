package com.servicecoach.quality;

import com.servicecoach.training.content.Localized;

import java.util.Locale;

/**
 * One question of a {@link QaRubric} that the reviewer answers about a conversation.
 *
 * @param code      unique within the rubric (lower-case letters, digits and '-')
 * @param text      the question the reviewer answers
 * @param guidance  what full points look like; null when the rubric gives none
 * @param points    the most points the criterion gives (1..100)
 * @param critical  pass/fail only: the reviewer gives 0 or full points
 * @param naAllowed the reviewer may mark the criterion as not applicable to the conversation
 * @param module    the code of the training module that addresses the criterion; null when none is named
 * @param line      the line of the criterion in its rubric file
 */
public record QaCriterion(String code, Localized text, Localized guidance, int points, boolean critical,
                          boolean naAllowed, String module, int line) {

    /** The question in the given language (English when there is no Chinese). */
    public String textIn(Locale locale) {
        return text.in(locale);
    }

    /** The guidance in the given language; null when the criterion has none. */
    public String guidanceIn(Locale locale) {
        return guidance == null ? null : guidance.in(locale);
    }

    /** Whether a training module is named for the criterion. */
    public boolean hasModule() {
        return module != null;
    }
}
