package com.servicecoach.home;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.AgentView;
import com.servicecoach.agent.TeamView;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The first page after sign-in: what each role needs first. */
@Hidden
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class HomeController {

    private final Viewers viewers;
    private final AgentService agents;

    HomeController(Viewers viewers, AgentService agents) {
        this.viewers = viewers;
        this.agents = agents;
    }

    @Get
    ModelAndView<Map<String, Object>> home(Authentication auth) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("role", viewer.role().name());
        if (viewer.isAgent()) {
            List<AgentView> me = agents.list(viewer, AgentService.Filter.NONE);
            model.put("me", me.isEmpty() ? null : me.get(0));
        } else {
            List<TeamView> teams = agents.visibleTeams(viewer).stream().map(agents::view).toList();
            model.put("teams", teams);
            model.put("agentCount", teams.stream().mapToLong(TeamView::agents).sum());
            List<AgentView> all = agents.list(viewer, AgentService.Filter.NONE);
            model.put("onLeave", all.stream().filter(a -> a.status().equals("on_leave")).toList());
        }
        return new ModelAndView<>("home/" + viewer.role().name().toLowerCase(), model);
    }
}
