package com.servicecoach.coaching;

import com.servicecoach.account.User;
import com.servicecoach.account.UserRepository;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.AgentService;
import com.servicecoach.notification.Notifications;
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

    @Serdeable
    public record ActionRequest(@Nullable String text, @Nullable String owner, @Nullable String dueOn) {
    }

    @Serdeable
    public record ActionView(long id, String text, String owner, LocalDate dueOn, String status,
                             @Nullable java.time.Instant doneAt, @Nullable String doneBy, boolean canMarkDone) {
    }

    /** A session as its reader may see it: {@code privateNotes} is null for the agent. */
    @Serdeable
    public record SessionView(long id, String agent, String agentName, LocalDate heldOn, String focus, String notes,
                              @Nullable String privateNotes, @Nullable LocalDate followUpOn, String createdBy,
                              java.time.Instant createdAt, @Nullable java.time.Instant acknowledgedAt,
                              @Nullable String agentComment, List<ActionView> actions, boolean canAcknowledge) {

        public long openActions() {
            return actions.stream().filter(a -> !a.status().equals("done")).count();
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
    private final Clock clock;

    CoachingService(CoachingRepositories.Sessions sessions, CoachingRepositories.Actions actions, AgentService agentService,
                    AgentRepository agents, UserRepository users, Notifications notifications, ScoringSettingsService settings,
                    Clock clock) {
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
                .filter(a -> a != null && !(blank(a.text()) && blank(a.dueOn()))).toList();
        if (asked.size() > MAX_ACTIONS) {
            errors.add(FieldError.of("actions", "coaching.error.tooManyActions", MAX_ACTIONS));
        }
        List<CoachingAction> made = new ArrayList<>();
        for (int i = 0; i < asked.size() && i < MAX_ACTIONS; i++) {
            ActionRequest a = asked.get(i);
            String p = "actions[" + i + "]";
            String text = text(a.text(), p + ".text", MAX_FOCUS, true, errors);
            String owner = a.owner() == null || a.owner().isBlank() ? CoachingAction.AGENT : a.owner().strip();
            if (!owner.equals(CoachingAction.AGENT) && !owner.equals(CoachingAction.SUPERVISOR)) {
                errors.add(FieldError.of(p + ".owner", "coaching.error.owner"));
            }
            LocalDate due = date(a.dueOn(), p + ".dueOn", true, errors);
            if (text != null && due != null) {
                made.add(new CoachingAction(null, 0, i + 1, text, owner, due, null, null));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        CoachingSession saved = sessions.save(new CoachingSession(null, agent.id(), held, focus, notes == null ? "" : notes,
                privateNotes == null ? "" : privateNotes, followUp, viewer.username(), now, null, null));
        for (CoachingAction a : made) {
            actions.save(new CoachingAction(null, saved.id(), a.position(), a.text(), a.owner(), a.dueOn(), null, null));
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
        if (!canMarkDone(viewer, a)) {
            throw new ForbiddenException("This action is not yours to mark done");
        }
        if (a.doneAt() == null) {
            actions.update(a.done(viewer.username(), LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
        }
        return view(viewer, s, agents.findById(s.agentId()).orElseThrow());
    }

    private static boolean canMarkDone(Viewer viewer, CoachingAction a) {
        return records(viewer) || viewer.isAgent() && a.owner().equals(CoachingAction.AGENT);
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
        List<ActionView> views = list.stream().map(a -> new ActionView(a.id(), a.text(), a.owner(), a.dueOn(), a.status(today),
                a.doneAt() == null ? null : a.doneAt().toInstant(ZoneOffset.UTC), a.doneBy(),
                a.doneAt() == null && canMarkDone(viewer, a))).toList();
        boolean own = viewer.isAgent() && agent.employeeNo().equals(viewer.employeeNo());
        return new SessionView(s.id(), agent.employeeNo(), agent.name(), s.heldOn(), s.focus(), s.notes(),
                viewer.isAgent() ? null : s.privateNotes(), s.followUpOn(), s.createdBy(), s.createdAt().toInstant(ZoneOffset.UTC),
                s.acknowledgedAt() == null ? null : s.acknowledgedAt().toInstant(ZoneOffset.UTC), s.agentComment(), views,
                own && s.acknowledgedAt() == null);
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
