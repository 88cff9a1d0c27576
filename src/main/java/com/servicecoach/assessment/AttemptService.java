package com.servicecoach.assessment;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.Team;
import com.servicecoach.question.Choice;
import com.servicecoach.question.Grader;
import com.servicecoach.question.MatchPair;
import com.servicecoach.question.NumericAnswer;
import com.servicecoach.question.Option;
import com.servicecoach.question.Question;
import com.servicecoach.question.QuestionType;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.training.TrainingQuestion;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.Messages;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
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
import java.util.Objects;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Attempts: start, save answers, submit, view (api.md "Training and assessments").
 *
 * <p>The deadline is the server's: start + the module's time limit. Answers are taken until the deadline
 * plus the grace period ({@link AssessmentConfig#graceSeconds()}); an attempt in that period is
 * <em>overdue</em>. After it, the attempt is submitted automatically by {@link #closeExpired()} (run by
 * {@link AssessmentJob}) or on its next access, whichever comes first, as of the end of the grace period.
 * The questions are fixed at the start (drawn and ordered by {@link QuestionDraw}, options shuffled per
 * the module's settings) and shown in the language of the start (Chinese when the agent's language was
 * Chinese and the question has a Chinese twin).
 */
@Singleton
public class AttemptService {

    /** assessment_answer.response is a MySQL TEXT column: at most 65,535 bytes of JSON. */
    static final int ANSWER_BYTES = 65_535;

    public static final List<String> STATES = List.of(Attempt.IN_PROGRESS, Attempt.OVERDUE, Attempt.FINISHED, Attempt.ABANDONED);

    private final AttemptRepository attempts;
    private final AttemptQuestionRepository attemptQuestions;
    private final AnswerRepository answers;
    private final RubricScoreRepository rubricScores;
    private final TrainingModuleRepository modules;
    private final BankContent bank;
    private final AttemptStore store;
    private final Certifications certifications;
    private final AssessmentAccess access;
    private final AssessmentConfig config;
    private final ObjectMapper mapper;
    private final com.servicecoach.training.QuestionText render;
    private final Clock clock;
    private final Random random = new SecureRandom();

    AttemptService(AttemptRepository attempts, AttemptQuestionRepository attemptQuestions, AnswerRepository answers,
                   RubricScoreRepository rubricScores, TrainingModuleRepository modules, BankContent bank, AttemptStore store,
                   Certifications certifications, AssessmentAccess access, AssessmentConfig config, ObjectMapper mapper,
                   Clock clock, com.servicecoach.training.QuestionText render) {
        this.render = render;
        this.attempts = attempts;
        this.attemptQuestions = attemptQuestions;
        this.answers = answers;
        this.rubricScores = rubricScores;
        this.modules = modules;
        this.bank = bank;
        this.store = store;
        this.certifications = certifications;
        this.access = access;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    // ---- start ----------------------------------------------------------------------------------

    /**
     * Starts an attempt of the viewer's agent profile at module {@code code}: 403 without a profile, 404 for
     * an unknown or retired module, 409 while another attempt is in progress, when the attempts allowed
     * are used up, or when the bank has no question.
     */
    public AttemptViews.AttemptView start(Viewer viewer, String code, Locale locale) {
        return start(viewer, code, locale, random);
    }

    /** {@link #start(Viewer, String, Locale)} drawing with {@code draws}: the demo's seeded, repeatable draws. */
    AttemptViews.AttemptView start(Viewer viewer, String code, Locale locale, Random draws) {
        Agent agent = access.taker(viewer);
        TrainingModule module = activeModule(code);
        LocalDateTime now = now();
        settleAll(attempts.findByAgentIdAndModuleIdOrderByAttemptNo(agent.id(), module.id()));
        List<Attempt> all = attempts.findByAgentIdAndModuleIdOrderByAttemptNo(agent.id(), module.id());
        for (Attempt a : all) {
            if (a.inProgress()) {
                throw new ConflictException("Attempt " + a.id() + " at " + code + " is still in progress: continue it at /api/attempts/" + a.id());
            }
        }
        List<Attempt> round = certifications.roundAttempts(agent.id(), module.id(), now);
        if (module.attemptsAllowed() > 0 && round.size() >= module.attemptsAllowed()) {
            throw new ConflictException("All " + module.attemptsAllowed() + " attempts allowed at " + code + " have been used");
        }
        List<TrainingQuestion> pool = bank.activeBank(module.id()).stream()
                .filter(q -> !QuestionType.DESCRIPTION.code().equals(q.type())).toList();
        if (pool.isEmpty()) {
            throw new ConflictException("The assessment of " + code + " has no questions yet");
        }
        String language = Messages.tag(locale);
        List<String> drawTags = module.drawTagList();
        List<QuestionDraw.Candidate> candidates = new ArrayList<>();
        Map<Long, TrainingQuestion> byId = new HashMap<>();
        for (int i = 0; i < pool.size(); i++) {
            TrainingQuestion q = pool.get(i);
            List<String> tags = drawTags.isEmpty() ? List.of() : bank.question(q, "en").tags();
            candidates.add(new QuestionDraw.Candidate(q.id(), q.category(), i, tags));
            byId.put(q.id(), q);
        }
        candidates = QuestionDraw.carrying(candidates, drawTags);
        if (candidates.isEmpty()) {
            throw new ConflictException("The assessment of " + code + " draws questions tagged " + String.join(", ", drawTags)
                    + " and the bank has none left");
        }
        List<Long> drawn = QuestionDraw.draw(candidates, module.questionCount(), module.shuffleQuestions(), draws);
        List<AttemptQuestion> rows = new ArrayList<>();
        for (int i = 0; i < drawn.size(); i++) {
            Question q = bank.question(byId.get(drawn.get(i)), language);
            List<String> options = QuestionDraw.order(q.options().stream().map(Option::id).toList(), module.shuffleOptions(), draws);
            List<String> stems = QuestionDraw.order(q.stems().stream().map(Option::id).toList(), module.shuffleOptions(), draws);
            rows.add(new AttemptQuestion(null, null, i + 1, drawn.get(i), String.join(",", options), String.join(",", stems),
                    null, false, null, null, null));
        }
        int number = all.stream().mapToInt(Attempt::attemptNo).max().orElse(0) + 1;
        Attempt attempt = new Attempt(null, module.id(), agent.id(), number, language, Attempt.IN_PROGRESS, module.passMark(),
                module.review(), module.layout(), now, now.plusMinutes(module.timeLimitMinutes()), null, false, 0, null,
                drawn.size(), null, null, null, null);
        Attempt saved;
        try {
            saved = store.begin(attempt, rows);
        } catch (DataAccessException e) {
            throw new ConflictException("Another attempt at " + code + " was started at the same moment");
        }
        return view(viewer, saved, module, agent, locale);
    }

    private TrainingModule activeModule(String code) {
        return modules.findByCode(code).filter(TrainingModule::active)
                .orElseThrow(() -> new NotFoundException("No assessment " + code));
    }

    // ---- answers and submission -----------------------------------------------------------------

    /**
     * Saves one answer of the viewer's own attempt (anyone else: 404); 409 once it takes no more answers,
     * whatever the body; 422 when the answer does not fit the question. Saving the same body twice leaves
     * one answer.
     */
    public AttemptViews.SavedAnswer save(Viewer viewer, long attemptId, long questionId, @Nullable String body) {
        Attempt a = settle(owned(viewer, attemptId));
        if (!a.inProgress()) {
            throw AttemptStore.closed(attemptId);
        }
        AttemptQuestion aq = attemptQuestions.findByAttemptIdAndQuestionId(attemptId, questionId)
                .orElseThrow(() -> new NotFoundException("Attempt " + attemptId + " has no question " + questionId));
        Object given = answerOf(body);
        Question q = bank.question(bank.bank(a.moduleId()).get(questionId), a.language());
        Object stored;
        try {
            stored = Responses.toBank(q, aq.options(), aq.stems(), given);
        } catch (Responses.Refused r) {
            throw new InvalidInputException(new FieldError("answer", r.key(), r.args()));
        }
        LocalDateTime now = now();
        String json = stored == null ? null : store.write(stored);
        if (json != null && json.getBytes(StandardCharsets.UTF_8).length > ANSWER_BYTES) {
            throw new InvalidInputException(FieldError.of("answer", "assessment.answer.tooLarge", ANSWER_BYTES,
                    json.getBytes(StandardCharsets.UTF_8).length));
        }
        LockRetry.run(() -> store.saveAnswer(attemptId, questionId, json, now, now.minusSeconds(config.graceSeconds())));
        return new AttemptViews.SavedAnswer(attemptId, questionId, Responses.toAttempt(q, aq.options(), aq.stems(), stored),
                now.toInstant(ZoneOffset.UTC));
    }

    @SuppressWarnings("unchecked")
    private Object answerOf(@Nullable String body) {
        if (body == null || body.isBlank()) {
            throw new BadRequestException("The body must be a JSON object {\"answer\": ...}");
        }
        Object parsed;
        try {
            parsed = mapper.readValue(body, Object.class);
        } catch (IOException | RuntimeException e) {
            throw new BadRequestException("The body is not valid JSON: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new BadRequestException("The body must be a JSON object {\"answer\": ...}");
        }
        if (!map.containsKey("answer")) {
            throw new InvalidInputException(FieldError.of("answer", "assessment.answer.required"));
        }
        return ((Map<String, Object>) map).get("answer");
    }

    /**
     * Submits the viewer's own attempt and grades it; a submitted attempt is answered as it stands (the same
     * body again, never a second grading).
     */
    public AttemptViews.AttemptView submit(Viewer viewer, long attemptId, Locale locale) {
        Attempt a = owned(viewer, attemptId);
        if (a.inProgress()) {
            LocalDateTime now = now();
            LocalDateTime graceEnd = graceEnd(a);
            if (now.isAfter(graceEnd)) {
                close(attemptId, graceEnd, true);
            } else {
                close(attemptId, now, false);
            }
        }
        return get(viewer, attemptId, locale);
    }

    /** The attempt, for its owner, the agent's supervisor, HR and administrators (others: 404). */
    public AttemptViews.AttemptView get(Viewer viewer, long attemptId, Locale locale) {
        Attempt a = attempts.findById(attemptId).orElseThrow(() -> new NotFoundException("No attempt " + attemptId));
        Agent agent = access.agent(a.agentId());
        if (!access.canRead(viewer, agent)) {
            throw new NotFoundException("No attempt " + attemptId);
        }
        a = settle(a);
        return view(viewer, a, modules.findById(a.moduleId()).orElseThrow(), agent, locale);
    }

    /** True when the viewer owns the attempt and it still takes answers (the taking page, not the result). */
    public boolean takesAnswersFrom(Viewer viewer, long attemptId) {
        Attempt a = attempts.findById(attemptId).orElseThrow(() -> new NotFoundException("No attempt " + attemptId));
        return access.owns(viewer, access.agent(a.agentId())) && settle(a).inProgress();
    }

    private Attempt owned(Viewer viewer, long attemptId) {
        Attempt a = attempts.findById(attemptId).orElseThrow(() -> new NotFoundException("No attempt " + attemptId));
        if (!access.owns(viewer, access.agent(a.agentId()))) {
            throw new NotFoundException("No attempt " + attemptId);
        }
        return a;
    }

    // ---- expiry ---------------------------------------------------------------------------------

    /** Submits every attempt whose deadline and grace period have passed. @return how many */
    public int closeExpired() {
        LocalDateTime limit = now().minusSeconds(config.graceSeconds());
        int n = 0;
        for (Attempt a : attempts.findByStateAndDeadlineLessThanOrderById(Attempt.IN_PROGRESS, limit)) {
            if (close(a.id(), graceEnd(a), true)) {
                n++;
            }
        }
        return n;
    }

    /** The attempt as it stands now: submitted first if its time and grace are over. */
    Attempt settle(Attempt a) {
        if (a.inProgress() && now().isAfter(graceEnd(a))) {
            close(a.id(), graceEnd(a), true);
            return attempts.findById(a.id()).orElseThrow();
        }
        return a;
    }

    /** Ends and grades an attempt in one transaction, run again if it lost to a lock. */
    private boolean close(long attemptId, LocalDateTime at, boolean auto) {
        return LockRetry.run(() -> store.close(attemptId, at, auto));
    }

    private void settleAll(List<Attempt> list) {
        list.forEach(this::settle);
    }

    LocalDateTime graceEnd(Attempt a) {
        return a.deadline().plusSeconds(config.graceSeconds());
    }

    // ---- views ----------------------------------------------------------------------------------

    String state(Attempt a, LocalDateTime now) {
        return a.inProgress() && now.isAfter(a.deadline()) ? Attempt.OVERDUE : a.state();
    }

    /** Whether the viewer may see correct answers and feedback: staff after submission, the agent as the review setting says. */
    boolean reviewAllowed(Viewer viewer, Attempt a, Agent agent, LocalDateTime now) {
        if (a.inProgress()) {
            return false;
        }
        if (!access.owns(viewer, agent)) {
            return true;
        }
        return switch (a.review()) {
            case "after_submit" -> true;
            case "after_deadline" -> now.isAfter(a.deadline());
            default -> false;
        };
    }

    AttemptViews.AttemptView view(Viewer viewer, Attempt a, TrainingModule m, Agent agent, Locale locale) {
        LocalDateTime now = now();
        boolean review = reviewAllowed(viewer, a, agent, now);
        Map<Long, TrainingQuestion> rows = bank.bank(m.id());
        Map<Long, Object> given = new HashMap<>();
        answers.findByAttemptId(a.id()).forEach(x -> given.put(x.questionId(), store.read(x.response())));
        List<AttemptQuestion> aqs = attemptQuestions.findByAttemptIdOrderByPosition(a.id());
        Map<Long, List<RubricScore>> scores = new HashMap<>();
        if (review && !aqs.isEmpty()) {
            rubricScores.findByAttemptQuestionIdInOrderByAttemptQuestionIdAndPosition(aqs.stream().map(AttemptQuestion::id).toList())
                    .forEach(s -> scores.computeIfAbsent(s.attemptQuestionId(), k -> new ArrayList<>()).add(s));
        }
        List<AttemptViews.QuestionView> questions = new ArrayList<>();
        for (AttemptQuestion aq : aqs) {
            TrainingQuestion row = rows.get(aq.questionId());
            Question q = bank.question(row, a.language());
            Object response = given.get(aq.questionId());
            questions.add(new AttemptViews.QuestionView(aq.questionId(), aq.position(), q.type().code(), q.text(),
                    render.html(q.text(), q.format()),
                    q.type() == QuestionType.MULTICHOICE && q.multipleAnswers(), options(q, aq), stems(q, aq),
                    Responses.toAttempt(q, aq.options(), aq.stems(), response),
                    review ? review(q, aq, response, m, row, a.language(), scores.getOrDefault(aq.id(), List.of())) : null));
        }
        AttemptViews.Result result = null;
        if (Attempt.FINISHED.equals(a.state())) {
            result = new AttemptViews.Result(a.isFinal() ? "final" : "awaiting_grading", Rounding.percent(a.scorePercent()),
                    a.isFinal() ? points(a.pointsEarned()) : null, a.pointsPossible(), a.passed(), a.passMark(), a.awaiting(),
                    a.finalAt() == null ? null : a.finalAt().toInstant(ZoneOffset.UTC), provisional(a));
        }
        return new AttemptViews.AttemptView(a.id(), m.code(), m.title().in(locale), agent.employeeNo(), agent.name(),
                a.attemptNo(), state(a, now), a.language(), a.layout(), m.timeLimitMinutes(),
                a.startedAt().toInstant(ZoneOffset.UTC), a.deadline().toInstant(ZoneOffset.UTC),
                graceEnd(a).toInstant(ZoneOffset.UTC), a.submittedAt() == null ? null : a.submittedAt().toInstant(ZoneOffset.UTC),
                a.autoSubmitted(), a.review(), review, result, questions);
    }

    private List<AttemptViews.Choice> options(Question q, AttemptQuestion aq) {
        Map<String, String> text = new HashMap<>();
        Map<String, String> html = new HashMap<>();
        q.options().forEach(o -> text.put(o.id(), o.text()));
        if (q.type() == QuestionType.MULTICHOICE) {
            q.choices().forEach(c -> html.put(c.id(), render.html(c.text(), c.format())));
        }
        List<AttemptViews.Choice> out = new ArrayList<>();
        List<String> ids = aq.options();
        for (int i = 0; i < ids.size(); i++) {
            String t = Objects.toString(text.get(ids.get(i)), "");
            out.add(new AttemptViews.Choice(Responses.optionId(i), t,
                    html.getOrDefault(ids.get(i), render.html(t, com.servicecoach.question.TextFormat.PLAIN))));
        }
        return out;
    }

    private List<AttemptViews.Choice> stems(Question q, AttemptQuestion aq) {
        Map<String, String> text = new HashMap<>();
        Map<String, String> html = new HashMap<>();
        q.stems().forEach(o -> text.put(o.id(), o.text()));
        q.pairs().stream().filter(p -> !p.isDistractor()).forEach(p -> html.put(p.stemId(), render.html(p.stem(), p.stemFormat())));
        List<AttemptViews.Choice> out = new ArrayList<>();
        List<String> ids = aq.stems();
        for (int i = 0; i < ids.size(); i++) {
            String t = Objects.toString(text.get(ids.get(i)), "");
            out.add(new AttemptViews.Choice(Responses.stemId(i), t,
                    html.getOrDefault(ids.get(i), render.html(t, com.servicecoach.question.TextFormat.PLAIN))));
        }
        return out;
    }

    private AttemptViews.Review review(Question q, AttemptQuestion aq, @Nullable Object response, TrainingModule m,
                                       TrainingQuestion row, String language, List<RubricScore> given) {
        Object correct = null;
        List<String> accepted = new ArrayList<>();
        List<String> opts = aq.options();
        switch (q.type()) {
            case MULTICHOICE -> {
                if (q.multipleAnswers()) {
                    List<String> ids = new ArrayList<>();
                    for (Choice c : q.choices()) {
                        if (c.earnsCredit()) {
                            ids.add(Responses.attemptOption(opts, c.id()));
                            accepted.add(c.text());
                        }
                    }
                    correct = ids;
                } else {
                    Choice best = q.choices().stream().max(Comparator.comparing(Choice::fraction)).orElse(null);
                    if (best != null) {
                        correct = Responses.attemptOption(opts, best.id());
                        accepted.add(best.text());
                    }
                }
            }
            case TRUEFALSE -> correct = q.trueFalseAnswer();
            case SHORTANSWER -> {
                BigDecimal top = q.choices().stream().map(Choice::fraction).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
                q.choices().stream().filter(c -> c.fraction().compareTo(top) == 0).forEach(c -> accepted.add(c.text()));
                correct = accepted.isEmpty() ? null : accepted.get(0);
            }
            case NUMERICAL -> {
                List<NumericAnswer> real = q.numeric().stream().filter(n -> !n.isCatchAll()).toList();
                BigDecimal top = real.stream().map(NumericAnswer::fraction).max(BigDecimal::compareTo).orElse(BigDecimal.ONE);
                for (NumericAnswer n : real) {
                    if (n.fraction().compareTo(top) == 0) {
                        accepted.add(n.range() ? plain(n.min()) + ".." + plain(n.max())
                                : n.tolerance().signum() == 0 ? plain(n.value()) : plain(n.value()) + " ± " + plain(n.tolerance()));
                        if (correct == null) {
                            correct = n.value();
                        }
                    }
                }
            }
            case MATCH -> {
                Map<String, String> pairs = new LinkedHashMap<>();
                List<String> stemIds = aq.stems();
                for (int s = 0; s < stemIds.size(); s++) {
                    String stemId = stemIds.get(s);
                    for (MatchPair p : q.pairs()) {
                        if (stemId.equals(p.stemId())) {
                            pairs.put(Responses.stemId(s), Responses.attemptOption(opts, p.optionId()));
                            accepted.add(p.stem() + " → " + p.answer());
                        }
                    }
                }
                correct = pairs;
            }
            default -> {
            }
        }
        List<AttemptViews.RubricLine> rubric = new ArrayList<>();
        if (q.type() == QuestionType.ESSAY) {
            if (!given.isEmpty()) {
                given.forEach(s -> rubric.add(new AttemptViews.RubricLine(s.position(),
                        "zh-CN".equals(language) ? s.criterionZh() : s.criterionEn(), s.maxPoints(), s.points())));
            } else {
                bank.rubric(m.id(), row.name()).forEach(c -> rubric.add(new AttemptViews.RubricLine(c.position(), c.in(language),
                        c.points(), null)));
            }
        }
        List<Grader.Feedback> formatted = response == null ? List.of() : Grader.formattedFeedbackFor(q, response);
        List<String> feedback = formatted.stream().map(Grader.Feedback::text).toList();
        List<String> feedbackHtml = formatted.stream().map(f -> render.html(f.text(), f.format())).toList();
        boolean gf = !q.generalFeedback().isBlank();
        return new AttemptViews.Review(points(aq.points()), 1, aq.needsGrading(), correct, accepted, feedback, feedbackHtml,
                gf ? q.generalFeedback() : null, gf ? render.html(q.generalFeedback(), q.generalFeedbackFormat()) : null, rubric, aq.graderComment(), aq.gradedBy());
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.stripTrailingZeros().toPlainString();
    }

    /** Points shown to four decimals (a third of a point is 0.3333). */
    static BigDecimal points(@Nullable BigDecimal p) {
        if (p == null) {
            return null;
        }
        BigDecimal r = p.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    // ---- lists and standing ---------------------------------------------------------------------

    /** Filters of the attempt list; null means any. */
    public record Filter(@Nullable String agent, @Nullable String team, @Nullable String module, @Nullable String state) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /** The attempts the viewer may see (agents: their own), newest first. */
    public List<AttemptViews.AttemptSummary> list(Viewer viewer, Filter filter, Locale locale) {
        String state = filter.state() == null ? "" : filter.state().trim();
        if (!state.isEmpty() && !STATES.contains(state)) {
            throw new BadRequestException("state must be one of " + String.join(", ", STATES));
        }
        List<Agent> scope = access.scope(viewer);
        if (filter.agent() != null && !filter.agent().isBlank()) {
            Agent only = access.visibleAgent(viewer, filter.agent().trim());
            scope = scope.stream().filter(a -> a.id().equals(only.id())).toList();
        }
        if (filter.team() != null && !filter.team().isBlank()) {
            Team t = access.visibleTeam(viewer, filter.team().trim());
            scope = scope.stream().filter(a -> a.teamId().equals(t.id())).toList();
        }
        if (scope.isEmpty()) {
            return List.of();
        }
        Map<Long, Agent> byId = scope.stream().collect(Collectors.toMap(Agent::id, x -> x));
        Map<Long, TrainingModule> moduleById = modules.findAllOrderByCode().stream().collect(Collectors.toMap(TrainingModule::id, x -> x));
        LocalDateTime now = now();
        List<AttemptViews.AttemptSummary> out = new ArrayList<>();
        for (Attempt a : attempts.findByAgentIdInOrderById(byId.keySet())) {
            TrainingModule m = moduleById.get(a.moduleId());
            if (filter.module() != null && !filter.module().isBlank() && !m.code().equals(filter.module().trim())) {
                continue;
            }
            AttemptViews.AttemptSummary s = summary(settle(a), m, byId.get(a.agentId()), now, locale);
            if (state.isEmpty() || s.state().equals(state)) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparing(AttemptViews.AttemptSummary::startedAt).reversed());
        return out;
    }

    AttemptViews.AttemptSummary summary(Attempt a, TrainingModule m, Agent agent, LocalDateTime now, Locale locale) {
        return new AttemptViews.AttemptSummary(a.id(), m.code(), m.title().in(locale), agent.employeeNo(), agent.name(),
                a.attemptNo(), state(a, now), a.startedAt().toInstant(ZoneOffset.UTC), a.deadline().toInstant(ZoneOffset.UTC),
                a.submittedAt() == null ? null : a.submittedAt().toInstant(ZoneOffset.UTC), Rounding.percent(a.scorePercent()),
                a.passed(), a.awaiting(), provisional(a));
    }

    /** While answers wait for grading: the points known so far out of all points possible, in percent. */
    static @Nullable BigDecimal provisional(Attempt a) {
        if (a.isFinal() || a.awaiting() == 0 || a.pointsPossible() == 0 || !Attempt.FINISHED.equals(a.state())) {
            return null;
        }
        BigDecimal known = a.pointsEarned() == null ? BigDecimal.ZERO : a.pointsEarned();
        return Rounding.percent(known.multiply(BigDecimal.valueOf(100)).divide(BigDecimal.valueOf(a.pointsPossible()), 10,
                java.math.RoundingMode.HALF_UP));
    }

    /**
     * The agent's standing at every active module's assessment: the viewer's own (agents), or the named
     * agent's for those who may read them (others must name an agent: 400).
     */
    public List<AttemptViews.Standing> standings(Viewer viewer, @Nullable String agentNo, Locale locale) {
        Agent agent = subject(viewer, agentNo);
        return modules.findByActiveOrderByCode(true).stream().map(m -> standing(viewer, agent, m, locale)).toList();
    }

    /**
     * What {@link #standings} tells of each agent's active modules for knowledge gaps, for several agents at once
     * (by agent id, modules by code): the result over the current round's counting attempts, rounded as the
     * standing's {@code resultPercent}, the module's pass mark, and whether the latest certification has expired.
     * The attempts and the certifications are read in one query each. Unlike {@link #standings}, attempts whose time
     * ran out are not closed here (the assessment job closes them within its interval). Each agent must be one the
     * viewer may read (else 404).
     */
    public Map<Long, List<com.servicecoach.scoring.Gaps.Knowledge>> knowledge(Viewer viewer, List<Agent> agents) {
        Map<Long, List<com.servicecoach.scoring.Gaps.Knowledge>> out = new HashMap<>();
        if (agents.isEmpty()) {
            return out;
        }
        java.util.Set<Long> scope = new java.util.HashSet<>();
        access.scope(viewer).forEach(a -> scope.add(a.id()));
        for (Agent a : agents) {
            if (!scope.contains(a.id())) {
                throw new NotFoundException("No agent " + a.employeeNo());
            }
        }
        List<Long> ids = agents.stream().map(Agent::id).toList();
        Map<String, List<Attempt>> attemptsOf = new HashMap<>();
        attempts.findByAgentIdInOrderById(ids).stream().sorted(Comparator.comparingInt(Attempt::attemptNo))
                .forEach(a -> attemptsOf.computeIfAbsent(a.agentId() + ":" + a.moduleId(), k -> new ArrayList<>()).add(a));
        Map<String, List<Certification>> certsOf = new HashMap<>();
        certifications.ofAgents(ids).forEach(c -> certsOf.computeIfAbsent(c.agentId() + ":" + c.moduleId(), k -> new ArrayList<>()).add(c));
        List<TrainingModule> active = modules.findByActiveOrderByCode(true);
        LocalDateTime now = now();
        for (Agent agent : agents) {
            List<com.servicecoach.scoring.Gaps.Knowledge> list = new ArrayList<>();
            for (TrainingModule m : active) {
                String key = agent.id() + ":" + m.id();
                List<Certification> certs = certsOf.getOrDefault(key, List.of());
                List<Attempt> round = Certifications.inRound(attemptsOf.getOrDefault(key, List.of()), Certifications.roundStart(certs, now));
                BigDecimal result = certifications.roundResult(round, m);
                boolean expired = !certs.isEmpty() && !certs.get(certs.size() - 1).validAt(now);
                list.add(new com.servicecoach.scoring.Gaps.Knowledge(m.code(), Rounding.percent(result), m.passMark(), expired));
            }
            out.put(agent.id(), list);
        }
        return out;
    }

    public AttemptViews.Standing standing(Viewer viewer, String code, @Nullable String agentNo, Locale locale) {
        Agent agent = subject(viewer, agentNo);
        return standing(viewer, agent, activeModule(code), locale);
    }

    private Agent subject(Viewer viewer, @Nullable String agentNo) {
        if (agentNo != null && !agentNo.isBlank()) {
            return access.visibleAgent(viewer, agentNo.trim());
        }
        if (viewer.isAgent()) {
            return access.taker(viewer);
        }
        throw new BadRequestException("Name the agent: ?agent=<employee number>");
    }

    private AttemptViews.Standing standing(Viewer viewer, Agent agent, TrainingModule m, Locale locale) {
        LocalDateTime now = now();
        List<Attempt> all = attempts.findByAgentIdAndModuleIdOrderByAttemptNo(agent.id(), m.id()).stream().map(this::settle).toList();
        List<Attempt> round = certifications.roundAttempts(agent.id(), m.id(), now);
        Long open = all.stream().filter(Attempt::inProgress).map(Attempt::id).findFirst().orElse(null);
        Integer left = m.attemptsAllowed() == 0 ? null : Math.max(0, m.attemptsAllowed() - round.size());
        BigDecimal result = certifications.roundResult(round, m);
        boolean hasQuestions = bank.activeBank(m.id()).stream().anyMatch(q -> !QuestionType.DESCRIPTION.code().equals(q.type()));
        boolean canStart = access.owns(viewer, agent) && !"left".equals(agent.status()) && open == null
                && (left == null || left > 0) && hasQuestions;
        AttemptViews.CertificationView cert = certifications.latest(agent.id(), m.id())
                .map(c -> certifications.view(c, agent, m, now, locale)).orElse(null);
        List<AttemptViews.AttemptSummary> list = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0; i--) {
            list.add(summary(all.get(i), m, agent, now, locale));
        }
        int count = m.questionCount() == 0 ? (int) bank.activeBank(m.id()).stream()
                .filter(q -> !QuestionType.DESCRIPTION.code().equals(q.type())).count() : m.questionCount();
        return new AttemptViews.Standing(m.code(), m.title().in(locale), agent.employeeNo(), m.timeLimitMinutes(), count,
                m.passMark(), m.gradingMethod(), m.review(), m.layout(), m.attemptsAllowed(), round.size(), left, canStart, open,
                Rounding.percent(result), result == null ? null : result.compareTo(BigDecimal.valueOf(m.passMark())) >= 0,
                cert, list);
    }

    /**
     * Now, in whole seconds: MariaDB presents itself to MySQL's driver as version 5.5, which then drops the
     * fraction of a second, so stored times are kept to the second on every database.
     */
    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
    }
}
