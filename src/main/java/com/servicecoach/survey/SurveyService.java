package com.servicecoach.survey;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.scoring.Gaps;
import com.servicecoach.scoring.SurveyFigures;
import com.servicecoach.scoring.SurveyTally;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.ForbiddenException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Survey figures of agents, teams and the organisation for a period (computed by {@link SurveyFigures} from the
 * score counts the database adds up), the remarks, and the agent-driven dimensions as gap figures. Read with the
 * caller's authority: an agent sees their own, a supervisor their teams', HR and administrators everyone.
 */
@Singleton
public class SurveyService {

    /** The figure name of a survey dimension in gaps and module.yml {@code addresses}: {@code survey:<code>}. */
    public static final String FIGURE_PREFIX = "survey:";

    /** The figures of a scope: all its agents together, and each agent and team. */
    public record Scoped(SurveyFigures total, Map<Long, SurveyFigures> byAgent, Map<Long, SurveyFigures> byTeam) {
    }

    private final SurveyStore store;
    private final SurveyDefinitions definitions;
    private final AgentService agents;
    private final AgentRepository agentRepository;
    private final ScoringSettingsService settings;
    private final SurveyRollups rollups;

    SurveyService(SurveyStore store, SurveyDefinitions definitions, AgentService agents, AgentRepository agentRepository,
                  ScoringSettingsService settings, SurveyRollups rollups) {
        this.rollups = rollups;
        this.store = store;
        this.definitions = definitions;
        this.agents = agents;
        this.agentRepository = agentRepository;
        this.settings = settings;
    }

    public SurveyDefinitions.Current definition() {
        return definitions.current();
    }

    /** One agent's figures, for whoever may see the agent (404 otherwise). */
    public SurveyFigures agent(Viewer viewer, String employeeNo, LocalDate from, LocalDate to) {
        Agent agent = agents.visibleAgent(viewer, employeeNo);
        return ofAgents(List.of(agent.id()), from, to).byAgent().get(agent.id());
    }

    /** A team's figures, for whoever may see the team (404 otherwise). */
    public SurveyFigures team(Viewer viewer, String teamName, LocalDate from, LocalDate to) {
        Team team = agents.visibleTeam(viewer, teamName);
        List<Long> ids = agentRepository.findByTeamIdInOrderByEmployeeNo(List.of(team.id())).stream().map(Agent::id).toList();
        return ofAgents(ids, from, to).total();
    }

    /**
     * The figures of the agents the viewer may see (of one team when {@code teamName} is given), each agent's and
     * each team's. Agents see only their own: they get 403 here, as for team scorecards.
     */
    public Scoped scope(Viewer viewer, @Nullable String teamName, LocalDate from, LocalDate to) {
        if (viewer.isAgent()) {
            throw new ForbiddenException("Agents see their own survey figures on their scorecard");
        }
        List<Agent> list;
        if (teamName != null) {
            Team team = agents.visibleTeam(viewer, teamName);
            list = agentRepository.findByTeamIdInOrderByEmployeeNo(List.of(team.id()));
        } else {
            list = agents.visibleAgents(viewer);
        }
        return ofAgentList(list, from, to);
    }

    /** The figures of these agents (ids), each and together; no authority is checked (callers have). */
    public Scoped ofAgents(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        Map<Long, Long> teamOf = new HashMap<>();
        if (agentIds.isEmpty()) {
            return figures(agentIds, teamOf, from, to);
        }
        agentRepository.findByIdIn(agentIds).forEach(a -> teamOf.put(a.id(), a.teamId()));
        return figures(agentIds, teamOf, from, to);
    }

    private Scoped ofAgentList(List<Agent> list, LocalDate from, LocalDate to) {
        Map<Long, Long> teamOf = new HashMap<>();
        list.forEach(a -> teamOf.put(a.id(), a.teamId()));
        return figures(teamOf.keySet(), teamOf, from, to);
    }

