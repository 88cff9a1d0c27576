package com.servicecoach.training.content;

/** One criterion of an essay question's rubric, worth {@code points}. */
public record RubricCriterion(Localized criterion, int points) {
}
