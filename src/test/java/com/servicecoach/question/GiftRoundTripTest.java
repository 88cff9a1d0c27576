package com.servicecoach.question;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import, export, import again: the same questions (all but their line), for every GIFT file we know. */
class GiftRoundTripTest {

    static Stream<Path> files() throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("training-content"))) {
            s.filter(p -> p.toString().endsWith(".gift")).sorted().forEach(out::add);
        }
        out.add(MoodleFilesTest.DIR.resolve("moodle-examples.gift.txt"));
        out.add(MoodleFilesTest.DIR.resolve("moodle-fixture-questions.gift.txt"));
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("files")
    void exportThenImportGivesTheSameQuestions(Path file) throws IOException {
        GiftResult first = GiftParser.parse(Files.readString(file, StandardCharsets.UTF_8));
        assertEquals(List.of(), first.errors());
        assertTrue(!first.questions().isEmpty());
        String exported = GiftWriter.write(first.questions());
        GiftResult again = GiftParser.parse(exported);
        assertEquals(List.of(), again.errors(), exported);
        assertEquals(lineless(first.questions()), lineless(again.questions()), exported);
        assertEquals(exported, GiftWriter.write(again.questions()));
    }

    @Test
    void everyFeatureSurvivesTheRoundTrip() {
        String gift = """
                $CATEGORY: $course$/top/Refunds

                // [id:RF-1] [tag:refunds] [tag:tone\\]s]
                ::Pick {weighted}:: [html]<p>Which <b>two</b>?</p>{
                  ~%50%<i>one</i>#[markdown]**half**
                  ~%50%two \\= 2
                  ~%-100%three#no \\# way
                  ####[plain]Because <b> is bold
                }

                ::Percent:: Which discount? {=%100%%10% off ~%0%%20% off ~%30% off}

                ::Gap:: The refund takes {=%100%five =%50%5#roughly} working days.

                ::Num:: How many? {#
                  =%100%3:0.5#close
                  =%50%1..5
                  ~#anything else
                }

                ::TF:: [markdown]Refunds are *instant*.{FALSE#sadly not#right####see policy}

                ::Match:: Match them. {=Chat -> fast =Email -> slow = -> never ####[html]<p>ok</p>}

                ::Essay:: Write \\{something\\}: with colons. {####[markdown]# model
                answer}

                ::Code:: [html]<pre>
                if (x) \\{
                    refund();
                \\}
                </pre>{}
                """;
        GiftResult first = GiftParser.parse(gift);
        assertEquals(List.of(), first.errors());
        assertEquals(8, first.questions().size());
        GiftResult again = GiftParser.parse(GiftWriter.write(first.questions()));
        assertEquals(List.of(), again.errors());
        assertEquals(lineless(first.questions()), lineless(again.questions()));
        Question percent = again.questions().get(1);
        assertEquals("%10% off", percent.choices().get(0).text());
        assertEquals(0, percent.choices().get(0).fraction().compareTo(java.math.BigDecimal.ONE));
        assertEquals("%20% off", percent.choices().get(1).text());
        assertTrue(!percent.multipleAnswers());
        Question pick = again.questions().get(0);
        assertEquals("RF-1", pick.idNumber());
        assertEquals(List.of("refunds", "tone]s"), pick.tags());
        assertEquals(TextFormat.PLAIN, pick.generalFeedbackFormat());
        assertEquals(TextFormat.MARKDOWN, pick.choices().get(0).feedbackFormat());
        assertTrue(pick.multipleAnswers());
        assertEquals("<pre>\nif (x) {\n    refund();\n}\n</pre>", again.questions().get(7).text());
    }

    @Test
    void writesMoodlesEscapesNamesAndComments() {
        Question q = GiftParser.parse("// [tag:a] [id:X-1]\n::Q\\: one:: Is 1\\=1 \\{really\\} \\~ \\#1?{T}").questions().get(0);
        String out = GiftWriter.write(List.of(q));
        assertEquals("// question: 1  name: Q: one\n// [id:X-1] [tag:a]\n"
                + "::Q\\: one::Is 1\\=1 \\{really\\} \\~ \\#1?{TRUE}\n\n", out);
    }

    static List<Question> lineless(List<Question> qs) {
        return qs.stream().map(q -> q.withLine(0)).toList();
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
