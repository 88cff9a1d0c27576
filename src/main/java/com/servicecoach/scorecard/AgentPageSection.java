package com.servicecoach.scorecard;

import com.servicecoach.account.Viewer;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

/**
 * What another feature adds to an agent's scorecard page for the period (surveys add the agent's dimensions), so
 * that the scorecards do not depend on the features built beside them.
 */
public interface AgentPageSection {

    /** Puts this section's values into the page's model, read with the viewer's authority. */
    void addTo(Map<String, Object> model, Viewer viewer, String employeeNo, LocalDate from, LocalDate to, Locale locale);
}
