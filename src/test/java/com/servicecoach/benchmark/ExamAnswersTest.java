package com.servicecoach.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exam load answers each question type with the value api.md says a save takes. */
class ExamAnswersTest {

    static final List<Map<String, Object>> OPTIONS = List.of(Map.of("id", "a", "text", "A"), Map.of("id", "b", "text", "B"));

    @Test
    void singleChoiceTakesAnOptionIdAndSeveralAnswersAList() {
        assertEquals("b", ExamAnswers.answer(Map.of("id", 1, "type", "multichoice", "options", OPTIONS), 1));
        assertEquals("a", ExamAnswers.answer(Map.of("id", 1, "type", "multichoice", "options", OPTIONS), 2));
        assertEquals(List.of("b"), ExamAnswers.answer(Map.of("id", 1, "type", "multichoice", "multipleAnswers", true,
                "options", OPTIONS), 3));
    }

    @Test
    void trueFalseNumericalShortAnswerAndEssayTakeTheirPlainValues() {
        assertEquals(true, ExamAnswers.answer(Map.of("type", "truefalse"), 4));
        assertEquals(false, ExamAnswers.answer(Map.of("type", "truefalse"), 5));
        assertEquals(42, ExamAnswers.answer(Map.of("type", "numerical"), 142));
        assertEquals("answer 7", ExamAnswers.answer(Map.of("type", "shortanswer"), 7));
        String essay = assertInstanceOf(String.class, ExamAnswers.answer(Map.of("type", "essay"), 9));
        assertTrue(essay.length() > 40, essay);
    }

    @Test
    void matchingPairsEveryStemWithAnOption() {
        Object answer = ExamAnswers.answer(Map.of("type", "match", "options", OPTIONS,
                "stems", List.of(Map.of("id", "s1", "text", "one"), Map.of("id", "s2", "text", "two"))), 0);
        assertEquals(Map.of("s1", "a", "s2", "b"), answer);
    }

    @Test
    void aQuestionItCannotAnswerIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> ExamAnswers.answer(Map.of("type", "description"), 0));
        assertThrows(IllegalArgumentException.class, () -> ExamAnswers.answer(Map.of("id", 3, "type", "multichoice"), 0));
    }
}
