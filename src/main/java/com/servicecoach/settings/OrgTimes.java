package com.servicecoach.settings;

import com.servicecoach.web.LayoutContributor;
import com.servicecoach.web.Times;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Map;

/** Puts {@code times} (instants shown in the organization's zone, as the settings say now) on every page. */
@Singleton
class OrgTimes implements LayoutContributor {

    private final ScoringSettingsService settings;

    OrgTimes(ScoringSettingsService settings) {
        this.settings = settings;
    }

    @Override
    public void contribute(HttpRequest<?> request, Authentication authentication, Map<String, Object> model) {
        model.put("times", new Times(() -> settings.current().settings().orgZone()));
    }
}
