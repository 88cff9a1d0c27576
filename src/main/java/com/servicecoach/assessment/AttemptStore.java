package com.servicecoach.assessment;

import com.servicecoach.account.User;
import com.servicecoach.account.UserRepository;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.Team;
import com.servicecoach.notification.Notifications;
import com.servicecoach.question.Grader;
import com.servicecoach.question.Question;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.training.TrainingProgress;
import com.servicecoach.training.TrainingQuestion;
import com.servicecoach.web.ConflictException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writes of attempts, each one transaction. Every transaction that changes an attempt begins with a
 * conditional UPDATE of the attempt's row, which takes its lock and decides: a save only while the attempt
 * accepts answers, a submission only while it is in progress (so two submits grade once: the second
 * finds nothing to update and answers what the first graded), a person's grade only while the answer
 * waits for one. Nothing else is read before that UPDATE, so on MySQL the transaction's snapshot also
 * includes whatever the previous lock holder committed.
 */
@Singleton
class AttemptStore {

    private final AttemptRepository attempts;
    private final AttemptQuestionRepository attemptQuestions;
    private final AnswerRepository answers;
    private final RubricScoreRepository rubricScores;
    private final TrainingModuleRepository modules;
    private final BankContent bank;
    private final Certifications certifications;
    private final TrainingProgress progress;
    private final AssessmentAccess access;
    private final UserRepository users;
    private final Notifications notifications;
    private final ObjectMapper mapper;
    private final Counter graded;
    private final Counter abandoned;

    AttemptStore(AttemptRepository attempts, AttemptQuestionRepository attemptQuestions, AnswerRepository answers,
                 RubricScoreRepository rubricScores, TrainingModuleRepository modules, BankContent bank,
                 Certifications certifications, TrainingProgress progress, AssessmentAccess access, UserRepository users,
                 Notifications notifications, ObjectMapper mapper, MeterRegistry meters) {
        this.attempts = attempts;
        this.attemptQuestions = attemptQuestions;
        this.answers = answers;
        this.rubricScores = rubricScores;
        this.modules = modules;
        this.bank = bank;
        this.certifications = certifications;
        this.progress = progress;
        this.access = access;
        this.users = users;
        this.notifications = notifications;
        this.mapper = mapper;
        this.graded = Counter.builder("servicecoach.assessment.attempts.graded")
                .description("Attempts submitted and graded (each attempt once)").register(meters);
        this.abandoned = Counter.builder("servicecoach.assessment.attempts.abandoned")
                .description("Attempts whose time ran out without an answer").register(meters);
    }

    /** Stores a new attempt with its questions (the unique attempt number refuses a second, simultaneous start). */
    @Transactional
    Attempt begin(Attempt attempt, List<AttemptQuestion> questions) {
        Attempt saved = attempts.save(attempt);
        for (AttemptQuestion q : questions) {
            attemptQuestions.save(new AttemptQuestion(null, saved.id(), q.position(), q.questionId(), q.optionOrder(),
                    q.stemOrder(), null, false, null, null, null));
        }
        return saved;
    }

    /**
     * Saves (or with null clears) the answer to one question, while the attempt accepts answers.
     *
     * @param limit now minus the grace period: the attempt's deadline may not lie before it
     * @throws ConflictException when the attempt no longer accepts answers
     */
    @Transactional
    void saveAnswer(long attemptId, long questionId, @Nullable String response, LocalDateTime now, LocalDateTime limit) {
        if (attempts.lockOpen(attemptId, now, limit) == 0) {
            throw closed(attemptId);
        }
        if (response == null) {
            answers.remove(attemptId, questionId);
        } else {
            answers.upsert(attemptId, questionId, response, now);
        }
    }

    static ConflictException closed(long attemptId) {
        return new ConflictException("Attempt " + attemptId + " takes no more answers: it has been submitted or its time is up");
    }

    /**
     * Ends an in-progress attempt and grades it. An attempt ended by the clock without a single answer
     * saved is abandoned (not graded).
     *
     * @return false when the attempt had already ended (nothing done)
     */
    @Transactional
    boolean close(long attemptId, LocalDateTime at, boolean auto) {
        if (attempts.close(attemptId, Attempt.FINISHED, at, auto) == 0) {
            return false;
        }
        if (auto && answers.countByAttemptId(attemptId) == 0) {
            Attempt a = attempts.findById(attemptId).orElseThrow();
            attempts.update(new Attempt(a.id(), a.moduleId(), a.agentId(), a.attemptNo(), a.language(), Attempt.ABANDONED,
                    a.passMark(), a.review(), a.layout(), a.startedAt(), a.deadline(), a.submittedAt(), true, 0, null,
                    a.pointsPossible(), null, null, null, a.lastSavedAt()));
            abandoned.increment();
            return true;
        }
        grade(attemptId, at);
        graded.increment();
        return true;
    }