    private Scoped figures(Collection<Long> agentIds, Map<Long, Long> teamOf, LocalDate from, LocalDate to) {
        List<SurveyFigures.Dimension> dims = definitions.current().definition().figureDimensions();
        if (agentIds.isEmpty()) {
            return new Scoped(new SurveyTally().figures(dims, null, null), Map.of(), Map.of());
        }
        Map<Long, SurveyTally> byAgent = collect(agentIds, from, to);
        Map<Long, SurveyTally> byTeam = new HashMap<>();
        SurveyTally total = new SurveyTally();
        Map<Long, SurveyFigures> agentFigures = new HashMap<>();
        for (Long id : agentIds) {
            SurveyTally t = byAgent.getOrDefault(id, new SurveyTally());
            agentFigures.put(id, t.figures(dims, null, null));
            Long team = teamOf.get(id);
            if (team != null) {
                byTeam.computeIfAbsent(team, k -> new SurveyTally()).addAll(t);
            }
            total.addAll(t);
        }
        Map<Long, SurveyFigures> teamFigures = new HashMap<>();
        for (Long team : new java.util.HashSet<>(teamOf.values())) {
            teamFigures.put(team, byTeam.getOrDefault(team, new SurveyTally()).figures(dims, null, null));
        }
        return new Scoped(total.figures(dims, null, null), agentFigures, teamFigures);
    }

    /**
     * Each agent's survey counts for the period: from the stored days when they are current, else counted by the
     * database from the survey tables (the same counts, per channel and category).
     */
    Map<Long, SurveyTally> collect(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        Map<Long, SurveyTally> out = new HashMap<>();
        if (rollups.current()) {
            store.days(agentIds, from, to, (agent, day, tally) -> out.computeIfAbsent(agent, k -> new SurveyTally()).addAll(tally));
            return out;
        }
        return collectFromTables(agentIds, from, to);
    }

    /** Each agent's survey counts for the period, counted by the database from the survey tables. */
    Map<Long, SurveyTally> collectFromTables(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        Map<Long, SurveyTally> out = new HashMap<>();
        Instant[] range = range(from, to);
        store.counts(agentIds, range[0], range[1], (agent, channel, category, dimension, score, count) -> {
            if (score >= 1 && score <= 10) {
                out.computeIfAbsent(agent, k -> new SurveyTally()).addScores(channel, category, dimension, score, count);
            }
        });
        store.rates(agentIds, range[0], range[1], (agent, channel, category, sent, returned, complete) ->
                out.computeIfAbsent(agent, k -> new SurveyTally()).addRates(channel, category, sent, returned, complete));
        return out;
    }

    /**
     * The agent-driven dimensions of these agents as gap figures: overall, and on each single channel and single
     * category (metrics.md "Gaps": a survey dimension's satisfied % = answers of 7+ / its answers).
     */
    public Map<Long, List<Gaps.Counted>> gapFigures(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        SurveyDefinition def = definitions.current().definition();
        Map<Long, List<Gaps.Counted>> out = new HashMap<>();
        if (agentIds.isEmpty()) {
            return out;
        }
        collect(agentIds, from, to).forEach((agent, tally) -> {
            List<Gaps.Counted> list = new ArrayList<>();
            java.util.Set<String> channels = new java.util.TreeSet<>();
            java.util.Set<String> categories = new java.util.TreeSet<>();
            tally.slices().forEach(s -> {
                channels.add(s[0]);
                categories.add(s[1]);
            });
            counted(list, def, tally.scores(null, null), null, null);
            channels.forEach(c -> counted(list, def, tally.scores(c, null), "channel", c));
            categories.forEach(c -> counted(list, def, tally.scores(null, c), "category", c));
            out.put(agent, list);
        });
        return out;
    }

    /** The agent-driven dimensions of some score counts as gap figures of one slice. */
    private static void counted(List<Gaps.Counted> out, SurveyDefinition def, Map<String, long[]> scores, String kind, String slice) {
        for (SurveyDefinition.Dimension d : def.dimensions()) {
            long[] c = scores.get(d.code());
            if (!d.agentDriven() || c == null) {
                continue;
            }
            long answers = 0;
            for (int i = 1; i <= 10; i++) {
                answers += c[i];
            }
            if (answers > 0) {
                out.add(new Gaps.Counted(FIGURE_PREFIX + d.code(), kind, slice, c[7] + c[8] + c[9] + c[10], answers, d.target()));
            }
        }
    }

