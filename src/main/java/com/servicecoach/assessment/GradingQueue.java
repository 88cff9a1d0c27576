package com.servicecoach.assessment;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.Team;
import com.servicecoach.question.Question;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.training.TrainingQuestion;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers that wait for a person (essays, and anything {@link com.servicecoach.question.Grader} cannot
 * score): the queue, which supervisors see for their teams and HR and administrators for all, and the
 * grade against the question's rubric, which the supervisor of the agent's team or an administrator gives.
 * An essay's points are the rubric points given / the rubric's maximum (one question is worth 1 point).
 */
@Singleton
public class GradingQueue {

    public static final int COMMENT_MAX = 2000;

    private final AttemptRepository attempts;
    private final AttemptQuestionRepository attemptQuestions;
    private final AnswerRepository answers;
    private final TrainingModuleRepository modules;
    private final BankContent bank;
    private final AttemptStore store;
    private final AttemptService attemptService;
    private final AssessmentAccess access;
    private final Clock clock;

    GradingQueue(AttemptRepository attempts, AttemptQuestionRepository attemptQuestions, AnswerRepository answers,
                 TrainingModuleRepository modules, BankContent bank, AttemptStore store, AttemptService attemptService,
                 AssessmentAccess access, Clock clock, com.servicecoach.training.QuestionText render) {
        this.render = render;
        this.attempts = attempts;
        this.attemptQuestions = attemptQuestions;
        this.answers = answers;
        this.modules = modules;
        this.bank = bank;
        this.store = store;
        this.attemptService = attemptService;
        this.access = access;
        this.clock = clock;
    }

    /** The waiting answers of the agents the viewer may read, oldest submission first (agents: 403). */
    public List<AttemptViews.QueueItem> list(Viewer viewer, @Nullable String teamName, @Nullable String module, Locale locale) {
        access.requireStaff(viewer);
        List<Agent> scope = access.scope(viewer);
        if (teamName != null && !teamName.isBlank()) {
            Team t = access.visibleTeam(viewer, teamName.trim());
            scope = scope.stream().filter(a -> a.teamId().equals(t.id())).toList();
        }
        Map<Long, Agent> byId = scope.stream().collect(Collectors.toMap(Agent::id, a -> a));
        Map<Long, TrainingModule> moduleById = new HashMap<>();
        modules.findAllOrderByCode().forEach(m -> moduleById.put(m.id(), m));
        List<AttemptViews.QueueItem> out = new ArrayList<>();
        Map<Long, Attempt> attemptById = new HashMap<>();
        for (AttemptQuestion aq : attemptQuestions.findByNeedsGradingOrderById(true)) {
            Attempt a = attemptById.computeIfAbsent(aq.attemptId(), id -> attempts.findById(id).orElseThrow());
            Agent agent = byId.get(a.agentId());
            TrainingModule m = moduleById.get(a.moduleId());
            if (agent == null || (module != null && !module.isBlank() && !m.code().equals(module.trim()))) {
                continue;
            }
            out.add(item(a, aq, agent, m));
        }
        out.sort(Comparator.comparing(AttemptViews.QueueItem::submittedAt).thenComparing(AttemptViews.QueueItem::attempt)
                .thenComparing(AttemptViews.QueueItem::question));
        return out;
    }

    /**
     * One answer with its rubric, for the grading form; 404 unless the viewer may read the attempt (agents: 403
     * whatever the attempt), 409 while the attempt is still being taken (there is nothing to grade yet).
     */
    public Waiting waiting(Viewer viewer, long attemptId, long questionId) {
        access.requireStaff(viewer);
        Attempt a = attempts.findById(attemptId).orElseThrow(() -> new NotFoundException("No attempt " + attemptId));
        Agent agent = access.agent(a.agentId());
        if (!access.canRead(viewer, agent)) {
            throw new NotFoundException("No attempt " + attemptId);
        }
        AttemptQuestion aq = attemptQuestions.findByAttemptIdAndQuestionId(attemptId, questionId)
                .orElseThrow(() -> new NotFoundException("Attempt " + attemptId + " has no question " + questionId));
        requireSubmitted(a);
        TrainingModule m = modules.findById(a.moduleId()).orElseThrow();
        return new Waiting(item(a, aq, agent, m), aq.needsGrading(), access.canGrade(viewer, agent));
    }

    /** 409 for an attempt that is still being taken (a grade needs the submitted answer). */
    private void requireSubmitted(Attempt a) {
        if (a.submittedAt() == null) {
            throw new ConflictException("Attempt " + a.id() + " is still in progress: its answers can be graded once it is submitted");
        }
    }

    /** An answer for the grading form: whether it still waits and whether the viewer may grade it. */
    public record Waiting(AttemptViews.QueueItem item, boolean waiting, boolean canGrade) {
    }

    private final com.servicecoach.training.QuestionText render;

