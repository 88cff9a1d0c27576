package com.servicecoach.report.building;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.coaching.CoachingActivity;
import com.servicecoach.report.thresholds.ThresholdService;
import com.servicecoach.report.thresholds.Thresholds;
import com.servicecoach.scoring.Scorecard;
import com.servicecoach.scorecard.ScorecardService;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.scoring.ScorecardCalculator;
import com.servicecoach.scoring.Tally;
import com.servicecoach.scoring.Durations;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.scoring.Sla;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.ForbiddenException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the performance report of a period for one team or all teams. Every scorecard in it comes from
 * {@link ScorecardService} (the team's and each agent's, for the period and the previous one), so the report's
 * figures are the scorecard API's. Only what no scorecard covers is computed here, with the same
 * {@link ScorecardCalculator} and settings: the all-teams headline, the weekly trend of the scope and the
 * distribution of first-response times. The agents' flags and the changes between the periods are plain
 * functions of the figures read ({@link ReportFlags}, {@link PeriodChange}).
 *
 * <p>Access (api.md "Access"): HR and administrators read every team's report and the all-teams report;
 * a supervisor reads the report of a team they lead (another team is 404, all teams 403); agents read none (403).
 */
@Singleton
public class PerformanceReportService {

    /** The longest period a report covers, in days. */
    public static final int MAX_DAYS = 366;

    /** First-response time buckets: lower bounds in seconds (each bucket ends where the next starts). */
    static final long[] FRT_BOUNDS = {0, 60, 300, 900, 3600, 4 * 3600, 24 * 3600};
    static final String[] FRT_KEYS = {"under1m", "1to5m", "5to15m", "15to60m", "1to4h", "4to24h", "over24h"};

    /**
     * Told what the report is doing while it is built (for the progress shown on the page): {@code teams} with
     * the number of teams done and their total, then {@code interactions}, {@code previous}, {@code training}
     * and {@code done}.
     */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (step, done, total) -> { };

