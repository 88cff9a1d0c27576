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
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Agent profiles: {@code /api/agents}. What each role sees is decided by {@link AgentService}. */
@Tag(name = "Agents and teams")
@Controller("/api/agents")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgentApiController {

    static final List<String> SORTABLE = List.of("employeeNo", "name", "email", "team", "hiredOn", "status");
    static final Map<String, Comparator<AgentView>> ORDER = Map.of(
            "employeeNo", Comparator.comparing(AgentView::employeeNo),
            "name", Comparator.comparing(AgentView::name),
            "email", Comparator.comparing(AgentView::email),
            "team", Comparator.comparing(AgentView::team).thenComparing(AgentView::employeeNo),
            "hiredOn", Comparator.comparing(AgentView::hiredOn, Comparator.nullsFirst(Comparator.naturalOrder())),
            "status", Comparator.comparing(AgentView::status).thenComparing(AgentView::employeeNo));

    private final AgentService agents;
    private final Viewers viewers;

    AgentApiController(AgentService agents, Viewers viewers) {
        this.agents = agents;
        this.viewers = viewers;
    }

    @Get
    PageResponse<AgentView> list(Authentication auth, @Nullable @QueryValue String q, @Nullable @QueryValue String team,
                                 @Nullable @QueryValue String status, @Nullable @QueryValue String channel,
                                 @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                 @Nullable @QueryValue String sort) {
        Paging paging = Paging.parse(page, size, sort, "employeeNo", SORTABLE);
        return paging.apply(agents.list(viewers.of(auth), new AgentService.Filter(q, team, status, channel)), ORDER);
    }

    @Get("/{employeeNo}")
    AgentView get(Authentication auth, @PathVariable String employeeNo) {
        return agents.get(viewers.of(auth), employeeNo);
    }

    @Post
    HttpResponse<AgentView> create(Authentication auth, @Body AgentForm form) {
        return HttpResponse.created(agents.create(viewers.of(auth), form));
    }

    @Put("/{employeeNo}")
    AgentView update(Authentication auth, @PathVariable String employeeNo, @Body AgentForm form) {
        return agents.update(viewers.of(auth), employeeNo, form);
    }
}
