package com.servicecoach.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Moodle's own GIFT files import completely, with Moodle's counts by type. */
class MoodleFilesTest {

    static final Path DIR = Path.of("../shared/testdata/gift");

    static GiftResult parse(String file) throws IOException {
        return GiftParser.parse(Files.readString(DIR.resolve(file)));
    }

    static Question named(GiftResult r, String name) {
        return r.questions().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void moodleExamplesFileGives43QuestionsWithoutErrors() throws IOException {
        GiftResult r = parse("moodle-examples.gift.txt");
        assertEquals(List.of(), r.errors());
        assertEquals(43, r.questions().size());
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("multichoice", 18);
        expected.put("truefalse", 5);
        expected.put("shortanswer", 9);
        expected.put("match", 3);
        expected.put("numerical", 8);
        assertEquals(expected, QuestionBankStats.byType(r.questions()));
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(QuestionBankStats.byType(r.questions()).keySet()));
    }

    @Test
    void moodleExamplesFileDetails() throws IOException {
        GiftResult r = parse("moodle-examples.gift.txt");
        Question first = r.questions().get(0);
        assertEquals(8, first.line());
        assertEquals("Who's buried in Grant's tomb?", first.text());

        Question control = named(r, "GIFT Control Characters");
        assertEquals(List.of("~", "=", "#", "{", "}", "\\"), control.choices().stream().map(Choice::text).toList());
        assertEquals(BigDecimal.ONE, control.choices().get(5).fraction());
        assertTrue(control.choices().get(5).feedback().startsWith("Correct! \\ (backslash) is not a control character."));

        Question kanji = named(r, "Kanji Origins");
        assertEquals(QuestionType.SHORTANSWER, kanji.type());
        assertEquals("Japanese characters originally\ncame from what country?", kanji.text());

        Question numerical = named(r, "Numerical example");
        assertEquals(2, numerical.numeric().size());
        assertEquals(new BigDecimal("0.5"), numerical.numeric().get(1).fraction());

        Question markdown = r.questions().stream().filter(q -> q.format() == TextFormat.MARKDOWN).findFirst()
                .orElseThrow();
        assertEquals("Who's buried in **Grant's tomb**?", markdown.text());

        Question capitals = r.questions().stream().filter(q -> q.type() == QuestionType.MATCH).toList().get(1);
        assertEquals(List.of("Ottawa", "Rome", "Tokyo", "New Delhi"),
                capitals.options().stream().map(Option::text).toList());
    }

    @Test
    void moodleFixtureFileGives9QuestionsWithoutErrors() throws IOException {
        GiftResult r = parse("moodle-fixture-questions.gift.txt");
        assertEquals(List.of(), r.errors());
        assertEquals(9, r.questions().size());
        Map<String, Integer> byType = QuestionBankStats.byType(r.questions());
        assertEquals(Map.of("truefalse", 3, "multichoice", 2, "essay", 1, "match", 1, "numerical", 1,
                "shortanswer", 1), byType);
    }

    @Test
    void moodleFixtureFileDetailsIncludingItsOddities() throws IOException {
        GiftResult r = parse("moodle-fixture-questions.gift.txt");
        assertEquals(QuestionType.ESSAY, named(r, "Q8").type());

        Question match = named(r, "Moodle activities");
        assertEquals(4, match.stems().size());
        assertEquals(5, match.options().size());
        assertEquals("Chat", match.options().get(4).text());

        Question colours = named(r, "colours");
        assertTrue(colours.multipleAnswers());
        assertEquals(new BigDecimal("-1"), colours.choices().get(1).fraction());
        assertEquals(TextFormat.HTML, colours.choices().get(1).feedbackFormat());

        Question q5 = named(r, "Q5");   // written with a stray '";' after the closing brace
        assertEquals(QuestionType.NUMERICAL, q5.type());
        assertEquals("What is a number from 1 to 5? _____\";", q5.text());
        assertEquals(new BigDecimal("1"), q5.numeric().get(0).min());
        assertEquals(new BigDecimal("5"), q5.numeric().get(0).max());
        assertTrue(q5.numeric().get(1).isCatchAll());

        Question q1 = named(r, "Q1");   // also followed by '";'
        assertEquals(QuestionType.TRUEFALSE, q1.type());
        assertEquals(Boolean.FALSE, q1.trueFalseAnswer());
        assertEquals("You gave the right answer.", q1.falseFeedback());
        assertEquals("This is, of course, a Hitchiker's Guide to the Galaxy reference.", q1.generalFeedback());

        List<Question> tsl = r.questions().stream().filter(q -> q.name().equals("2-08 TSL")).toList();
        assertEquals(2, tsl.size());
        assertEquals(List.of(Boolean.TRUE, Boolean.TRUE), tsl.stream().map(Question::trueFalseAnswer).toList());
        assertEquals(List.of(46, 49), tsl.stream().map(Question::line).toList());
    }
}
