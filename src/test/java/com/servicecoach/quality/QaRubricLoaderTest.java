package com.servicecoach.quality;

import com.servicecoach.scoring.Channel;
import com.servicecoach.training.content.ContentProblem;
import com.servicecoach.training.content.Localized;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rubric files in a temporary content directory: broken ones are left out with file:line problems. */
class QaRubricLoaderTest {

    @TempDir
    Path dir;
    Path content;

    /** A valid rubric for chat, its criteria given in {@code criteria}; lines 1-6 are the header. */
    static String rubric(String code, String channels, String criteria) {
        return "code: " + code + "\n"
                + "version: 1\n"
                + "title: { en: \"Chat review\", zh-CN: \"聊天评审\" }\n"
                + "channels: " + channels + "\n"
                + "passTarget: 90\n"
                + "criteria:\n"
                + criteria;
    }

    static final String GREETING = """
              - code: greeting
                text: { en: "Did the agent greet the customer?", zh-CN: "客服是否问候了顾客？" }
                points: 5
            """;

    @BeforeEach
    void module() throws IOException {
        content = dir.resolve("training-content");
        Files.createDirectories(content.resolve("greeting-attitude"));
        Files.writeString(content.resolve("greeting-attitude/module.yml"), "code: greeting-attitude\n");
        Files.createDirectories(content.resolve("no-module-here"));
        Files.createDirectories(content.resolve("qa"));
    }

    void write(String name, String text) throws IOException {
        Files.writeString(content.resolve("qa").resolve(name), text, StandardCharsets.UTF_8);
    }

    List<String> problems() {
        return QaRubricLoader.load(content).problems().stream().map(ContentProblem::toString).toList();
    }

