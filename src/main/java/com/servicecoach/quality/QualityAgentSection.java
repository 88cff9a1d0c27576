package com.servicecoach.quality;

import com.servicecoach.account.Viewer;
import com.servicecoach.scorecard.AgentPageSection;
import com.servicecoach.web.Messages;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/** The quality section of an agent's scorecard page ({@code qaSection}): QA score % and the criteria that fail. */
@Singleton
class QualityAgentSection implements AgentPageSection {

    private final QualityScorecards scorecards;
    private final Messages messages;

    QualityAgentSection(QualityScorecards scorecards, Messages messages) {
        this.scorecards = scorecards;
        this.messages = messages;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, String employeeNo, LocalDate from, LocalDate to, Locale locale) {
        QualityScorecards.put(model, scorecards.agent(viewer, employeeNo, from, to, locale), messages, locale);
    }
}
