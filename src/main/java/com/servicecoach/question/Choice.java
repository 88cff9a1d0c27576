package com.servicecoach.question;

import java.math.BigDecimal;

/**
 * One answer of a multiple-choice or short-answer question.
 *
 * @param id             stable id, "1", "2", ... in file order (the option id of the API)
 * @param text           answer text, escapes resolved, format marker removed
 * @param format         format of the text (the question's format unless the answer has its own marker)
 * @param fraction       credit in [-1, 1]: {@code =} is 1, {@code ~} is 0, {@code %50%} is 0.5
 * @param feedback       feedback after {@code #}, "" when none
 * @param feedbackFormat format of the feedback
 */
public record Choice(String id, String text, TextFormat format, BigDecimal fraction, String feedback,
                     TextFormat feedbackFormat) {

    /** True when choosing this answer earns some credit (not named isCorrect, so it never serializes as a bean property). */
    public boolean earnsCredit() {
        return fraction.signum() > 0;
    }
}