    private void grade(long attemptId, LocalDateTime now) {
        Attempt a = attempts.findById(attemptId).orElseThrow();
        Map<Long, TrainingQuestion> rows = bank.bank(a.moduleId());
        Map<Long, Answer> given = new HashMap<>();
        answers.findByAttemptId(attemptId).forEach(x -> given.put(x.questionId(), x));
        BigDecimal earned = BigDecimal.ZERO;
        int awaiting = 0;
        for (AttemptQuestion aq : attemptQuestions.findByAttemptIdOrderByPosition(attemptId)) {
            Question q = bank.question(rows.get(aq.questionId()), a.language());
            Answer answer = given.get(aq.questionId());
            Object response = answer == null ? null : read(answer.response());
            BigDecimal points;
            boolean needsPerson = false;
            if (response == null) {
                points = BigDecimal.ZERO;
            } else {
                points = Grader.grade(q, response);
                needsPerson = points == null;
            }
            attemptQuestions.recordAutomatic(aq.id(), points, needsPerson);
            if (needsPerson) {
                awaiting++;
            } else {
                earned = earned.add(points);
            }
        }
        attempts.recordGrades(attemptId, awaiting, earned);
        if (awaiting == 0) {
            makeFinal(attemptId, now);
        } else {
            askForGrading(a, awaiting);
        }
    }

    /**
     * Records a person's grade of an essay answer (the rubric points, copied with their criteria) and makes
     * the result final when it was the last answer waiting.
     *
     * @throws ConflictException when the answer does not wait for a grade (graded already, or never did)
     */
    @Transactional
    void gradeManually(long attemptId, AttemptQuestion aq, List<BankContent.Criterion> rubric, List<Integer> points,
                       @Nullable String comment, String grader, LocalDateTime now) {
        int earned = points.stream().mapToInt(Integer::intValue).sum();
        int max = rubric.stream().mapToInt(BankContent.Criterion::points).sum();
        BigDecimal fraction = BigDecimal.valueOf(earned).divide(BigDecimal.valueOf(max), GradingMethod.SCALE, RoundingMode.HALF_UP);
        if (attemptQuestions.recordManual(aq.id(), fraction, grader, now, comment) == 0) {
            throw new ConflictException("Question " + aq.questionId() + " of attempt " + attemptId + " does not wait for a grade");
        }
        for (int i = 0; i < rubric.size(); i++) {
            BankContent.Criterion c = rubric.get(i);
            rubricScores.save(new RubricScore(null, aq.id(), c.position(), c.en(), c.zh(), c.points(), points.get(i)));
        }
        attempts.addManualGrade(attemptId, fraction);
        Attempt a = attempts.findById(attemptId).orElseThrow();
        if (a.awaiting() == 0) {
            makeFinal(attemptId, now);
        }
    }

    /** Score % = points earned / points possible × 100; passed at the pass mark; then the consequences. */
    private void makeFinal(long attemptId, LocalDateTime now) {
        Attempt a = attempts.findById(attemptId).orElseThrow();
        BigDecimal earned = a.pointsEarned() == null ? BigDecimal.ZERO : a.pointsEarned();
        BigDecimal percent = a.pointsPossible() == 0 ? BigDecimal.ZERO
                : earned.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(a.pointsPossible()), GradingMethod.SCALE,
                RoundingMode.HALF_UP);
        boolean passed = percent.compareTo(BigDecimal.valueOf(a.passMark())) >= 0;
        if (attempts.makeFinal(attemptId, percent, passed, now) == 0) {
            return;
        }
        Attempt done = attempts.findById(attemptId).orElseThrow();
        TrainingModule module = modules.findById(a.moduleId()).orElseThrow();
        Agent agent = access.agent(a.agentId());
        for (User u : usersOf(agent)) {
            notifications.notify(u.username(), passed ? "assessment.passed" : "assessment.failed", "assessment.result:" + attemptId,
                    "/attempts/" + attemptId, List.of(Certifications.texts(module), Rounding.percent(percent).toPlainString(),
                            String.valueOf(a.passMark())));
        }
        Optional<Certification> granted = certifications.onFinal(done, module, agent);
        if (granted.isPresent()) {
            progress.evaluate(agent.id(), module.code());
        }
    }

    private void askForGrading(Attempt a, int awaiting) {
        Agent agent = access.agent(a.agentId());
        TrainingModule module = modules.findById(a.moduleId()).orElseThrow();
        Optional<Team> team = access.team(agent.teamId());
        if (team.isPresent() && team.get().supervisor() != null) {
            notifications.notify(team.get().supervisor(), "assessment.toGrade", "assessment.toGrade:" + a.id(), "/grading",
                    List.of(agent.name() + " (" + agent.employeeNo() + ")", Certifications.texts(module), String.valueOf(awaiting)));
        }
    }

    private List<User> usersOf(Agent agent) {
        return users.findByEmployeeNo(agent.employeeNo()).filter(User::enabled).map(List::of).orElse(List.of());
    }

    Object read(String json) {
        try {
            return mapper.readValue(json, Object.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String write(Object response) {
        try {
            return mapper.writeValueAsString(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
