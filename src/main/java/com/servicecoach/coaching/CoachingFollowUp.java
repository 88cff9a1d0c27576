package com.servicecoach.coaching;

import com.servicecoach.account.Role;
import com.servicecoach.account.User;
import com.servicecoach.account.UserRepository;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.notification.Notifications;
import com.servicecoach.scoring.Gaps;
import com.servicecoach.scoring.Goals;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.Messages;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What happens to actions once their date has passed (run every hour by {@link CoachingFollowUpJob}; tests call
 * {@link #run()} with the test clock). Dates are the organization's; an action's date has passed when it is
 * before today.
 *
 * <ul>
 *   <li>An open action that is no goal is overdue: its owner is notified, once. An agent-owned action's owner is
 *   the agent's user; a supervisor-owned one's is the user who recorded the session.</li>
 *   <li>A goal closes: its outcome over the session's date to the goal's date (met when the figure reaches the
 *   target, compared unrounded; missed otherwise, also when there was no data) is stored with the successes and n
 *   it was judged on, and no longer changes when interactions of those days are imported later. The agent is
 *   notified of the outcome, once.</li>
 * </ul>
 *
 * Each notification is sent once: the action's marker ({@code overdue_notified_at}, {@code goal_notified_at}) is
 * set after the notification is made, and the notification's dedupe key keeps a run that stopped between the two
 * from announcing it again. An owner without an enabled user is not notified; the marker is set all the same.
 */
@Singleton
public class CoachingFollowUp {

    /** What a run did: goals closed (outcome stored), and notifications made. */
    public record Result(int goalsClosed, int notifications) {
    }

    /** The authority the job reads the agents' figures with. */
    static final Viewer SYSTEM = new Viewer("coaching-follow-up", Role.ADMIN, null);

    private final CoachingRepositories.Actions actions;
    private final CoachingRepositories.Sessions sessions;
    private final AgentRepository agents;
    private final UserRepository users;
    private final Notifications notifications;
    private final GoalProgress progress;
    private final ScoringSettingsService settings;
    private final Messages messages;
    private final Clock clock;

    CoachingFollowUp(CoachingRepositories.Actions actions, CoachingRepositories.Sessions sessions, AgentRepository agents,
                     UserRepository users, Notifications notifications, GoalProgress progress, ScoringSettingsService settings,
                     Messages messages, Clock clock) {
        this.actions = actions;
        this.sessions = sessions;
        this.agents = agents;
        this.users = users;
        this.notifications = notifications;
        this.progress = progress;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    public Result run() {
        LocalDate today = LocalDate.now(clock.withZone(settings.current().settings().orgZone()));
        List<CoachingAction> overdue = actions.findByDoneAtIsNullAndGoalFigureIsNullAndOverdueNotifiedAtIsNullAndDueOnLessThan(today);
        List<CoachingAction> goals = actions.findByGoalFigureIsNotNullAndGoalNotifiedAtIsNullAndDueOnLessThan(today);
        if (overdue.isEmpty() && goals.isEmpty()) {
            return new Result(0, 0);
        }
        Map<Long, CoachingSession> sessionOf = sessions.findByIdIn(
                        java.util.stream.Stream.concat(overdue.stream(), goals.stream()).map(CoachingAction::sessionId).distinct().toList())
                .stream().collect(Collectors.toMap(CoachingSession::id, Function.identity()));
        Map<Long, Agent> agentOf = new HashMap<>();
        int made = 0;
        int closed = 0;
        for (CoachingAction a : overdue) {
            CoachingSession s = sessionOf.get(a.sessionId());
            Agent agent = agentOf.computeIfAbsent(s.agentId(), id -> agents.findById(id).orElseThrow());
            boolean own = a.owner().equals(CoachingAction.AGENT);
            Optional<User> owner = (own ? users.findByEmployeeNo(agent.employeeNo()) : users.findByUsername(s.createdBy()))
                    .filter(User::enabled);
            if (owner.isPresent() && notifications.notify(owner.get().username(), own ? "coaching.overdue" : "coaching.overdue.supervisor",
                    "coaching.overdue:" + a.id(), link(s), List.of(a.dueOn().toString(), a.text(), agent.name()))) {
                made++;
            }
            actions.markOverdueNotified(a.id(), now());
        }
        for (CoachingAction a : goals) {
            CoachingSession s = sessionOf.get(a.sessionId());
            Agent agent = agentOf.computeIfAbsent(s.agentId(), id -> agents.findById(id).orElseThrow());
            long successes;
            long n;
            String outcome;
            if (a.goalClosedAt() == null) {
                Gaps.Counted c = progress.count(SYSTEM, agent.employeeNo(), a, s.heldOn(), a.dueOn());
                successes = c.successes();
                n = c.n();
                outcome = Goals.outcome(successes, n, a.goalTarget());
                if (actions.closeGoal(a.id(), outcome, successes, n, now()) == 1) {
                    closed++;
                } else {
                    // closed meanwhile: tell what was stored
                    CoachingAction stored = actions.findById(a.id()).orElseThrow();
                    successes = stored.goalSuccesses();
                    n = stored.goalN();
                    outcome = stored.goalOutcome();
                }
            } else {
                successes = a.goalSuccesses();
                n = a.goalN();
                outcome = a.goalOutcome();
            }
            Optional<User> user = users.findByEmployeeNo(agent.employeeNo()).filter(User::enabled);
            String kind = Goals.MET.equals(outcome) ? "coaching.goalMet" : n == 0 ? "coaching.goalNoData" : "coaching.goalMissed";
            BigDecimal value = Rounding.percent(successes, n);
            if (user.isPresent() && notifications.notify(user.get().username(), kind, "coaching.goal:" + a.id(), link(s),
                    List.of(label(a), value == null ? "—" : value.toPlainString(), a.goalTarget().toPlainString(),
                            s.heldOn().toString(), a.dueOn().toString()))) {
                made++;
            }
            actions.markGoalNotified(a.id(), now());
        }
        return new Result(closed, made);
    }

    /** The goal's figure and slice in both languages, e.g. "CSAT · Return and refund". */
    private Map<String, String> label(CoachingAction a) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Locale l : Messages.SUPPORTED) {
            String figure = messages.get(l, "addresses.figure." + a.goalFigure());
            String slice = a.goalSlice() == null ? null
                    : messages.get(l, ("channel".equals(a.goalSliceKind()) ? "channel." : "category.") + a.goalSlice());
            texts.put(Messages.tag(l), slice == null ? figure : figure + " · " + slice);
        }
        return texts;
    }

    private static String link(CoachingSession s) {
        return "/coaching/" + s.id();
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }
}
