package com.servicecoach.assessment;

import com.servicecoach.question.Question;
import com.servicecoach.training.QuestionJson;
import com.servicecoach.training.RubricCriterionRepository;
import com.servicecoach.training.RubricCriterionRow;
import com.servicecoach.training.TrainingQuestion;
import com.servicecoach.training.TrainingQuestionRepository;
import com.servicecoach.web.Messages;
import jakarta.inject.Singleton;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a module's bank (through training's repositories) for attempts: questions in the attempt's
 * language and essay rubrics. An essay without a rubric (imported through the API) is graded on one
 * criterion, overall quality, worth {@value #OVERALL_POINTS} points.
 */
@Singleton
class BankContent {

    static final int OVERALL_POINTS = 10;

    /** A rubric criterion in both languages. */
    record Criterion(int position, String en, String zh, int points) {
        String in(String language) {
            return "zh-CN".equals(language) ? zh : en;
        }
    }

    private final TrainingQuestionRepository questions;
    private final RubricCriterionRepository rubrics;
    private final QuestionJson json;
    private final Messages messages;

    BankContent(TrainingQuestionRepository questions, RubricCriterionRepository rubrics, QuestionJson json, Messages messages) {
        this.questions = questions;
        this.rubrics = rubrics;
        this.json = json;
        this.messages = messages;
    }

    /** Every question of the module's bank (retired ones too, for past attempts), by id. */
    Map<Long, TrainingQuestion> bank(long moduleId) {
        Map<Long, TrainingQuestion> out = new HashMap<>();
        questions.findByModuleIdOrderById(moduleId).forEach(q -> out.put(q.id(), q));
        return out;
    }

    List<TrainingQuestion> activeBank(long moduleId) {
        return questions.findByModuleIdAndActiveOrderById(moduleId, true);
    }

    /** The question in the attempt's language ("zh-CN": the Chinese twin when there is one). */
    Question question(TrainingQuestion row, String language) {
        return json.read(row.content("zh-CN".equals(language)));
    }

    /** The rubric of an essay question, or the single overall criterion when it has none. */
    List<Criterion> rubric(long moduleId, String questionName) {
        List<Criterion> out = rubrics.findByModuleIdOrderByQuestionNameAndPosition(moduleId).stream()
                .filter(r -> r.questionName().equals(questionName))
                .map((RubricCriterionRow r) -> new Criterion(r.position(), r.criterionEn(), r.criterionZh(), r.points()))
                .toList();
        if (out.isEmpty()) {
            return List.of(new Criterion(1, messages.get(Locale.ENGLISH, "assessment.rubric.overall"),
                    messages.get(Messages.CHINESE, "assessment.rubric.overall"), OVERALL_POINTS));
        }
        // positions as shown: 1, 2, ... in rubric order
        List<Criterion> numbered = new java.util.ArrayList<>();
        for (int i = 0; i < out.size(); i++) {
            Criterion c = out.get(i);
            numbered.add(new Criterion(i + 1, c.en(), c.zh(), c.points()));
        }
        return numbered;
    }
}
