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
 * @param generalFeedbackFormat format of the general feedback (its own marker, else the question's format)
 * @param category         the {@code $CATEGORY:} in force, null when none
 * @param line             1-based line where the question starts
 * @param choices          answers of a multichoice or shortanswer question, ids "1", "2", ... in file order
 * @param pairs            the pairs of a matching question, in file order
 * @param numeric          the answers of a numerical question, in file order
 * @param trueFalseAnswer  the right answer of a truefalse question, null for other types
 * @param trueFeedback     truefalse: feedback for a candidate who answers true ("" when none)
 * @param falseFeedback    truefalse: feedback for a candidate who answers false ("" when none)
 * @param multipleAnswers  multichoice: several answers may be chosen (no answer is marked {@code =})
 * @param tags             tags from the comment before the question ({@code // [tag:name]}), in file order
 * @param idNumber         the id number from the comment before the question ({@code // [id:value]}), null when none
 */
public record Question(String name, QuestionType type, String text, TextFormat format, String generalFeedback,
                       TextFormat generalFeedbackFormat, String category, int line, List<Choice> choices,
                       List<MatchPair> pairs, List<NumericAnswer> numeric, Boolean trueFalseAnswer,
                       String trueFeedback, String falseFeedback, boolean multipleAnswers, List<String> tags,
                       String idNumber) {

    /** Marker put where the answer block of a "missing word" question stood. */
    public static final String BLANK = "_____";

    public Question {
        choices = choices == null ? List.of() : List.copyOf(choices);
        pairs = pairs == null ? List.of() : List.copyOf(pairs);
        numeric = numeric == null ? List.of() : List.copyOf(numeric);
        generalFeedback = generalFeedback == null ? "" : generalFeedback;
        trueFeedback = trueFeedback == null ? "" : trueFeedback;
        falseFeedback = falseFeedback == null ? "" : falseFeedback;
        generalFeedbackFormat = generalFeedbackFormat == null ? format : generalFeedbackFormat;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A question without tags or id number whose general feedback has the question's format. */
    public Question(String name, QuestionType type, String text, TextFormat format, String generalFeedback,
                    String category, int line, List<Choice> choices, List<MatchPair> pairs,
                    List<NumericAnswer> numeric, Boolean trueFalseAnswer, String trueFeedback,
                    String falseFeedback, boolean multipleAnswers) {
        this(name, type, text, format, generalFeedback, format, category, line, choices, pairs, numeric,
                trueFalseAnswer, trueFeedback, falseFeedback, multipleAnswers, List.of(), null);
    }

    /** This question with the given tags and id number. */
    public Question withTagsAndIdNumber(List<String> newTags, String newIdNumber) {
        return new Question(name, type, text, format, generalFeedback, generalFeedbackFormat, category, line, choices,
                pairs, numeric, trueFalseAnswer, trueFeedback, falseFeedback, multipleAnswers, newTags, newIdNumber);
    }

    /** This question as if it started on another line (to compare questions read from different files). */
    public Question withLine(int newLine) {
        return new Question(name, type, text, format, generalFeedback, generalFeedbackFormat, category, newLine,
                choices, pairs, numeric, trueFalseAnswer, trueFeedback, falseFeedback, multipleAnswers, tags, idNumber);
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
