package com.servicecoach.question;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A worked example of every GIFT construct, asserting the parsed fields. */
class GiftParserConstructsTest {

    static Question one(String gift) {
        GiftResult r = GiftParser.parse(gift);
        assertEquals(List.of(), r.errors(), "errors");
        assertEquals(1, r.questions().size(), "questions");
        return r.questions().get(0);
    }

    static BigDecimal dec(String s) {
        return new BigDecimal(s);
    }

    @Test
    void multipleChoiceWithOneRightAnswerGivesIdsInFileOrderAndFullCreditToTheEqualsAnswer() {
        Question q = one("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}");
        assertEquals(QuestionType.MULTICHOICE, q.type());
        assertEquals("multichoice", q.type().code());
        assertEquals("Who's buried in Grant's tomb?", q.text());
        assertEquals("Who's buried in Grant's tomb?", q.name(), "a question without ::name:: is named by its text");
        assertEquals(TextFormat.MOODLE, q.format());
        assertFalse(q.multipleAnswers());
        assertEquals(List.of("1", "2", "3"), q.choices().stream().map(Choice::id).toList());
        assertEquals(List.of("Grant", "Jefferson", "no one"), q.choices().stream().map(Choice::text).toList());
        assertEquals(List.of(dec("0"), dec("0"), dec("1")), q.choices().stream().map(Choice::fraction).toList());
        assertEquals(List.of(new Option("1", "Grant"), new Option("2", "Jefferson"), new Option("3", "no one")),
                q.options());
    }

    @Test
    void percentageWeightsAndFeedbackAreReadPerAnswer() {
        Question q = one("::Jesus' hometown::Jesus Christ was from {\n"
                + "    ~Jerusalem#This was an important city, but the wrong answer.\n"
                + "    ~%25%Bethlehem#He was born here, but not raised here.\n"
                + "    ~%50%Galilee#You need to be more specific.\n"
                + "    =Nazareth#Yes! That's right!}.");
        assertEquals("Jesus' hometown", q.name());
        assertEquals("Jesus Christ was from _____.", q.text());
        assertEquals(List.of(dec("0"), dec("0.25"), dec("0.5"), dec("1")),
                q.choices().stream().map(Choice::fraction).toList());
        assertEquals("He was born here, but not raised here.", q.choices().get(1).feedback());
        assertEquals("Yes! That's right!", q.choices().get(3).feedback());
        assertEquals("Nazareth", q.choices().get(3).text());
        assertTrue(q.choices().get(3).earnsCredit());
        assertFalse(q.choices().get(0).earnsCredit());
    }

    @Test
    void multipleChoiceWithoutAnEqualsAnswerAllowsSeveralAnswersWithNegativeWeights() {
        Question q = one("What two people are entombed in Grant's tomb? {\n"
                + "    ~%-50%No one\n    ~%50%Grant\n    ~%50%Grant's wife\n    ~%-50%Grant's father }");
        assertEquals(QuestionType.MULTICHOICE, q.type());
        assertTrue(q.multipleAnswers());
        assertEquals(List.of(dec("-0.5"), dec("0.5"), dec("0.5"), dec("-0.5")),
                q.choices().stream().map(Choice::fraction).toList());
        assertEquals("Grant's father", q.choices().get(3).text());
    }

    @Test
    void decimalAndHundredPercentWeightsAreAccepted() {
        Question q = one("Pick.{~%33.333%a ~%100%b ~%-100%c}");
        assertEquals(List.of(dec("0.33333"), dec("1"), dec("-1")), q.choices().stream().map(Choice::fraction).toList());
        assertTrue(q.multipleAnswers(), "no '=' answer: several answers may be chosen, as in Moodle");
    }

    @Test
    void missingWordQuestionKeepsTextBeforeAndAfterWithABlank() {
        Question q = one("Grant is {~buried =entombed ~living} in Grant's tomb.");
        assertEquals("Grant is _____ in Grant's tomb.", q.text());
        assertTrue(q.isMissingWord());
        assertEquals("entombed", q.choices().get(1).text());
    }

