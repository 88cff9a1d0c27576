package com.servicecoach.quality;

import com.servicecoach.account.Role;
import com.servicecoach.account.User;
import com.servicecoach.account.UserRepository;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.interaction.InteractionService;
import com.servicecoach.notification.Notifications;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.QaScore;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The life of a quality review: a reviewer (a supervisor for the agents of the teams they lead, or an administrator)
 * starts one on a conversation, marks each criterion of the channel's rubric with points or N/A and a note, saves it
 * as a draft and submits it; the agent is notified, sees it and may dispute it once with a reason; the team's
 * supervisor (or an administrator) resolves the dispute by upholding the review or changing its marks, both recorded.
 * A review counts from its first submission (metrics.md "Quality reviews").
 */
@Singleton
public class QualityReviews {

    public static final String DRAFT = "draft";
    public static final String SUBMITTED = "submitted";
    public static final String DISPUTED = "disputed";
    public static final String RESOLVED = "resolved";
    public static final List<String> STATES = List.of(DRAFT, SUBMITTED, DISPUTED, RESOLVED);
    public static final String UPHELD = "upheld";
    public static final String CHANGED = "changed";
    static final int MAX_TEXT = 2000;
    static final int MAX_NOTE = 1000;

    private final QaStore store;
    private final QaRubrics rubrics;
    private final InteractionService interactions;
    private final AgentService agentService;
    private final AgentRepository agents;
    private final TeamRepository teams;
    private final UserRepository users;
    private final Notifications notifications;
    private final ScoringSettingsService settings;
    private final Clock clock;

    QualityReviews(QaStore store, QaRubrics rubrics, InteractionService interactions, AgentService agentService,
                   AgentRepository agents, TeamRepository teams, UserRepository users, Notifications notifications,
                   ScoringSettingsService settings, Clock clock) {
        this.store = store;
        this.rubrics = rubrics;
        this.interactions = interactions;
        this.agentService = agentService;
        this.agents = agents;
        this.teams = teams;
        this.users = users;
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
    }

    /** One criterion's mark as given: points (null with {@code na} false: not marked yet), N/A, and a note. */
    @io.micronaut.serde.annotation.Serdeable
    public record MarkInput(String criterion, @Nullable Integer points, boolean na, @Nullable String note) {
    }

    // ---- who may do what ------------------------------------------------------------------------

    /** Whether the viewer reviews this agent's conversations: administrators all, supervisors their teams' agents. */
    boolean reviews(Viewer viewer, long agentId) {
        if (viewer.isAdmin()) {
            return true;
        }
        if (!viewer.isSupervisor()) {
            return false;
        }
        return agents.findById(agentId).flatMap(a -> teams.findById(a.teamId()))
                .map(t -> viewer.username().equals(t.supervisor())).orElse(false);
    }

