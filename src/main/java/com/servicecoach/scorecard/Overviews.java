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

    /** One team: its scorecard, its agents in attention order, and how many of them miss a target. */
    public record TeamBlock(Team team, Scorecard scorecard, List<Attention.Row> agents, long needAttention) {
    }

    private final ScorecardService scorecards;
    private final AgentService agents;
    private final ScoringSettingsService settings;

    Overviews(ScorecardService scorecards, AgentService agents, ScoringSettingsService settings) {
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
            out.add(new TeamBlock(o.team(), o.scorecard(), rows, rows.stream().filter(r -> !r.misses().isEmpty()).count()));
        }
        return out;
    }
}
