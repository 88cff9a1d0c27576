package com.servicecoach.training.content;

import com.servicecoach.question.Question;

/** A question of a module's bank in both languages (same name, type and answer structure). */
public record BankQuestion(Question en, Question zh) {

    public String name() {
        return en.name();
    }
}
