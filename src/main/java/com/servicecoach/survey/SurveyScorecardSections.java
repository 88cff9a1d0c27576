package com.servicecoach.survey;

import com.servicecoach.account.Viewer;
import com.servicecoach.scorecard.AgentPageSection;
import com.servicecoach.scoring.SurveyFigures;
import com.servicecoach.web.Messages;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * The customer survey's section on an agent's scorecard page (and, through {@link SurveyTeamSection}, a team's): the period's dimensions as the survey
 * report shows them (agent-driven apart from company-driven), the rates and indexes, and the chart.
 */
@Singleton
class SurveyScorecardSections implements AgentPageSection {

    private final SurveyService surveys;
    private final Messages messages;

    SurveyScorecardSections(SurveyService surveys, Messages messages) {
        this.surveys = surveys;
        this.messages = messages;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, String employeeNo, LocalDate from, LocalDate to, Locale locale) {
        SurveyFigures f = surveys.agent(viewer, employeeNo, from, to);
        put(model, f, locale, "survey.section.agent");
        if (!viewer.isAgent() || employeeNo.equals(viewer.employeeNo())) {
            model.put("surveyRemarks", "/surveys/remarks?from=" + from + "&to=" + to + "&agent="
                    + URLEncoder.encode(employeeNo, StandardCharsets.UTF_8));
        }
    }

    void put(Map<String, Object> model, SurveyFigures f, Locale locale, String key) {
        SurveyDefinition def = surveys.definition().definition();
        model.put("surveyFigures", f.rounded());
        model.put("surveyAgentRows", SurveyPageController.rows(f, def, locale, true));
        model.put("surveyCompanyRows", SurveyPageController.rows(f, def, locale, false));
        model.put("surveyChart", SurveyPageController.chart(messages, f, def, locale));
        model.put("surveySectionKey", key);
    }
}
