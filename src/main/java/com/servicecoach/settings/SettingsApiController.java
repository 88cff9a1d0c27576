package com.servicecoach.settings;

import com.servicecoach.account.Viewers;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The scoring settings (administrators only): {@code GET /api/settings} answers the settings in force with
 * their version and hash; {@code PUT /api/settings} replaces them (every field required but the figure targets,
 * which default to metrics.md's, and the targets per case type, {@code caseTargets}, which default to none; 422 with
 * an error per field otherwise) and answers the new version.
 */
@Tag(name = "Settings")
@Controller("/api/settings")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class SettingsApiController {

    private final ScoringSettingsService settings;
    private final Viewers viewers;

    SettingsApiController(ScoringSettingsService settings, Viewers viewers) {
        this.settings = settings;
        this.viewers = viewers;
    }

    @Operation(summary = "The scoring settings in force (version 0 = the defaults of metrics.md)")
    @Get
    SettingsDocument get() {
        return settings.current().document();
    }

    @Operation(summary = "Replace the scoring settings; they apply to all figures from now on, old data included")
    @Put
    SettingsDocument put(Authentication auth, @Body SettingsDocument body) {
        return settings.save(viewers.of(auth), body).document();
    }
}
