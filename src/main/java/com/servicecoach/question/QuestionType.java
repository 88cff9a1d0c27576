package com.servicecoach.question;

import java.util.Optional;

/** Question types, named as Moodle names them ({@link #code()}). */
public enum QuestionType {
    MULTICHOICE("multichoice"),
    TRUEFALSE("truefalse"),
    SHORTANSWER("shortanswer"),
    MATCH("match"),
    NUMERICAL("numerical"),
    ESSAY("essay"),
    /** A GIFT block without any answer block: text shown to the candidate, never graded. */
    DESCRIPTION("description");

    private final String code;

    QuestionType(String code) {
        this.code = code;
    }

    /** Moodle's name of the type, e.g. {@code "multichoice"}. */
    public String code() {
        return code;
    }

    /** True when {@link Grader} can score a response automatically (not essay, not description). */
    public boolean isAutoGraded() {
        return this != ESSAY && this != DESCRIPTION;
    }

    public static Optional<QuestionType> fromCode(String code) {
        for (QuestionType t : values()) {
            if (t.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
