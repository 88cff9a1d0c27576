package com.servicecoach.question;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad input is reported with a line and a plain-English message; nothing is thrown. */
class GiftParserErrorsTest {

    static GiftError onlyError(String gift) {
        GiftResult r = GiftParser.parse(gift);
        assertEquals(1, r.errors().size(), () -> "errors: " + r.errors());
        assertEquals(List.of(), r.questions(), "a question with an error is left out");
        return r.errors().get(0);
    }

    static void assertMentions(GiftError e, String... words) {
        for (String w : words) {
            assertTrue(e.message().toLowerCase().contains(w.toLowerCase()), () -> e + " should mention " + w);
        }
    }

    @Test
    void unclosedBraceIsReportedAtTheLineWhereTheQuestionStarts() {
        GiftResult r = GiftParser.parse("Fine? {T}\n\n// comment\nWho ships it?\n{=the seller\n~the buyer\n");
        assertEquals(List.of("Fine?"), r.questions().stream().map(Question::text).toList());
        assertEquals(1, r.errors().size());
        GiftError e = r.errors().get(0);
        assertEquals(4, e.line());
        assertMentions(e, "not closed", "'}'", "line 5");
    }

    @Test
    void closingBraceWithoutOpeningBraceIsReportedAtItsLine() {
        GiftError e = onlyError("Where is the\nbrace } here");
        assertEquals(2, e.line());
        assertMentions(e, "'}'", "without");
    }

    @Test
    void braceInsideTheAnswerBlockIsReported() {
        GiftError e = onlyError("Q {=a\n{=b}");
        assertEquals(2, e.line());
        assertMentions(e, "inside the answer block");
    }

    @Test
    void matchingNeedsThreePairsTwoOfThemWithAQuestion() {
        GiftError e = onlyError("\nMatch.{\n=Canada -> Ottawa\n=Italy -> Rome\n}");
        assertEquals(2, e.line());
        assertMentions(e, "at least 3 pairs", "2 pair(s)");

        GiftError stems = onlyError("Match.{=Canada -> Ottawa = -> Rome = -> Paris}");
        assertMentions(stems, "at least 2 of them with a question", "1 with a question");

        GiftError arrow = onlyError("Match.{\n=Canada -> Ottawa\n=Italy Rome\n=Japan -> Tokyo}");
        assertEquals(3, arrow.line());
        assertMentions(arrow, "Italy Rome", "'->'");

        GiftError noAnswer = onlyError("Match.{=Canada -> Ottawa =Italy -> =Japan -> Tokyo}");
        assertMentions(noAnswer, "no answer after '->'");
    }

    @Test
    void answerBlockWithNoAnswersIsReported() {
        assertMentions(onlyError("Q {=}"), "no answers");
        assertMentions(onlyError("Q {~ ~}"), "no answers");
        GiftError numerical = onlyError("\n\nHow many? {#}");
        assertEquals(3, numerical.line());
        assertMentions(numerical, "no answers");
    }

    @Test
    void badNumericalAnswersAreReportedAtTheirOwnLine() {
        GiftError e = onlyError("How many?\n{#\n=4\n=four:1\n}");
        assertEquals(4, e.line());
        assertMentions(e, "'four:1'", "not a number");

        assertMentions(onlyError("How many? {#3:x}"), "not a number");
        assertMentions(onlyError("How many? {#1,5}"), "not a number");
        assertMentions(onlyError("How many? {#5..1}"), "smaller number first");
        assertMentions(onlyError("How many? {#3:-1}"), "negative tolerance");
        assertMentions(onlyError("How many? {#=%50%3 =}"), "no number");
    }

