package com.servicecoach.scorecard;

import com.servicecoach.account.Viewer;

import java.time.LocalDate;
import java.util.Map;

/**
 * What another feature adds to a team's scorecard page for the period (coaching adds its activity), so that the
 * scorecards do not depend on the features built on their figures.
 */
public interface TeamPageSection {

    /** Puts this section's values into the page's model, read with the viewer's authority. */
    void addTo(Map<String, Object> model, Viewer viewer, String team, LocalDate from, LocalDate to, java.util.Locale locale);
}
