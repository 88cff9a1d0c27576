package com.servicecoach.training;

import com.servicecoach.question.GiftParser;
import com.servicecoach.question.GiftResult;
import com.servicecoach.question.Question;
import com.servicecoach.question.QuestionType;
import com.servicecoach.training.content.StoredLengths;
import com.servicecoach.training.content.StoredLengthsProbe;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link StoredLengths} estimates the size of a question as {@link QuestionJson} stores it from above, and
 * closely: never below the real JSON (so what passes fits the TEXT column), and not far above it.
 */
@MicronautTest(transactional = false)
class StoredLengthsTest {

    static final Path GIFT = Path.of("../shared/testdata/gift");

    @Inject
    QuestionJson json;

    static final String AWKWARD = """
            ::q"uo\\\\te::Text with "quotes", a back\\\\slash, </script>, 中文, emoji 😀 and a\\nnew line?{
              =Right "one" 😀#Well done 中文
              ~Wrong \\\\ one#No <b>html</b>
            ####General 反馈 😀}

            ::num::How much?{#=-12345.678:0.000000001#exact ~%50%1e-30..1e30#close ~#anything}

            ::mt::Match.{=猫 -> 动物 =rose -> plant = -> metal}

            ::tf::True?{T#yes "t"#no "f"####general}

            ::es::Write.{}
            """;

    @Test
    void theEstimateIsNeverBelowTheStoredJsonAndCloseToIt() throws IOException {
        List<Question> all = new ArrayList<>();
        for (String file : List.of("moodle-examples.gift.txt", "moodle-fixture-questions.gift.txt")) {
            all.addAll(GiftParser.parse(Files.readString(GIFT.resolve(file))).questions());
        }
        GiftResult awkward = GiftParser.parse(AWKWARD);
        assertEquals(List.of(), awkward.errors());
        all.addAll(awkward.questions());
        all.addAll(GiftParser.parse(com.servicecoach.assessment.AssessmentFixtures.BANK_ZH).questions());
        assertTrue(all.size() > 50);
        for (Question q : all) {
            long real = json.write(q).getBytes(StandardCharsets.UTF_8).length;
            long estimate = StoredLengthsProbe.storedBytes(q);
            assertTrue(estimate >= real, q.name() + ": estimated " + estimate + " < stored " + real);
            assertTrue(estimate <= real + 200, q.name() + ": estimated " + estimate + ", far above the stored " + real);
        }
    }

    @Test
    void aQuestionJustUnderTheLimitPassesAndJustOverIsRefused() {
        Question under = GiftParser.parse("::big::" + "x".repeat(StoredLengths.TEXT_BYTES - 700) + "{T}").questions().get(0);
        assertTrue(json.write(under).getBytes(StandardCharsets.UTF_8).length < StoredLengths.TEXT_BYTES);
        assertEquals(List.of(), StoredLengths.problems(under));
        Question over = GiftParser.parse("::big::" + "x".repeat(StoredLengths.TEXT_BYTES) + "{T}").questions().get(0);
        assertTrue(json.write(over).getBytes(StandardCharsets.UTF_8).length > StoredLengths.TEXT_BYTES);
        assertFalse(StoredLengths.problems(over).isEmpty());
        assertEquals(QuestionType.TRUEFALSE, over.type());
    }
}
