package com.servicecoach.quality;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/**
 * Calibration sessions' JSON routes, for supervisors and administrators (others 403): the list, opening a session,
 * one session as the caller may see it, saving the caller's draft scores of a conversation, and submitting them.
 */
@Tag(name = "Quality reviews")
@Controller("/api/quality/calibrations")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CalibrationApiController {

    private final Calibrations calibrations;
    private final Viewers viewers;

    CalibrationApiController(Calibrations calibrations, Viewers viewers) {
        this.calibrations = calibrations;
        this.viewers = viewers;
    }

    @Serdeable
    record CreateRequest(@Nullable String title, @Nullable String rubric, @Nullable List<Long> interactions,
                         @Nullable List<String> invitees) {
    }

    @Serdeable
    record ScoreRequest(@Nullable List<QualityReviews.MarkInput> marks) {
    }

    @Operation(summary = "The calibration sessions the caller may see (administrators: all; supervisors: those they opened or are "
            + "invited to), newest first, paged (page from 0, size 1-200)")
    @Get
    PageResponse<Calibrations.Summary> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue Integer page,
                                            @Nullable @QueryValue Integer size) {
        return calibrations.list(viewers.of(auth), LocaleResolver.resolve(request), Calibrations.paging(page, size));
    }

    @Operation(summary = "Open a calibration session: title, rubric (code), interactions (2 to 10 ids the caller reviews), "
            + "invitees (1 to 20 supervisors or administrators); 201 with the session")
    @Post
    HttpResponse<Calibrations.Session> create(HttpRequest<?> request, Authentication auth, @Body CreateRequest body) {
        Viewer viewer = viewers.of(auth);
        List<String> ids = body.interactions() == null ? List.of()
                : body.interactions().stream().map(i -> i == null ? "" : String.valueOf(i)).toList();
        long id = calibrations.create(viewer, body.title(), body.rubric(), ids, body.invitees());
        return HttpResponse.created(calibrations.view(viewer, id, LocaleResolver.resolve(request)));
    }

    @Operation(summary = "A calibration session: its conversations with their transcripts, the invitees and who has submitted, "
            + "the caller's own scores, and after the reveal every score, agreement per criterion, the alphas and each reviewer's deviation")
    @Get("/{id}")
    Calibrations.Session get(HttpRequest<?> request, Authentication auth, long id) {
        return calibrations.view(viewers.of(auth), id, LocaleResolver.resolve(request));
    }

    @Operation(summary = "Save the caller's draft scores of one conversation of the session: marks [{criterion, points, na, note}]")
    @Put("/{id}/scores/{interactionId}")
    Calibrations.Session score(HttpRequest<?> request, Authentication auth, long id, long interactionId, @Body ScoreRequest body) {
        Viewer viewer = viewers.of(auth);
        calibrations.score(viewer, id, interactionId, body.marks() == null ? List.of() : body.marks());
        return calibrations.view(viewer, id, LocaleResolver.resolve(request));
    }

    @Operation(summary = "Submit the caller's scores (every conversation fully scored); the last invitee's submission reveals the results")
    @Post("/{id}/submit")
    Calibrations.Session submit(HttpRequest<?> request, Authentication auth, long id) {
        Viewer viewer = viewers.of(auth);
        calibrations.submit(viewer, id);
        return calibrations.view(viewer, id, LocaleResolver.resolve(request));
    }
}
