package com.servicecoach.coaching;

import com.servicecoach.account.User;
import com.servicecoach.account.UserRepository;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.AgentService;
import com.servicecoach.notification.Notifications;
import com.servicecoach.scoring.Goals;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Coaching sessions and their actions (issue 11). A supervisor of the agent's team (or an administrator) records
 * a session; the agent is notified, reads it without the private notes, acknowledges it once with an optional
 * comment, and marks the actions they own done; supervisors and administrators may mark any action done. HR reads
 * every session, private notes included, and changes nothing. An action is overdue once open past its due date.
 *
 * <p>An action may be a goal on a figure (CSAT on return and refund at least 80 % by its date): its progress is the
 * figure over the agent's interactions from the session's date ({@link GoalProgress}); it is not marked done but
 * closes as met or missed once its date has passed ({@link CoachingFollowUp} stores the outcome and tells the agent).
 */
@Singleton
public class CoachingService {

    static final int MAX_FOCUS = 500;
    static final int MAX_NOTES = 20_000;
    static final int MAX_ACTIONS = 20;

    /** A new session as the form and the API give it. */
    @Serdeable
    public record SessionRequest(@Nullable String heldOn, @Nullable String focus, @Nullable String notes,
                                 @Nullable String privateNotes, @Nullable String followUpOn, @Nullable List<ActionRequest> actions) {
    }

    /**
     * An action as the form and the API give it; with {@code goal} it is a goal on a figure, its due date the goal's
     * date (the agent's, so the owner is the agent).
     */
    @Serdeable
    public record ActionRequest(@Nullable String text, @Nullable String owner, @Nullable String dueOn,
                                @Nullable GoalRequest goal) {
    }

    /**
     * A goal on a figure: {@code figure} first_response_sla, resolution_sla or csat; {@code slice} empty (overall), a
     * channel or a category code; {@code target} a percentage from 0 to 100 with at most one decimal (a JSON number
     * or string). All three empty: no goal.
     */
    @Serdeable
    public record GoalRequest(@Nullable String figure, @Nullable String slice, @Nullable String target) {

        boolean empty() {
            return blank(figure) && blank(slice) && blank(target);
        }
    }

    /**
     * An action as shown; {@code status} is open, done or overdue, and for a goal open until its date has passed,
     * then met or missed. {@code goal} is absent for an action that is no goal.
     */
    @Serdeable
    public record ActionView(long id, String text, String owner, LocalDate dueOn, String status,
                             @Nullable java.time.Instant doneAt, @Nullable String doneBy, boolean canMarkDone,
                             @Nullable GoalView goal) {
    }

    /**
     * A goal's progress: the figure (overall or on the slice) over the agent's interactions {@code from} the session's
     * date {@code to} today or the goal's date, whichever is earlier (dates in the organization's zone), as
     * {@code successes} of {@code n} and the percentage {@code value} (one decimal; null without data), against
     * {@code target}. {@code onTrack}: the value so far reaches the target (compared unrounded; never without data).
     * Once the date has passed the goal is {@code closed} with its {@code outcome}, met or missed (missed also when
     * there was no data); {@code closedAt} is when the outcome was stored, null while it is only computed (before
     * the follow-up job has run). A stored outcome no longer changes.
     */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record GoalView(String figure, @Nullable String sliceKind, @Nullable String slice, BigDecimal target,
                           LocalDate from, LocalDate to, long successes, long n, @Nullable BigDecimal value, boolean onTrack,
                           boolean closed, @Nullable String outcome, @Nullable java.time.Instant closedAt) {

        /** For pages: on_track, behind or no_data while open; met, missed or missed_no_data once closed. */
        public String state() {
            if (closed) {
                return Goals.MET.equals(outcome) ? "met" : n == 0 ? "missed_no_data" : "missed";
            }
            return n == 0 ? "no_data" : onTrack ? "on_track" : "behind";
        }

        /** The progress bar's value: the percentage, 0 without data. */
        public BigDecimal bar() {
            return value == null ? BigDecimal.ZERO : value;
        }
    }

    /** One of an agent's goals with its session, for the agent's home page. */
    public record MyGoal(long session, LocalDate heldOn, String focus, ActionView action) {
    }

