package com.servicecoach.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Grading worked examples of every type. Scores are compared by value (0.5 equals 0.50). */
class GraderTest {

    static Question q(String gift) {
        return GiftParserConstructsTest.one(gift);
    }

    static void assertScore(String expected, Question q, Object response) {
        BigDecimal got = Grader.grade(q, response);
        assertEquals(0, new BigDecimal(expected).compareTo(got), () -> "expected " + expected + " but got " + got
                + " for " + response);
    }

    static final Question HOMETOWN = q("Jesus Christ was from {~Jerusalem#No. ~%25%Bethlehem#Born there. "
            + "~%50%Galilee#Be more specific. =Nazareth#Yes!}.");
    static final Question ENTOMBED = q("What two people are entombed in Grant's tomb? {"
            + "~%-50%No one ~%50%Grant ~%50%Grant's wife ~%-50%Grant's father}");

    @Test
    void singleChoiceScoresTheChosenOptionsFraction() {
        assertScore("1", HOMETOWN, "4");
        assertScore("0.5", HOMETOWN, "3");
        assertScore("0.25", HOMETOWN, "2");
        assertScore("0", HOMETOWN, "1");
        assertScore("0.5", HOMETOWN, List.of("3"));
        assertEquals(new BigDecimal("0.5"), Grader.grade(HOMETOWN, "3"));
    }

    @Test
    void singleChoiceWithANegativeOptionIsFlooredAtZero() {
        Question q = q("Refund before the item is returned? {=No ~%-50%Yes, always ~Only for VIPs}");
        assertScore("0", q, "2");
        assertScore("1", q, "1");
    }

    @Test
    void severalAnswersSumTheChosenFractionsNegativeWeightsSubtract() {
        assertScore("1", ENTOMBED, List.of("2", "3"));
        assertScore("0.5", ENTOMBED, List.of("2"));
        assertScore("0.5", ENTOMBED, List.of("2", "3", "4"));
        assertScore("0", ENTOMBED, List.of("2", "1", "4"), "clamped at 0, never negative");
        assertScore("0", ENTOMBED, List.of("1"));
        assertScore("0.5", ENTOMBED, List.of("2", "2"));
        assertScore("0.5", ENTOMBED, "2");
        assertScore("0", ENTOMBED, List.of());
    }

    static void assertScore(String expected, Question q, Object response, String why) {
        BigDecimal got = Grader.grade(q, response);
        assertEquals(0, new BigDecimal(expected).compareTo(got), () -> why + ": got " + got);
    }

    @Test
    void severalAnswersAreClampedAtOne() {
        Question q = q("Which are payment methods? {~%60%Card ~%60%PayPal ~%-100%Carrier pigeon}");
        assertScore("1", q, List.of("1", "2"));
        assertEquals(BigDecimal.ONE, Grader.grade(q, List.of("1", "2")));
    }

    @Test
    void trueFalseIsAllOrNothing() {
        Question f = q("Grant is buried in Grant's tomb.{F#Wrong.#Right.}");
        assertScore("1", f, false);
        assertScore("0", f, true);
        assertScore("1", f, "false");
        assertScore("0", f, null);
        assertScore("0", f, "maybe");
        assertEquals(List.of("Wrong."), Grader.feedbackFor(f, true));
        assertEquals(List.of("Right."), Grader.feedbackFor(f, false));
        assertScore("1", q("The sun rises in the east.{T}"), Boolean.TRUE);
    }

    @Test
    void shortAnswerIgnoresCaseAndSurroundingSpacesAndTakesTheBestMatch() {
        Question q = q("Jesus Christ was from {=Nazareth#Yes! =%75%Nazereth#Misspelled. =%25%Bethlehem#Born there.}.");
        assertScore("1", q, "Nazareth");
        assertScore("1", q, "  nAzArEtH ");
        assertScore("0.75", q, "nazereth");
        assertScore("0.25", q, "BETHLEHEM");
        assertScore("0", q, "Jerusalem");
        assertScore("0", q, "");
        assertScore("0", q, 42);
        assertEquals(List.of("Misspelled."), Grader.feedbackFor(q, "Nazereth"));
    }