    /**
     * Per agent, the daily counts of a survey dimension's satisfied % (answers of 7+ of its answers) over first..last,
     * overall or on one channel or one category: what training impact reads for a module addressing the dimension.
     */
    public Map<Long, com.servicecoach.scoring.DailyRates> dailyRates(String dimension, @Nullable String channel,
                                                                     @Nullable String category, Collection<Long> agentIds,
                                                                     LocalDate first, LocalDate last) {
        ZoneId zone = settings.current().settings().orgZone();
        java.util.Set<Long> known = new java.util.HashSet<>(agentIds);
        Map<Long, com.servicecoach.scoring.DailyRates> out = new HashMap<>();
        if (!agentIds.isEmpty() && rollups.current()) {
            store.days(agentIds, first, last, (agent, day, tally) -> {
                long[] c = tally.scores(channel, category).get(dimension);
                if (c != null) {
                    long answers = 0;
                    for (int i = 1; i <= 10; i++) {
                        answers += c[i];
                    }
                    out.computeIfAbsent(agent, a -> new com.servicecoach.scoring.DailyRates(first, last))
                            .add(day, (int) (c[7] + c[8] + c[9] + c[10]), (int) answers);
                }
            });
            return out;
        }
        store.forEachAnswer(dimension, first.atStartOfDay(zone).toInstant(), last.plusDays(1).atStartOfDay(zone).toInstant(),
                (agent, created, ch, cat, score) -> {
                    if (!known.contains(agent) || channel != null && !channel.equals(ch) || category != null && !category.equals(cat)) {
                        return;
                    }
                    out.computeIfAbsent(agent, a -> new com.servicecoach.scoring.DailyRates(first, last))
                            .add(LocalDate.ofInstant(created, zone), score >= 7 ? 1 : 0, 1);
                });
        return out;
    }

    /** The responses {@code find} asks for of the viewer's agents (of one agent when given) in the period, newest first. */
    public List<SurveyStore.Remark> remarks(Viewer viewer, @Nullable String employeeNo, @Nullable String team, LocalDate from,
                                            LocalDate to, SurveyStore.Find find, long offset, int limit) {
        Instant[] r = range(from, to);
        return store.remarks(scopeIds(viewer, employeeNo, team), r[0], r[1], normal(find), offset, limit);
    }

    public long countRemarks(Viewer viewer, @Nullable String employeeNo, @Nullable String team, LocalDate from, LocalDate to,
                             SurveyStore.Find find) {
        Instant[] r = range(from, to);
        return store.countRemarks(scopeIds(viewer, employeeNo, team), r[0], r[1], normal(find));
    }

    private static SurveyStore.Find normal(SurveyStore.Find f) {
        return new SurveyStore.Find(blank(f.q()), blank(f.dimension()), blank(f.channel()), blank(f.category()));
    }

    /** The agent ids a viewer may read (one agent's when given), or null for all agents (administrators and HR). */
    @Nullable
    Collection<Long> scopeIds(Viewer viewer, @Nullable String employeeNo) {
        return scopeIds(viewer, employeeNo, null);
    }

    /** As {@link #scopeIds(Viewer, String)}, narrowed to one team's agents when {@code team} is given (404 if not visible). */
    @Nullable
    Collection<Long> scopeIds(Viewer viewer, @Nullable String employeeNo, @Nullable String team) {
        if (employeeNo != null && !employeeNo.isBlank()) {
            return List.of(agents.visibleAgent(viewer, employeeNo).id());
        }
        if (team != null && !team.isBlank()) {
            Team t = agents.visibleTeam(viewer, team.strip());
            return agentRepository.findByTeamIdInOrderByEmployeeNo(List.of(t.id())).stream().map(Agent::id).toList();
        }
        if (viewer.readsAllTeams()) {
            return null;
        }
        return agents.visibleAgents(viewer).stream().map(Agent::id).toList();
    }

    /** The UTC bounds [from 00:00, the day after to 00:00) of inclusive dates in the organization's zone. */
    Instant[] range(LocalDate from, LocalDate to) {
        ZoneId zone = settings.current().settings().orgZone();
        return new Instant[]{from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant()};
    }

    @Nullable
    private static String blank(@Nullable String q) {
        return q == null || q.isBlank() ? null : q.strip();
    }
}
