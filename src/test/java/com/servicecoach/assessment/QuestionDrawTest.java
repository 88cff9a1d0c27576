package com.servicecoach.assessment;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class QuestionDrawTest {

    /** 6 questions in category a, 3 in b, 1 in c. */
    static List<QuestionDraw.Candidate> bank() {
        List<QuestionDraw.Candidate> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            out.add(new QuestionDraw.Candidate(100 + i, i < 6 ? "a" : i < 9 ? "b" : "c", i));
        }
        return out;
    }

    static Map<String, Long> byCategory(List<Long> ids) {
        return ids.stream().collect(Collectors.groupingBy(id -> id < 106 ? "a" : id < 109 ? "b" : "c", Collectors.counting()));
    }

    @Test
    void drawsAreSpreadOverTheCategoriesInTurn() {
        for (long seed = 0; seed < 50; seed++) {
            List<Long> drawn = QuestionDraw.draw(bank(), 7, true, new Random(seed));
            assertEquals(7, new HashSet<>(drawn).size());
            assertEquals(Map.of("a", 3L, "b", 3L, "c", 1L), byCategory(drawn), "seed " + seed);
            assertEquals(Map.of("a", 2L, "b", 1L, "c", 1L), byCategory(QuestionDraw.draw(bank(), 4, true, new Random(seed))));
        }
    }

    @Test
    void withoutShuffleTheDrawnQuestionsKeepTheBankOrderAndZeroMeansAll() {
        List<Long> drawn = QuestionDraw.draw(bank(), 5, false, new Random(3));
        assertEquals(drawn.stream().sorted().toList(), drawn);
        assertEquals(bank().stream().map(QuestionDraw.Candidate::id).toList(), QuestionDraw.draw(bank(), 0, false, new Random(1)));
        assertEquals(10, QuestionDraw.draw(bank(), 25, true, new Random(1)).size());
    }

    @Test
    void tagsKeepOnlyTheCandidatesCarryingEveryOne() {
        List<QuestionDraw.Candidate> bank = List.of(new QuestionDraw.Candidate(1, "a", 0, List.of("x", "y")),
                new QuestionDraw.Candidate(2, "a", 1, List.of("x")), new QuestionDraw.Candidate(3, "b", 2, List.of("y", "x", "z")),
                new QuestionDraw.Candidate(4, "b", 3));
        assertEquals(List.of(1L, 3L), QuestionDraw.carrying(bank, List.of("x", "y")).stream().map(QuestionDraw.Candidate::id).toList());
        assertEquals(List.of(1L, 2L, 3L), QuestionDraw.carrying(bank, List.of("x")).stream().map(QuestionDraw.Candidate::id).toList());
        assertEquals(bank, QuestionDraw.carrying(bank, List.of()));
        assertEquals(List.of(), QuestionDraw.carrying(bank, List.of("w")));
    }

    @Test
    void shufflingChangesTheOrderOfQuestionsAndOptions() {
        List<Long> all = bank().stream().map(QuestionDraw.Candidate::id).toList();
        assertNotEquals(all, QuestionDraw.draw(bank(), 0, true, new Random(7)));
        assertEquals(List.of("1", "2", "3", "4"), QuestionDraw.order(List.of("1", "2", "3", "4"), false, new Random(7)));
        assertEquals(new HashSet<>(List.of("1", "2", "3", "4")), new HashSet<>(QuestionDraw.order(List.of("1", "2", "3", "4"), true, new Random(7))));
    }
}