    /** The reviewer roles only: administrators and supervisors; others 403. */
    static void requireReviewer(Viewer viewer) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw new ForbiddenException("Only supervisors and administrators review conversations");
        }
    }

    /**
     * Whether the viewer may read the review: its reviewer; an administrator or HR; the supervisor of the agent's team;
     * the agent once it is submitted. A calibration copy is read through its session only.
     */
    boolean canRead(Viewer viewer, QaStore.Review r) {
        if (r.calibrationId() != null) {
            return false;
        }
        if (viewer.username().equals(r.reviewer())) {
            return true;
        }
        if (DRAFT.equals(r.state())) {
            return false;
        }
        if (viewer.readsAllTeams() || reviews(viewer, r.agentId())) {
            return true;
        }
        return viewer.isAgent() && ownAgentId(viewer).map(id -> id == r.agentId()).orElse(false);
    }

    Optional<Long> ownAgentId(Viewer viewer) {
        return viewer.employeeNo() == null ? Optional.empty() : agents.findByEmployeeNo(viewer.employeeNo()).map(Agent::id);
    }

    /** A review the viewer may read, else 404. */
    QaStore.Review readable(Viewer viewer, long id) {
        QaStore.Review r = store.review(id).orElseThrow(() -> new NotFoundException("No review " + id));
        if (!canRead(viewer, r)) {
            throw new NotFoundException("No review " + id);
        }
        return r;
    }

    // ---- starting, saving, submitting -------------------------------------------------------------

    /**
     * The review of a conversation: the existing one, or a new draft by the viewer against the channel's rubric.
     * 404 when the viewer may not review the conversation's agent; 409 when no rubric reviews its channel.
     */
    public long start(Viewer viewer, long interactionId) {
        requireReviewer(viewer);
        InteractionService.Detail d = interactions.find(interactionId).orElseThrow(() -> new NotFoundException("No interaction " + interactionId));
        if (!reviews(viewer, d.agentId())) {
            throw new NotFoundException("No interaction " + interactionId);
        }
        String key = "r:" + interactionId;
        Optional<QaStore.Review> existing = store.reviewByKey(key);
        if (existing.isPresent()) {
            QaStore.Review r = existing.get();
            if (DRAFT.equals(r.state()) && !viewer.username().equals(r.reviewer())) {
                throw new ConflictException(r.reviewer() + " is reviewing this conversation; their draft is theirs until submitted");
            }
            return r.id();
        }
        QaRubric rubric = rubricFor(d.view().channel());
        return store.insertDraft(key, interactionId, d.agentId(), rubric.code(), rubric.version(), viewer.username(), null, clock.instant())
                .orElseGet(() -> store.reviewByKey(key).orElseThrow().id());
    }

    QaRubric rubricFor(String channelCode) {
        Channel channel = Channel.fromCode(channelCode).orElseThrow();
        return rubrics.forChannel(channel).orElseThrow(() -> new ConflictException("No QA rubric reviews the channel " + channelCode
                + ": add one under training-content/qa/"));
    }

    /** The rubric a stored review was made against (its code; the current file's criteria). */
    QaRubric rubricOf(QaStore.Review r) {
        return rubrics.byCode(r.rubricCode()).orElseThrow(() -> new ConflictException("The rubric " + r.rubricCode()
                + " of this review is no longer in training-content/qa/"));
    }

    /** Saves the viewer's draft (marks may be incomplete); with {@code submit}, every criterion must be marked and it is submitted. */
    public QaStore.Review save(Viewer viewer, long id, List<MarkInput> marks, @Nullable String remark, boolean submit) {
        requireReviewer(viewer);
        QaStore.Review r = store.review(id).orElseThrow(() -> new NotFoundException("No review " + id));
        if (r.calibrationId() != null || !canRead(viewer, r)) {
            throw new NotFoundException("No review " + id);
        }
        if (!viewer.username().equals(r.reviewer())) {
            throw new ForbiddenException("Only its reviewer changes a review before it is submitted");
        }
        if (!DRAFT.equals(r.state())) {
            throw new ConflictException("This review was submitted already; the agent may dispute it");
        }
        QaRubric rubric = rubricOf(r);
        String cleanRemark = text("remark", remark, MAX_TEXT, false);
        Checked checked = check(rubric, marks, submit);
        Instant now = clock.instant();
        QaStore.Change ch = QaStore.Change.of(r);
        LocalDate today = LocalDate.ofInstant(now, settings.current().settings().orgZone());
        ch = new QaStore.Change(submit ? SUBMITTED : DRAFT, checked.earned(), checked.possible(), checked.criticalFailed(), cleanRemark,
                submit ? now : null, submit ? today : null, null, null, null, null, null, null);
        if (!store.save(id, DRAFT, ch, 0, checked.answers(), now)) {
            throw new ConflictException("This review was changed meanwhile; reload it");
        }
        QaStore.Review saved = store.review(id).orElseThrow();
        if (submit) {
            store.setQueueState(r.interactionId(), "done", null);
            for (User u : usersOfAgent(r.agentId())) {
                notifications.notify(u.username(), "quality.reviewed", "quality.reviewed:" + id, "/quality/reviews/" + id,
                        List.of(scoreText(saved)));
            }
        }
        return saved;
    }

    /** The marks checked against the rubric, and the totals over the criteria not N/A. */
    record Checked(List<QaStore.Answer> answers, @Nullable Integer earned, @Nullable Integer possible, boolean criticalFailed) {
    }

    /**
     * Checks marks field by field (422 with every problem, nothing stored): a known criterion, points a whole number from 0
     * to its maximum, a critical criterion 0 or full points only, N/A only where the rubric allows it, and, to submit,
     * every criterion marked.
     */
    static Checked check(QaRubric rubric, List<MarkInput> marks, boolean complete) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, MarkInput> byCode = new HashMap<>();
        for (MarkInput m : marks == null ? List.<MarkInput>of() : marks) {
            if (m == null || m.criterion() == null || rubric.criterion(m.criterion()).isEmpty()) {
                errors.add(FieldError.of("marks", "quality.error.criterion", m == null ? "" : String.valueOf(m.criterion())));
                continue;
            }
            if (byCode.put(m.criterion(), m) != null) {
                errors.add(FieldError.of("marks." + m.criterion(), "quality.error.twice", m.criterion()));
            }
        }
        List<QaStore.Answer> answers = new ArrayList<>();
        List<QaScore.Mark> scored = new ArrayList<>();
        for (QaCriterion c : rubric.criteria()) {
            MarkInput m = byCode.get(c.code());
            String field = "marks." + c.code();
            String note = m == null ? null : m.note() == null || m.note().isBlank() ? null : m.note().strip();
            if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE) {
                errors.add(FieldError.of(field + ".note", "quality.error.noteLength", MAX_NOTE));
            }
            if (m == null || (!m.na() && m.points() == null)) {
                if (complete) {
                    errors.add(FieldError.of(field, "quality.error.unmarked", c.code()));
                }
                if (note != null) {
                    answers.add(new QaStore.Answer(c.code(), null, c.points(), c.critical(), note));
                }
                continue;
            }
            if (m.na()) {
                if (!c.naAllowed()) {
                    errors.add(FieldError.of(field, "quality.error.naNotAllowed", c.code()));
                    continue;
                }
                answers.add(new QaStore.Answer(c.code(), null, c.points(), c.critical(), note));
                scored.add(new QaScore.Mark(c.code(), null, c.points(), c.critical()));
                continue;
            }
            int p = m.points();
            if (p < 0 || p > c.points()) {
                errors.add(FieldError.of(field, "quality.error.points", c.code(), c.points()));
                continue;
            }
            if (c.critical() && p != 0 && p != c.points()) {
                errors.add(FieldError.of(field, "quality.error.critical", c.code(), c.points()));
                continue;
            }
            answers.add(new QaStore.Answer(c.code(), p, c.points(), c.critical(), note));
            scored.add(new QaScore.Mark(c.code(), p, c.points(), c.critical()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int earned = 0;
        int possible = 0;
        boolean criticalFailed = false;
        for (QaScore.Mark m : scored) {
            if (!m.na()) {
                earned += m.points();
                possible += m.maxPoints();
                criticalFailed |= m.critical() && m.fails();
            }
        }
        return new Checked(answers, scored.isEmpty() && !complete ? null : earned, possible == 0 ? null : possible, criticalFailed);
    }

    // ---- disputes ----------------------------------------------------------------------------------

    /** The agent disputes a submitted review of their conversation, once, with a reason; the team's supervisor is notified. */
    public QaStore.Review dispute(Viewer viewer, long id, @Nullable String reason) {
        QaStore.Review r = readable(viewer, id);
        if (!viewer.isAgent() || ownAgentId(viewer).map(a -> a != r.agentId()).orElse(true)) {
            throw new ForbiddenException("Only the agent whose conversation was reviewed disputes a review");
        }
        if (r.disputedAt() != null) {
            throw new ConflictException("This review was disputed already; a review is disputed once");
        }
        if (!SUBMITTED.equals(r.state())) {
            throw new ConflictException("Only a submitted review can be disputed");
        }
        String why = text("reason", reason, MAX_TEXT, true);
        Instant now = clock.instant();
        QaStore.Change c = QaStore.Change.of(r);
        QaStore.Change ch = new QaStore.Change(DISPUTED, c.earned(), c.possible(), c.criticalFailed(), c.remark(), c.submittedAt(),
                c.reviewDate(), why, now, null, null, null, null);
        if (!store.save(id, SUBMITTED, ch, null, null, now)) {
            throw new ConflictException("This review was changed meanwhile; reload it");
        }
        Set<String> tell = new LinkedHashSet<>();
        supervisorOf(r.agentId()).ifPresent(tell::add);
        tell.add(r.reviewer());
        Agent agent = agents.findById(r.agentId()).orElseThrow();
        for (String u : tell) {
            notifications.notify(u, "quality.disputed", "quality.disputed:" + id + ":" + u, "/quality/reviews/" + id,
                    List.of(agent.name(), agent.employeeNo()));
        }
        return store.review(id).orElseThrow();
    }

    /**
     * A reviewer of the agent's team resolves a dispute: {@code upheld} keeps the marks, {@code changed} replaces them (a second
     * revision; the original stays recorded) and the new score counts from the review's first submission date.
     */
    public QaStore.Review resolve(Viewer viewer, long id, @Nullable String decision, @Nullable String note, @Nullable List<MarkInput> marks) {
        requireReviewer(viewer);
        QaStore.Review r = readable(viewer, id);
        if (!reviews(viewer, r.agentId())) {
            throw new ForbiddenException("Only the agent's supervisor or an administrator resolves a dispute");
        }
        if (!DISPUTED.equals(r.state())) {
            throw new ConflictException("Only a disputed review can be resolved");
        }
        if (!UPHELD.equals(decision) && !CHANGED.equals(decision)) {
            throw new InvalidInputException(FieldError.of("decision", "quality.error.decision"));
        }
        String why = text("note", note, MAX_TEXT, true);
        Instant now = clock.instant();
        QaStore.Change c = QaStore.Change.of(r);
        QaStore.Change ch;
        boolean saved;
        if (CHANGED.equals(decision)) {
            Checked checked = check(rubricOf(r), marks, true);
            ch = new QaStore.Change(RESOLVED, checked.earned(), checked.possible(), checked.criticalFailed(), c.remark(), c.submittedAt(),
                    c.reviewDate(), c.disputeReason(), c.disputedAt(), CHANGED, why, viewer.username(), now);
            saved = store.save(id, DISPUTED, ch, 1, checked.answers(), now);
        } else {
            ch = new QaStore.Change(RESOLVED, c.earned(), c.possible(), c.criticalFailed(), c.remark(), c.submittedAt(), c.reviewDate(),
                    c.disputeReason(), c.disputedAt(), UPHELD, why, viewer.username(), now);
            saved = store.save(id, DISPUTED, ch, null, null, now);
        }
        if (!saved) {
            throw new ConflictException("This review was changed meanwhile; reload it");
        }
        QaStore.Review done = store.review(id).orElseThrow();
        for (User u : usersOfAgent(r.agentId())) {
            notifications.notify(u.username(), "quality.resolved", "quality.resolved:" + id, "/quality/reviews/" + id,
                    List.of(Map.of("en", decision.equals(UPHELD) ? "upheld" : "changed", "zh-CN", decision.equals(UPHELD) ? "维持原评分" : "已修改评分"),
                            scoreText(done)));
        }
        return done;
    }

    // ---- helpers ------------------------------------------------------------------------------------

    private Optional<String> supervisorOf(long agentId) {
        return agents.findById(agentId).flatMap(a -> teams.findById(a.teamId())).map(Team::supervisor);
    }

    private List<User> usersOfAgent(long agentId) {
        return agents.findById(agentId).flatMap(a -> users.findByEmployeeNo(a.employeeNo()))
                .filter(u -> u.enabled() && u.role() == Role.AGENT).map(List::of).orElse(List.of());
    }

    /** A review's score as its notification shows it: "85.0 %", or "N/A" when every criterion was N/A. */
    static String scoreText(QaStore.Review r) {
        java.math.BigDecimal s = QaScore.ofTotals(r.earned(), r.possible(), r.criticalFailed());
        return s == null ? "N/A" : com.servicecoach.scoring.Rounding.percent(s).toPlainString() + " %";
    }

    private static @Nullable String text(String field, @Nullable String value, int max, boolean required) {
        String v = value == null ? null : value.strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw new InvalidInputException(FieldError.of(field, "quality.error.required"));
            }
            return null;
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw new InvalidInputException(FieldError.of(field, "quality.error.length", max));
        }
        return v;
    }

    /** The teams whose agents the viewer reviews (administrators: every team). */
    List<Team> reviewedTeams(Viewer viewer) {
        requireReviewer(viewer);
        return agentService.visibleTeams(viewer);
    }
}
