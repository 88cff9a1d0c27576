package com.servicecoach.training.content;

import com.servicecoach.question.QuestionType;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
