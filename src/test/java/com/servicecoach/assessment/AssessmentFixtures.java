package com.servicecoach.assessment;

import com.servicecoach.question.GiftParser;
import com.servicecoach.question.GiftResult;
import com.servicecoach.question.Question;
import com.servicecoach.training.QuestionJson;
import com.servicecoach.training.RubricCriterionRepository;
import com.servicecoach.training.RubricCriterionRow;
import com.servicecoach.training.TrainingLesson;
import com.servicecoach.training.TrainingLessonRepository;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.training.TrainingQuestion;
import com.servicecoach.training.TrainingQuestionRepository;
import jakarta.inject.Singleton;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** Small modules with known banks, written straight into training's tables (as a content sync would). */
@Singleton
public class AssessmentFixtures {

    /** A bank with one question of every type, in two categories; the markers FB-/GF- mark feedback. */
    public static final String BANK = """
            $CATEGORY: test/basics
            ::MC1::Which colour is the sky on a clear day?{=Blue#FB-MC1-right ~Green#FB-MC1-green ~Red#FB-MC1-red####GF-MC1}

            ::MA1::Which of these are fruit? Choose all that apply.{~%50%Apple#FB-MA1-apple ~%50%Pear ~%-50%Stone ~%-50%Brick}

            ::TF1::The earth goes round the sun.{T#FB-TF1-true#FB-TF1-false}

            ::SA1::The first of the three A's is to ...?{=Acknowledge#FB-SA1 =Acknowledging}

            $CATEGORY: test/more
            ::NU1::Within how many seconds should the first chat reply come?{#60:5#FB-NU1}

            ::NU2::Pick a number from one to five.{#1..5}

            ::MT1::Match each thing to its kind.{=cat -> animal =rose -> plant =iron -> metal}

            ::ES1::Write a short apology to a customer whose parcel is late.{}
            """;

    /** The same bank in Chinese (same names and structure). */
    public static final String BANK_ZH = """
            $CATEGORY: test/basics
            ::MC1::晴天的天空是什么颜色？{=蓝色#FB-MC1-right ~绿色#FB-MC1-green ~红色#FB-MC1-red####GF-MC1}

            ::MA1::下列哪些是水果？{~%50%苹果#FB-MA1-apple ~%50%梨 ~%-50%石头 ~%-50%砖}

            ::TF1::地球绕着太阳转。{T#FB-TF1-true#FB-TF1-false}

            ::SA1::三个A中的第一步是？{=认可 =承认}

            $CATEGORY: test/more
            ::NU1::聊天首次回复应在多少秒内？{#60:5#FB-NU1}

            ::NU2::从一到五选一个数。{#1..5}

            ::MT1::把每样东西与其类别配对。{=猫 -> 动物 =玫瑰 -> 植物 =铁 -> 金属}

            ::ES1::给包裹延误的顾客写一段简短的道歉。{}
            """;

    /** Settings of a test module (module.yml's assessment block plus pass mark and certification period). */
    public record Settings(int timeLimitMinutes, int attemptsAllowed, String gradingMethod, int questionCount,
                           boolean shuffleQuestions, boolean shuffleOptions, String layout, String review, int passMark,
                           int certificationMonths) {

        public static Settings plain() {
            return new Settings(20, 0, "highest", 0, false, false, "all_on_one", "after_submit", 60, 12);
        }

        public Settings timeLimit(int minutes) {
            return new Settings(minutes, attemptsAllowed, gradingMethod, questionCount, shuffleQuestions, shuffleOptions, layout, review, passMark, certificationMonths);
        }

        public Settings attempts(int n) {
            return new Settings(timeLimitMinutes, n, gradingMethod, questionCount, shuffleQuestions, shuffleOptions, layout, review, passMark, certificationMonths);
        }

        public Settings grading(String method) {
            return new Settings(timeLimitMinutes, attemptsAllowed, method, questionCount, shuffleQuestions, shuffleOptions, layout, review, passMark, certificationMonths);
        }

        public Settings count(int n) {
            return new Settings(timeLimitMinutes, attemptsAllowed, gradingMethod, n, shuffleQuestions, shuffleOptions, layout, review, passMark, certificationMonths);
        }

        public Settings shuffled() {
            return new Settings(timeLimitMinutes, attemptsAllowed, gradingMethod, questionCount, true, true, layout, review, passMark, certificationMonths);
        }

        public Settings layout(String l) {
            return new Settings(timeLimitMinutes, attemptsAllowed, gradingMethod, questionCount, shuffleQuestions, shuffleOptions, l, review, passMark, certificationMonths);
        }

        public Settings review(String r) {
            return new Settings(timeLimitMinutes, attemptsAllowed, gradingMethod, questionCount, shuffleQuestions, shuffleOptions, layout, r, passMark, certificationMonths);
        }

        public Settings passMark(int p) {
            return new Settings(timeLimitMinutes, attemptsAllowed, gradingMethod, questionCount, shuffleQuestions, shuffleOptions, layout, review, p, certificationMonths);
        }

        public Settings certification(int months) {
            return new Settings(timeLimitMinutes, attemptsAllowed, gradingMethod, questionCount, shuffleQuestions, shuffleOptions, layout, review, passMark, months);
        }
    }

