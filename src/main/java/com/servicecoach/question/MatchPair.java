package com.servicecoach.question;

/**
 * One {@code =stem -> answer} line of a matching question.
 *
 * @param stemId     stable id of the stem, "1", "2", ... over the pairs that have a stem; null for a
 *                   distractor ({@code = -> Chat})
 * @param stem       the stem text ("" for a distractor)
 * @param stemFormat format of the stem
 * @param answer     the answer text
 * @param optionId   id of the option with this answer text (options are the distinct answer texts)
 */
public record MatchPair(String stemId, String stem, TextFormat stemFormat, String answer, String optionId) {

    /** True for an answer offered without a stem of its own. */
    public boolean isDistractor() {
        return stemId == null;
    }
}
