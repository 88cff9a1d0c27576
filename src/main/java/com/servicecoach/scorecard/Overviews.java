package com.servicecoach.scorecard;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.scoring.Scorecard;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.settings.ScoringSettingsService;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The overview of the teams a viewer may see (the scorecards page, a supervisor's home): each team's figures and
 * its agents' key figures against the targets, those who need attention first ({@link Attention}).
 */
@Singleton
public class Overviews {

    /**
     * One team: its scorecard, its agents in attention order, how many of them miss a target, and each agent's QA score %
     * (by employee number, rounded; absent: no review counts).
     */
    public record TeamBlock(Team team, Scorecard scorecard, List<Attention.Row> agents, long needAttention,
                            java.util.Map<String, java.math.BigDecimal> qualityOf) {
    }

    private final ScorecardService scorecards;
    private final AgentService agents;
    private final ScoringSettingsService settings;
    private final com.servicecoach.scoring.QualitySource quality;

    Overviews(ScorecardService scorecards, AgentService agents, ScoringSettingsService settings,
              com.servicecoach.scoring.QualitySource quality) {
        this.quality = quality;
        this.scorecards = scorecards;
        this.agents = agents;
        this.settings = settings;
    }

    /** The figure targets of the settings in force. */
    public ScoringSettings.FigureTargets targets() {
        return settings.current().settings().figureTargets();
    }

    public List<TeamBlock> teams(Viewer viewer, LocalDate from, LocalDate to) {
        ScoringSettings.FigureTargets targets = targets();
        List<TeamBlock> out = new ArrayList<>();
        for (Team t : agents.visibleTeams(viewer)) {
            ScorecardService.TeamOverview o = scorecards.teamOverview(viewer, t.name(), from, to);
            List<Attention.Row> rows = Attention.order(o.ranking(), targets);
            java.util.Map<String, java.math.BigDecimal> qualityOf = new java.util.HashMap<>();
            java.util.Map<Long, String> numberOf = new java.util.HashMap<>();
            o.ranking().forEach(r -> numberOf.put(r.agent().id(), r.agent().employeeNo()));
            quality.agentPercents(numberOf.keySet(), from, to).forEach((id, p) -> qualityOf.put(numberOf.get(id),
                    com.servicecoach.scoring.Rounding.percent(p)));
            out.add(new TeamBlock(o.team(), o.scorecard(), rows, rows.stream().filter(r -> !r.misses().isEmpty()).count(), qualityOf));
        }
        return out;
    }
}
