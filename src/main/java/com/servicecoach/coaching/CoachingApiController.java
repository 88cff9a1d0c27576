package com.servicecoach.coaching;

import com.servicecoach.account.Viewers;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * Coaching in the JSON API: an agent's sessions ({@code GET}, and {@code POST} to record one), a session, the
 * agent's acknowledgement, an action marked done, and the teams' coaching activity in a period. The access rules are {@link CoachingService}'s.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CoachingApiController {

    @Serdeable
    record Acknowledgement(@Nullable String comment) {
    }

    private final CoachingService coaching;
    private final CoachingActivity activity;
    private final Viewers viewers;

    CoachingApiController(CoachingService coaching, CoachingActivity activity, Viewers viewers) {
        this.coaching = coaching;
        this.activity = activity;
        this.viewers = viewers;
    }

    /**
     * Coaching activity for from..to: per team the viewer may see (or the one {@code team}) and per agent, sessions
     * held, actions done and actions overdue. Agents 403.
     */
    @Get("/api/coaching/activity")
    CoachingActivity.Activity activity(Authentication auth, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                       @Nullable @QueryValue String team) {
        java.time.LocalDate[] period = com.servicecoach.web.DateParams.period(from, to);
        return activity.teams(viewers.of(auth), team, period[0], period[1]);
    }

    @Get("/api/agents/{employeeNo}/coaching")
    List<CoachingService.SessionView> list(Authentication auth, @PathVariable String employeeNo) {
        return coaching.list(viewers.of(auth), employeeNo);
    }

    @Post("/api/agents/{employeeNo}/coaching")
    HttpResponse<CoachingService.SessionView> create(Authentication auth, @PathVariable String employeeNo,
                                                     @Body CoachingService.SessionRequest body) {
        return HttpResponse.created(coaching.create(viewers.of(auth), employeeNo, body));
    }

    @Get("/api/coaching/{id}")
    CoachingService.SessionView get(Authentication auth, @PathVariable long id) {
        return coaching.get(viewers.of(auth), id);
    }

    @Post("/api/coaching/{id}/acknowledge")
    CoachingService.SessionView acknowledge(Authentication auth, @PathVariable long id, @Body Acknowledgement body) {
        return coaching.acknowledge(viewers.of(auth), id, body.comment());
    }

    @Post("/api/coaching/actions/{id}/done")
    CoachingService.SessionView done(Authentication auth, @PathVariable long id) {
        return coaching.done(viewers.of(auth), id);
    }
}