    @Test
    void numbersTooLargeOrTooPreciseToStoreAreReportedQuicklyAndNeverThrow() {
        for (String n : List.of("1e9999999999", "1e999999999:1", "1..1e999999999", "1e-999999999", "3:1e-50",
                "1" + "0".repeat(60), "0." + "0".repeat(60) + "1")) {
            GiftError e = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(2),
                    () -> onlyError("How many?\n{#" + n + "}"), n);
            assertEquals(2, e.line(), n);
            assertMentions(e, "digits");
        }
        GiftResult fine = GiftParser.parse("How many? {#1e30:1e-20}");
        assertEquals(List.of(), fine.errors());
        assertEquals(0, new java.math.BigDecimal("1e30").compareTo(fine.questions().get(0).numeric().get(0).value()));
    }

    @Test
    void secondAnswerBlockAfterTheFirstIsNotAllowed() {
        GiftError e = onlyError("Grant is {=entombed ~buried} in\n{=Grant's ~Lee's} tomb.");
        assertEquals(2, e.line());
        assertMentions(e, "after the answer block", "only one answer block");
    }

    @Test
    void answerTextWithoutAMarkerIsReported() {
        GiftError e = onlyError("Capital of France? {Paris}");
        assertMentions(e, "Unexpected text 'Paris'");
        assertMentions(onlyError("Pick {maybe ~a =b}"), "'maybe'");
    }

    @Test
    void multipleChoiceNeedsTwoAnswersAndSomeCredit() {
        assertMentions(onlyError("Pick {~only}"), "at least 2 answers");
        assertMentions(onlyError("Pick {~a ~b}"), "no answer earns credit");
        assertMentions(onlyError("Pick {=a ~}"), "answer 2 is empty");
        assertMentions(onlyError("Pick {=a ~%150%b}"), "150%", "outside");
    }

    @Test
    void unclosedNameEmptyTextAndEmptyCategoryAreReported() {
        assertMentions(onlyError("::Name without end Question {T}"), "not closed with '::'");
        assertMentions(onlyError("::Name::{T}"), "no text");
        GiftResult r = GiftParser.parse("$CATEGORY:   \n\nQ {T}");
        assertEquals(1, r.errors().size());
        assertEquals(1, r.errors().get(0).line());
        assertMentions(r.errors().get(0), "category path");
        assertEquals(1, r.questions().size());
    }

    @Test
    void aBadFileStillReportsEveryErrorInLineOrderAndReadsTheGoodQuestions() {
        String gift = String.join("\n",
                "Good one? {T}",                                 // 1
                "",                                              // 2
                "Unclosed {=yes ~no",                            // 3
                "",                                              // 4
                "Match too small.{=a -> b =c -> d}",             // 5
                "",                                              // 6
                "Number? {#abc}",                                // 7
                "",                                              // 8
                "Empty block.{~}",                               // 9
                "",                                              // 10
                "Two blocks {=a ~b} and {=c ~d}.",               // 11
                "",                                              // 12
                "Good two? {=yes ~no}");                         // 13
        GiftResult r = GiftParser.parse(gift);
        assertEquals(List.of(3, 5, 7, 9, 11), r.errors().stream().map(GiftError::line).toList(), r.errors()::toString);
        assertEquals(List.of("Good one?", "Good two?"), r.questions().stream().map(Question::text).toList());
        assertTrue(r.hasErrors());
    }

    @Test
    void nullEmptyAndCommentOnlyInputGiveNoQuestionsAndNoErrors() {
        for (String s : new String[] {null, "", "\n\n", "// only\n// comments\n", "\uFEFF"}) {
            GiftResult r = GiftParser.parse(s);
            assertEquals(List.of(), r.questions());
            assertEquals(List.of(), r.errors());
        }
    }

    @Test
    void randomGarbageNeverThrows() {
        String alphabet = "{}~=#:\\->%.[]n 0123456789abcTF\n\r/$CATEGORY";
        Random random = new Random(42);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(60);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = sb.toString();
            GiftResult r = assertDoesNotThrow(() -> GiftParser.parse(s), s);
            for (GiftError e : r.errors()) {
                assertTrue(e.line() >= 1, () -> s + " -> " + e);
                assertTrue(!e.message().isBlank());
            }
            for (Question q : r.questions()) {
                assertDoesNotThrow(() -> Grader.grade(q, "1"));
                assertDoesNotThrow(() -> Grader.grade(q, List.of("1", "2")));
                assertDoesNotThrow(() -> Grader.grade(q, 3));
            }
        }
    }
}
