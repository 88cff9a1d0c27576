package com.servicecoach.scorecard;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.interaction.Rollups;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.OwnerFigures;
import com.servicecoach.scoring.Priority;
import com.servicecoach.scoring.KnowledgeSource;
import com.servicecoach.scoring.QualitySource;
import com.servicecoach.scoring.Scorecard;
import com.servicecoach.scoring.ScorecardCalculator;
import com.servicecoach.scoring.ScorecardFigures;
import com.servicecoach.scoring.Tally;
import com.servicecoach.settings.ScoringSettingsService;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scorecards of an agent or a team for a period: the period's interactions (created_at as a date in the
 * organization's zone within from..to) read from the database and computed by {@link ScorecardCalculator} with
 * the settings in force, evaluated at the end of the period or now if earlier. Access as api.md says: an agent
 * sees only their own scorecard (others are 404), a supervisor those of the teams they lead, HR and
 * administrators all; agents do not see team scorecards (403).
 */
@Singleton
public class ScorecardService {

    /** A computed scorecard with the settings it used. */
    public record Result(ScorecardFigures figures, Scorecard scorecard, ScoringSettingsService.Current settings) {
        /** The scorecard as it leaves the application: naming the settings it was computed with. */
        public Scorecard json() {
            return scorecard.withSettings(settings.version(), settings.hash());
        }
    }

    /** One week of the trend chart (clipped to the period). */
    public record Week(LocalDate from, LocalDate to, Scorecard scorecard) {
    }

    /** The scorecard of one part of the period's interactions (a channel, a category or a priority). */
    public record Part(String code, Scorecard scorecard) {
    }

    /**
     * What the agent page shows besides the scorecard: the parts by channel, category and priority (each with its
     * own targets, metrics.md "Targets per case type") and the handovers and reopened contacts ("Owners").
     */
    public record AgentDetail(Agent agent, Team team, Result result, List<Week> weeks, List<Part> byChannel,
                              List<Part> byCategory, List<Part> byPriority, OwnerFigures owners) {
    }

    /** One agent in a team's ranking; {@code rank} null when not ranked (insufficient ratings or no composite). */
    public record RankRow(Agent agent, Integer rank, ScorecardFigures figures, Scorecard scorecard, OwnerFigures owners) {

        /** A row without handovers or reopened contacts. */
        public RankRow(Agent agent, Integer rank, ScorecardFigures figures, Scorecard scorecard) {
            this(agent, rank, figures, scorecard, OwnerFigures.of(new Tally()));
        }
    }

    /** What the team page shows. */
    public record TeamDetail(Team team, Result result, List<RankRow> ranking, List<Week> weeks, List<Part> byChannel,
                             List<Part> byCategory, List<Part> byPriority, OwnerFigures owners, Collected tallies) {
    }

    private final AgentService agents;
    private final AgentRepository agentRepository;
    private final TeamRepository teams;
    private final Rollups rollups;
    private final ScoringSettingsService settings;
    private final KnowledgeSource knowledge;
    private final QualitySource quality;
    private final Clock clock;

    ScorecardService(AgentService agents, AgentRepository agentRepository, TeamRepository teams,
                     Rollups rollups, ScoringSettingsService settings, KnowledgeSource knowledge, QualitySource quality, Clock clock) {
        this.quality = quality;
        this.rollups = rollups;
        this.agents = agents;
        this.agentRepository = agentRepository;
        this.teams = teams;
        this.settings = settings;
        this.knowledge = knowledge;
        this.clock = clock;
    }

    public Result agent(Viewer viewer, String employeeNo, LocalDate from, LocalDate to) {
        Agent agent = agents.visibleAgent(viewer, employeeNo);
        ScoringSettingsService.Current current = settings.current();
        Collected c = collect(List.of(agent.id()), from, to, current, false, false);
        return result(c.total(), from, to, current, knowledge.agentPercent(agent.employeeNo(), from, to),
                qualityTogether(List.of(agent.id()), from, to, current));
    }

    /**
     * The agent's scorecard for the period (without knowledge) of all their interactions ({@code sliceKind} null),
     * or of one channel ({@code "channel"}) or one category ({@code "category"}) only: what a coaching goal on a
     * figure is judged on. Read like {@link #agent}.
     */
    public Scorecard agentPart(Viewer viewer, String employeeNo, LocalDate from, LocalDate to,
                               @io.micronaut.core.annotation.Nullable String sliceKind,
                               @io.micronaut.core.annotation.Nullable String slice) {
        Agent agent = agents.visibleAgent(viewer, employeeNo);
        ScoringSettingsService.Current current = settings.current();
        Instant now = clock.instant();
        Tally total = collect(List.of(agent.id()), from, to, current, false, false).total();
        if ("category".equals(sliceKind)) {
            Category category = Category.fromCode(slice).orElseThrow(() -> new IllegalArgumentException("no category " + slice));
            return ScorecardCalculator.compute(total.category(category), from, to, current.settings(), null, now);
        }
        if ("channel".equals(sliceKind)) {
            Channel channel = Channel.fromCode(slice).orElseThrow(() -> new IllegalArgumentException("no channel " + slice));
            return ScorecardCalculator.compute(total.channel(channel), from, to, current.settings(), null, now);
        }
        return ScorecardCalculator.compute(total, from, to, current.settings(), null, now);
    }

