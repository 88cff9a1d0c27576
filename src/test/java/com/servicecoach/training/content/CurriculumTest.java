package com.servicecoach.training.content;

import com.servicecoach.quality.QaCriterion;
import com.servicecoach.quality.QaRubric;
import com.servicecoach.quality.QaRubricLoader;
import com.servicecoach.quality.QaRubricReport;
import com.servicecoach.question.QuestionType;
import com.servicecoach.scoring.Channel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real curriculum in training-content/ is valid and as complete as the issue asks. */
class CurriculumTest {

    static final ContentReport REPORT = ContentLoader.load(Path.of("training-content"));

    @Test
    void everyFileOfTheCurriculumIsValid() {
        assertEquals(List.of(), REPORT.problems().stream().map(ContentProblem::toString).toList());
        assertEquals(REPORT.folders().size(), REPORT.modules().size());
    }

    @Test
    void theQaFolderIsNotAModule() {
        assertTrue(java.nio.file.Files.isDirectory(Path.of("training-content", ContentLoader.QA_FOLDER)));
        assertFalse(REPORT.folders().contains(ContentLoader.QA_FOLDER), REPORT.folders().toString());
        assertTrue(REPORT.problems().stream().noneMatch(p -> p.file().startsWith("training-content/qa")));
    }

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Test
    void theQaRubricsAreValidCoverEveryChannelOnceAndPointToModules() {
        QaRubricReport qa = QaRubricLoader.load(Path.of("training-content"));
        assertEquals(List.of(), qa.problems().stream().map(ContentProblem::toString).toList());
        assertEquals(List.of("chat", "email"), qa.rubrics().stream().map(QaRubric::code).toList());
        for (Channel channel : Channel.values()) {
            assertEquals(1, qa.rubrics().stream().filter(r -> r.channels().contains(channel)).count(),
                    channel.code() + " must belong to exactly one rubric");
        }
        Set<String> modules = new HashSet<>();
        REPORT.modules().forEach(m -> modules.add(m.code()));
        for (QaRubric r : qa.rubrics()) {
            assertBothLanguages(r.code() + " title", r.title());
            assertTrue(r.criteria().size() >= 6, r.code() + " has only " + r.criteria().size() + " criteria");
            assertTrue(r.criteria().stream().anyMatch(QaCriterion::critical), r.code() + " has no critical criterion");
            for (QaCriterion c : r.criteria()) {
                String where = r.code() + "." + c.code();
                assertBothLanguages(where + " text", c.text());
                if (c.guidance() != null) {
                    assertBothLanguages(where + " guidance", c.guidance());
                }
                assertTrue(c.module() != null && modules.contains(c.module()), where + " names no existing module: " + c.module());
            }
        }
    }

    private static void assertBothLanguages(String what, Localized text) {
        assertTrue(text.en() != null && !text.en().isBlank(), what + " has no English");
        assertTrue(text.zh() != null && HAN.matcher(text.zh()).find(), what + " has no Chinese: " + text.zh());
    }

    @Test
    void curriculumHoldsEightModulesWithThreeLessonsAndFifteenQuestionsOfThreeTypesEach() {
        assertEquals(List.of("after-sales-follow-up", "complaint-handling", "greeting-attitude", "order-status-logistics",
                        "privacy-payment-security", "product-knowledge-faq", "returns-refunds", "written-communication"),
                REPORT.modules().stream().map(ModuleSource::code).toList());
        for (ModuleSource m : REPORT.modules()) {
            assertTrue(m.lessons().size() >= 3, m.code() + " has " + m.lessons().size() + " lessons");
            assertTrue(m.questions().size() >= 15, m.code() + " has " + m.questions().size() + " questions");
            Set<QuestionType> types = new HashSet<>();
            m.questions().forEach(q -> types.add(q.en().type()));
            assertTrue(types.size() >= 3, m.code() + " uses only " + types);
            assertTrue(m.assessment().questionCount() <= m.questions().size());
        }
    }

    @Test
    void everyStarterModuleAddressesTheFiguresItIsAbout() {
        for (ModuleSource m : REPORT.modules()) {
            assertTrue(!m.addresses().isEmpty(), m.code() + " addresses no figure");
        }
        ModuleSource returns = REPORT.modules().stream().filter(m -> m.code().equals("returns-refunds")).findFirst().orElseThrow();
        assertTrue(returns.addresses().contains(new Addressed("csat", null, "return_refund")), "CSAT on returns: " + returns.addresses());
        ModuleSource writing = REPORT.modules().stream().filter(m -> m.code().equals("written-communication")).findFirst().orElseThrow();
        assertTrue(writing.addresses().contains(new Addressed("first_response_sla", "email", null)), writing.addresses().toString());
    }
}
