package com.servicecoach.interaction;

import com.servicecoach.settings.ScoringSettingsService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.inject.Named;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;

/**
 * Where administrators see whether the stored figures (rollups) are current for the settings in force, and
 * how far a rebuild has come: {@code /admin/rollups} (the page polls {@code GET /api/rollups}).
 */
@Tag(name = "Settings")
@Controller
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class RollupController {

    /** The rollups' state as the API shows it; {@code current} = usable for the settings in force. */
    @Serdeable
    record Status(String status, boolean current, int agentsDone, int agentsTotal, @Nullable Integer percentDone,
                  @Nullable Instant startedAt, @Nullable Instant finishedAt) {
    }

    private final Rollups rollups;
    private final ScoringSettingsService settings;
    private final ExecutorService executor;

    RollupController(Rollups rollups, ScoringSettingsService settings, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.rollups = rollups;
        this.settings = settings;
        this.executor = executor;
    }

    @Get("/api/rollups")
    Status status() {
        ScoringSettingsService.Current current = settings.current();
        return rollups.state().map(s -> {
            boolean usable = s.isCurrentFor(current.rollupKey());
            String status = usable ? RollupState.CURRENT : s.key().equals(current.rollupKey()) ? RollupState.BUILDING : "stale";
            Integer percent = usable ? Integer.valueOf(100)
                    : s.agentsTotal() == 0 ? null : Integer.valueOf(Math.min(100, 100 * s.agentsDone() / s.agentsTotal()));
            return new Status(status, usable, s.agentsDone(), s.agentsTotal(), percent, s.startedAt(), s.finishedAt());
        }).orElse(new Status("none", false, 0, 0, null, null, null));
    }

    /** Checks now whether a rebuild is needed, and runs it in the background (202). */
    @Post("/api/rollups/rebuild")
    HttpResponse<Status> rebuild() {
        executor.submit(rollups::rebuildIfNeeded);
        return HttpResponse.accepted().body(status());
    }

    /** The same from the page without scripts: back to the page. */
    @Post(value = "/admin/rollups/rebuild", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> rebuildFromPage() {
        executor.submit(rollups::rebuildIfNeeded);
        return HttpResponse.seeOther(java.net.URI.create("/admin/rollups"));
    }

    @Get("/admin/rollups")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page() {
        Status s = status();
        Map<String, Object> model = new HashMap<>();
        model.put("status", s.status());
        model.put("percentDone", s.percentDone() == null ? 0 : s.percentDone());
        model.put("agentsDone", s.agentsDone());
        model.put("agentsTotal", s.agentsTotal());
        return new ModelAndView<>("interaction/rollups", model);
    }
}
