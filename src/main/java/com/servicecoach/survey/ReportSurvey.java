package com.servicecoach.survey;

import com.servicecoach.report.building.CustomerSurveySource;
import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.scoring.SurveyFigures;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The HR report's customer survey section: the survey figures of the report's agents, in total and per team. */
@Singleton
class ReportSurvey implements CustomerSurveySource {

    private final SurveyService surveys;
    private final SurveyStore store;

    ReportSurvey(SurveyService surveys, SurveyStore store) {
        this.surveys = surveys;
        this.store = store;
    }

    @Override
    public Read of(List<Long> agentIds, Map<Long, String> teamOf, LocalDate from, LocalDate to) {
        SurveyDefinitions.Current def = surveys.definition();
        SurveyService.Scoped s = surveys.ofAgents(agentIds, from, to);
        SurveyFigures.Rounded total = s.total().rounded();
        List<PerformanceReport.SurveyDimension> dims = new ArrayList<>();
        // the figures' own dimensions, worded from the definition by code (it may have been saved again meanwhile)
        for (SurveyFigures.Rounded.Dimension f : total.dimensions()) {
            SurveyDefinition.Dimension d = def.definition().dimension(f.code());
            dims.add(new PerformanceReport.SurveyDimension(f.code(), d == null ? f.code() : d.en(), d == null ? f.code() : d.zh(),
                    f.driver(), d == null ? SurveyDefinition.DEFAULT_TARGET : d.target(), f.answers(), f.satisfied(),
                    f.satisfiedPercent(), f.satisfiedLow95(), f.satisfiedHigh95(), f.mean(), f.bands()));
        }
        // teams by name: the agents' figures added up per team (an agent's team is the one the report names)
        Map<String, List<Long>> byTeam = new TreeMap<>();
        teamOf.forEach((agent, team) -> byTeam.computeIfAbsent(team, k -> new ArrayList<>()).add(agent));
        List<PerformanceReport.SurveyTeam> teams = new ArrayList<>();
        byTeam.forEach((team, members) -> {
            SurveyFigures.Rounded f = teamFigures(s, members, def).rounded();
            teams.add(new PerformanceReport.SurveyTeam(team, f.sent(), f.returned(), f.validRate(), f.agentDrivenIndex(),
                    f.companyDrivenIndex()));
        });
        Instant[] range = surveys.range(from, to);
        SurveyStore.Find remarks = new SurveyStore.Find(null, null, null, null);
        long count = agentIds.isEmpty() ? 0 : store.countRemarks(agentIds, range[0], range[1], remarks);
        List<PerformanceReport.SurveyRemark> latest = new ArrayList<>();
        if (count > 0) {
            for (SurveyStore.Remark r : store.remarks(agentIds, range[0], range[1], remarks, 0, PerformanceReport.LATEST_REMARKS)) {
                latest.add(new PerformanceReport.SurveyRemark(r.source(), r.externalId(), r.employeeNo(), r.agentName(),
                        r.answeredAt().toString(), r.remark()));
            }
        }
        Map<Long, PerformanceReport.SurveyAgent> byAgent = new HashMap<>();
        s.byAgent().forEach((id, f) -> {
            SurveyFigures.Rounded r = f.rounded();
            byAgent.put(id, new PerformanceReport.SurveyAgent(r.returned(), r.agentDrivenIndex(), r.companyDrivenIndex()));
        });
        return new Read(new PerformanceReport.Survey(def.version(), total.sent(), total.returned(), total.complete(), total.returnRate(),
                total.validRate(), total.agentDrivenIndex(), total.companyDrivenIndex(), dims, teams, count, latest), byAgent);
    }

    /** A team's figures from its agents' score counts (exact: the counts add up, the shares are computed again). */
    private static SurveyFigures teamFigures(SurveyService.Scoped s, List<Long> members, SurveyDefinitions.Current def) {
        Map<String, long[]> counts = new HashMap<>();
        long sent = 0;
        long returned = 0;
        long complete = 0;
        for (Long id : members) {
            SurveyFigures f = s.byAgent().get(id);
            if (f == null) {
                continue;
            }
            sent += f.sent();
            returned += f.returned();
            complete += f.complete();
            for (SurveyFigures.DimensionFigure d : f.dimensions()) {
                long[] c = counts.computeIfAbsent(d.code(), k -> new long[11]);
                long[] scores = d.scores();
                for (int i = 1; i <= 10; i++) {
                    c[i] += scores[i];
                }
            }
        }
        return SurveyFigures.of(def.definition().figureDimensions(), counts, sent, returned, complete);
    }
}