    /**
     * The scorecard of the team an agent belongs to, for whoever may see the agent (the agent included): the
     * context an agent's figures are read in. It tells no individual's figures.
     */
    public Scorecard teamOfAgent(Viewer viewer, String employeeNo, LocalDate from, LocalDate to) {
        Agent agent = agents.visibleAgent(viewer, employeeNo);
        Team team = teams.findById(agent.teamId()).orElseThrow();
        ScoringSettingsService.Current current = settings.current();
        List<Agent> members = agentRepository.findByTeamIdInOrderByEmployeeNo(List.of(team.id()));
        List<Long> ids = members.stream().map(Agent::id).toList();
        Collected c = collect(ids, from, to, current, false, false);
        return result(c.total(), from, to, current, knowledge.teamPercent(team.name(), from, to),
                qualityTogether(ids, from, to, current)).scorecard();
    }

    public Result team(Viewer viewer, String teamName, LocalDate from, LocalDate to) {
        return teamWithTally(viewer, teamName, from, to).result();
    }

    /** A team's scorecard with the tally it came from (so that reports can add teams up without reading again). */
    public record TeamResult(Result result, Tally tally) {
    }

    public TeamResult teamWithTally(Viewer viewer, String teamName, LocalDate from, LocalDate to) {
        Team team = agents.visibleTeam(viewer, teamName);
        ScoringSettingsService.Current current = settings.current();
        List<Agent> members = agentRepository.findByTeamIdInOrderByEmployeeNo(List.of(team.id()));
        List<Long> ids = members.stream().map(Agent::id).toList();
        Collected c = collect(ids, from, to, current, false, false);
        return new TeamResult(result(c.total(), from, to, current, knowledge.teamPercent(team.name(), from, to),
                qualityTogether(ids, from, to, current)), c.total());
    }

    public AgentDetail agentDetail(Viewer viewer, String employeeNo, LocalDate from, LocalDate to) {
        Agent agent = agents.visibleAgent(viewer, employeeNo);
        Team team = teams.findById(agent.teamId()).orElseThrow();
        ScoringSettingsService.Current current = settings.current();
        Collected c = collect(List.of(agent.id()), from, to, current, false, true);
        Result result = result(c.total(), from, to, current, knowledge.agentPercent(agent.employeeNo(), from, to),
                qualityTogether(List.of(agent.id()), from, to, current));
        return new AgentDetail(agent, team, result, weeks(c, from, to, current), byChannel(c.total(), from, to, current),
                byCategory(c.total(), from, to, current), byPriority(c.total(), from, to, current), OwnerFigures.of(c.total()));
    }