    @Test
    void answerBlockAtTheEndLeavesNoBlank() {
        Question q = one("Japanese characters originally came from what country? {\n ~India\n =China\n ~Korea\n ~Egypt}");
        assertEquals("Japanese characters originally came from what country?", q.text());
        assertFalse(q.isMissingWord());
        assertEquals(4, q.choices().size());
    }

    @Test
    void trueFalseAcceptsTAndFalseSpellingsWithFeedbackForEachAnswerAndGeneralFeedback() {
        assertEquals(Boolean.TRUE, one("The sun rises in the east.{T}").trueFalseAnswer());
        assertEquals(Boolean.TRUE, one("The sun rises in the east.{TRUE}").trueFalseAnswer());
        assertEquals(Boolean.FALSE, one("Grant is buried in Grant's tomb.{F}").trueFalseAnswer());
        assertEquals(Boolean.FALSE, one("Grant is buried in Grant's tomb.{FALSE}").trueFalseAnswer());
        assertEquals(Boolean.TRUE, one("Lower case works too.{true}").trueFalseAnswer());

        Question q = one("::Q1:: 42 is the Absolute Answer to everything.{\n"
                + "FALSE#42 is the Ultimate Answer.#You gave the right answer.\n"
                + "####This is, of course, a Hitchiker's Guide to the Galaxy reference.}");
        assertEquals(QuestionType.TRUEFALSE, q.type());
        assertEquals("truefalse", q.type().code());
        assertEquals("Q1", q.name());
        assertEquals("42 is the Absolute Answer to everything.", q.text());
        assertEquals(Boolean.FALSE, q.trueFalseAnswer());
        assertEquals("42 is the Ultimate Answer.", q.trueFeedback(), "the first feedback is for the wrong answer");
        assertEquals("You gave the right answer.", q.falseFeedback(), "the second is for the right answer");
        assertEquals("This is, of course, a Hitchiker's Guide to the Galaxy reference.", q.generalFeedback());

        Question t = one("The sun rises in the east.{T#No, it does rise in the east.#Right.}");
        assertEquals("Right.", t.trueFeedback());
        assertEquals("No, it does rise in the east.", t.falseFeedback());
    }

    @Test
    void shortAnswerHasOnlyEqualsAnswersWithWeightsFeedbackAndWildcard() {
        Question q = one("::Shortanswer::Which is the best animal?{\n"
                + "    =Frog#Good!\n    =%50%Cat#What is it with Moodlers and cats?\n    =%0%*#Completely wrong\n}");
        assertEquals(QuestionType.SHORTANSWER, q.type());
        assertEquals("shortanswer", q.type().code());
        assertEquals(List.of("Frog", "Cat", "*"), q.choices().stream().map(Choice::text).toList());
        assertEquals(List.of(dec("1"), dec("0.5"), dec("0")), q.choices().stream().map(Choice::fraction).toList());
        assertEquals("Completely wrong", q.choices().get(2).feedback());
        assertEquals(List.of(), q.options(), "short answers are not offered as options");

        Question two = one("Two plus two equals {=four =4}.");
        assertEquals("Two plus two equals _____.", two.text());
        assertEquals(List.of("four", "4"), two.choices().stream().map(Choice::text).toList());
    }

