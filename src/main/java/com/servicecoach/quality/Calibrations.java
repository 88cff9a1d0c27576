package com.servicecoach.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.account.Role;
import com.servicecoach.account.User;
import com.servicecoach.account.UserRepository;
import com.servicecoach.account.Viewer;
import com.servicecoach.interaction.InteractionService;
import com.servicecoach.interaction.Transcript;
import com.servicecoach.notification.Notifications;
import com.servicecoach.scoring.Calibration;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.QaScore;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calibration sessions (issue 13): a supervisor or administrator picks a few conversations and invites reviewers
 * (supervisors of any team, administrators); each scores every conversation blind against the session's rubric and
 * submits; once all have submitted the session is revealed and everyone allowed sees all scores with the figures of
 * metrics.md ({@link Calibration#of}). An invitee reads the session's conversations through the session only. The
 * scores are review copies with a calibration id, which never count towards anyone's QA figures.
 */
@Singleton
public class Calibrations {

    static final int MAX_TITLE = 200;
    static final int MIN_ITEMS = 2;
    static final int MAX_ITEMS = 10;
    static final int MAX_INVITEES = 20;
    static final String KIND = "quality.calibration";

    private final QaStore store;
    private final QaRubrics rubrics;
    private final QualityReviews reviews;
    private final InteractionService interactions;
    private final UserRepository users;
    private final Notifications notifications;
    private final Clock clock;

    Calibrations(QaStore store, QaRubrics rubrics, QualityReviews reviews, InteractionService interactions, UserRepository users,
                 Notifications notifications, Clock clock) {
        this.store = store;
        this.rubrics = rubrics;
        this.reviews = reviews;
        this.interactions = interactions;
        this.users = users;
        this.notifications = notifications;
        this.clock = clock;
    }

    // ---- what the API and the pages show ---------------------------------------------------------------

    /** A session in the list. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Summary(long id, String title, String rubric, String rubricTitle, String createdBy, Instant createdAt,
                          int conversations, int invitees, int submitted, @Nullable Instant revealedAt, boolean invited,
                          boolean mineSubmitted) {
    }

    /** An invitee and whether they have submitted. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Invitee(String username, boolean submitted, @Nullable Instant submittedAt) {
    }

    /**
     * One reviewer's scoring of one conversation: the rubric's criteria with their marks, the score % (rounded; null
     * while unmarked or when every criterion is N/A) and whether every criterion is marked.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Scoring(String reviewer, @Nullable BigDecimal scorePercent, boolean complete, int unmarked,
                          List<QualityViews.Criterion> criteria) {
    }

    /**
     * A conversation of the session with its transcript, the viewer's own scoring (invitees), and after the reveal every
     * reviewer's scoring and the median score %.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(long interactionId, String source, String externalId, String agent, String agentName, String team,
                       String channel, String category, Instant contactCreatedAt, List<Transcript.Message> messages,
                       @Nullable Scoring mine, List<Scoring> scores, @Nullable BigDecimal medianPercent) {
    }

    /** Agreement on one criterion: interactions on which all reviewers gave the same points (or all N/A), rounded percent. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Agreement(String criterion, String text, int interactions, int agreed, @Nullable BigDecimal percent) {
    }

    /** A reviewer's signed mean deviation from the interactions' median score %, in percentage points, rounded. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Deviation(String reviewer, int interactions, @Nullable BigDecimal deviation) {
    }

    /** The revealed session's figures; the alphas rounded to two decimals, null when the expected disagreement is 0. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Results(List<Agreement> agreement, @Nullable BigDecimal ordinalAlpha, @Nullable BigDecimal nominalAlpha,
                          List<Deviation> deviations) {
    }

    /** A session as {@code GET /api/quality/calibrations/{id}} and its page show it to the viewer. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Session(long id, String title, String rubric, String rubricTitle, String createdBy, Instant createdAt,
                          @Nullable Instant revealedAt, boolean revealed, boolean invited, boolean submitted, boolean canScore,
                          List<Invitee> invitees, List<Item> items, @Nullable Results results) {
    }

    /** Someone who may be invited: an enabled supervisor or administrator. */
    public record Candidate(String username, String role) {
    }

    // ---- who may do what ---------------------------------------------------------------------------------

    /** A session the viewer may read (administrators all; others those they created or are invited to), else 404. */
    QaStore.Session readable(Viewer viewer, long id) {
        QualityReviews.requireReviewer(viewer);
        QaStore.Session s = store.session(id).orElseThrow(() -> new NotFoundException("No calibration session " + id));
        if (viewer.isAdmin() || viewer.username().equals(s.createdBy()) || invited(store.invitees(id), viewer)) {
            return s;
        }
        throw new NotFoundException("No calibration session " + id);
    }

    private static boolean invited(List<QaStore.Invitee> invitees, Viewer viewer) {
        return invitees.stream().anyMatch(i -> i.username().equals(viewer.username()));
    }

    private static Optional<QaStore.Invitee> own(List<QaStore.Invitee> invitees, Viewer viewer) {
        return invitees.stream().filter(i -> i.username().equals(viewer.username())).findFirst();
    }

    /** The users who may be invited: enabled supervisors and administrators, by name. */
    public List<Candidate> candidates() {
        List<Candidate> out = new ArrayList<>();
        for (User u : users.findAllOrderByUsername()) {
            if (u.enabled() && (u.role() == Role.SUPERVISOR || u.role() == Role.ADMIN)) {
                out.add(new Candidate(u.username(), u.role().name()));
            }
        }
        return out;
    }

    // ---- creating ---------------------------------------------------------------------------------------

    /**
     * Opens a session: a title (at most 200 characters), a rubric, 2 to 10 distinct conversations the creator reviews
     * (supervisors: of their teams' agents; administrators: any) on channels the rubric reviews, and 1 to 20 distinct
     * invitees, each an enabled supervisor or administrator of any team (the creator may be one). Every problem is
     * reported by field (422) and nothing is stored. Invitees other than the creator are notified.
     */
    public long create(Viewer viewer, @Nullable String title, @Nullable String rubricCode, @Nullable List<String> interactionIds,
                       @Nullable List<String> invitees) {
        QualityReviews.requireReviewer(viewer);
        List<FieldError> errors = new ArrayList<>();
        String t = title == null ? "" : title.strip();
        if (t.isEmpty()) {
            errors.add(FieldError.of("title", "calibration.error.required"));
        } else if (t.codePointCount(0, t.length()) > MAX_TITLE) {
            errors.add(FieldError.of("title", "calibration.error.titleLength", MAX_TITLE));
        }
        QaRubric rubric = null;
        String code = rubricCode == null ? "" : rubricCode.strip();
        if (code.isEmpty()) {
            errors.add(FieldError.of("rubric", "calibration.error.required"));
        } else {
            rubric = rubrics.byCode(code).orElse(null);
            if (rubric == null) {
                errors.add(FieldError.of("rubric", "calibration.error.rubric", code));
            }
        }

        Set<Long> ids = new LinkedHashSet<>();
        for (String token : interactionIds == null ? List.<String>of() : interactionIds) {
            String v = token == null ? "" : token.strip();
            if (v.isEmpty()) {
                continue;
            }
            long id;
            try {
                id = Long.parseLong(v);
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("interactions", "calibration.error.interactionNumber", v));
                continue;
            }
            if (!ids.add(id)) {
                errors.add(FieldError.of("interactions", "calibration.error.interactionTwice", id));
                continue;
            }
            Optional<InteractionService.Detail> d = interactions.find(id);
            if (d.isEmpty() || !reviews.reviews(viewer, d.get().agentId())) {
                errors.add(FieldError.of("interactions", "calibration.error.interaction", id));
                continue;
            }
            Channel channel = Channel.fromCode(d.get().view().channel()).orElse(null);
            if (rubric != null && (channel == null || !rubric.reviews(channel))) {
                errors.add(FieldError.of("interactions", "calibration.error.channel", id, d.get().view().channel(), rubric.code()));
            }
        }
        if (ids.size() < MIN_ITEMS || ids.size() > MAX_ITEMS) {
            errors.add(FieldError.of("interactions", "calibration.error.interactionCount", MIN_ITEMS, MAX_ITEMS, ids.size()));
        }

        Set<String> names = new LinkedHashSet<>();
        for (String name : invitees == null ? List.<String>of() : invitees) {
            String v = name == null ? "" : name.strip();
            if (v.isEmpty()) {
                continue;
            }
            if (!names.add(v)) {
                errors.add(FieldError.of("invitees", "calibration.error.inviteeTwice", v));
                continue;
            }
            boolean ok = users.findByUsername(v).map(u -> u.enabled() && (u.role() == Role.SUPERVISOR || u.role() == Role.ADMIN))
                    .orElse(false);
            if (!ok) {
                errors.add(FieldError.of("invitees", "calibration.error.invitee", v));
            }
        }
        if (names.size() < 1 || names.size() > MAX_INVITEES) {
            errors.add(FieldError.of("invitees", "calibration.error.inviteeCount", 1, MAX_INVITEES, names.size()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        long id = store.createSession(t, rubric.code(), viewer.username(), new ArrayList<>(ids), names, clock.instant());
        for (String u : names) {
            if (!u.equals(viewer.username())) {
                notifications.notify(u, KIND, KIND + ":invited:" + id, "/quality/calibrations/" + id,
                        List.of(t, Map.of("en", "you are invited to score its conversations blind", "zh-CN", "邀请你对其中的会话进行盲评")));
            }
        }
        return id;
    }

    // ---- scoring ------------------------------------------------------------------------------------------

    /**
     * Saves the viewer's draft scoring of one conversation of the session (marks may be incomplete; each is checked as a
     * review's: points 0 to the maximum, a critical criterion 0 or full, N/A only where allowed; 422 by field). Only
     * invitees score (403); a conversation not in the session is 404; after their submission or the reveal 409.
     */
    public void score(Viewer viewer, long id, long interactionId, List<QualityReviews.MarkInput> marks) {
        QaStore.Session s = readable(viewer, id);
        List<QaStore.Invitee> invitees = store.invitees(id);
        QaStore.Invitee me = own(invitees, viewer)
                .orElseThrow(() -> new ForbiddenException("Only the session's invitees score its conversations"));
        if (!store.sessionItems(id).contains(interactionId)) {
            throw new NotFoundException("No conversation " + interactionId + " in calibration session " + id);
        }
        if (me.submittedAt() != null || s.revealedAt() != null) {
            throw new ConflictException("Your scores of this session were submitted already");
        }
        QaRubric rubric = rubricOf(s);
        QualityReviews.Checked checked = QualityReviews.check(rubric, marks, false);
        // only marked criteria are kept (points or N/A): a note on an unmarked one would read back as N/A
        Set<String> marked = new HashSet<>();
        for (QualityReviews.MarkInput m : marks) {
            if (m != null && m.criterion() != null && (m.na() || m.points() != null)) {
                marked.add(m.criterion());
            }
        }
        List<QaStore.Answer> answers = checked.answers().stream().filter(a -> marked.contains(a.criterion())).toList();
        String key = key(id, interactionId, viewer.username());
        Instant now = clock.instant();
        QaStore.Review r = store.reviewByKey(key).orElse(null);
        if (r == null) {
            InteractionService.Detail d = interactions.find(interactionId)
                    .orElseThrow(() -> new NotFoundException("No interaction " + interactionId));
            long reviewId = store.insertDraft(key, interactionId, d.agentId(), rubric.code(), rubric.version(), viewer.username(), id, now)
                    .orElseGet(() -> store.reviewByKey(key).orElseThrow().id());
            r = store.review(reviewId).orElseThrow();
        }
        if (!QualityReviews.DRAFT.equals(r.state())) {
            throw new ConflictException("Your scores of this session were submitted already");
        }
        QaStore.Change ch = new QaStore.Change(QualityReviews.DRAFT, checked.earned(), checked.possible(), checked.criticalFailed(),
                null, null, null, null, null, null, null, null, null);
        if (!store.save(r.id(), QualityReviews.DRAFT, ch, 0, answers, now)) {
            throw new ConflictException("Your scores of this session were submitted meanwhile");
        }
    }

    /**
     * Submits the viewer's scores of the session: only when every conversation has a complete scoring by them (else 422,
     * one error per conversation). When they are the last invitee to submit the session is revealed and everyone in it
     * is told. Answers whether the session is revealed now.
     */
    public boolean submit(Viewer viewer, long id) {
        QaStore.Session s = readable(viewer, id);
        List<QaStore.Invitee> invitees = store.invitees(id);
        QaStore.Invitee me = own(invitees, viewer)
                .orElseThrow(() -> new ForbiddenException("Only the session's invitees submit scores"));
        if (me.submittedAt() != null || s.revealedAt() != null) {
            throw new ConflictException("Your scores of this session were submitted already");
        }
        QaRubric rubric = rubricOf(s);
        List<FieldError> errors = new ArrayList<>();
        for (long interactionId : store.sessionItems(id)) {
            String externalId = interactions.find(interactionId).map(d -> d.view().externalId()).orElse(String.valueOf(interactionId));
            Optional<QaStore.Review> r = store.reviewByKey(key(id, interactionId, viewer.username()));
            int unmarked = r.isEmpty() ? rubric.criteria().size() : unmarked(rubric, store.answers(r.get().id()).get(0));
            if (unmarked > 0) {
                errors.add(FieldError.of("scores." + interactionId, "calibration.error.incomplete", externalId, unmarked));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (!store.submitCalibration(id, viewer.username(), clock.instant())) {
            throw new ConflictException("Your scores of this session were submitted already");
        }
        QaStore.Session after = store.session(id).orElseThrow();
        if (after.revealedAt() == null) {
            return false;
        }
        Set<String> tell = new LinkedHashSet<>();
        invitees.forEach(i -> tell.add(i.username()));
        tell.add(after.createdBy());
        for (String u : tell) {
            notifications.notify(u, KIND, KIND + ":revealed:" + id, "/quality/calibrations/" + id,
                    List.of(after.title(), Map.of("en", "every reviewer has scored; the results are shown", "zh-CN", "所有评审人已提交评分，结果已公布")));
        }
        return true;
    }

    /** How many of the rubric's criteria the stored marks leave unmarked (a calibration draft stores marked criteria only). */
    private static int unmarked(QaRubric rubric, @Nullable List<QaStore.Answer> answers) {
        Set<String> marked = new HashSet<>();
        (answers == null ? List.<QaStore.Answer>of() : answers).forEach(a -> marked.add(a.criterion()));
        return (int) rubric.criteria().stream().filter(c -> !marked.contains(c.code())).count();
    }

    private QaRubric rubricOf(QaStore.Session s) {
        return rubrics.byCode(s.rubricCode()).orElseThrow(() -> new ConflictException("The rubric " + s.rubricCode()
                + " of this session is no longer in training-content/qa/"));
    }

    static String key(long sessionId, long interactionId, String username) {
        return "c:" + sessionId + ":" + interactionId + ":" + username;
    }

    // ---- reading --------------------------------------------------------------------------------------------

    /** The list's paging: newest first, {@code size} default 20 (the only order, so no sort parameter). */
    static com.servicecoach.web.Paging paging(@Nullable Integer page, @Nullable Integer size) {
        return com.servicecoach.web.Paging.parse(page, size, null, "created", List.of("created"));
    }

    /**
     * A page of the sessions the viewer may read, newest first: administrators all; supervisors those they created or
     * are invited to.
     */
    public com.servicecoach.web.PageResponse<Summary> list(Viewer viewer, Locale locale, com.servicecoach.web.Paging paging) {
        QualityReviews.requireReviewer(viewer);
        List<Summary> out = new ArrayList<>();
        com.servicecoach.web.PageResponse<QaStore.Session> found = store.sessions(viewer.isAdmin() ? null : viewer.username(),
                paging.page(), paging.size());
        for (QaStore.Session s : found.content()) {
            List<QaStore.Invitee> invitees = store.invitees(s.id());
            Optional<QaStore.Invitee> me = own(invitees, viewer);
            out.add(new Summary(s.id(), s.title(), s.rubricCode(), rubricTitle(s, locale), s.createdBy(), s.createdAt(),
                    store.sessionItems(s.id()).size(), invitees.size(), (int) invitees.stream().filter(i -> i.submittedAt() != null).count(),
                    s.revealedAt(), me.isPresent(), me.map(i -> i.submittedAt() != null).orElse(false)));
        }
        return new com.servicecoach.web.PageResponse<>(out, found.page(), found.size(), found.totalElements());
    }

    private String rubricTitle(QaStore.Session s, Locale locale) {
        return rubrics.byCode(s.rubricCode()).map(r -> r.titleIn(locale)).orElse(s.rubricCode());
    }

    /**
     * The session as the viewer may see it. Before the reveal an invitee sees their own scores only, and a creator who
     * is not invited sees who has submitted but no scores; after it, everyone allowed sees every score and the figures.
     */
    public Session view(Viewer viewer, long id, Locale locale) {
        QaStore.Session s = readable(viewer, id);
        List<QaStore.Invitee> invitees = store.invitees(id);
        Optional<QaStore.Invitee> me = own(invitees, viewer);
        boolean revealed = s.revealedAt() != null;
        QaRubric rubric = rubrics.byCode(s.rubricCode()).orElse(null);

        // reviewer -> interaction -> marks; only what this viewer may see is read into it
        Map<String, Map<Long, List<QaStore.Answer>>> marks = new LinkedHashMap<>();
        for (Map.Entry<QaStore.Review, List<QaStore.Answer>> e : store.sessionReviews(id).entrySet()) {
            QaStore.Review r = e.getKey();
            if (revealed || r.reviewer().equals(viewer.username()) && me.isPresent()) {
                marks.computeIfAbsent(r.reviewer(), k -> new HashMap<>()).put(r.interactionId(), e.getValue());
            }
        }

        Calibration.Result result = null;
        if (revealed) {
            List<Calibration.Score> scores = new ArrayList<>();
            marks.forEach((reviewer, byInteraction) -> byInteraction.forEach((interactionId, answers) -> {
                for (QaStore.Answer a : answers) {
                    scores.add(new Calibration.Score(reviewer, interactionId, a.criterion(), a.points(), a.maxPoints(), a.critical()));
                }
            }));
            try {
                result = Calibration.of(scores);
            } catch (IllegalArgumentException e) {
                throw new ConflictException("The session's scores cannot be compared: " + e.getMessage());
            }
        }

        List<Item> items = new ArrayList<>();
        for (long interactionId : store.sessionItems(id)) {
            InteractionService.Detail d = interactions.find(interactionId).orElse(null);
            if (d == null) {
                continue;
            }
            var v = d.view();
            Scoring mine = me.isPresent() ? scoring(rubric, viewer.username(), marks.getOrDefault(viewer.username(), Map.of())
                    .get(interactionId), locale) : null;
            List<Scoring> all = new ArrayList<>();
            if (revealed) {
                for (QaStore.Invitee i : invitees) {
                    List<QaStore.Answer> answers = marks.getOrDefault(i.username(), Map.of()).get(interactionId);
                    if (answers != null) {
                        all.add(scoring(rubric, i.username(), answers, locale));
                    }
                }
            }
            BigDecimal median = result == null ? null : Rounding.percent(result.medians().get(interactionId));
            items.add(new Item(interactionId, v.source(), v.externalId(), v.agent(), v.agentName(), v.team(), v.channel(), v.category(),
                    v.createdAt(), d.messages(), mine, all, median));
        }

        Results results = null;
        if (result != null) {
            List<Agreement> agreement = new ArrayList<>();
            for (Calibration.Agreement a : result.agreement()) {
                String text = rubric == null ? a.criterion() : rubric.criterion(a.criterion()).map(c -> c.textIn(locale)).orElse(a.criterion());
                agreement.add(new Agreement(a.criterion(), text, a.interactions(), a.agreed(), Rounding.percent(a.percent())));
            }
            // in the rubric's order (criteria it no longer has last), whatever order the marks were read in
            List<String> order = rubric == null ? List.of() : rubric.criteria().stream().map(QaCriterion::code).toList();
            agreement.sort(java.util.Comparator.comparingInt(a -> order.contains(a.criterion()) ? order.indexOf(a.criterion()) : order.size()));
            List<Deviation> deviations = result.deviations().stream()
                    .map(x -> new Deviation(x.reviewer(), x.interactions(), Rounding.percent(x.deviation()))).toList();
            results = new Results(agreement, Rounding.rating(result.ordinalAlpha()), Rounding.rating(result.nominalAlpha()), deviations);
        }
        List<Invitee> shown = invitees.stream().map(i -> new Invitee(i.username(), i.submittedAt() != null, i.submittedAt())).toList();
        boolean submitted = me.map(i -> i.submittedAt() != null).orElse(false);
        return new Session(s.id(), s.title(), s.rubricCode(), rubric == null ? s.rubricCode() : rubric.titleIn(locale), s.createdBy(),
                s.createdAt(), s.revealedAt(), revealed, me.isPresent(), submitted, me.isPresent() && !submitted && !revealed && rubric != null,
                shown, items, results);
    }

    /** One reviewer's scoring of a conversation against the rubric (its criteria in rubric order, then any it no longer has). */
    private static Scoring scoring(@Nullable QaRubric rubric, String reviewer, @Nullable List<QaStore.Answer> answers, Locale locale) {
        Map<String, QaStore.Answer> byCode = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach(a -> byCode.put(a.criterion(), a));
        }
        List<QualityViews.Criterion> criteria = new ArrayList<>();
        List<QaScore.Mark> scored = new ArrayList<>();
        int unmarked = 0;
        if (rubric != null) {
            for (QaCriterion c : rubric.criteria()) {
                QaStore.Answer a = byCode.remove(c.code());
                if (a == null) {
                    unmarked++;
                } else {
                    scored.add(new QaScore.Mark(c.code(), a.points(), a.maxPoints(), a.critical()));
                }
                criteria.add(new QualityViews.Criterion(c.code(), c.textIn(locale), c.guidanceIn(locale), c.points(), c.critical(),
                        c.naAllowed(), c.module(), mark(a), null));
            }
        }
        for (QaStore.Answer a : byCode.values()) {
            QualityViews.Mark m = mark(a);
            scored.add(new QaScore.Mark(a.criterion(), a.points(), a.maxPoints(), a.critical()));
            criteria.add(new QualityViews.Criterion(a.criterion(), a.criterion(), null, a.maxPoints(), a.critical(), false, null, m, null));
        }
        BigDecimal score = unmarked > 0 || scored.isEmpty() ? null : Rounding.percent(QaScore.of(scored));
        return new Scoring(reviewer, score, unmarked == 0 && answers != null, unmarked, criteria);
    }

    /** A stored answer as a mark: points, or N/A (null points); null when not marked. */
    private static @Nullable QualityViews.Mark mark(@Nullable QaStore.Answer a) {
        if (a == null) {
            return null;
        }
        boolean na = a.points() == null;
        return new QualityViews.Mark(a.points(), na, a.note(), !na && a.points() < a.maxPoints());
    }
}
