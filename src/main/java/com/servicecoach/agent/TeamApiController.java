package com.servicecoach.agent;

import com.servicecoach.account.Viewers;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Teams, addressed by name: {@code /api/teams}. */
@Tag(name = "Agents and teams")
@Controller("/api/teams")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TeamApiController {

    @Serdeable
    record TeamForm(@Nullable String name, @Nullable String supervisor) {
    }

    private final AgentService agents;
    private final Viewers viewers;

    TeamApiController(AgentService agents, Viewers viewers) {
        this.agents = agents;
        this.viewers = viewers;
    }

    @Get
    PageResponse<TeamView> list(Authentication auth, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                @Nullable @QueryValue String sort) {
        Paging paging = Paging.parse(page, size, sort, "name", List.of("name", "supervisor", "agents"));
        List<TeamView> all = agents.visibleTeams(viewers.of(auth)).stream().map(agents::view).toList();
        return paging.apply(all, Map.of(
                "name", Comparator.comparing(TeamView::name),
                "supervisor", Comparator.comparing(TeamView::supervisor, Comparator.nullsFirst(Comparator.naturalOrder())),
                "agents", Comparator.comparingLong(TeamView::agents)));
    }

    @Get("/{name}")
    TeamView get(Authentication auth, @PathVariable String name) {
        return agents.view(agents.visibleTeam(viewers.of(auth), name));
    }

    @Post
    HttpResponse<TeamView> create(Authentication auth, @Body TeamForm form) {
        return HttpResponse.created(agents.view(agents.createTeam(viewers.of(auth), form.name(), form.supervisor())));
    }

    @Put("/{name}")
    TeamView update(Authentication auth, @PathVariable String name, @Body TeamForm form) {
        return agents.view(agents.updateTeam(viewers.of(auth), name, form.supervisor()));
    }
}