    @Test
    void shortAnswerWildcardMatchesAnyTextAndInnerSpacesAreCollapsed() {
        Question animal = q("Which is the best animal?{=Frog#Good! =%50%Cat#Cats again? =%0%*#Completely wrong}");
        assertScore("1", animal, "frog");
        assertScore("0.5", animal, "CAT");
        assertScore("0", animal, "dog");
        assertEquals(List.of("Completely wrong"), Grader.feedbackFor(animal, "dog"));

        Question q = q("Name the policy.{=*return* policy =no  one}");
        assertScore("1", q, "The Return and refund POLICY");
        assertScore("1", q, "return policy");
        assertScore("0", q, "refund policy");
        assertScore("1", q, "No   One");
    }

    @Test
    void matchingScoresEachPairWithAStem() {
        Question q = q("Match the activity.{=Discussions -> Forum =Many responses -> Choice "
                + "=Record entries -> Database =Shared pages -> Wiki = -> Chat}");
        assertScore("1", q, Map.of("1", "1", "2", "2", "3", "3", "4", "4"));
        assertScore("0.75", q, Map.of("1", "1", "2", "2", "3", "3", "4", "5"));
        assertScore("0.5", q, Map.of("1", "1", "2", "2"));
        assertScore("0", q, Map.of("1", "5", "2", "5", "3", "5", "4", "5"));
        assertScore("0", q, "1");
        Map<String, String> withNull = new HashMap<>();
        withNull.put("1", null);
        withNull.put("2", "2");
        assertScore("0.25", q, withNull);
        assertScore("0.5", q, Map.of(1, 1, 2, 2), "keys and values need not be strings");

        Question three = q("Match.{=a -> 1 =b -> 2 =c -> 3}");
        assertEquals(0, new BigDecimal("0.6666666667").compareTo(Grader.grade(three, Map.of("1", "1", "2", "2"))));
    }

    @Test
    void numericalToleranceAndRangeIncludeTheirBounds() {
        Question pi = q("Pi to 3 places? {#3.1415:0.0005}");
        assertScore("1", pi, 3.141);
        assertScore("1", pi, new BigDecimal("3.142"));
        assertScore("0", pi, 3.1421);
        assertScore("1", pi, "3.1416");
        assertScore("0", pi, "pi");

        Question range = q("A number from 1 to 5? {#1..5}");
        assertScore("1", range, 1);
        assertScore("1", range, 5L);
        assertScore("1", range, 2.5f);
        assertScore("0", range, 6);
        assertScore("0", range, 0.999);
        assertScore("0", range, null);
        assertScore("0", range, Double.NaN);
    }

    @Test
    void numericalTakesTheBestFractionAmongMatchingAnswers() {
        Question q = q("When was Ulysses S. Grant born? {#=1822:0#Exactly. =%50%1822:2#Close. ~#Not even close.}");
        assertScore("1", q, 1822);
        assertScore("0.5", q, 1824);
        assertScore("0.5", q, "1820");
        assertScore("0", q, 1900);
        assertEquals(List.of("Exactly."), Grader.feedbackFor(q, 1822));
        assertEquals(List.of("Close."), Grader.feedbackFor(q, 1821));
        assertEquals(List.of("Not even close."), Grader.feedbackFor(q, 1900));
    }

    @Test
    void essayAndDescriptionAreLeftToAPerson() {
        assertNull(Grader.grade(q("Describe your best support call. {}"), "It was great"));
        assertNull(Grader.grade(q("Read the next questions carefully."), "x"));
    }

    @Test
    void absentOrUnusableResponsesScoreZero() {
        assertScore("0", HOMETOWN, null);
        assertScore("0", HOMETOWN, "99");
        assertScore("0", HOMETOWN, List.of("4", "3"));
        assertScore("0", HOMETOWN, Map.of("1", "4"));
        assertScore("0", ENTOMBED, null);
        assertScore("0", ENTOMBED, true);
    }

    @Test
    void feedbackForChoicesListsTheChosenOptionsFeedback() {
        assertEquals(List.of("Be more specific."), Grader.feedbackFor(HOMETOWN, "3"));
        assertEquals(List.of(), Grader.feedbackFor(ENTOMBED, List.of("2")));
        assertEquals(List.of(), Grader.feedbackFor(null, "1"));
    }
}
