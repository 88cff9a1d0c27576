package com.servicecoach.training.content;

import java.util.List;

/**
 * The {@code assessment:} block of module.yml.
 *
 * @param timeLimitMinutes time allowed for one attempt
 * @param attemptsAllowed  0 means unlimited
 * @param gradingMethod    highest | latest | first | average
 * @param questionCount    drawn at random from the bank; 0 means all questions
 * @param shuffleQuestions shuffle the order of questions
 * @param shuffleOptions   shuffle the options of each question
 * @param layout           all_on_one | one_per_page
 * @param review           never | after_submit | after_deadline
 * @param tags             only questions carrying every one of these tags ({@code // [tag:name]} in the GIFT file)
 *                         are drawn; empty means the whole bank
 */
public record AssessmentSettings(int timeLimitMinutes, int attemptsAllowed, String gradingMethod, int questionCount,
                                 boolean shuffleQuestions, boolean shuffleOptions, String layout, String review,
                                 List<String> tags) {

    public AssessmentSettings {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    public static final List<String> GRADING_METHODS = List.of("highest", "latest", "first", "average");
    public static final List<String> LAYOUTS = List.of("all_on_one", "one_per_page");
    public static final List<String> REVIEWS = List.of("never", "after_submit", "after_deadline");
}
