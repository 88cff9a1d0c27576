package com.servicecoach.quality;

import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.report.building.ReviewQualitySource;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.settings.ScoringSettingsService;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's quality section from {@link QualityFigures}: the scope's QA score % over all its counting reviews, each
 * team's and agent's, and the criteria's failure rates worded in both languages. Three queries, whatever the scope.
 */
@Singleton
class ReportQuality implements ReviewQualitySource {

    private final QualityFigures figures;
    private final ScoringSettingsService settings;

    ReportQuality(QualityFigures figures, ScoringSettingsService settings) {
        this.figures = figures;
        this.settings = settings;
    }

    @Override
    public Read of(List<Long> agentIds, Map<Long, String> teamOf, LocalDate from, LocalDate to) {
        Map<Long, QualityFigures.Score> scores = figures.scores(agentIds, from, to);
        Map<Long, PerformanceReport.QualityAgent> byAgent = new HashMap<>();
        scores.forEach((id, s) -> byAgent.put(id, new PerformanceReport.QualityAgent(s.reviews(), Rounding.percent(s.percent()))));

        // each team's agents' reviews together: the mean over the team's reviews, not of its agents' means
        Map<String, List<Long>> members = new LinkedHashMap<>();
        agentIds.forEach(id -> members.computeIfAbsent(teamOf.get(id), k -> new ArrayList<>()).add(id));
        List<PerformanceReport.QualityTeam> teams = new ArrayList<>();
        List<QualityFigures.Score> perTeam = new ArrayList<>();
        for (Map.Entry<String, List<Long>> team : members.entrySet()) {
            List<QualityFigures.Score> ofTeam = team.getValue().stream().map(scores::get).filter(java.util.Objects::nonNull).toList();
            QualityFigures.Score t = QualityFigures.Score.together(ofTeam);
            perTeam.add(t);
            teams.add(new PerformanceReport.QualityTeam(team.getKey(), t.reviews(), t.scored(), Rounding.percent(t.percent())));
        }
        QualityFigures.Score total = QualityFigures.Score.together(perTeam);

        List<QualityFigures.CriterionRate> en = figures.criteria(agentIds, from, to, Locale.ENGLISH);
        Map<String, String> zh = new HashMap<>();
        for (QualityFigures.CriterionRate r : en) {
            zh.put(r.rubric() + "/" + r.criterion(), figures.textOf(r.rubric(), r.criterion(), Locale.SIMPLIFIED_CHINESE));
        }
        List<PerformanceReport.QualityCriterion> criteria = en.stream().map(r -> new PerformanceReport.QualityCriterion(r.rubric(),
                r.criterion(), r.text(), zh.get(r.rubric() + "/" + r.criterion()), r.module(), r.applicable(), r.failed(),
                Rounding.percent(r.failurePercent()))).toList();
        return new Read(new PerformanceReport.Quality(total.reviews(), total.scored(), Rounding.percent(total.percent()),
                settings.current().settings().figureTargets().qaScore(), teams, criteria), byAgent);
    }
}
