package com.servicecoach.quality;

import com.servicecoach.account.Viewer;
import com.servicecoach.scorecard.TeamPageSection;
import com.servicecoach.web.Messages;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/** The quality section of a team's scorecard page ({@code qaSection}): the team's QA score, its agents' and the criteria that fail most. */
@Singleton
class QualityTeamSection implements TeamPageSection {

    private final QualityScorecards scorecards;
    private final Messages messages;

    QualityTeamSection(QualityScorecards scorecards, Messages messages) {
        this.scorecards = scorecards;
        this.messages = messages;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, String team, LocalDate from, LocalDate to, Locale locale) {
        QualityScorecards.put(model, scorecards.team(viewer, team, from, to, locale), messages, locale);
    }
}
