package com.servicecoach.interaction;

import com.servicecoach.account.Viewer;

import java.util.Locale;
import java.util.Map;

/**
 * What another feature adds to an interaction's page (quality reviews add the conversation's reviews), so that the
 * interactions do not depend on the features built on them.
 */
public interface InteractionPageSection {

    /** Puts this section's values into the page's model, read with the viewer's authority. */
    void addTo(Map<String, Object> model, Viewer viewer, InteractionService.Detail interaction, Locale locale);
}