    /**
     * {@link #agentDetail} for several agents at once, in their order, without the weekly trend ({@code weeks}
     * empty): their days read in one pass and their knowledge % in one query. Each agent must be one the viewer
     * may see (else 404, as {@link #agentDetail}).
     */
    public List<AgentDetail> agentDetails(Viewer viewer, List<Agent> list, LocalDate from, LocalDate to) {
        if (list.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> visible = new java.util.HashSet<>();
        agents.visibleAgents(viewer).forEach(a -> visible.add(a.id()));
        for (Agent a : list) {
            if (!visible.contains(a.id())) {
                throw new com.servicecoach.web.NotFoundException("No agent " + a.employeeNo());
            }
        }
        Map<Long, Team> teamById = new HashMap<>();
        teams.findAllOrderByName().forEach(t -> teamById.put(t.id(), t));
        ScoringSettingsService.Current current = settings.current();
        List<Long> ids = list.stream().map(Agent::id).toList();
        Collected c = collect(ids, from, to, current, true, false);
        Map<String, BigDecimal> knowledgeOf = knowledge.agentPercents(list.stream().map(Agent::employeeNo).toList(), from, to);
        Map<Long, BigDecimal> qualityOf = qualityOf(ids, from, to, current);
        List<AgentDetail> out = new ArrayList<>(list.size());
        for (Agent a : list) {
            Tally tally = c.byAgent().getOrDefault(a.id(), new Tally());
            out.add(new AgentDetail(a, teamById.get(a.teamId()), result(tally, from, to, current, knowledgeOf.get(a.employeeNo()),
                    qualityOf.get(a.id())),
                    List.of(), byChannel(tally, from, to, current), byCategory(tally, from, to, current),
                    byPriority(tally, from, to, current), OwnerFigures.of(tally)));
        }
        return out;
    }

    public TeamDetail teamDetail(Viewer viewer, String teamName, LocalDate from, LocalDate to) {
        return teamDetail(viewer, teamName, from, to, true);
    }

    /** {@link #teamDetail}, without the parts by category and priority when {@code parts} is false (reports). */
    public TeamDetail teamDetail(Viewer viewer, String teamName, LocalDate from, LocalDate to, boolean parts) {
        Team team = agents.visibleTeam(viewer, teamName);
        ScoringSettingsService.Current current = settings.current();
        List<Agent> members = agentRepository.findByTeamIdInOrderByEmployeeNo(List.of(team.id()));
        List<Long> ids = members.stream().map(Agent::id).toList();
        Collected c = collect(ids, from, to, current, true, true);
        Result result = result(c.total(), from, to, current, knowledge.teamPercent(team.name(), from, to),
                qualityTogether(ids, from, to, current));
        return new TeamDetail(team, result, ranking(members, c, from, to, current), weeks(c, from, to, current), byChannel(c.total(), from, to, current),
                parts ? byCategory(c.total(), from, to, current) : List.of(), parts ? byPriority(c.total(), from, to, current) : List.of(),
                OwnerFigures.of(c.total()), new Collected(c.total(), Map.of(), c.byWeek()));
    }

    /** A team at a glance: its scorecard and its agents' rows (ranked), without the weekly and channel parts. */
    public record TeamOverview(Team team, Scorecard scorecard, List<RankRow> ranking) {
    }

    public TeamOverview teamOverview(Viewer viewer, String teamName, LocalDate from, LocalDate to) {
        Team team = agents.visibleTeam(viewer, teamName);
        ScoringSettingsService.Current current = settings.current();
        List<Agent> members = agentRepository.findByTeamIdInOrderByEmployeeNo(List.of(team.id()));
        List<Long> ids = members.stream().map(Agent::id).toList();
        Collected c = collect(ids, from, to, current, true, false);
        Scorecard card = result(c.total(), from, to, current, knowledge.teamPercent(team.name(), from, to),
                qualityTogether(ids, from, to, current)).scorecard();
        return new TeamOverview(team, card, ranking(members, c, from, to, current));
    }

    /** The members' figures from their collected tallies, ranked ({@link #rank}). */
    private List<RankRow> ranking(List<Agent> members, Collected c, LocalDate from, LocalDate to,
                                  ScoringSettingsService.Current current) {
        Instant now = clock.instant();
        Map<String, BigDecimal> knowledgeOf = knowledge.agentPercents(members.stream().map(Agent::employeeNo).toList(), from, to);
        Map<Long, BigDecimal> qualityOf = qualityOf(members.stream().map(Agent::id).toList(), from, to, current);
        List<RankRow> unranked = new ArrayList<>();
        for (Agent a : members) {
            Tally tally = c.byAgent().getOrDefault(a.id(), new Tally());
            ScorecardFigures f = ScorecardCalculator.figures(tally, from, to, current.settings(), knowledgeOf.get(a.employeeNo()),
                    qualityOf.get(a.id()), now);
            unranked.add(new RankRow(a, null, f, f.rounded(), OwnerFigures.of(tally)));
        }
        return rank(unranked);
    }

    /**
     * Ranks by the unrounded composite, highest first (equal scores share a rank: 1, 2, 2, 4); agents with
     * insufficient ratings or without a composite are listed after the ranked ones, unranked.
     */
    public static List<RankRow> rank(List<RankRow> rows) {
        List<RankRow> ranked = new ArrayList<>();
        List<RankRow> others = new ArrayList<>();
        for (RankRow r : rows) {
            if (!r.figures().insufficientRatings() && r.figures().composite().score() != null) {
                ranked.add(r);
            } else {
                others.add(r);
            }
        }
        ranked.sort(Comparator.comparing((RankRow r) -> r.figures().composite().score()).reversed()
                .thenComparing(r -> r.agent().employeeNo()));
        List<RankRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < ranked.size(); i++) {
            RankRow r = ranked.get(i);
            int rank = i + 1;
            if (i > 0 && ranked.get(i - 1).figures().composite().score().compareTo(r.figures().composite().score()) == 0) {
                rank = out.get(i - 1).rank();
            }
            out.add(new RankRow(r.agent(), rank, r.figures(), r.scorecard(), r.owners()));
        }
        others.sort(Comparator.comparing(r -> r.agent().employeeNo()));
        out.addAll(others);
        return out;
    }