    @Test
    void matchingPairsGetStemIdsAndTheDistinctAnswersBecomeOptionsIncludingDistractors() {
        Question q = one("::Moodle activities::[html]Match the <b>activity</b> to the description.{\n"
                + "    =[html]An activity supporting asynchronous discussions. -> Forum\n"
                + "    =[moodle]A teacher asks a question and specifies a choice of multiple responses. -> Choice\n"
                + "    =[plain]A bank of record entries which participants can add to. -> Database\n"
                + "    =[markdown]A collection of web pages that anyone can add to or edit. -> Wiki\n"
                + "    = -> Chat\n}");
        assertEquals(QuestionType.MATCH, q.type());
        assertEquals("match", q.type().code());
        assertEquals(TextFormat.HTML, q.format());
        assertEquals("Match the <b>activity</b> to the description.", q.text());
        assertEquals(5, q.pairs().size());
        MatchPair first = q.pairs().get(0);
        assertEquals("1", first.stemId());
        assertEquals("An activity supporting asynchronous discussions.", first.stem());
        assertEquals(TextFormat.HTML, first.stemFormat());
        assertEquals("Forum", first.answer());
        assertEquals(TextFormat.MOODLE, q.pairs().get(1).stemFormat());
        assertEquals(TextFormat.PLAIN, q.pairs().get(2).stemFormat());
        assertEquals(TextFormat.MARKDOWN, q.pairs().get(3).stemFormat());
        MatchPair chat = q.pairs().get(4);
        assertTrue(chat.isDistractor());
        assertNull(chat.stemId());
        assertEquals("", chat.stem());
        assertEquals(List.of(new Option("1", "Forum"), new Option("2", "Choice"), new Option("3", "Database"),
                new Option("4", "Wiki"), new Option("5", "Chat")), q.options());
        assertEquals(List.of("1", "2", "3", "4"), q.stems().stream().map(Option::id).toList());
        assertEquals("A bank of record entries which participants can add to.", q.stems().get(2).text());
    }

    @Test
    void matchingAnswersSharedByTwoStemsAreOfferedOnce() {
        Question q = one("Match the channel to its queue.{=Email->Async =Chat->Live =Phone->Live =Letter->Async}");
        assertEquals(List.of(new Option("1", "Async"), new Option("2", "Live")), q.options());
        assertEquals(List.of("1", "2", "2", "1"), q.pairs().stream().map(MatchPair::optionId).toList());
        assertEquals(List.of("Email", "Chat", "Phone", "Letter"), q.stems().stream().map(Option::text).toList());
    }

    @Test
    void numericalAnswerWithToleranceRangeAndExactValue() {
        NumericAnswer tol = one("What is the value of pi (to 3 decimal places)? {#3.1415:0.0005}.").numeric().get(0);
        assertEquals(dec("3.1415"), tol.value());
        assertEquals(dec("0.0005"), tol.tolerance());
        assertEquals(0, dec("3.141").compareTo(tol.min()));
        assertEquals(0, dec("3.142").compareTo(tol.max()));
        assertFalse(tol.range());

        Question r = one("What is a number from 1 to 5? {#1..5}");
        assertEquals(QuestionType.NUMERICAL, r.type());
        assertEquals("numerical", r.type().code());
        NumericAnswer range = r.numeric().get(0);
        assertTrue(range.range());
        assertEquals(dec("1"), range.min());
        assertEquals(dec("5"), range.max());
        assertEquals(dec("3"), range.value());
        assertEquals(dec("2"), range.tolerance());
        assertEquals(dec("1"), range.fraction());

        NumericAnswer exact = one("When was Ulysses S. Grant born? {#1822}").numeric().get(0);
        assertEquals(dec("1822"), exact.value());
        assertEquals(dec("0"), exact.tolerance());

        NumericAnswer negative = one("Lowest temperature? {#-5.5:0.5}").numeric().get(0);
        assertEquals(dec("-5.5"), negative.value());
        assertEquals(dec("-6"), negative.min());
    }

