package com.servicecoach.question;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A question parsed from GIFT.
 *
 * @param name             the {@code ::name::}, or (as Moodle does) the start of the text when there is none
 * @param type             the question type
 * @param text             question text, escapes resolved, format marker removed; a "missing word" question
 *                         keeps the text before and after its answer block with {@link #BLANK} in between
 * @param format           format of the text ({@link TextFormat#MOODLE} unless marked)
 * @param generalFeedback  feedback after {@code ####}, "" when none
 * @param category         the {@code $CATEGORY:} in force, null when none
 * @param line             1-based line where the question starts
 * @param choices          answers of a multichoice or shortanswer question, ids "1", "2", ... in file order
 * @param pairs            the pairs of a matching question, in file order
 * @param numeric          the answers of a numerical question, in file order
 * @param trueFalseAnswer  the right answer of a truefalse question, null for other types
 * @param trueFeedback     truefalse: feedback for a candidate who answers true ("" when none)
 * @param falseFeedback    truefalse: feedback for a candidate who answers false ("" when none)
 * @param multipleAnswers  multichoice: several answers may be chosen (no answer is marked {@code =})
 */
public record Question(String name, QuestionType type, String text, TextFormat format, String generalFeedback,
                       String category, int line, List<Choice> choices, List<MatchPair> pairs,
                       List<NumericAnswer> numeric, Boolean trueFalseAnswer, String trueFeedback,
                       String falseFeedback, boolean multipleAnswers) {

    /** Marker put where the answer block of a "missing word" question stood. */
    public static final String BLANK = "_____";

    public Question {
        choices = choices == null ? List.of() : List.copyOf(choices);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        numeric = numeric == null ? List.of() : List.copyOf(numeric);
        generalFeedback = generalFeedback == null ? "" : generalFeedback;
        trueFeedback = trueFeedback == null ? "" : trueFeedback;
        falseFeedback = falseFeedback == null ? "" : falseFeedback;
    }

    /** True when the answer block stood inside the sentence (the text holds {@link #BLANK}). */
    public boolean isMissingWord() {
        return text != null && text.contains(BLANK);
    }

    /**
     * What the candidate picks from: the choices of a multichoice question, the distinct answer texts of a
     * matching question (distractors included), in file order; empty for other types.
     */
    public List<Option> options() {
        if (type == QuestionType.MULTICHOICE) {
            return choices.stream().map(c -> new Option(c.id(), c.text())).toList();
        }
        if (type == QuestionType.MATCH) {
            Map<String, String> byId = new LinkedHashMap<>();
            for (MatchPair p : pairs) {
                byId.putIfAbsent(p.optionId(), p.answer());
            }
            List<Option> out = new ArrayList<>();
            byId.forEach((id, t) -> out.add(new Option(id, t)));
            return List.copyOf(out);
        }
        return List.of();
    }

    /** The stems of a matching question (pairs with a stem), in file order; empty for other types. */
    public List<Option> stems() {
        return pairs.stream().filter(p -> !p.isDistractor()).map(p -> new Option(p.stemId(), p.stem())).toList();
    }
}