        void step(String step, int done, int total);
    }

    /** Whose report: one team, or all teams ({@code team} null). */
    public record Scope(@Nullable Team team, List<Team> teams) {
        public @Nullable String teamName() {
            return team == null ? null : team.name();
        }
    }

    private final AgentService agents;
    private final ScorecardService scorecards;
    private final ScoringSettingsService settings;
    private final ThresholdService thresholds;
    private final TrainingCompliance training;
    private final CertificationFacts certifications;
    private final AssessmentFacts assessments;
    private final DataCutoff cutoff;
    private final CoachingActivity coaching;
    private final Clock clock;

    private final TrainingImpactSource impact;
    private final CustomerSurveySource survey;
    private final ReviewQualitySource quality;

    PerformanceReportService(AgentService agents, ScorecardService scorecards,
                             ScoringSettingsService settings, ThresholdService thresholds, TrainingCompliance training,
                             CertificationFacts certifications, AssessmentFacts assessments, DataCutoff cutoff,
                             CoachingActivity coaching, Clock clock, TrainingImpactSource impact,
                             CustomerSurveySource survey, ReviewQualitySource quality) {
        this.quality = quality;
        this.impact = impact;
        this.survey = survey;
        this.coaching = coaching;
        this.agents = agents;
        this.scorecards = scorecards;
        this.settings = settings;
        this.thresholds = thresholds;
        this.training = training;
        this.certifications = certifications;
        this.assessments = assessments;
        this.cutoff = cutoff;
        this.clock = clock;
    }

    /**
     * The scope a viewer asks for: {@code team} blank means all teams. Agents get 403; a supervisor asking for
     * all teams 403; a team the viewer may not see (or that does not exist) 404.
     */
    public Scope scope(Viewer viewer, @Nullable String team) {
        if (viewer.isAgent()) {
            throw new ForbiddenException("Agents see their own scorecard, not reports");
        }
        if (team == null || team.isBlank()) {
            if (!viewer.readsAllTeams()) {
                throw new ForbiddenException("Supervisors see the report of their own team: add team=NAME");
            }
            return new Scope(null, agents.visibleTeams(viewer));
        }
        Team t = agents.visibleTeam(viewer, team.strip());
        return new Scope(t, List.of(t));
    }

    /** Checks a period's length (400 when longer than {@value #MAX_DAYS} days). */
    public static ReportPeriod checked(ReportPeriod period) {
        if (period.days() > MAX_DAYS) {
            throw new BadRequestException("a report covers at most " + MAX_DAYS + " days; this period has " + period.days());
        }
        return period;
    }

    /**
     * The report: reads each team's scorecards for the period and the previous one, the scope's interactions,
     * training, certifications, assessments and HR's thresholds, then flags the agents ({@link ReportFlags}) and
     * compares the periods ({@link PeriodChange}).
     */
    public PerformanceReport build(Viewer viewer, ReportPeriod period, @Nullable String requestedTeam, Progress progress) {
        checked(period);
        Scope scope = scope(viewer, requestedTeam);
        ReportPeriod previous = period.previous();
        ScoringSettingsService.Current current = settings.current();
        ZoneId zone = current.settings().orgZone();

        // collect: the teams' and agents' scorecards, the scope's interactions, training, certifications, thresholds
        TeamsRead teams = readTeams(viewer, scope, period, previous, progress);
        List<ScorecardService.RankRow> ranking = teams.ranking(scope);
        List<Agent> members = ranking.stream().map(ScorecardService.RankRow::agent).toList();
        List<Long> ids = members.stream().map(Agent::id).toList();
        List<String> employeeNos = members.stream().map(Agent::employeeNo).toList();

        progress.step("interactions", 0, 0);
        Instant now = clock.instant();
        Scorecard headline = scope.team() != null ? teams.results().get(scope.team().name()).json()
                : scopeCard(teams.total(), period, current, ids, employeeNos, now);
        PerformanceReport.Charts charts = new PerformanceReport.Charts(headline.bands(), frtBuckets(teams.total()),
                headline.interactions() - headline.responded(), weeks(teams.weeks(), period, current.settings(), now));

        progress.step("previous", 0, 0);
        Scorecard before = scope.team() != null ? teams.previous().get(scope.team().name()).json()
                : scopeCard(teams.previousTotal(), previous, current, ids, employeeNos, now);

        progress.step("training", 0, 0);
        Instant asOf = Sla.evaluationInstant(period.to(), zone, now);
        LocalDate asOfDay = LocalDate.ofInstant(asOf.minusNanos(1), zone);
        Map<Long, TrainingCompliance.Counts> trainingByAgent = training.asOf(members, asOfDay, asOf);
        Optional<Map<String, CertificationFacts.Counts>> certs = certifications.onDay(employeeNos, asOfDay);
        // coaching: one aggregate query for the scope's agents, overdue actions as of the same instant as training
        Map<Long, CoachingActivity.Counts> coachingByAgent = coaching.asOf(ids, period.from(), period.to(), asOf, asOfDay);
        Thresholds limits = thresholds.current();

        // assemble: each agent with its flags, each team with its totals and composite change
        Map<Long, String> teamNameById = new HashMap<>();
        scope.teams().forEach(t -> teamNameById.put(t.id(), t.name()));
        // the customer survey: the section's figures and each agent's, read once from the stored survey days
        progress.step("survey", 0, 0);
        Map<Long, String> teamOfAgent = new HashMap<>();
        members.forEach(a -> teamOfAgent.put(a.id(), teamNameById.get(a.teamId())));
        CustomerSurveySource.Read surveyed = survey.of(ids, teamOfAgent, period.from(), period.to());
        // the quality reviews: the section and each agent's QA score, from the counting reviews
        progress.step("quality", 0, 0);
        ReviewQualitySource.Read reviewed = quality.of(ids, teamOfAgent, period.from(), period.to());
        List<PerformanceReport.AgentRow> agentRows = new ArrayList<>();
        List<PerformanceReport.Flagged> flagged = new ArrayList<>();
        Map<String, TrainingCompliance.Counts> trainingByTeam = new HashMap<>();
        Map<String, CertificationFacts.Counts> certsByTeam = new HashMap<>();
        Map<String, CoachingActivity.Counts> coachingByTeam = new HashMap<>();
        CoachingActivity.Counts coachingTotal = CoachingActivity.Counts.NONE;
        Map<String, Integer> agentsByTeam = new HashMap<>();
        TrainingCompliance.Counts trainingTotal = TrainingCompliance.Counts.NONE;
        CertificationFacts.Counts certsTotal = CertificationFacts.Counts.NONE;
        int ranked = (int) ranking.stream().filter(r -> r.rank() != null).count();
        Map<String, BigDecimal> compositeOf = new HashMap<>();
        for (ScorecardService.RankRow r : ranking) {
            Agent a = r.agent();
            String teamName = teamNameById.get(a.teamId());
            Scorecard card = r.scorecard().withSettings(current.version(), current.hash());
            TrainingCompliance.Counts tc = trainingByAgent.getOrDefault(a.id(), TrainingCompliance.Counts.NONE);
            CertificationFacts.Counts cc = certs.map(m -> m.getOrDefault(a.employeeNo(), CertificationFacts.Counts.NONE)).orElse(null);
            List<PerformanceReport.Flag> flags = new ArrayList<>(ReportFlags.of(card, tc, cc, limits));
            flags.addAll(ReportFlags.relative(card, r.rank(), ranked, teams.results().get(teamName).json(), limits));
            CoachingActivity.Counts co = coachingByAgent.getOrDefault(a.id(), CoachingActivity.Counts.NONE);
            agentRows.add(new PerformanceReport.AgentRow(a.employeeNo(), a.name(), teamName, a.status(), r.rank(), card,
                    training(tc), cc == null ? null : certifications(cc), coaching(co),
                    surveyed.byAgent().getOrDefault(a.id(), PerformanceReport.SurveyAgent.NONE), flags,
                    PerformanceReport.Owners.of(r.owners()), reviewed.byAgent().getOrDefault(a.id(), PerformanceReport.QualityAgent.NONE)));
            coachingByTeam.merge(teamName, co, CoachingActivity.Counts::plus);
            coachingTotal = coachingTotal.plus(co);
            if (!flags.isEmpty()) {
                flagged.add(new PerformanceReport.Flagged(a.employeeNo(), a.name(), teamName, flags));
                if (card.composite().score() != null) {
                    compositeOf.put(a.employeeNo(), card.composite().score());
                }
            }
            trainingByTeam.merge(teamName, tc, TrainingCompliance.Counts::plus);
            agentsByTeam.merge(teamName, 1, Integer::sum);
            trainingTotal = trainingTotal.plus(tc);
            if (cc != null) {
                certsByTeam.merge(teamName, cc, CertificationFacts.Counts::plus);
                certsTotal = certsTotal.plus(cc);
            }
        }

        // worst first: the lowest composite first, agents without one last (in ranking order otherwise)
        flagged.sort(java.util.Comparator.comparing((PerformanceReport.Flagged f) -> compositeOf.get(f.employeeNo()),
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));

        List<PerformanceReport.TeamRow> teamRows = new ArrayList<>();
        for (Team t : scope.teams()) {
            Scorecard card = teams.results().get(t.name()).json();
            BigDecimal prevComposite = teams.previous().get(t.name()).json().composite().score();
            teamRows.add(new PerformanceReport.TeamRow(t.name(), t.supervisor(), agentsByTeam.getOrDefault(t.name(), 0), card,
                    prevComposite, PeriodChange.figure(card.composite().score(), prevComposite),
                    training(trainingByTeam.getOrDefault(t.name(), TrainingCompliance.Counts.NONE)),
                    certs.isPresent() ? certifications(certsByTeam.getOrDefault(t.name(), CertificationFacts.Counts.NONE)) : null,
                    coaching(coachingByTeam.getOrDefault(t.name(), CoachingActivity.Counts.NONE)),
                    PerformanceReport.Owners.of(teams.owners().get(t.name()))));
        }

        PerformanceReport.Assessments assessed = assessments.results(employeeNos, period.from(), period.to())
                .map(list -> new PerformanceReport.Assessments(true, list.stream().map(m -> new PerformanceReport.ModuleRow(
                        m.module(), m.titleEn(), m.titleZh(), m.attempts(), m.passed(), Rounding.percent(m.passed(), m.attempts()),
                        Rounding.percent(m.meanScorePercent()))).toList()))
                .orElse(new PerformanceReport.Assessments(false, List.of()));

        progress.step("impact", 0, 0);
        List<PerformanceReport.ImpactRow> trainingImpact = impact.rows(period.from(), period.to());

        Instant latest = cutoff.of(scope.team() == null ? null : ids, previous.from(), period.to(), current);
        progress.step("done", 0, 0);
        return new PerformanceReport(PerformanceReport.Period.of(period), PerformanceReport.Period.of(previous),
                scope.teamName(), latest == null ? null : latest.toString(), current.document(),
                new PerformanceReport.ThresholdsUsed(limits.csatMin(), limits.firstResponseMin(), limits.resolutionMin(),
                        limits.knowledgeMin(), limits.bottomPercent(), limits.belowTeamPoints()),
                new PerformanceReport.Headline(headline, before, PeriodChange.of(headline, before)), teamRows, agentRows, charts,
                new PerformanceReport.Training(asOfDay.toString(), training(trainingTotal)),
                new PerformanceReport.Certifications(certs.isPresent(), asOfDay.toString(), CertificationFacts.EXPIRING_DAYS,
                        certs.isPresent() ? certifications(certsTotal) : null),
                new PerformanceReport.Coaching(asOfDay.toString(), coaching(coachingTotal)), assessed, flagged, trainingImpact,
                surveyed.survey(), promises(teams.total(), period, current, now), reviewed.quality());
    }

    /** The scope's SLA by category and by priority, each part against its own targets, and its handovers. */
    private PerformanceReport.ServicePromises promises(Tally total, ReportPeriod p, ScoringSettingsService.Current current, Instant now) {
        return new PerformanceReport.ServicePromises(caseSlas(total, p, current, now, true), caseSlas(total, p, current, now, false),
                PerformanceReport.Owners.of(com.servicecoach.scoring.OwnerFigures.of(total)));
    }

    private static List<PerformanceReport.CaseSla> caseSlas(Tally total, ReportPeriod p, ScoringSettingsService.Current current,
                                                            Instant now, boolean byCategory) {
        List<PerformanceReport.CaseSla> out = new ArrayList<>();
        ScorecardCalculator.caseSlas(total, p.to(), current.settings(), now, byCategory).forEach((k, c) -> out.add(
                new PerformanceReport.CaseSla(k instanceof com.servicecoach.scoring.Category cat ? cat.code()
                        : ((com.servicecoach.scoring.Priority) k).code(), c.interactions(), c.resolved(),
                        c.firstResponseSla().rounded(), c.resolutionSla().rounded())));
        return out;
    }

    /**
     * What the teams' scorecards give the report: each team's result for the period and the previous one (by team
     * name), every team's ranking rows (the last team's ranking as it is), and the scope's tallies added up team
     * by team for both periods and by week.
     */
    private record TeamsRead(Map<String, ScorecardService.Result> results, Map<String, ScorecardService.Result> previous,
                             List<ScorecardService.RankRow> rows, @Nullable List<ScorecardService.RankRow> lastRanking,
                             Tally total, Tally previousTotal, Map<LocalDate, Tally> weeks,
                             Map<String, com.servicecoach.scoring.OwnerFigures> owners) {

        /** One team's agents as its scorecard ranks them; for all teams, every agent ranked together. */
        List<ScorecardService.RankRow> ranking(Scope scope) {
            return scope.team() != null && lastRanking != null ? lastRanking : ScorecardService.rank(rows);
        }
    }

    /** Each team's scorecard, its agents' scorecards, and the team's previous scorecard: every period's days are read once. */
    private TeamsRead readTeams(Viewer viewer, Scope scope, ReportPeriod period, ReportPeriod previous, Progress progress) {
        int teamCount = scope.teams().size();
        int teamsDone = 0;
        List<ScorecardService.RankRow> rows = new ArrayList<>();
        List<ScorecardService.RankRow> ranking = null;
        Map<String, ScorecardService.Result> teamResults = new LinkedHashMap<>();
        Map<String, ScorecardService.Result> teamPrevious = new HashMap<>();
        Tally scopeTotal = new Tally();
        Tally previousTotal = new Tally();
        Map<LocalDate, Tally> scopeWeeks = new HashMap<>();
        Map<String, com.servicecoach.scoring.OwnerFigures> owners = new HashMap<>();
        for (Team t : scope.teams()) {
            progress.step("teams", teamsDone++, teamCount);
            ScorecardService.TeamDetail d = scorecards.teamDetail(viewer, t.name(), period.from(), period.to(), false);
            teamResults.put(t.name(), d.result());
            owners.put(t.name(), d.owners());
            scopeTotal.addAll(d.tallies().total());
            d.tallies().byWeek().forEach((monday, week) -> scopeWeeks.computeIfAbsent(monday, k -> new Tally()).addAll(week));
            ScorecardService.TeamResult before = scorecards.teamWithTally(viewer, t.name(), previous.from(), previous.to());
            teamPrevious.put(t.name(), before.result());
            previousTotal.addAll(before.tally());
            rows.addAll(d.ranking());
            ranking = d.ranking();
        }
        return new TeamsRead(teamResults, teamPrevious, rows, ranking, scopeTotal, previousTotal, scopeWeeks, owners);
    }

    /** The all-teams scorecard of a period, from the teams' tallies added up and the agents' knowledge together. */
    private Scorecard scopeCard(Tally total, ReportPeriod p, ScoringSettingsService.Current current, List<Long> ids,
                                List<String> employeeNos, Instant now) {
        return ScorecardCalculator.figures(total, p.from(), p.to(), current.settings(),
                assessments.knowledgePercent(employeeNos, p.from(), p.to()), scorecards.qualityTogether(ids, p.from(), p.to(), current), now)
                .rounded().withSettings(current.version(), current.hash());
    }

    /** Responded interactions by first-response time on their channel's calendar (metrics.md, "Durations"). */
    static List<PerformanceReport.FrtBucket> frtBuckets(Tally tally) {
        long[] counts = new long[FRT_BOUNDS.length];
        for (Channel c : Channel.values()) {
            Durations frts = tally.firstResponses(c);
            for (long frt : frts.sortedDistinct()) {
                int b = FRT_BOUNDS.length - 1;
                while (frt < FRT_BOUNDS[b]) {
                    b--;
                }
                counts[b] += frts.count(frt);
            }
        }
        List<PerformanceReport.FrtBucket> out = new ArrayList<>();
        for (int i = 0; i < FRT_BOUNDS.length; i++) {
            out.add(new PerformanceReport.FrtBucket(FRT_KEYS[i], FRT_BOUNDS[i], i + 1 < FRT_BOUNDS.length ? FRT_BOUNDS[i + 1] : null,
                    (int) counts[i]));
        }
        return out;
    }

    /**
     * Week by week, Monday to Sunday clipped to the period, each evaluated at its own end or now: the rule of the
     * scorecard pages' trend ({@code ScorecardService}), applied to the report's scope.
     */
    static List<PerformanceReport.WeekPoint> weeks(Map<LocalDate, Tally> byWeek, ReportPeriod p, ScoringSettings s, Instant now) {
        List<PerformanceReport.WeekPoint> out = new ArrayList<>();
        for (LocalDate monday = p.from().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)); !monday.isAfter(p.to());
             monday = monday.plusWeeks(1)) {
            LocalDate start = monday.isBefore(p.from()) ? p.from() : monday;
            LocalDate end = monday.plusDays(6).isAfter(p.to()) ? p.to() : monday.plusDays(6);
            Scorecard w = ScorecardCalculator.compute(byWeek.getOrDefault(monday, new Tally()), start, end, s, null, now);
            out.add(new PerformanceReport.WeekPoint(start.toString(), end.toString(), w.interactions(),
                    w.firstResponseSla().percent(), w.resolutionSla().percent(), w.csatPercent(), w.composite().score()));
        }
        return out;
    }

    private static PerformanceReport.TrainingCounts training(TrainingCompliance.Counts c) {
        return new PerformanceReport.TrainingCounts(c.assigned(), c.completed(), c.open(), c.overdue(),
                Rounding.percent(c.completed(), c.assigned()));
    }

    private static PerformanceReport.CoachingCounts coaching(CoachingActivity.Counts c) {
        return new PerformanceReport.CoachingCounts(c.sessionsHeld(), c.actionsDone(), c.actionsOverdue());
    }

    private static PerformanceReport.CertificationCounts certifications(CertificationFacts.Counts c) {
        return new PerformanceReport.CertificationCounts(c.valid(), c.expiring(), c.expired());
    }
}
