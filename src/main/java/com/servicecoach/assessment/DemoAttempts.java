package com.servicecoach.assessment;

import com.servicecoach.account.Role;
import com.servicecoach.account.Viewer;
import com.servicecoach.question.Choice;
import com.servicecoach.question.MatchPair;
import com.servicecoach.question.NumericAnswer;
import com.servicecoach.question.Question;
import com.servicecoach.question.QuestionType;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.training.TrainingQuestion;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Attempts for the demo data (the demo package calls it; nothing else does): an agent takes a module's
 * assessment through {@link AttemptService} as they would in the browser, answering a given number of questions
 * wrongly and the rest rightly, so results, knowledge figures, item analysis and the grading queue are real.
 * Certifications can then be moved back in time so that one is expiring and one has expired.
 */
@Singleton
public class DemoAttempts {

    /** What a demo attempt came to. */
    public record Taken(long attempt, boolean hasEssay, boolean awaitingGrading, Boolean passed) {
    }

    private final AttemptService service;
    private final BankContent bank;
    private final TrainingModuleRepository modules;
    private final CertificationRepository certifications;
    private final AttemptRepository attempts;
    private final ObjectMapper json;
    private final com.servicecoach.training.CompletionRepository completions;
    /** The demo draws questions with a seeded generator, so the same content gives the same demo history every time. */
    private java.util.Random draws = new java.util.Random(SEED);

    private static final long SEED = 20260301L;

    /** Starts the seeded draws again: each load of the demo history draws the same questions as a first start does. */
    public void restartDraws() {
        draws = new java.util.Random(SEED);
    }

    DemoAttempts(AttemptService service, BankContent bank, TrainingModuleRepository modules,
                 CertificationRepository certifications, AttemptRepository attempts, ObjectMapper json,
                 com.servicecoach.training.CompletionRepository completions) {
        this.completions = completions;
        this.service = service;
        this.bank = bank;
        this.modules = modules;
        this.certifications = certifications;
        this.attempts = attempts;
        this.json = json;
    }

    /**
     * Agent {@code employeeNo} takes the assessment of {@code module}: the first {@code wrong} questions (auto-graded
     * ones) are answered wrongly, the rest rightly; essays get a short reply when {@code essays} is true, else none.
     */
    public Taken take(String employeeNo, String module, int wrong, boolean essays, Locale locale) {
        Viewer agent = new Viewer("demo." + employeeNo, Role.AGENT, employeeNo);
        AttemptViews.AttemptView view = service.start(agent, module, locale, draws);
        TrainingModule m = modules.findByCode(module).orElseThrow();
        Map<Long, TrainingQuestion> rows = bank.bank(m.id());
        int wrongLeft = wrong;
        boolean hasEssay = false;
        for (AttemptViews.QuestionView qv : view.questions()) {
            Question q = bank.question(rows.get(qv.id()), view.language());
            if (q.type() == QuestionType.ESSAY) {
                hasEssay = true;
                if (essays) {
                    answer(agent, view.attempt(), qv.id(), "zh-CN".equals(view.language())
                            ? "您好，非常抱歉给您带来不便。我已经核实了订单，今天会为您安排处理，并在下午五点前电话告知进展。"
                            : "I am sorry for the trouble. I have checked your order and will arrange the fix today; "
                            + "I will call you before 5 pm with the result.");
                }
                continue;
            }
            boolean right = wrongLeft <= 0;
            Object value = shown(qv, right ? rightAnswer(q) : wrongAnswer(q), q);
            if (!right) {
                wrongLeft--;
            }
            if (value != null) {
                answer(agent, view.attempt(), qv.id(), value);
            }
        }
        AttemptViews.AttemptView done = service.submit(agent, view.attempt(), locale);
        AttemptViews.Result r = done.result();
        return new Taken(done.attempt(), hasEssay, r != null && "awaiting_grading".equals(r.status()), r == null ? null : r.passed());
    }

    /**
     * Moves the agent's latest certification at {@code module}, and the attempt that earned it, back in time: granted at
     * {@code grantedAt}, expiring at {@code expiresAt}.
     */
    public void backdateCertification(long agentId, String module, LocalDateTime grantedAt, LocalDateTime expiresAt) {
        TrainingModule m = modules.findByCode(module).orElseThrow();
        Certification c = certifications.findByAgentIdAndModuleIdOrderByGrantedAt(agentId, m.id()).stream()
                .max(Comparator.comparing(Certification::grantedAt)).orElseThrow();
        certifications.update(new Certification(c.id(), c.agentId(), c.moduleId(), c.attemptId(), c.scorePercent(), grantedAt,
                expiresAt, c.expiringNotifiedAt(), c.renewedAt(), c.renewalAssignmentId()));
        attempts.findById(c.attemptId()).ifPresent(a -> {
            long minutes = java.time.Duration.between(a.startedAt(), a.submittedAt() == null ? a.startedAt() : a.submittedAt()).toMinutes();
            LocalDateTime start = grantedAt.minusMinutes(Math.max(1, minutes));
            attempts.update(new Attempt(a.id(), a.moduleId(), a.agentId(), a.attemptNo(), a.language(), a.state(), a.passMark(),
                    a.review(), a.layout(), start, start.plusMinutes(60), grantedAt, a.autoSubmitted(), a.awaiting(),
                    a.pointsEarned(), a.pointsPossible(), a.scorePercent(), a.passed(), a.finalAt() == null ? null : grantedAt,
                    grantedAt));
        });
    }