    /** A period's tallies of some agents: all together, and by agent and by week (Monday) when asked for. */
    public record Collected(Tally total, Map<Long, Tally> byAgent, TreeMap<LocalDate, Tally> byWeek) {
    }

    /**
     * Reads the agents' days of the period once (stored rollups when current, else the rows) and merges them.
     * When days are merged per agent or per week anyway, the total is made from those sums afterwards: the same
     * multiset, but each distinct duration reaches the large total once per agent or week instead of once per day
     * (the year's all-teams report spent most of its time on those merges).
     */
    Collected collect(List<Long> agentIds, LocalDate from, LocalDate to, ScoringSettingsService.Current current,
                      boolean perAgent, boolean perWeek) {
        Collected c = new Collected(new Tally(), new HashMap<>(), new TreeMap<>());
        rollups.read(agentIds, from, to, current, (agentId, day, tally) -> {
            if (!perAgent && !perWeek) {
                c.total().addAll(tally);
            }
            if (perAgent) {
                c.byAgent().computeIfAbsent(agentId, k -> new Tally()).addAll(tally);
            }
            if (perWeek) {
                c.byWeek().computeIfAbsent(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), k -> new Tally()).addAll(tally);
            }
        });
        if (perAgent) {
            c.byAgent().values().forEach(c.total()::addAll);
        } else if (perWeek) {
            c.byWeek().values().forEach(c.total()::addAll);
        }
        return c;
    }

    private Result result(Tally tally, LocalDate from, LocalDate to, ScoringSettingsService.Current current,
                          BigDecimal knowledgePercent, BigDecimal qualityPercent) {
        ScorecardFigures figures = ScorecardCalculator.figures(tally, from, to, current.settings(), knowledgePercent, qualityPercent,
                clock.instant());
        return new Result(figures, figures.rounded(), current);
    }

    /** Each agent's QA score % for the composite, read only while quality has a weight (else none). */
    private Map<Long, BigDecimal> qualityOf(List<Long> ids, LocalDate from, LocalDate to, ScoringSettingsService.Current current) {
        return current.settings().weights().quality() > 0 ? quality.agentPercents(ids, from, to) : Map.of();
    }

    /** The QA score % of these agents together for the composite, read only while quality has a weight (else null). */
    public BigDecimal qualityTogether(List<Long> ids, LocalDate from, LocalDate to, ScoringSettingsService.Current current) {
        return current.settings().weights().quality() > 0 ? quality.percentTogether(ids, from, to) : null;
    }

    /** Week by week (Monday to Sunday, clipped to the period), each evaluated at its own end or now. */
    private List<Week> weeks(Collected c, LocalDate from, LocalDate to, ScoringSettingsService.Current current) {
        Instant now = clock.instant();
        List<Week> weeks = new ArrayList<>();
        for (LocalDate monday = from.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(to);
             monday = monday.plusWeeks(1)) {
            LocalDate start = monday.isBefore(from) ? from : monday;
            LocalDate end = monday.plusDays(6).isAfter(to) ? to : monday.plusDays(6);
            weeks.add(new Week(start, end, ScorecardCalculator.compute(c.byWeek().getOrDefault(monday, new Tally()), start, end,
                    current.settings(), null, now)));
        }
        return weeks;
    }

    private List<Part> byChannel(Tally total, LocalDate from, LocalDate to, ScoringSettingsService.Current current) {
        Instant now = clock.instant();
        List<Part> out = new ArrayList<>();
        for (Channel c : Channel.values()) {
            if (total.interactions(c) > 0) {
                out.add(new Part(c.code(), ScorecardCalculator.compute(total.channel(c), from, to, current.settings(), null, now)));
            }
        }
        return out;
    }

    /** By category, in the order of metrics.md: each category's scorecard against its own targets. */
    private List<Part> byCategory(Tally total, LocalDate from, LocalDate to, ScoringSettingsService.Current current) {
        Instant now = clock.instant();
        List<Part> out = new ArrayList<>();
        for (Category c : Category.values()) {
            Tally part = total.category(c);
            if (!part.isEmpty()) {
                out.add(new Part(c.code(), ScorecardCalculator.compute(part, from, to, current.settings(), null, now)));
            }
        }
        return out;
    }

    /** By priority, lowest first: each priority's scorecard against its own targets. */
    private List<Part> byPriority(Tally total, LocalDate from, LocalDate to, ScoringSettingsService.Current current) {
        Instant now = clock.instant();
        List<Part> out = new ArrayList<>();
        for (Priority p : Priority.values()) {
            Tally part = total.priority(p);
            if (!part.isEmpty()) {
                out.add(new Part(p.code(), ScorecardCalculator.compute(part, from, to, current.settings(), null, now)));
            }
        }
        return out;
    }
}