    @Test
    void numericalWithSeveralWeightedAnswersAndMultiLineFeedback() {
        Question q = one("::Numerical example::\nWhen was Ulysses S. Grant born? {#\n"
                + "     =1822:0      #Correct! 100% credit\n"
                + "     =%50%1822:2  #He was born in 1822.\n"
                + "                  You get 50% credit for being close.\n}");
        assertEquals("Numerical example", q.name());
        assertEquals(2, q.numeric().size());
        assertEquals(dec("1"), q.numeric().get(0).fraction());
        assertEquals("Correct! 100% credit", q.numeric().get(0).feedback());
        assertEquals(dec("0.5"), q.numeric().get(1).fraction());
        assertEquals(dec("2"), q.numeric().get(1).tolerance());
        assertEquals("He was born in 1822.\nYou get 50% credit for being close.", q.numeric().get(1).feedback());
    }

    @Test
    void numericalWrongAnswersAfterTildeCarryFeedback() {
        Question q = one("::Q5:: What is a number from 1 to 5? {#3:2~#Completely wrong}");
        assertEquals(2, q.numeric().size());
        NumericAnswer any = q.numeric().get(1);
        assertTrue(any.isCatchAll());
        assertEquals(dec("0"), any.fraction());
        assertEquals("Completely wrong", any.feedback());

        Question w = one("How many days in a week?{#7 ~5#That is a working week. ~#No.}");
        assertEquals(3, w.numeric().size());
        assertEquals(dec("5"), w.numeric().get(1).value());
        assertEquals(dec("0"), w.numeric().get(1).fraction());
        assertEquals("That is a working week.", w.numeric().get(1).feedback());
        assertTrue(w.numeric().get(2).isCatchAll());
    }

    @Test
    void emptyAnswerBlockIsAnEssayAndMayCarryGeneralFeedback() {
        Question q = one("::Q8:: How are you? {}");
        assertEquals(QuestionType.ESSAY, q.type());
        assertEquals("essay", q.type().code());
        assertEquals("How are you?", q.text());
        assertEquals("Q8", q.name());

        Question g = one("Describe a refund you handled.{####Mention the policy you applied.}");
        assertEquals(QuestionType.ESSAY, g.type());
        assertEquals("Mention the policy you applied.", g.generalFeedback());
    }

    @Test
    void textWithoutAnswerBlockIsADescription() {
        Question q = one("::Intro::The next questions are about refunds.");
        assertEquals(QuestionType.DESCRIPTION, q.type());
        assertEquals("description", q.type().code());
        assertEquals("The next questions are about refunds.", q.text());
        assertFalse(q.type().isAutoGraded());
    }

    @Test
    void generalFeedbackFollowsFourHashesInAnyType() {
        Question q = one("Pick.{=a#yes ~b#no ####Both letters are vowels? No.}");
        assertEquals("Both letters are vowels? No.", q.generalFeedback());
        assertEquals("yes", q.choices().get(0).feedback());
        assertEquals("no", q.choices().get(1).feedback());
    }

    @Test
    void escapedControlCharactersAreLiteralText() {
        Question q = one("::Esc\\:aped::Which is 5? Use \\{braces\\} and \\# signs.\\nNew line.{\n"
                + "~ \\= 2 + 2 # a \\~ tilde\n= \\= 2 + 3 # back\\\\slash\n}");
        assertEquals("Esc:aped", q.name());
        assertEquals("Which is 5? Use {braces} and # signs.\nNew line.", q.text());
        assertEquals("= 2 + 2", q.choices().get(0).text());
        assertEquals("a ~ tilde", q.choices().get(0).feedback());
        assertEquals("= 2 + 3", q.choices().get(1).text());
        assertEquals("back\\slash", q.choices().get(1).feedback());
        assertEquals(dec("1"), q.choices().get(1).fraction());
    }

