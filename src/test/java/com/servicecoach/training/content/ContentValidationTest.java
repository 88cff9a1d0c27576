package com.servicecoach.training.content;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broken content fails validation with the file and line of each problem; see the fixtures under
 * src/test/resources/training-content-broken (one module folder per kind of mistake).
 */
class ContentValidationTest {

    static final Path BROKEN = Path.of("src/test/resources/training-content-broken");
    static final Path VALID = Path.of("src/test/resources/training-content-valid");
    static final ContentReport REPORT = ContentLoader.load(BROKEN);

    /** The problems of one broken module, as "file:line: message". */
    static List<String> problemsOf(String module) {
        return REPORT.problems().stream().filter(p -> p.file().startsWith("training-content-broken/" + module + "/"))
                .map(ContentProblem::toString).toList();
    }

    static void assertProblem(List<String> problems, String fileAndLine, String messagePart) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(fileAndLine + ": ") && p.contains(messagePart)),
                "expected a problem at " + fileAndLine + " about '" + messagePart + "' in " + problems);
    }

    @Test
    void everyBrokenModuleIsLeftOutAndTheValidOneLoads() {
        assertEquals(List.of(), REPORT.modules());
        assertEquals(List.of("bad-gift", "bad-schema", "bad-yaml", "bank-mismatch", "essay-rubrics", "lesson-problems"),
                REPORT.folders());
        ContentReport valid = ContentLoader.load(VALID);
        assertEquals(List.of(), valid.problems());
        ModuleSource mini = valid.modules().get(0);
        assertEquals("mini-module", mini.code());
        assertEquals(List.of("01-hello", "02-closing"), mini.lessons().stream().map(LessonSource::slug).toList());
        assertEquals(new Localized("Hello", "你好"), mini.lessons().get(0).title());
        assertEquals(List.of("Q1", "Q2", "Q3"), mini.questions().stream().map(BankQuestion::name).toList());
        assertEquals(2, mini.rubrics().get("Q3").get(0).points());
        assertEquals(64, mini.contentHash().length());
    }

    @Test
    void schemaErrorsInModuleYmlNameTheirLines() {
        List<String> p = problemsOf("bad-schema");
        String file = "training-content-broken/bad-schema/module.yml";
        assertProblem(p, file + ":2", "version must be a whole number from 1");
        assertProblem(p, file + ":7", "passMark must be a whole number from 1 to 100 (found '180')");
        assertProblem(p, file + ":8", "unknown key 'pasMark'");
        assertProblem(p, file + ":1", "missing required key 'estimatedMinutes'");
        assertProblem(p, file + ":13", "assessment.gradingMethod must be one of highest, latest, first, average (found 'best')");
        assertEquals(5, p.size(), p.toString());
    }

    @Test
    void yamlSyntaxErrorNamesItsLine() {
        List<String> p = problemsOf("bad-yaml");
        assertProblem(p, "training-content-broken/bad-yaml/module.yml:5", "not valid YAML");
        assertEquals(1, p.size(), p.toString());
    }

    @Test
    void giftErrorsComeFromTheParserWithTheirLines() {
        List<String> p = problemsOf("bad-gift");
        assertEquals(List.of("training-content-broken/bad-gift/questions.gift:8: "
                + "The answer block opened with '{' on line 8 is not closed with '}'."), p);
    }

    @Test
    void chineseBankMustMatchTheEnglishNamesTypesAndAnswers() {
        List<String> p = problemsOf("bank-mismatch");
        String zh = "training-content-broken/bank-mismatch/questions.zh-CN.gift";
        assertProblem(p, zh + ":3", "question 'Q1' differs from questions.gift line 3: it has 3 answers here but 2 in English");
        assertProblem(p, zh + ":9", "question 'Q2' differs from questions.gift line 8: the right answer is true here but false");
        assertProblem(p, zh + ":11", "question 'Q3' differs from questions.gift line 10: it is shortanswer here but essay");
        assertProblem(p, zh + ":13", "question 'Q9' has no twin of the same name in questions.gift");
        assertEquals(4, p.size(), p.toString());
    }

    @Test
    void lessonsNeedAChineseTwinAndATitle() {
        List<String> p = problemsOf("lesson-problems");
        assertEquals(List.of(
                "training-content-broken/lesson-problems/lessons/02-closing.md: the lesson has no Chinese twin 02-closing.zh-CN.md",
                "training-content-broken/lesson-problems/lessons/01-hello.zh-CN.md:1: the lesson has no title: start it with a '# ' heading"), p);
    }

    @Test
    void everyEssayNeedsARubricAndRubricsBelongToEssays() {
        List<String> p = problemsOf("essay-rubrics");
        assertProblem(p, "training-content-broken/essay-rubrics/questions.gift:10", "essay question 'Q3' has no rubric");
        assertProblem(p, "training-content-broken/essay-rubrics/module.yml:20", "rubric 'Q1' belongs to a multichoice question");
        assertEquals(2, p.size(), p.toString());
    }

    // ---- further mistakes, made on a copy of the valid module ----------------------------------

    static Path copyValid(Path tmp) throws IOException {
        Path target = tmp.resolve("content");
        try (Stream<Path> files = Files.walk(VALID)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(VALID.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return target;
    }

    static List<String> problemsAfter(Path content) {
        return ContentLoader.load(content).problems().stream().map(ContentProblem::toString).toList();
    }

    static void append(Path file, String text) throws IOException {
        Files.writeString(file, Files.readString(file) + text);
    }

    @Test
    void textWithoutAnswerBlockAndRepeatedNamesAreProblems(@TempDir Path tmp) throws IOException {
        Path content = copyValid(tmp);
        append(content.resolve("mini-module/questions.gift"), "\nJust some text without answers.\n\n::Q1::Again?{T}\n");
        List<String> p = problemsAfter(content);
        assertProblem(p, "content/mini-module/questions.gift:12", "text without an answer block");
        assertProblem(p, "content/mini-module/questions.gift:14", "the question name 'Q1' is also used on line 3");
    }

    @Test
    void assessmentTagsNarrowTheDrawAndMustLeaveEnoughQuestions(@TempDir Path tmp) throws IOException {
        Path content = copyValid(tmp);
        Path gift = content.resolve("mini-module/questions.gift");
        Files.writeString(gift, Files.readString(gift).replace("::Q1::", "// [tag:greeting] [tag:orders]\n::Q1::")
                .replace("::Q2::", "// [tag:greeting]\n::Q2::"));
        Path yml = content.resolve("mini-module/module.yml");
        String original = Files.readString(yml);

        Files.writeString(yml, original.replace("  review: after_submit", "  review: after_submit\n  tags: [greeting]"));
        ContentReport loaded = ContentLoader.load(content);
        assertEquals(List.of(), loaded.problems());
        assertEquals(List.of("greeting"), loaded.modules().get(0).assessment().tags());

        Files.writeString(yml, original.replace("questionCount: 0", "questionCount: 2")
                .replace("  review: after_submit", "  review: after_submit\n  tags: [greeting, orders]"));
        assertProblem(problemsAfter(content), "content/mini-module/module.yml",
                "assessment.tags [greeting, orders] draw from 1 questions of the bank");

        Files.writeString(yml, original.replace("  review: after_submit", "  review: after_submit\n  tags: [refunds]"));
        assertProblem(problemsAfter(content), "content/mini-module/module.yml", "an assessment needs at least one");

        Files.writeString(yml, original.replace("  review: after_submit", "  review: after_submit\n  tags: [\"a;b\"]"));
        assertProblem(problemsAfter(content), "content/mini-module/module.yml:19", "a tag cannot contain ';'");
    }

    @Test
    void addressesNameAFigureOnAtMostOneChannelOrCategoryWithTheirLines(@TempDir Path tmp) throws IOException {
        Path content = copyValid(tmp);
        Path yml = content.resolve("mini-module/module.yml");
        String original = Files.readString(yml);
        int line = (int) original.lines().takeWhile(l -> !l.startsWith("estimatedMinutes")).count() + 1;
        Files.writeString(yml, original.replace("estimatedMinutes:", "addresses:\n  - { figure: csat, category: return_refund }\n"
                + "  - { figure: first_response_sla, channel: email }\nestimatedMinutes:"));
        ContentReport loaded = ContentLoader.load(content);
        assertEquals(List.of(), loaded.problems());
        assertEquals(List.of(new Addressed("csat", null, "return_refund"), new Addressed("first_response_sla", "email", null)),
                loaded.modules().get(0).addresses());

        Files.writeString(yml, original.replace("estimatedMinutes:", "addresses:\n  - { figure: speed }\n"
                + "  - { figure: csat, channel: fax }\n  - { figure: csat, channel: chat, category: logistics }\n"
                + "  - { figure: csat, team: North }\n  - { figure: csat }\n  - { figure: csat }\nestimatedMinutes:"));
        List<String> p = problemsAfter(content);
        assertProblem(p, "content/mini-module/module.yml:" + (line + 1), "addresses.figure must be one of first_response_sla, resolution_sla, csat");
        assertProblem(p, "content/mini-module/module.yml:" + (line + 2), "addresses.channel must be one of chat, email, phone, social");
        assertProblem(p, "content/mini-module/module.yml:" + (line + 3), "one channel or one category, not both");
        assertProblem(p, "content/mini-module/module.yml:" + (line + 4), "unknown key 'team'");
        assertProblem(p, "content/mini-module/module.yml:" + (line + 6), "csat// is listed twice");
    }

    @Test
    void questionCountCannotExceedTheBankAndStrayFilesAreReported(@TempDir Path tmp) throws IOException {
        Path content = copyValid(tmp);
        Path yml = content.resolve("mini-module/module.yml");
        Files.writeString(yml, Files.readString(yml).replace("questionCount: 0", "questionCount: 5"));
        Files.writeString(content.resolve("mini-module/notes.txt"), "draft");
        Files.writeString(content.resolve("mini-module/lessons/3-intro.md"), "# Intro\n");
        List<String> p = problemsAfter(content);
        assertProblem(p, "content/mini-module/module.yml", "assessment.questionCount is 5 but the bank holds only 3 questions");
        assertProblem(p, "content/mini-module/notes.txt", "unexpected file");
        assertProblem(p, "content/mini-module/lessons/3-intro.md", "not a lesson file name");
    }

    @Test
    void filesMustBeUtf8AndPresent(@TempDir Path tmp) throws IOException {
        Path content = copyValid(tmp);
        Files.write(content.resolve("mini-module/lessons/01-hello.zh-CN.md"), "# 你好".getBytes(java.nio.charset.Charset.forName("GBK")));
        Files.delete(content.resolve("mini-module/questions.zh-CN.gift"));
        List<String> p = problemsAfter(content);
        assertProblem(p, "content/mini-module/lessons/01-hello.zh-CN.md", "not valid UTF-8");
        assertProblem(p, "content/mini-module/questions.zh-CN.gift", "the file is missing");
    }

    @Test
    void codeMustEqualTheFolderName(@TempDir Path tmp) throws IOException {
        Path content = copyValid(tmp);
        Files.move(content.resolve("mini-module"), content.resolve("other-name"));
        assertProblem(problemsAfter(content), "content/other-name/module.yml:1", "must equal the folder name 'other-name'");
    }

    @Test
    void anyChangeToAFileChangesTheContentHash(@TempDir Path tmp) throws IOException {
        Path content = copyValid(tmp);
        String before = ContentLoader.load(content).modules().get(0).contentHash();
        assertEquals(before, ContentLoader.load(content).modules().get(0).contentHash(), "the hash is stable");
        Path lesson = content.resolve("mini-module/lessons/02-closing.md");
        Files.writeString(lesson, Files.readString(lesson, StandardCharsets.UTF_8) + "\nOne more line.\n");
        String after = ContentLoader.load(content).modules().get(0).contentHash();
        assertTrue(!before.equals(after));
    }

    @Test
    void questionsLessonsAndSkillsLongerThanTheirColumnsAreProblemsWithTheirLines(@TempDir Path tmp) throws IOException {
        Path content = copyValid(tmp);
        String longQuestion = "\n::Q4::" + "Why? ".repeat(14_000) + "{T}\n\n::" + "n".repeat(300) + "::Named at length?{T}\n";
        append(content.resolve("mini-module/questions.gift"), longQuestion);
        append(content.resolve("mini-module/questions.zh-CN.gift"), "\n::Q4::为什么？{T#" + "反馈".repeat(12_000) + "}\n\n::"
                + "n".repeat(300) + "::名字很长？{T}\n");
        Files.writeString(content.resolve("mini-module/lessons/03-" + "a".repeat(130) + ".md"), "# Long\n");
        Files.writeString(content.resolve("mini-module/lessons/03-" + "a".repeat(130) + ".zh-CN.md"), "# 长\n");
        Files.writeString(content.resolve("mini-module/lessons/04-huge.md"), "# " + "T".repeat(301) + "\n\n" + "word ".repeat(14_000));
        Files.writeString(content.resolve("mini-module/lessons/04-huge.zh-CN.md"), "# 很长\n");
        Path yml = content.resolve("mini-module/module.yml");
        List<String> skills = java.util.stream.IntStream.range(0, 40).mapToObj(i -> "skill-number-" + "x".repeat(20) + i).toList();
        Files.writeString(yml, Files.readString(yml).replace("skills: [testing]", "skills: [" + String.join(", ", skills) + "]"));

        ContentReport report = ContentLoader.load(content);
        assertEquals(List.of(), report.modules(), "the module is left out (it keeps its last valid version)");
        List<String> p = report.problems().stream().map(ContentProblem::toString).toList();
        assertProblem(p, "content/mini-module/questions.gift:12", "the question is too long to store");
        assertProblem(p, "content/mini-module/questions.gift:14", "the question name is 300 characters long; at most 255 fit");
        assertProblem(p, "content/mini-module/questions.zh-CN.gift:12", "the question is too long to store");
        assertProblem(p, "content/mini-module/questions.zh-CN.gift:14", "the question name is 300 characters long");
        assertProblem(p, "content/mini-module/lessons/03-" + "a".repeat(130) + ".md", "slug of 133 characters; at most 120 fit");
        assertProblem(p, "content/mini-module/lessons/04-huge.md", "is 301 characters long; at most 300 fit");
        assertProblem(p, "content/mini-module/lessons/04-huge.md", "bytes long; at most 65535 fit");
        assertProblem(p, "content/mini-module/module.yml:5", "at most 1000 fit");
        assertEquals(8, p.size(), p.toString());
    }
}
