package com.servicecoach.promise;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.account.Viewers;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/promises?within=24h&team=&owner=&page=&size=&sort=}: the open contacts due within the window or
 * overdue ({@link PromiseService}), with the owners' counts; the contacts paged as api.md's lists, oldest due first.
 */
@Tag(name = "Interactions and scorecards")
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class PromiseApiController {

    /** The answer: the window as ISO-8601 (PT24H), the owners' counts and a page of the contacts. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record PromisesResponse(String within, Instant now, boolean truncated, @Nullable Instant latestImport,
                            List<PromiseService.OwnerCount> owners, PageResponse<PromiseService.Contact> contacts) {
    }

    private final PromiseService promises;
    private final Viewers viewers;

    PromiseApiController(PromiseService promises, Viewers viewers) {
        this.promises = promises;
        this.viewers = viewers;
    }

    @Operation(summary = "Open promises: open contacts due within a window (within=1h|4h|24h|72h|PT24H..., default 24h, at most 30 days) "
            + "or overdue, of the owners the caller may see (team, owner = employee number); sort=due|created|owner|priority,asc|desc")
    @Get("/api/promises")
    PromisesResponse list(Authentication auth, @Nullable @QueryValue String within, @Nullable @QueryValue String team,
                          @Nullable @QueryValue String owner, @Nullable @QueryValue Integer page,
                          @Nullable @QueryValue Integer size, @Nullable @QueryValue String sort) {
        Paging paging = Paging.parse(page, size, sort, "due", PromiseService.SORTABLE);
        PromiseService.Promises p = promises.open(viewers.of(auth), PromiseService.within(within), team, owner);
        return new PromisesResponse(p.within().toString(), p.now(), p.truncated(), p.latestImport(), p.owners(),
                paging.apply(p.contacts(), PromiseService.ORDER));
    }
}
