package com.servicecoach.survey;

import com.servicecoach.account.Viewer;
import com.servicecoach.scorecard.TeamPageSection;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/** The customer survey's section on a team's scorecard page (see {@link SurveyScorecardSections}). */
@Singleton
class SurveyTeamSection implements TeamPageSection {

    private final SurveyService surveys;
    private final SurveyScorecardSections sections;

    SurveyTeamSection(SurveyService surveys, SurveyScorecardSections sections) {
        this.surveys = surveys;
        this.sections = sections;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, String team, LocalDate from, LocalDate to, Locale locale) {
        sections.put(model, surveys.team(viewer, team, from, to), locale, "survey.section.team");
        model.put("surveyRemarks", "/surveys/remarks?from=" + from + "&to=" + to + "&team="
                + java.net.URLEncoder.encode(team, java.nio.charset.StandardCharsets.UTF_8));
    }
}
