package com.servicecoach.question;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three cases of Moodle's giftformat_test that used to lose information, as worked examples. */
class GiftMoodleLossesTest {

    @Test
    void generalFeedbackKeepsItsHtmlFormat() {
        // Moodle's test_import_multichoice_with_general_feedback style: the marker after #### is the feedback's format.
        Question q = GiftParser.parse("""
                ::Q8:: How clever is Moodle?{
                ~Not very
                =Very
                ####[html]<p>Nice <b>feedback</b>.</p>
                }""").questions().get(0);
        assertEquals("<p>Nice <b>feedback</b>.</p>", q.generalFeedback());
        assertEquals(TextFormat.HTML, q.generalFeedbackFormat());
        assertEquals(TextFormat.MOODLE, q.format());
    }

    @Test
    void generalFeedbackWithoutMarkerTakesTheQuestionsFormat() {
        Question q = GiftParser.parse("[markdown]Is *this* right?{T####Yes, *it* is}").questions().get(0);
        assertEquals(TextFormat.MARKDOWN, q.generalFeedbackFormat());
    }

    @Test
    void preInHtmlKeepsItsIndentation() {
        Question q = GiftParser.parse("""
                ::Code::[html]<p>What does this print?</p>
                <pre>
                for (int i = 0; i < 2; i++) \\{
                    System.out.println(i);
                \\}
                </pre>{=0 1}""").questions().get(0);
        assertEquals("<p>What does this print?</p>\n<pre>\nfor (int i = 0; i < 2; i++) {\n"
                + "    System.out.println(i);\n}\n</pre>", q.text());
    }

    @Test
    void markdownCodeBlockKeepsItsIndentation() {
        Question q = GiftParser.parse("[markdown]Run:\n\n".replace("\n\n", "\n") + "    mvn test\n{=ok}").questions().get(0);
        assertEquals("Run:\n    mvn test", q.text());
    }

    @Test
    void moodleTextStillReadsLineTrimmed() {
        Question q = GiftParser.parse("First line\n    second line {=x}").questions().get(0);
        assertEquals("First line\nsecond line", q.text());
    }

    @Test
    void tagsAndIdNumberFromTheCommentBeforeTheQuestion() {
        GiftResult r = GiftParser.parse("""
                // question: 0  name: Switch category to $course$/Default
                $CATEGORY: $course$/Default

                // question: 12  name: Apples
                // [id:Apple\\]1] [tag:fruit] [tag:  red ]
                ::Apples:: Apples are red?{T}

                ::Pears:: Pears are blue?{F}
                """);
        assertEquals(List.of(), r.errors());
        assertEquals("Apple]1", r.questions().get(0).idNumber());
        assertEquals(List.of("fruit", "red"), r.questions().get(0).tags());
        assertNull(r.questions().get(1).idNumber());
        assertEquals(List.of(), r.questions().get(1).tags());
    }

    @Test
    void tagsAndIdNumbersTakeOnlyTheCharactersMoodleTakes() {
        // Moodle's pattern refuses '<', '>' in a tag and '[' in an id number: such tokens are ordinary comment text
        Question q = GiftParser.parse("// [tag:<b>bold</b>] [tag:ok] [id:x[1]]\n::Q:: Fine?{T}").questions().get(0);
        assertEquals(List.of("ok"), q.tags());
        assertNull(q.idNumber());
    }

    @Test
    void aDuplicateIdNumberIsALineNumberedError() {
        GiftResult r = GiftParser.parse("// [id:A]\nOne?{T}\n\n// [id:A]\nTwo?{F}\n");
        assertEquals(List.of(5), r.errors().stream().map(GiftError::line).toList());
        assertTrue(r.errors().get(0).message().contains("'A'") && r.errors().get(0).message().contains("line 2"), r.errors().get(0).message());
        assertEquals(1, r.questions().size());
    }
}
