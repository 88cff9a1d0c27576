package com.servicecoach.interaction;

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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The interactions behind the figures: {@code GET /api/interactions} (paged, filtered and sorted by the database). */
@Tag(name = "Interactions and scorecards")
@Controller("/api/interactions")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class InteractionApiController {

    private final InteractionService interactions;
    private final Viewers viewers;

    InteractionApiController(InteractionService interactions, Viewers viewers) {
        this.interactions = interactions;
        this.viewers = viewers;
    }

    @Operation(summary = "List interactions: agent, team, from, to (created_at date in the organization's zone), channel, "
            + "category, breached=first_response|resolution, band, priority=low|normal|high|urgent, handover=given|received "
            + "(an agent's or team's interactions are those it handled or owns; resolution breaches and received handovers "
            + "are the owner's); sort=createdAt|firstResponseAt|resolvedAt|agent|team|"
            + "channel|category|rating|externalId,asc|desc (default createdAt,desc)")
    @Get
    PageResponse<InteractionView> list(Authentication auth, @Nullable @QueryValue String agent, @Nullable @QueryValue String team,
                                       @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                       @Nullable @QueryValue String channel, @Nullable @QueryValue String category,
                                       @Nullable @QueryValue String breached, @Nullable @QueryValue String band,
                                       @Nullable @QueryValue String externalId, @Nullable @QueryValue String priority,
                                       @Nullable @QueryValue String handover,
                                       @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                       @Nullable @QueryValue String sort) {
        Paging paging = paging(page, size, sort);
        return interactions.list(viewers.of(auth),
                new InteractionService.Filters(agent, team, from, to, channel, category, breached, band, externalId,
                        priority, handover), paging);
    }

    /** Paging with the list's default order, newest first. */
    static Paging paging(@Nullable Integer page, @Nullable Integer size, @Nullable String sort) {
        Paging p = Paging.parse(page, size, sort, "createdAt", InteractionStore.SORTABLE);
        if (sort == null || sort.isBlank()) {
            return new Paging(p.page(), p.size(), "createdAt", false);
        }
        return p;
    }
}