    private AttemptViews.QueueItem item(Attempt a, AttemptQuestion aq, Agent agent, TrainingModule m) {
        TrainingQuestion row = bank.bank(m.id()).get(aq.questionId());
        Question q = bank.question(row, a.language());
        String text = answers.findByAttemptId(a.id()).stream().filter(x -> x.questionId().equals(aq.questionId()))
                .map(x -> String.valueOf(store.read(x.response()))).findFirst().orElse("");
        List<AttemptViews.RubricLine> rubric = bank.rubric(m.id(), row.name()).stream()
                .map(c -> new AttemptViews.RubricLine(c.position(), c.in(a.language()), c.points(), null)).toList();
        String team = access.team(agent.teamId()).map(Team::name).orElse("");
        return new AttemptViews.QueueItem(a.id(), aq.questionId(), m.code(),
                "zh-CN".equals(a.language()) ? m.titleZh() : m.titleEn(), agent.employeeNo(), agent.name(), team,
                a.submittedAt().toInstant(ZoneOffset.UTC), q.text(), render.html(q.text(), q.format()), text, rubric);
    }

    /**
     * Grades one waiting answer: the points for each rubric criterion in order (whole numbers from 0 to the
     * criterion's maximum) and an optional comment. 403 for HR and agents (whether or not the attempt exists),
     * 404 for other teams' attempts and absent ones, 409 while the attempt is in progress or when the answer does
     * not wait for a grade, 422 for points that do not fit the rubric.
     */
    public AttemptViews.AttemptView grade(Viewer viewer, long attemptId, long questionId, AttemptViews.GradeRequest request,
                                          Locale locale) {
        access.requireGraderRole(viewer);
        Attempt a = attempts.findById(attemptId).orElseThrow(() -> new NotFoundException("No attempt " + attemptId));
        Agent agent = access.agent(a.agentId());
        if (!access.canGrade(viewer, agent)) {
            throw new NotFoundException("No attempt " + attemptId);
        }
        AttemptQuestion aq = attemptQuestions.findByAttemptIdAndQuestionId(attemptId, questionId)
                .orElseThrow(() -> new NotFoundException("Attempt " + attemptId + " has no question " + questionId));
        requireSubmitted(a);
        if (!aq.needsGrading()) {
            throw new ConflictException("Question " + questionId + " of attempt " + attemptId + " does not wait for a grade");
        }
        TrainingQuestion row = bank.bank(a.moduleId()).get(questionId);
        List<BankContent.Criterion> rubric = bank.rubric(a.moduleId(), row.name());
        List<Integer> points = checkPoints(request, rubric);
        String comment = request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
        LocalDateTime now = now();
        LockRetry.run(() -> store.gradeManually(attemptId, aq, rubric, points, comment, viewer.username(), now));
        return attemptService.get(viewer, attemptId, locale);
    }

    static List<Integer> checkPoints(AttemptViews.GradeRequest request, List<BankContent.Criterion> rubric) {
        List<FieldError> errors = new ArrayList<>();
        List<Integer> out = new ArrayList<>();
        if (request.points() == null || request.points().size() != rubric.size()) {
            errors.add(FieldError.of("points", "assessment.grade.count", rubric.size(),
                    request.points() == null ? 0 : request.points().size()));
        } else {
            for (int i = 0; i < rubric.size(); i++) {
                Integer p = whole(request.points().get(i));
                int max = rubric.get(i).points();
                Object given = request.points().get(i);
                if (p == null && (given == null || String.valueOf(given).isBlank())) {
                    errors.add(FieldError.of("points[" + i + "]", "assessment.grade.missing", i + 1, max));
                } else if (p == null) {
                    errors.add(FieldError.of("points[" + i + "]", "assessment.grade.whole", i + 1, max));
                } else if (p < 0 || p > max) {
                    errors.add(FieldError.of("points[" + i + "]", "assessment.grade.range", i + 1, max, p));
                } else {
                    out.add(p);
                }
            }
        }
        if (request.comment() != null && request.comment().length() > COMMENT_MAX) {
            errors.add(FieldError.of("comment", "assessment.grade.comment", COMMENT_MAX));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return out;
    }

    private static Integer whole(Object o) {
        try {
            BigDecimal d;
            if (o instanceof Number n) {
                d = new BigDecimal(n.toString());
            } else if (o instanceof String s && !s.isBlank()) {
                d = new BigDecimal(s.strip());
            } else {
                return null;
            }
            return d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(1000)) <= 0 ? d.intValueExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** How many answers wait for the viewer's grading (0 for agents). */
    public int countFor(Viewer viewer) {
        if (viewer.isAgent()) {
            return 0;
        }
        Set<Long> scope = access.scope(viewer).stream().map(Agent::id).collect(Collectors.toSet());
        Map<Long, Optional<Attempt>> cache = new LinkedHashMap<>();
        int n = 0;
        for (AttemptQuestion aq : attemptQuestions.findByNeedsGradingOrderById(true)) {
            Optional<Attempt> a = cache.computeIfAbsent(aq.attemptId(), attempts::findById);
            if (a.isPresent() && scope.contains(a.get().agentId())) {
                n++;
            }
        }
        return n;
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
    }
}
