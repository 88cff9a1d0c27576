package com.servicecoach.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The menu of each role: what that person needs, in the order they need it. */
public final class Navigation {

    public record Item(String href, String labelKey) {
    }

    private Navigation() {
    }

    public static List<Item> forRoles(Collection<String> roles) {
        List<Item> items = new ArrayList<>();
        items.add(new Item("/", "nav.home"));
        if (roles.contains("AGENT")) {
            items.add(new Item("/me", "nav.myProfile"));
            items.add(new Item("/my-training", "nav.myTraining"));
            items.add(new Item("/scorecards/me", "nav.myScorecard"));
        }
        if (roles.contains("ADMIN") || roles.contains("SUPERVISOR") || roles.contains("HR")) {
            items.add(new Item("/agents", "nav.agents"));
            items.add(new Item("/teams", "nav.teams"));
            items.add(new Item("/scorecards", "nav.scorecards"));
            items.add(new Item("/interactions", "nav.interactions"));
            items.add(new Item("/modules", "nav.training"));
        }
        if (roles.contains("ADMIN") || roles.contains("SUPERVISOR")) {
            items.add(new Item("/interactions/import", "nav.importInteractions"));
            items.add(new Item("/assignments", "nav.assignments"));
        }
        if (roles.contains("ADMIN") || roles.contains("SUPERVISOR") || roles.contains("HR")) {
            items.add(new Item("/training-matrix", "nav.trainingMatrix"));
            items.add(new Item("/reports", "nav.reports"));
        }
        if (roles.contains("ADMIN")) {
            items.add(new Item("/admin/users", "nav.users"));
            items.add(new Item("/admin/settings", "nav.settings"));
            items.add(new Item("/admin/audit", "nav.audit"));
        }
        return items;
    }
}
