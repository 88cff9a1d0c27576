package com.servicecoach.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The menu of each role: what that person needs, in the order they need it. Agents get a short flat menu;
 * the other roles get a few groups (people, performance, training, administration) shown as drop-downs.
 */
public final class Navigation {

    /** A link, or a group of links when {@code children} is not empty. */
    public record Item(String href, String labelKey, List<Item> children) {
        public Item(String href, String labelKey) {
            this(href, labelKey, List.of());
        }

        public boolean isGroup() {
            return !children.isEmpty();
        }

        /** Whether this item (or one of its links) is the page at {@code path}. */
        public boolean covers(String path) {
            if (isGroup()) {
                return children.stream().anyMatch(c -> c.covers(path));
            }
            return href.equals(path) || (!href.equals("/") && path.startsWith(href + "/"));
        }
    }

    private Navigation() {
    }

    public static List<Item> forRoles(Collection<String> roles) {
        boolean admin = roles.contains("ADMIN");
        boolean supervisor = roles.contains("SUPERVISOR");
        boolean hr = roles.contains("HR");
        List<Item> items = new ArrayList<>();
        items.add(new Item("/", "nav.home"));
        if (roles.contains("AGENT")) {
            items.add(new Item("/my-training", "nav.myTraining"));
            items.add(new Item("/my-assessments", "nav.myAssessments"));
            items.add(new Item("/scorecards/me", "nav.myScorecard"));
            items.add(new Item("/certifications", "nav.myCertifications"));
            items.add(new Item("/me", "nav.myProfile"));
        }
        if (admin || supervisor || hr) {
            items.add(new Item("#people", "nav.people", List.of(
                    new Item("/agents", "nav.agents"),
                    new Item("/teams", "nav.teams"))));
            List<Item> performance = new ArrayList<>();
            performance.add(new Item("/scorecards", "nav.scorecards"));
            performance.add(new Item("/attention", "nav.attention"));
            performance.add(new Item("/promises", "nav.promises"));
            performance.add(new Item("/interactions", "nav.interactions"));
            performance.add(new Item("/reports", "nav.reports"));
            performance.add(new Item("/surveys", "nav.surveys"));
            performance.add(new Item("/surveys/links", "nav.surveyLinks"));
            if (admin || supervisor) {
                performance.add(new Item("/quality/queue", "nav.qualityQueue"));
            }
            performance.add(new Item("/quality/reviews", "nav.qualityReviews"));
            if (admin || supervisor) {
                performance.add(new Item("/quality/calibrations", "nav.qualityCalibrations"));
            }
            if (admin || supervisor) {
                performance.add(new Item("/interactions/import", "nav.importInteractions"));
                performance.add(new Item("/interactions/mappings", "nav.importMappings"));
                performance.add(new Item("/interactions/transcripts", "nav.importTranscripts"));
            }
            items.add(new Item("#performance", "nav.performance", performance));
            List<Item> training = new ArrayList<>();
            training.add(new Item("/modules", "nav.training"));
            if (admin || supervisor) {
                training.add(new Item("/assignments", "nav.assignments"));
            }
            training.add(new Item("/training-matrix", "nav.trainingMatrix"));
            training.add(new Item("/training/impact", "nav.trainingImpact"));
            training.add(new Item("/grading", "nav.grading"));
            training.add(new Item("/item-analysis", "nav.itemAnalysis"));
            training.add(new Item("/certifications", "nav.certifications"));
            items.add(new Item("#training", "nav.trainingGroup", training));
        }
        if (admin) {
            items.add(new Item("#admin", "nav.adminGroup", List.of(
                    new Item("/admin/users", "nav.users"),
                    new Item("/admin/settings", "nav.settings"),
                    new Item("/admin/survey", "nav.surveyDefinition"),
                    new Item("/admin/email", "nav.email"),
                    new Item("/admin/audit", "nav.audit"))));
        }
        return items;
    }
}
