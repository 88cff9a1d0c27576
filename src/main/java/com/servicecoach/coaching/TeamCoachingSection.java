package com.servicecoach.coaching;

import com.servicecoach.account.Viewer;
import com.servicecoach.scorecard.TeamPageSection;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Map;

/** The coaching table on a team's scorecard page: sessions held, actions done and actions overdue, per agent. */
@Singleton
class TeamCoachingSection implements TeamPageSection {

    private final CoachingActivity coaching;

    TeamCoachingSection(CoachingActivity coaching) {
        this.coaching = coaching;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, String team, LocalDate from, LocalDate to, java.util.Locale locale) {
        model.put("coaching", coaching.teams(viewer, team, from, to).teams().get(0));
    }
}