    private final TrainingModuleRepository modules;
    private final TrainingQuestionRepository questions;
    private final RubricCriterionRepository rubrics;
    private final TrainingLessonRepository lessons;
    private final QuestionJson json;

    AssessmentFixtures(TrainingModuleRepository modules, TrainingQuestionRepository questions, RubricCriterionRepository rubrics,
                       TrainingLessonRepository lessons, QuestionJson json) {
        this.modules = modules;
        this.questions = questions;
        this.rubrics = rubrics;
        this.lessons = lessons;
        this.json = json;
    }

    /** The standard test module: {@link #BANK} in both languages, a 2-criterion rubric (3 + 2 points) for ES1, one lesson. */
    public TrainingModule standard(String code, Settings s) {
        TrainingModule m = module(code, s, BANK, BANK_ZH);
        rubric(m, "ES1", Map.of("en", "Apologises sincerely", "zh", "真诚道歉"), 3);
        rubric(m, "ES1", Map.of("en", "Gives a concrete next step", "zh", "给出具体的下一步"), 2);
        return m;
    }

    public TrainingModule module(String code, Settings s, String giftEn, String giftZh) {
        return module(code, s, giftEn, giftZh, List.of());
    }

    /** A module whose assessment draws only the questions carrying every one of {@code drawTags}. */
    public TrainingModule module(String code, Settings s, String giftEn, String giftZh, List<String> drawTags) {
        LocalDateTime now = LocalDateTime.of(2026, 1, 1, 0, 0);
        TrainingModule m = modules.save(new TrainingModule(null, code, 1, "hash", "Module " + code, "模块 " + code,
                "Summary", "摘要", "test", "other", 30, s.passMark(), s.certificationMonths(), s.timeLimitMinutes(),
                s.attemptsAllowed(), s.gradingMethod(), s.questionCount(), s.shuffleQuestions(), s.shuffleOptions(), s.layout(),
                s.review(), true, now, String.join(";", drawTags), ""));
        lessons.save(new TrainingLesson(null, m.id(), 1, "01-only", "Only lesson", "唯一一课", "# Only lesson", "# 唯一一课"));
        List<Question> en = parse(giftEn);
        List<Question> zh = giftZh == null ? null : parse(giftZh);
        for (int i = 0; i < en.size(); i++) {
            Question q = en.get(i);
            questions.save(new TrainingQuestion(null, m.id(), q.name(), q.type().code(), q.category(), TrainingQuestion.FILE,
                    i + 1, q.line(), json.write(q), zh == null ? null : json.write(zh.get(i)), true, null, now, now));
        }
        return m;
    }

    public void rubric(TrainingModule m, String questionName, Map<String, String> text, int points) {
        int position = (int) rubrics.findByModuleIdOrderByQuestionNameAndPosition(m.id()).stream()
                .filter(r -> r.questionName().equals(questionName)).count() + 1;
        rubrics.save(new RubricCriterionRow(null, m.id(), questionName, position, text.get("en"), text.get("zh"), points));
    }

    private static List<Question> parse(String gift) {
        GiftResult r = GiftParser.parse(gift);
        if (r.hasErrors()) {
            throw new IllegalArgumentException("Test bank does not parse: " + r.errors());
        }
        return r.questions();
    }
}
