package com.servicecoach.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.interaction.InteractionService;
import com.servicecoach.interaction.Transcript;
import com.servicecoach.scoring.QaScore;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.web.DateParams;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the quality pages and the API show: a review with its rubric and marks, the review list, the queue and the
 * sampling rules, each read with the viewer's authority as it is now in the database.
 */
@Singleton
public class QualityViews {

    public static final List<String> REVIEW_SORTS = List.of("updated", "date", "agent", "score", "state");

    private final QaStore store;
    private final QualityReviews reviews;
    private final QueueSampler sampler;
    private final QaRubrics rubrics;
    private final InteractionService interactions;
    private final AgentService agents;
    private final Clock clock;

    QualityViews(QaStore store, QualityReviews reviews, QueueSampler sampler, QaRubrics rubrics, InteractionService interactions,
                 AgentService agents, Clock clock) {
        this.store = store;
        this.reviews = reviews;
        this.sampler = sampler;
        this.rubrics = rubrics;
        this.interactions = interactions;
        this.agents = agents;
        this.clock = clock;
    }

    /** A criterion's mark: points (null: N/A or not marked), N/A, its note, and whether it fails. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Mark(@Nullable Integer points, boolean na, @Nullable String note, boolean fails) {
    }

    /** A rubric criterion with the review's mark as submitted and, after a dispute changed it, as changed. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Criterion(String code, String text, @Nullable String guidance, int points, boolean critical, boolean naAllowed,
                            @Nullable String module, @Nullable Mark mark, @Nullable Mark changed) {
        /** The points a reviewer may give: 0 to the maximum, or 0 and the maximum for a critical criterion. */
        public List<Integer> choices() {
            if (critical) {
                return List.of(0, points);
            }
            List<Integer> out = new ArrayList<>();
            for (int p = 0; p <= points; p++) {
                out.add(p);
            }
            return out;
        }
    }

    /** A review as its page and {@code GET /api/quality/reviews/{id}} show it. Scores rounded to one decimal; null: no score. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Review(long id, long interactionId, String source, String externalId, String agent, String agentName, String team,
                         String channel, String category, Instant contactCreatedAt, String rubric, String rubricTitle, int rubricVersion,
                         String reviewer, String state, @Nullable BigDecimal scorePercent, @Nullable BigDecimal originalScorePercent,
                         @Nullable String remark, @Nullable Instant submittedAt, @Nullable LocalDate reviewDate,
                         @Nullable String disputeReason, @Nullable Instant disputedAt, @Nullable String resolution,
                         @Nullable String resolutionNote, @Nullable String resolvedBy, @Nullable Instant resolvedAt,
                         List<Criterion> criteria, boolean canEdit, boolean canDispute, boolean canResolve) {
    }

    /** A review with its conversation, for the review page. */
    public record ReviewPage(Review review, List<Transcript.Message> messages) {
    }

    public ReviewPage page(Viewer viewer, long id, Locale locale) {
        QaStore.Review r = reviews.readable(viewer, id);
        InteractionService.Detail d = interactions.find(r.interactionId()).orElseThrow();
        return new ReviewPage(view(viewer, r, d, locale), d.messages());
    }

    public Review review(Viewer viewer, long id, Locale locale) {
        QaStore.Review r = reviews.readable(viewer, id);
        return view(viewer, r, interactions.find(r.interactionId()).orElseThrow(), locale);
    }

    Review view(Viewer viewer, QaStore.Review r, InteractionService.Detail d, Locale locale) {
        Map<Integer, List<QaStore.Answer>> answers = store.answers(r.id());
        Map<String, QaStore.Answer> first = byCriterion(answers.get(0));
        Map<String, QaStore.Answer> second = byCriterion(answers.get(1));
        QaRubric rubric = rubrics.byCode(r.rubricCode()).orElse(null);
        List<Criterion> criteria = new ArrayList<>();
        if (rubric != null) {
            for (QaCriterion c : rubric.criteria()) {
                criteria.add(new Criterion(c.code(), c.textIn(locale), c.guidanceIn(locale), c.points(), c.critical(), c.naAllowed(),
                        c.module(), mark(first.remove(c.code())), mark(second.remove(c.code()))));
            }
        }
        // marks of criteria the rubric no longer has are still shown, by code
        for (QaStore.Answer a : first.values()) {
            criteria.add(new Criterion(a.criterion(), a.criterion(), null, a.maxPoints(), a.critical(), false, null, mark(a),
                    mark(second.remove(a.criterion()))));
        }
        BigDecimal score = Rounding.percent(QaScore.ofTotals(r.earned(), r.possible(), r.criticalFailed()));
        BigDecimal original = null;
        if (QualityReviews.CHANGED.equals(r.resolution())) {
            original = Rounding.percent(QaScore.of(marks(answers.get(0))));
        }
        boolean mine = viewer.username().equals(r.reviewer());
        boolean ownAgent = viewer.isAgent() && reviews.ownAgentId(viewer).map(a -> a == r.agentId()).orElse(false);
        var v = d.view();
        return new Review(r.id(), r.interactionId(), v.source(), v.externalId(), v.agent(), v.agentName(), v.team(), v.channel(),
                v.category(), v.createdAt(), r.rubricCode(), rubric == null ? r.rubricCode() : rubric.titleIn(locale), r.rubricVersion(),
                r.reviewer(), r.state(), score, original, r.remark(), r.submittedAt(), r.reviewDate(), r.disputeReason(), r.disputedAt(),
                r.resolution(), r.resolutionNote(), r.resolvedBy(), r.resolvedAt(), criteria,
                mine && QualityReviews.DRAFT.equals(r.state()),
                ownAgent && QualityReviews.SUBMITTED.equals(r.state()) && r.disputedAt() == null,
                QualityReviews.DISPUTED.equals(r.state()) && reviews.reviews(viewer, r.agentId()));
    }

    private static Map<String, QaStore.Answer> byCriterion(@Nullable List<QaStore.Answer> answers) {
        Map<String, QaStore.Answer> out = new java.util.LinkedHashMap<>();
        if (answers != null) {
            answers.forEach(a -> out.put(a.criterion(), a));
        }
        return out;
    }

    private static @Nullable Mark mark(@Nullable QaStore.Answer a) {
        if (a == null) {
            return null;
        }
        boolean na = a.points() == null;
        return new Mark(a.points(), na, a.note(), !na && a.points() < a.maxPoints());
    }

    private static List<QaScore.Mark> marks(@Nullable List<QaStore.Answer> answers) {
        List<QaScore.Mark> out = new ArrayList<>();
        if (answers != null) {
            answers.forEach(a -> out.add(new QaScore.Mark(a.criterion(), a.points(), a.maxPoints(), a.critical())));
        }
        return out;
    }

    // ---- the review list -----------------------------------------------------------------------

    /** A row of the review list. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(long id, long interactionId, String externalId, String agent, String agentName, String team, String channel,
                      String category, Instant contactCreatedAt, String rubric, String reviewer, String state,
                      @Nullable BigDecimal scorePercent, @Nullable LocalDate reviewDate, Instant updatedAt, boolean disputed,
                      @Nullable String resolution) {
    }

    /** The review list's filters as given. */
    public record Filters(@Nullable String agent, @Nullable String team, @Nullable String state, @Nullable String reviewer,
                          @Nullable String from, @Nullable String to, @Nullable String criterion) {
    }

    /**
     * The reviews the viewer may see, newest change first: agents their own (submitted) reviews, supervisors those of the
     * agents of the teams they lead, HR and administrators all. A draft is seen by its reviewer only.
     */
    public PageResponse<Row> list(Viewer viewer, Filters f, Paging paging) {
        Set<Long> scopeAgents = null;
        Set<Long> scopeTeams = null;
        if (viewer.isAgent()) {
            scopeAgents = reviews.ownAgentId(viewer).map(Set::of).orElse(Set.of());
        } else if (viewer.isSupervisor()) {
            scopeTeams = agents.visibleTeams(viewer).stream().map(Team::id).collect(Collectors.toSet());
        }
        Long agentId = present(f.agent()) ? agents.visibleAgent(viewer, f.agent().strip()).id() : null;
        Long teamId = present(f.team()) ? agents.visibleTeam(viewer, f.team().strip()).id() : null;
        String state = null;
        if (present(f.state())) {
            state = f.state().strip().toLowerCase(Locale.ROOT);
            if (!QualityReviews.STATES.contains(state)) {
                throw new InvalidInputException(FieldError.of("state", "quality.error.state", String.join(", ", QualityReviews.STATES)));
            }
        }
        LocalDate from = DateParams.parse("from", f.from(), false);
        LocalDate to = DateParams.parse("to", f.to(), false);
        PageResponse<QaStore.Listed> page = store.list(new QaStore.Find(scopeAgents, scopeTeams, agentId, teamId, state,
                present(f.reviewer()) ? f.reviewer().strip() : null, from, to, present(f.criterion()) ? f.criterion().strip() : null,
                false, viewer.username()), paging.sortField(), paging.ascending(), paging.page(), paging.size());
        List<Row> rows = new ArrayList<>();
        for (QaStore.Listed l : page.content()) {
            QaStore.Review r = l.review();
            rows.add(new Row(r.id(), r.interactionId(), l.externalId(), l.employeeNo(), l.agentName(), l.team(), l.channel(), l.category(),
                    l.contactCreatedAt(), r.rubricCode(), r.reviewer(), r.state(),
                    Rounding.percent(QaScore.ofTotals(r.earned(), r.possible(), r.criticalFailed())), r.reviewDate(), r.updatedAt(),
                    r.disputedAt() != null, r.resolution()));
        }
        return new PageResponse<>(rows, page.page(), page.size(), page.totalElements());
    }

    // ---- the queue ------------------------------------------------------------------------------

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record QueueEntry(long interactionId, String agent, String agentName, String team, LocalDate week, List<String> reasons,
                             String state, String channel, String category, @Nullable Integer rating, Instant contactCreatedAt,
                             @Nullable Long reviewId, @Nullable String reviewState, @Nullable String reviewer) {
    }

    public static final List<String> QUEUE_STATES = List.of("open", "done", "skipped");

    /** The queue of the teams the viewer reviews (administrators all), open entries first by default. */
    public PageResponse<QueueEntry> queue(Viewer viewer, @Nullable String team, @Nullable String agent, @Nullable String state,
                                          @Nullable String reason, @Nullable String week, Paging paging) {
        QualityReviews.requireReviewer(viewer);
        Set<Long> teams = viewer.isAdmin() ? null : reviews.reviewedTeams(viewer).stream().map(Team::id).collect(Collectors.toSet());
        if (present(team)) {
            Team t = agents.visibleTeam(viewer, team.strip());
            teams = Set.of(t.id());
        }
        Long agentId = present(agent) ? agents.visibleAgent(viewer, agent.strip()).id() : null;
        String st = present(state) ? state.strip() : null;
        if (st != null && !QUEUE_STATES.contains(st)) {
            throw new InvalidInputException(FieldError.of("state", "quality.error.queueState", String.join(", ", QUEUE_STATES)));
        }
        String rs = present(reason) ? reason.strip() : null;
        if (rs != null && !QueueSampler.REASONS.contains(rs)) {
            throw new InvalidInputException(FieldError.of("reason", "quality.error.reason", String.join(", ", QueueSampler.REASONS)));
        }
        LocalDate w = present(week) ? QueueSampler.weekOf(DateParams.parse("week", week, true)) : null;
        PageResponse<QaStore.QueueRow> page = store.queue(teams, agentId, st, rs, w, paging.ascending(), paging.page(), paging.size());
        List<QueueEntry> out = new ArrayList<>();
        for (QaStore.QueueRow q : page.content()) {
            out.add(new QueueEntry(q.interactionId(), q.employeeNo(), q.agentName(), q.team(), q.week(), Arrays.asList(q.reasons().split(",")),
                    q.state(), q.channel(), q.category(), q.rating(), q.createdAt(), q.reviewId(), q.reviewState(), q.reviewer()));
        }
        return new PageResponse<>(out, page.page(), page.size(), page.totalElements());
    }

    /** What a sampling did, for the API and the page. */
    @Serdeable
    public record Sampled(LocalDate week, int agents, int random, int targeted) {
    }

    /** Samples the week of {@code day} (default: last week) for the teams the viewer reviews, or one of them. */
    public Sampled sample(Viewer viewer, @Nullable String team, @Nullable String day) {
        QualityReviews.requireReviewer(viewer);
        List<Long> teams = present(team) ? List.of(agents.visibleTeam(viewer, team.strip()).id())
                : reviews.reviewedTeams(viewer).stream().map(Team::id).toList();
        LocalDate d = present(day) ? DateParams.parse("week", day, true)
                : LocalDate.ofInstant(clock.instant(), sampler.zone()).minusWeeks(1);
        QueueSampler.Result r = sampler.sample(teams, d, clock.millis());
        return new Sampled(r.week(), r.agents(), r.random(), r.targeted());
    }

    /** Takes a conversation out of the queue (skipped) or puts it back (open). */
    public void setQueueState(Viewer viewer, long interactionId, String state) {
        QualityReviews.requireReviewer(viewer);
        InteractionService.Detail d = interactions.find(interactionId).orElseThrow(() -> new com.servicecoach.web.NotFoundException("No interaction " + interactionId));
        if (!reviews.reviews(viewer, d.agentId()) || store.queueState(interactionId).isEmpty()) {
            throw new com.servicecoach.web.NotFoundException("No queued conversation " + interactionId);
        }
        if (!state.equals("open") && !state.equals("skipped")) {
            throw new InvalidInputException(FieldError.of("state", "quality.error.queueState", "open, skipped"));
        }
        store.setQueueState(interactionId, state, state.equals("skipped") ? viewer.username() : null);
    }

    // ---- sampling rules ---------------------------------------------------------------------------

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SamplingRules(int randomPerWeek, int targetedPerWeek, boolean lowRating, boolean slaBreached, boolean complaint,
                                boolean surveyRemark, @Nullable Instant updatedAt, @Nullable String updatedBy) {
    }

    public SamplingRules sampling() {
        QaStore.Sampling s = store.sampling();
        return new SamplingRules(s.randomPerWeek(), s.targetedPerWeek(), s.lowRating(), s.slaBreached(), s.complaint(), s.surveyRemark(),
                s.updatedAt(), s.updatedBy());
    }

    /** Administrators set the rules: 0 to 20 random and 0 to 20 targeted conversations per agent per week. */
    public SamplingRules saveSampling(Viewer viewer, @Nullable Integer random, @Nullable Integer targeted, boolean lowRating,
                                      boolean slaBreached, boolean complaint, boolean surveyRemark) {
        if (!viewer.isAdmin()) {
            throw new ForbiddenException("Only administrators set the sampling rules");
        }
        List<FieldError> errors = new ArrayList<>();
        if (random == null || random < 0 || random > 20) {
            errors.add(FieldError.of("randomPerWeek", "quality.error.perWeek", 0, 20));
        }
        if (targeted == null || targeted < 0 || targeted > 20) {
            errors.add(FieldError.of("targetedPerWeek", "quality.error.perWeek", 0, 20));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        store.saveSampling(new QaStore.Sampling(random, targeted, lowRating, slaBreached, complaint, surveyRemark, null, null),
                viewer.username(), clock.instant());
        return sampling();
    }

    /** The reviews of one conversation the viewer may read (calibration copies are not among them). */
    public List<Row> ofInteraction(Viewer viewer, long interactionId) {
        List<Row> out = new ArrayList<>();
        for (QaStore.Review r : store.reviewsOfInteraction(interactionId)) {
            if (reviews.canRead(viewer, r)) {
                out.add(new Row(r.id(), r.interactionId(), "", "", "", "", "", "", r.createdAt(), r.rubricCode(), r.reviewer(), r.state(),
                        Rounding.percent(QaScore.ofTotals(r.earned(), r.possible(), r.criticalFailed())), r.reviewDate(), r.updatedAt(),
                        r.disputedAt() != null, r.resolution()));
            }
        }
        return out;
    }

    /** Whether the viewer may start a review of the conversation (and a rubric reviews its channel). */
    public boolean canStart(Viewer viewer, InteractionService.Detail d) {
        return (viewer.isAdmin() || viewer.isSupervisor()) && reviews.reviews(viewer, d.agentId())
                && rubrics.forChannel(com.servicecoach.scoring.Channel.fromCode(d.view().channel()).orElseThrow()).isPresent();
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }

}
