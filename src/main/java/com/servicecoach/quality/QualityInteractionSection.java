package com.servicecoach.quality;

import com.servicecoach.account.Viewer;
import com.servicecoach.interaction.InteractionPageSection;
import com.servicecoach.interaction.InteractionService;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The interaction's page shows the conversation's reviews the viewer may read, and a reviewer's button to review it. */
@Singleton
class QualityInteractionSection implements InteractionPageSection {

    private final QualityViews views;

    QualityInteractionSection(QualityViews views) {
        this.views = views;
    }

    @Override
    public void addTo(Map<String, Object> model, Viewer viewer, InteractionService.Detail interaction, Locale locale) {
        List<QualityViews.Row> rows = views.ofInteraction(viewer, interaction.view().id());
        model.put("qualityReviews", rows);
        model.put("canReview", views.canStart(viewer, interaction));
        if (!rows.isEmpty()) {
            model.put("reviewId", rows.get(0).id());
        }
    }
}