    static void assertProblem(List<String> problems, String fileAndLine, String messagePart) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(fileAndLine + ": ") && p.contains(messagePart)),
                "expected a problem at " + fileAndLine + " about '" + messagePart + "' in " + problems);
    }

    @Test
    void aValidRubricLoadsWithDefaults() throws IOException {
        write("chat.yml", rubric("chat", "[chat, social]", GREETING + """
                  - code: refund-policy
                    text: { en: "Was the refund policy followed?", zh-CN: "是否遵守了退款政策？" }
                    guidance: { en: "Pass: policy applied.", zh-CN: "通过：正确执行政策。" }
                    points: 10
                    critical: true
                    naAllowed: true
                    module: greeting-attitude
                """));
        QaRubricReport report = QaRubricLoader.load(content);
        assertEquals(List.of(), report.problems());
        QaRubric chat = report.rubrics().get(0);
        assertEquals("chat", chat.code());
        assertEquals(1, chat.version());
        assertEquals(new Localized("Chat review", "聊天评审"), chat.title());
        assertNull(chat.description());
        assertEquals(List.of(Channel.CHAT, Channel.SOCIAL), chat.channels());
        assertEquals(90, chat.passTarget());
        assertEquals(15, chat.maxPoints());
        assertEquals("training-content/qa/chat.yml", chat.file());
        assertEquals("聊天评审", chat.titleIn(Locale.SIMPLIFIED_CHINESE));
        QaCriterion greeting = chat.criterion("greeting").orElseThrow();
        assertFalse(greeting.critical());
        assertFalse(greeting.naAllowed());
        assertNull(greeting.guidance());
        assertNull(greeting.module());
        assertEquals(7, greeting.line());
        QaCriterion refund = chat.criterion("refund-policy").orElseThrow();
        assertTrue(refund.critical());
        assertTrue(refund.naAllowed());
        assertEquals("greeting-attitude", refund.module());
        assertEquals("Pass: policy applied.", refund.guidanceIn(Locale.ENGLISH));
        assertTrue(chat.criterion("closing").isEmpty());
    }

    @Test
    void theBeanLoadsOnFirstUseAndFindsRubricsByCodeAndChannel() throws IOException {
        write("chat.yml", rubric("chat", "[chat, phone]", GREETING));
        write("email.yml", rubric("email", "[email", GREETING));
        QaRubrics rubrics = new QaRubrics(content.toString());
        assertEquals(List.of("chat"), rubrics.all().stream().map(QaRubric::code).toList());
        assertEquals("chat", rubrics.forChannel(Channel.PHONE).orElseThrow().code());
        assertTrue(rubrics.forChannel(Channel.EMAIL).isEmpty());
        assertTrue(rubrics.byCode("email").isEmpty());
        assertEquals(1, rubrics.problems().size(), rubrics.problems().toString());
        write("email.yml", rubric("email", "[email]", GREETING));
        assertEquals(1, rubrics.problems().size(), "kept until reloaded");
        assertEquals(List.of(), rubrics.reload().problems());
        assertEquals("email", rubrics.forChannel(Channel.EMAIL).orElseThrow().code());
    }

    @Test
    void aMissingQaFolderMeansNoRubricsAndNoProblems() throws IOException {
        Files.delete(content.resolve("qa"));
        QaRubricReport report = QaRubricLoader.load(content);
        assertEquals(List.of(), report.rubrics());
        assertEquals(List.of(), report.problems());
        assertEquals(List.of(), QaRubricLoader.load(dir.resolve("nowhere")).problems());
    }

    @Test
    void unknownKeysAreProblemsWithTheirLines() throws IOException {
        write("chat.yml", rubric("chat", "[chat]", GREETING + "    weight: 2\n") + "passMark: 80\n");
        List<String> p = problems();
        assertProblem(p, "training-content/qa/chat.yml:10", "unknown key 'weight' in criteria[1]");
        assertProblem(p, "training-content/qa/chat.yml:11", "unknown key 'passMark' in the rubric");
        assertEquals(2, p.size(), p.toString());
        assertEquals(List.of(), QaRubricLoader.load(content).rubrics());
    }

    @Test
    void aTextWithoutChineseIsAProblem() throws IOException {
        write("chat.yml", rubric("chat", "[chat]", """
                  - code: greeting
                    text: { en: "Did the agent greet the customer?" }
                    points: 5
                """));
        List<String> p = problems();
        assertEquals(List.of("training-content/qa/chat.yml:8: criteria[1].text: missing required key 'zh-CN' "
                + "(the Simplified Chinese text)"), p);
    }

    @Test
    void pointsOutOfRangeOrNotANumberAreProblems() throws IOException {
        write("chat.yml", rubric("chat", "[chat]", """
                  - code: greeting
                    text: { en: "Greeted?", zh-CN: "问候了吗？" }
                    points: 0
                  - code: closing
                    text: { en: "Closed?", zh-CN: "结束语得当吗？" }
                    points: many
                    critical: maybe
                """));
        List<String> p = problems();
        assertProblem(p, "training-content/qa/chat.yml:9", "criteria[1].points must be a whole number from 1 to 100 (found '0')");
        assertProblem(p, "training-content/qa/chat.yml:12", "criteria[2].points must be a whole number from 1 to 100 (found 'many')");
        assertProblem(p, "training-content/qa/chat.yml:13", "criteria[2].critical must be true or false");
        assertEquals(3, p.size(), p.toString());
    }

    @Test
    void aCriterionCodeUsedTwiceIsAProblem() throws IOException {
        write("chat.yml", rubric("chat", "[chat]", GREETING + GREETING));
        assertEquals(List.of("training-content/qa/chat.yml:10: criteria[2]: the criterion code 'greeting' is also used "
                + "on line 7: every criterion needs its own code"), problems());
    }

    @Test
    void aModuleThatDoesNotExistIsAProblem() throws IOException {
        write("chat.yml", rubric("chat", "[chat]", GREETING + "    module: no-module-here\n"));
        List<String> p = problems();
        assertProblem(p, "training-content/qa/chat.yml:10", "criteria[1].module: 'no-module-here' is not a training module");
        assertEquals(1, p.size(), p.toString());
    }

    @Test
    void anUnknownChannelIsAProblem() throws IOException {
        write("chat.yml", rubric("chat", "[chat, fax]", GREETING));
        assertEquals(List.of("training-content/qa/chat.yml:4: channels: 'fax' is not a channel (one of chat, email, "
                + "phone, social)"), problems());
    }

    @Test
    void aChannelInTwoRubricsIsAProblemOfTheLaterFileNamingTheEarlier() throws IOException {
        write("chat.yml", rubric("chat", "[chat, social]", GREETING));
        write("social.yml", rubric("social", "\n  - social\n  - phone", GREETING));
        QaRubricReport report = QaRubricLoader.load(content);
        assertEquals(List.of("training-content/qa/social.yml:5: channel 'social' is already reviewed by "
                        + "training-content/qa/chat.yml:4: a channel belongs to at most one rubric"),
                report.problems().stream().map(ContentProblem::toString).toList());
        assertEquals(List.of("chat"), report.rubrics().stream().map(QaRubric::code).toList());
    }

    @Test
    void theCodeMustEqualTheFileName() throws IOException {
        write("chat.yml", rubric("email", "[chat]", GREETING));
        write("Bad_Name.yml", rubric("Bad_Name", "[email]", GREETING));
        List<String> p = problems();
        assertProblem(p, "training-content/qa/chat.yml:1", "code 'email' must equal the file name without .yml ('chat')");
        assertProblem(p, "training-content/qa/Bad_Name.yml:1", "code 'Bad_Name' must be lower-case letters");
        assertEquals(2, p.size(), p.toString());
    }

    @Test
    void aYamlSyntaxErrorNamesItsLine() throws IOException {
        write("chat.yml", "code: chat\nversion: 1\ntitle: { en: \"Chat\", zh-CN: \"聊天\"\nchannels: [chat]\n");
        List<String> p = problems();
        assertEquals(1, p.size(), p.toString());
        assertProblem(p, "training-content/qa/chat.yml:4", "not valid YAML");
    }

    @Test
    void otherFilesInTheQaFolderAreProblems() throws IOException {
        write("chat.yaml", rubric("chat", "[chat]", GREETING));
        write(".hidden.yml", "ignored: true\n");
        assertEquals(List.of("training-content/qa/chat.yaml: unexpected file: the qa folder holds only rubric files "
                + "named <code>.yml"), problems());
    }

    @Test
    void missingKeysAndEmptyCriteriaAreProblems() throws IOException {
        write("chat.yml", "code: chat\ntitle: { en: \"Chat\", zh-CN: \"聊天\" }\nchannels: []\ncriteria: []\n");
        List<String> p = problems();
        assertProblem(p, "training-content/qa/chat.yml:1", "missing required key 'version'");
        assertProblem(p, "training-content/qa/chat.yml:1", "missing required key 'passTarget'");
        assertProblem(p, "training-content/qa/chat.yml:3", "channels must be a non-empty list");
        assertProblem(p, "training-content/qa/chat.yml:4", "criteria must be a non-empty list");
        assertEquals(4, p.size(), p.toString());
    }
}
