package com.servicecoach.question;

import java.util.List;

/** The questions parsed from a GIFT file and the errors found (questions with errors are left out). */
public record GiftResult(List<Question> questions, List<GiftError> errors) {

    public GiftResult {
        questions = List.copyOf(questions);
        errors = List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