    /** Moves the agent's latest completion of the module to {@code at} (UTC), as training done weeks before the demo. */
    public void backdateCompletion(long agentId, String module, LocalDateTime at) {
        TrainingModule m = modules.findByCode(module).orElseThrow();
        com.servicecoach.training.Completion c = completions.findByAgentIdAndModuleIdOrderByCompletedAt(agentId, m.id()).stream()
                .reduce((first, second) -> second).orElseThrow();
        completions.update(new com.servicecoach.training.Completion(c.id(), c.agentId(), c.moduleId(), c.moduleVersion(), at, at));
    }

    private void answer(Viewer agent, long attempt, long question, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answer", value);
        try {
            service.save(agent, attempt, question, json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException refused) {
            // an answer the question does not take is left out, as an agent who skipped it
        }
    }

    /**
     * The answer with the bank's option and stem ids replaced by the ones the attempt shows (found by their texts,
     * as the agent sees them).
     */
    private static Object shown(AttemptViews.QuestionView qv, Object answer, Question q) {
        if (answer == null || (q.type() != QuestionType.MULTICHOICE && q.type() != QuestionType.MATCH)) {
            return answer;
        }
        Map<String, String> optionText = new LinkedHashMap<>();
        q.options().forEach(o -> optionText.put(o.id(), o.text()));
        Map<String, String> stemText = new LinkedHashMap<>();
        q.stems().forEach(o -> stemText.put(o.id(), o.text()));
        java.util.function.BiFunction<List<AttemptViews.Choice>, String, String> byText = (list, text) -> list.stream()
                .filter(c -> c.text().equals(text)).map(AttemptViews.Choice::id).findFirst().orElse(null);
        if (answer instanceof String id) {
            return byText.apply(qv.options(), optionText.get(id));
        }
        if (answer instanceof List<?> ids) {
            return ids.stream().map(id -> byText.apply(qv.options(), optionText.get(String.valueOf(id)))).toList();
        }
        if (answer instanceof Map<?, ?> pairs) {
            Map<String, String> out = new LinkedHashMap<>();
            pairs.forEach((stem, option) -> out.put(byText.apply(qv.stems(), stemText.get(String.valueOf(stem))),
                    byText.apply(qv.options(), optionText.get(String.valueOf(option)))));
            return out;
        }
        return answer;
    }

    /** The right answer in the API's form, with the bank's ids. */
    static Object rightAnswer(Question q) {
        return switch (q.type()) {
            case MULTICHOICE -> q.multipleAnswers()
                    ? q.choices().stream().filter(c -> c.fraction().signum() > 0).map(Choice::id).toList()
                    : q.choices().stream().max(Comparator.comparing(Choice::fraction)).map(Choice::id).orElse(null);
            case TRUEFALSE -> q.trueFalseAnswer();
            case SHORTANSWER -> q.choices().stream().max(Comparator.comparing(Choice::fraction)).map(c -> c.text().replace("*", "")).orElse(null);
            case NUMERICAL -> q.numeric().stream().filter(n -> !n.isCatchAll()).max(Comparator.comparing(NumericAnswer::fraction))
                    .map(DemoAttempts::number).orElse(null);
            case MATCH -> {
                Map<String, String> pairs = new LinkedHashMap<>();
                q.pairs().stream().filter(p -> !p.isDistractor()).forEach(p -> pairs.put(p.stemId(), p.optionId()));
                yield pairs;
            }
            default -> null;
        };
    }

    /** A wrong answer in the API's form (one that earns no credit, or the least). */
    static Object wrongAnswer(Question q) {
        return switch (q.type()) {
            case MULTICHOICE -> {
                Choice worst = q.choices().stream().min(Comparator.comparing(Choice::fraction)).orElse(null);
                yield worst == null ? null : q.multipleAnswers() ? List.of(worst.id()) : worst.id();
            }
            case TRUEFALSE -> q.trueFalseAnswer() == null ? null : !q.trueFalseAnswer();
            case SHORTANSWER -> "not sure";
            case NUMERICAL -> "-987654";
            case MATCH -> {
                List<MatchPair> stems = q.pairs().stream().filter(p -> !p.isDistractor()).toList();
                Map<String, String> pairs = new LinkedHashMap<>();
                List<String> options = new ArrayList<>(stems.stream().map(MatchPair::optionId).toList());
                java.util.Collections.rotate(options, 1);
                for (int i = 0; i < stems.size(); i++) {
                    pairs.put(stems.get(i).stemId(), options.get(i));
                }
                yield pairs;
            }
            default -> null;
        };
    }

    private static String number(NumericAnswer n) {
        BigDecimal v = n.value() != null ? n.value() : n.min();
        return v == null ? null : v.toPlainString();
    }
}
