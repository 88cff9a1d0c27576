package com.servicecoach.coaching;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.ForbiddenException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Coaching activity (issue 11) for a period from..to (the organization's calendar days) and some agents: the
 * sessions held (held on a day of the period), the actions done (marked done during the period) and the actions
 * overdue (still open, due before today and on or before the period's last day). Counted by the database in one
 * aggregate query ({@link CoachingActivityStore}), so that a report of every agent holds a few numbers per agent.
 * Also the sessions whose actions are overdue now, for the supervisors' "needs attention" list.
 */
@Singleton
public class CoachingActivity {

    /** An agent's (or a team's, or everyone's) coaching in a period. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Counts(int sessionsHeld, int actionsDone, int actionsOverdue) {

        public static final Counts NONE = new Counts(0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(sessionsHeld + o.sessionsHeld, actionsDone + o.actionsDone, actionsOverdue + o.actionsOverdue);
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AgentActivity(String employeeNo, String name, String status, int sessionsHeld, int actionsDone,
                                int actionsOverdue) {
    }

    /** A team's coaching: its agents' counts added up, and each agent's (by employee number). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TeamActivity(String team, @Nullable String supervisor, int sessionsHeld, int actionsDone, int actionsOverdue,
                               List<AgentActivity> agents) {
    }

    /** {@code GET /api/coaching/activity}: the period and its teams' activity, and all of them together. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Activity(LocalDate from, LocalDate to, List<TeamActivity> teams, Counts total) {
    }

    /** A coaching session of an agent with actions overdue now: how many, and the oldest due date. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record OverdueSession(long id, String link, LocalDate heldOn, String focus, int overdueActions, LocalDate oldestDue) {
    }

    private final CoachingActivityStore store;
    private final AgentService agentService;
    private final AgentRepository agents;
    private final ScoringSettingsService settings;
    private final Clock clock;

    CoachingActivity(CoachingActivityStore store, AgentService agentService, AgentRepository agents,
                     ScoringSettingsService settings, Clock clock) {
        this.store = store;
        this.agentService = agentService;
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The counts of these agents (by agent id; every one of them present, {@link Counts#NONE} without coaching)
     * for the period, overdue as of now: still open, due before today and on or before {@code to}. The caller has
     * settled who may see them (a team page's team).
     */
    public Map<Long, Counts> of(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        ZoneId zone = settings.current().settings().orgZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate dayAfter = to.plusDays(1);
        return count(agentIds, from, to, null, today.isBefore(dayAfter) ? today : dayAfter);
    }

    /**
     * The counts as they stood at an instant (a report's: the end of its period, or now while it runs), so that a
     * past period's figures do not change when an action is done later: actions overdue are those open at
     * {@code asOf} and due before {@code asOfDay}, its day in the organization's zone (the rule of the report's
     * training compliance: overdue once the due date has passed).
     */
    public Map<Long, Counts> asOf(Collection<Long> agentIds, LocalDate from, LocalDate to, java.time.Instant asOf, LocalDate asOfDay) {
        // while the period runs the instant is now: open then means not done at all
        boolean running = asOf.isBefore(to.plusDays(1).atStartOfDay(settings.current().settings().orgZone()).toInstant());
        return count(agentIds, from, to, running ? null : LocalDateTime.ofInstant(asOf, ZoneOffset.UTC), asOfDay);
    }

    /** The counts, overdue meaning open at {@code openAt} (null: not done at all) and due before {@code overdueBefore}. */
    private Map<Long, Counts> count(Collection<Long> agentIds, LocalDate from, LocalDate to, @Nullable LocalDateTime openAt,
                                    LocalDate overdueBefore) {
        ZoneId zone = settings.current().settings().orgZone();
        LocalDateTime doneFrom = LocalDateTime.ofInstant(from.atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
        LocalDateTime doneBefore = LocalDateTime.ofInstant(to.plusDays(1).atStartOfDay(zone).toInstant(), ZoneOffset.UTC);
        Map<Long, CoachingActivityStore.Row> rows = store.activity(agentIds, from, to, doneFrom, doneBefore, openAt, overdueBefore);
        Map<Long, Counts> out = new HashMap<>();
        for (Long id : agentIds) {
            CoachingActivityStore.Row r = rows.get(id);
            out.put(id, r == null ? Counts.NONE : new Counts(r.sessionsHeld(), r.actionsDone(), r.actionsOverdue()));
        }
        return out;
    }

    /**
     * The activity of the teams the viewer may see ({@code team} blank) or of one team, each with its agents who
     * have not left and those who left but had coaching counted in the period. Agents see no teams (403); a team
     * the viewer may not see is 404.
     */
    public Activity teams(Viewer viewer, @Nullable String team, LocalDate from, LocalDate to) {
        if (viewer.isAgent()) {
            throw new ForbiddenException("Agents do not see their team's coaching");
        }
        List<Team> teams = team == null || team.isBlank() ? agentService.visibleTeams(viewer)
                : List.of(agentService.visibleTeam(viewer, team.strip()));
        List<Agent> members = teams.isEmpty() ? List.of()
                : agents.findByTeamIdInOrderByEmployeeNo(teams.stream().map(Team::id).toList());
        Map<Long, Counts> counts = of(members.stream().map(Agent::id).toList(), from, to);
        List<TeamActivity> out = new ArrayList<>();
        Counts total = Counts.NONE;
        for (Team t : teams) {
            List<AgentActivity> rows = new ArrayList<>();
            Counts sum = Counts.NONE;
            for (Agent a : members) {
                Counts c = counts.get(a.id());
                if (!a.teamId().equals(t.id()) || "left".equals(a.status()) && c.equals(Counts.NONE)) {
                    continue;
                }
                rows.add(new AgentActivity(a.employeeNo(), a.name(), a.status(), c.sessionsHeld(), c.actionsDone(), c.actionsOverdue()));
                sum = sum.plus(c);
            }
            out.add(new TeamActivity(t.name(), t.supervisor(), sum.sessionsHeld(), sum.actionsDone(), sum.actionsOverdue(), rows));
            total = total.plus(sum);
        }
        return new Activity(from, to, out, total);
    }

    /**
     * The sessions of the agents the viewer may see that hold actions still open past their due date (today in the
     * organization's zone), by agent id, oldest due first.
     */
    public Map<Long, List<OverdueSession>> overdueSessions(Viewer viewer) {
        List<Long> ids = agentService.visibleAgents(viewer).stream().map(Agent::id).toList();
        LocalDate today = LocalDate.now(clock.withZone(settings.current().settings().orgZone()));
        Map<Long, List<OverdueSession>> out = new HashMap<>();
        for (CoachingActivityStore.OverdueRow r : store.overdue(ids, today)) {
            out.computeIfAbsent(r.agentId(), k -> new ArrayList<>()).add(new OverdueSession(r.sessionId(), "/coaching/" + r.sessionId(),
                    r.heldOn(), r.focus(), r.overdue(), r.oldestDue()));
        }
        return out;
    }
}