    /** A session as its reader may see it: {@code privateNotes} is null for the agent. */
    @Serdeable
    public record SessionView(long id, String agent, String agentName, LocalDate heldOn, String focus, String notes,
                              @Nullable String privateNotes, @Nullable LocalDate followUpOn, String createdBy,
                              java.time.Instant createdAt, @Nullable java.time.Instant acknowledgedAt,
                              @Nullable String agentComment, List<ActionView> actions, boolean canAcknowledge) {

        /** Actions still to do: open or overdue (done actions and closed goals are not). */
        public long openActions() {
            return actions.stream().filter(a -> a.status().equals("open") || a.status().equals("overdue")).count();
        }

        public List<ActionView> goals() {
            return actions.stream().filter(a -> a.goal() != null).toList();
        }

        public long overdueActions() {
            return actions.stream().filter(a -> a.status().equals("overdue")).count();
        }
    }

    private final CoachingRepositories.Sessions sessions;
    private final CoachingRepositories.Actions actions;
    private final AgentService agentService;
    private final AgentRepository agents;
    private final UserRepository users;
    private final Notifications notifications;
    private final ScoringSettingsService settings;
    private final GoalProgress progress;
    private final Clock clock;

    CoachingService(CoachingRepositories.Sessions sessions, CoachingRepositories.Actions actions, AgentService agentService,
                    AgentRepository agents, UserRepository users, Notifications notifications, ScoringSettingsService settings,
                    GoalProgress progress, Clock clock) {
        this.progress = progress;
        this.sessions = sessions;
        this.actions = actions;
        this.agentService = agentService;
        this.agents = agents;
        this.users = users;
        this.notifications = notifications;
        this.settings = settings;
        this.clock = clock;
    }

    /** Who records sessions: supervisors (of the agent's team, by {@link AgentService#visibleAgent}) and administrators. */
    public static boolean records(Viewer viewer) {
        return viewer.isAdmin() || viewer.isSupervisor();
    }