    @Test
    void formatMarkersApplyToQuestionTextAnswersAndFeedback() {
        Question q = one("[markdown]Who's buried in **Grant's tomb**?{\n=no one#excellent answer!\n=[plain]nobody#[html]<i>ok</i>}");
        assertEquals(TextFormat.MARKDOWN, q.format());
        assertEquals("Who's buried in **Grant's tomb**?", q.text());
        assertEquals(TextFormat.MARKDOWN, q.choices().get(0).format(), "answers default to the question's format");
        assertEquals(TextFormat.PLAIN, q.choices().get(1).format());
        assertEquals("nobody", q.choices().get(1).text());
        assertEquals(TextFormat.HTML, q.choices().get(1).feedbackFormat());
        assertEquals("<i>ok</i>", q.choices().get(1).feedback());

        Question w = one("What's between orange and green?{=yellow ~%-100%[plain]blue # [html]wrong}");
        assertEquals("blue", w.choices().get(1).text());
        assertEquals(dec("-1"), w.choices().get(1).fraction());
        assertEquals(TextFormat.PLAIN, w.choices().get(1).format());
        assertEquals(TextFormat.HTML, w.choices().get(1).feedbackFormat());

        assertEquals(TextFormat.PLAIN, one("[plain]Plain.{T}").format());
        assertEquals(TextFormat.MOODLE, one("[moodle]Moodle.{T}").format());
        assertEquals("[note] Not a format.", one("[note] Not a format.{T}").text());
    }

    @Test
    void commentsCategoriesBlankLinesAndMultiLineQuestions() {
        GiftResult r = GiftParser.parse("// a comment\n"
                + "Q1 {T}\n"
                + "\n"
                + "$CATEGORY: $course$/Returns/Refunds\n"
                + "\n"
                + "// comment inside a question's lines does not split it\n"
                + "::Two lines::First line\n"
                + "// ignored\n"
                + "second line {=yes}\n"
                + "\n\n\n"
                + "$CATEGORY: Shipping\n"
                + "Q3 {F}\n");
        assertEquals(List.of(), r.errors());
        assertEquals(3, r.questions().size());
        assertNull(r.questions().get(0).category());
        assertEquals(2, r.questions().get(0).line());
        Question two = r.questions().get(1);
        assertEquals("$course$/Returns/Refunds", two.category());
        assertEquals("First line\nsecond line", two.text());
        assertEquals(7, two.line());
        assertEquals("Shipping", r.questions().get(2).category());
        assertEquals(14, r.questions().get(2).line());
    }

    @Test
    void slashesInsideALineAreText() {
        Question q = one("See https://example.com/help {T}");
        assertEquals("See https://example.com/help", q.text());
    }

    @Test
    void crlfLineEndingsAndAByteOrderMarkAreAccepted() {
        GiftResult r = GiftParser.parse("\uFEFF// header\r\n::A::First? {T}\r\n\r\n::B::Second? {\r\n=yes\r\n~no\r\n}\r\n");
        assertEquals(List.of(), r.errors());
        assertEquals(2, r.questions().size());
        assertEquals("A", r.questions().get(0).name());
        assertEquals(2, r.questions().get(0).line());
        assertEquals("Second?", r.questions().get(1).text());
        assertEquals(List.of("yes", "no"), r.questions().get(1).choices().stream().map(Choice::text).toList());
        assertEquals(4, r.questions().get(1).line());

        GiftResult cr = GiftParser.parse("Old Mac line endings? {T}\r\rNext? {F}");
        assertEquals(2, cr.questions().size());
        assertEquals(3, cr.questions().get(1).line());
    }

    @Test
    void longUnnamedQuestionsGetAShortenedName() {
        Question q = one("[html]<p>" + "A very long question text ".repeat(6) + "</p>{T}");
        assertTrue(q.name().length() <= 80);
        assertTrue(q.name().startsWith("A very long question text"));
        assertTrue(q.name().endsWith("..."));
    }

    @Test
    void textAfterATrueFalseBlockContinuesTheTextWithoutABlank() {
        Question q = one("42 is the answer.{FALSE}\";");
        assertEquals(QuestionType.TRUEFALSE, q.type());
        assertEquals("42 is the answer. \";", q.text());
        assertFalse(q.isMissingWord());
    }
}