    @Transactional
    public SessionView create(Viewer viewer, String employeeNo, SessionRequest r) {
        if (!records(viewer)) {
            throw new ForbiddenException("Only supervisors and administrators record coaching sessions");
        }
        Agent agent = agentService.visibleAgent(viewer, employeeNo);
        List<FieldError> errors = new ArrayList<>();
        LocalDate held = date(r.heldOn(), "heldOn", true, errors);
        LocalDate followUp = date(r.followUpOn(), "followUpOn", false, errors);
        if (held != null && followUp != null && followUp.isBefore(held)) {
            errors.add(FieldError.of("followUpOn", "coaching.error.followUpBefore", held.toString()));
        }
        if (held != null && held.isAfter(today())) {
            errors.add(FieldError.of("heldOn", "coaching.error.future"));
        }
        String focus = text(r.focus(), "focus", MAX_FOCUS, true, errors);
        String notes = text(r.notes(), "notes", MAX_NOTES, false, errors);
        String privateNotes = text(r.privateNotes(), "privateNotes", MAX_NOTES, false, errors);
        List<ActionRequest> asked = r.actions() == null ? List.of() : r.actions().stream()
                .filter(a -> a != null && !(blank(a.text()) && blank(a.dueOn()) && (a.goal() == null || a.goal().empty()))).toList();
        if (asked.size() > MAX_ACTIONS) {
            errors.add(FieldError.of("actions", "coaching.error.tooManyActions", MAX_ACTIONS));
        }
        List<CoachingAction> made = new ArrayList<>();
        for (int i = 0; i < asked.size() && i < MAX_ACTIONS; i++) {
            ActionRequest a = asked.get(i);
            String p = "actions[" + i + "]";
            String text = text(a.text(), p + ".text", MAX_FOCUS, true, errors);
            String owner = a.owner() == null || a.owner().isBlank() ? CoachingAction.AGENT : a.owner().strip();
            boolean goal = a.goal() != null && !a.goal().empty();
            if (!owner.equals(CoachingAction.AGENT) && !owner.equals(CoachingAction.SUPERVISOR)) {
                errors.add(FieldError.of(p + ".owner", "coaching.error.owner"));
            } else if (goal && !owner.equals(CoachingAction.AGENT)) {
                errors.add(FieldError.of(p + ".owner", "coaching.error.goalOwner"));
            }
            LocalDate due = date(a.dueOn(), p + ".dueOn", true, errors);
            if (goal) {
                if (held != null && due != null && due.isBefore(held)) {
                    errors.add(FieldError.of(p + ".dueOn", "coaching.error.goalBeforeSession", held.toString()));
                }
                CoachingAction g = goal(a.goal(), p + ".goal", i + 1, text, due, errors);
                if (g != null && text != null && due != null) {
                    made.add(g);
                }
            } else if (text != null && due != null) {
                made.add(CoachingAction.of(0, i + 1, text, owner, due));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        CoachingSession saved = sessions.save(new CoachingSession(null, agent.id(), held, focus, notes == null ? "" : notes,
                privateNotes == null ? "" : privateNotes, followUp, viewer.username(), now, null, null));
        for (CoachingAction a : made) {
            actions.save(a.inSession(saved.id()));
        }
        for (User u : users.findByEmployeeNo(agent.employeeNo()).filter(User::enabled).map(List::of).orElse(List.of())) {
            notifications.notify(u.username(), "coaching.new", "coaching.new:" + saved.id(), "/coaching/" + saved.id(),
                    List.of(held.toString(), focus));
        }
        return view(viewer, saved, agent);
    }

    /** The agent's sessions, newest first. */
    public List<SessionView> list(Viewer viewer, String employeeNo) {
        Agent agent = agentService.visibleAgent(viewer, employeeNo);
        List<CoachingSession> found = sessions.findByAgentId(agent.id()).stream()
                .sorted(java.util.Comparator.comparing(CoachingSession::heldOn).thenComparing(CoachingSession::id).reversed()).toList();
        Map<Long, List<CoachingAction>> byId = found.isEmpty() ? Map.of()
                : actions.findBySessionIdInOrderByPosition(found.stream().map(CoachingSession::id).toList())
                .stream().collect(Collectors.groupingBy(CoachingAction::sessionId));
        return found.stream().map(s -> view(viewer, s, agent, byId.getOrDefault(s.id(), List.of()))).toList();
    }

    public SessionView get(Viewer viewer, long id) {
        CoachingSession s = visible(viewer, id);
        return view(viewer, s, agents.findById(s.agentId()).orElseThrow());
    }

    /** The agent acknowledges their session, once, with an optional comment. */
    @Transactional
    public SessionView acknowledge(Viewer viewer, long id, @Nullable String comment) {
        CoachingSession s = visible(viewer, id);
        Agent agent = agents.findById(s.agentId()).orElseThrow();
        if (!viewer.isAgent() || !agent.employeeNo().equals(viewer.employeeNo())) {
            throw new ForbiddenException("Only the coached agent acknowledges a session");
        }
        if (s.acknowledgedAt() != null) {
            throw new ConflictException("This session was acknowledged already");
        }
        List<FieldError> errors = new ArrayList<>();
        String c = text(comment, "comment", MAX_NOTES, false, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        CoachingSession saved = sessions.update(s.acknowledged(c, LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
        return view(viewer, saved, agent);
    }

    /** Marks an action done: the agent their own actions, supervisors and administrators any. */
    @Transactional
    public SessionView done(Viewer viewer, long actionId) {
        CoachingAction a = actions.findById(actionId).orElseThrow(() -> new NotFoundException("No action " + actionId));
        CoachingSession s = visible(viewer, a.sessionId());
        if (a.isGoal()) {
            throw new ConflictException("A goal is not marked done: it closes as met or missed on its date");
        }
        if (!canMarkDone(viewer, a)) {
            throw new ForbiddenException("This action is not yours to mark done");
        }
        actions.markDone(a.id(), viewer.username(), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        return view(viewer, s, agents.findById(s.agentId()).orElseThrow());
    }

    private static boolean canMarkDone(Viewer viewer, CoachingAction a) {
        return !a.isGoal() && (records(viewer) || viewer.isAgent() && a.owner().equals(CoachingAction.AGENT));
    }

    private CoachingSession visible(Viewer viewer, long id) {
        CoachingSession s = sessions.findById(id).orElseThrow(() -> new NotFoundException("No coaching session " + id));
        Agent agent = agents.findById(s.agentId()).orElseThrow();
        if (!agentService.canRead(viewer, agent)) {
            throw new NotFoundException("No coaching session " + id);
        }
        return s;
    }

    private SessionView view(Viewer viewer, CoachingSession s, Agent agent) {
        return view(viewer, s, agent, actions.findBySessionIdInOrderByPosition(List.of(s.id())));
    }

    private SessionView view(Viewer viewer, CoachingSession s, Agent agent, List<CoachingAction> list) {
        LocalDate today = today();
        List<ActionView> views = new ArrayList<>();
        for (CoachingAction a : list) {
            GoalView goal = a.isGoal() ? progress.of(viewer, agent.employeeNo(), s.heldOn(), a, today) : null;
            String status = goal == null ? a.status(today) : goal.closed() ? goal.outcome() : "open";
            views.add(new ActionView(a.id(), a.text(), a.owner(), a.dueOn(), status,
                    a.doneAt() == null ? null : a.doneAt().toInstant(ZoneOffset.UTC), a.doneBy(),
                    a.doneAt() == null && canMarkDone(viewer, a), goal));
        }
        boolean own = viewer.isAgent() && agent.employeeNo().equals(viewer.employeeNo());
        return new SessionView(s.id(), agent.employeeNo(), agent.name(), s.heldOn(), s.focus(), s.notes(),
                viewer.isAgent() ? null : s.privateNotes(), s.followUpOn(), s.createdBy(), s.createdAt().toInstant(ZoneOffset.UTC),
                s.acknowledgedAt() == null ? null : s.acknowledgedAt().toInstant(ZoneOffset.UTC), s.agentComment(), views,
                own && s.acknowledgedAt() == null);
    }

    /**
     * The agent's goals for their home page: those still open (soonest date first), then those closed within the
     * last {@code closedWithinDays} days (latest first).
     */
    public List<MyGoal> goals(Viewer viewer, String employeeNo, int closedWithinDays) {
        LocalDate since = today().minusDays(closedWithinDays);
        List<MyGoal> open = new ArrayList<>();
        List<MyGoal> closed = new ArrayList<>();
        for (SessionView s : list(viewer, employeeNo)) {
            for (ActionView a : s.goals()) {
                MyGoal g = new MyGoal(s.id(), s.heldOn(), s.focus(), a);
                if (!a.goal().closed()) {
                    open.add(g);
                } else if (!a.dueOn().isBefore(since)) {
                    closed.add(g);
                }
            }
        }
        open.sort(java.util.Comparator.comparing((MyGoal g) -> g.action().dueOn()).thenComparing(g -> g.action().id()));
        closed.sort(java.util.Comparator.comparing((MyGoal g) -> g.action().dueOn()).thenComparing(g -> g.action().id()).reversed());
        List<MyGoal> out = new ArrayList<>(open);
        out.addAll(closed);
        return out;
    }

    /** A requested goal checked field by field ({@code p} names it: actions[i].goal); null when it has errors. */
    private static @Nullable CoachingAction goal(GoalRequest g, String p, int position, @Nullable String text,
                                                 @Nullable LocalDate due, List<FieldError> errors) {
        String figure = blank(g.figure()) ? null : g.figure().strip();
        boolean ok = true;
        if (figure == null) {
            errors.add(FieldError.of(p + ".figure", "coaching.error.required"));
            ok = false;
        } else if (!Goals.figure(figure)) {
            errors.add(FieldError.of(p + ".figure", "coaching.error.goalFigure", figure));
            ok = false;
        }
        Goals.Slice slice = null;
        if (!blank(g.slice())) {
            slice = Goals.slice(g.slice()).orElse(null);
            if (slice == null) {
                errors.add(FieldError.of(p + ".slice", "coaching.error.goalSlice", g.slice().strip()));
                ok = false;
            }
        }
        BigDecimal target = null;
        if (blank(g.target())) {
            errors.add(FieldError.of(p + ".target", "coaching.error.required"));
            ok = false;
        } else {
            target = Goals.target(g.target()).orElse(null);
            if (target == null) {
                errors.add(FieldError.of(p + ".target", "coaching.error.goalTarget", g.target().strip()));
                ok = false;
            }
        }
        if (!ok || text == null || due == null) {
            return null;
        }
        return CoachingAction.goal(0, position, text, due, figure, slice == null ? null : slice.kind(),
                slice == null ? null : slice.code(), target);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.current().settings().orgZone()));
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String text(@Nullable String v, String field, int max, boolean required, List<FieldError> errors) {
        if (blank(v)) {
            if (required) {
                errors.add(FieldError.of(field, "coaching.error.required"));
            }
            return null;
        }
        String s = v.strip();
        if (s.length() > max) {
            errors.add(FieldError.of(field, "coaching.error.tooLong", max));
            return null;
        }
        return s;
    }

    private static @Nullable LocalDate date(@Nullable String v, String field, boolean required, List<FieldError> errors) {
        if (blank(v)) {
            if (required) {
                errors.add(FieldError.of(field, "coaching.error.required"));
            }
            return null;
        }
        try {
            return LocalDate.parse(v.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "coaching.error.date", v.strip()));
            return null;
        }
    }
}
