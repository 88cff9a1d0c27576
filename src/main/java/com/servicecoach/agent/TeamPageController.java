package com.servicecoach.agent;

import com.servicecoach.account.Role;
import com.servicecoach.account.UserRepository;
import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.InvalidInputException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The teams page; administrators create teams and choose their supervisor there. */
@Hidden
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller("/teams")
@Secured({"ADMIN", "SUPERVISOR", "HR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class TeamPageController {

    private final AgentService agents;
    private final Viewers viewers;
    private final UserRepository users;
    private final FormErrors formErrors;

    TeamPageController(AgentService agents, Viewers viewers, UserRepository users, FormErrors formErrors) {
        this.agents = agents;
        this.viewers = viewers;
        this.users = users;
        this.formErrors = formErrors;
    }

    @Get
    ModelAndView<Map<String, Object>> list(Authentication auth) {
        return page(viewers.of(auth), Map.of(), List.of());
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    MutableHttpResponse<?> create(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        Viewer viewer = viewers.of(auth);
        try {
            agents.createTeam(viewer, form.get("name"), form.get("supervisor"));
            return HttpResponse.seeOther(URI.create("/teams"));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(page(viewer, form, formErrors.describe(request, e)));
        }
    }

    @Post(value = "/{name}/supervisor", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    MutableHttpResponse<?> changeSupervisor(HttpRequest<?> request, Authentication auth, @PathVariable String name,
                                            @Body Map<String, String> form) {
        Viewer viewer = viewers.of(auth);
        try {
            agents.updateTeam(viewer, name, form.get("supervisor"));
            return HttpResponse.seeOther(URI.create("/teams"));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(page(viewer, Map.of(), formErrors.describe(request, e)));
        }
    }

    private ModelAndView<Map<String, Object>> page(Viewer viewer, Map<String, String> values, List<FormErrors.Shown> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("teams", agents.visibleTeams(viewer).stream().map(agents::view).toList());
        model.put("supervisors", users.findByRoleOrderByUsername(Role.SUPERVISOR).stream().map(u -> u.username()).toList());
        model.put("canManage", viewer.isAdmin());
        Map<String, String> v = new HashMap<>(values);
        v.remove("_csrf");
        model.put("values", v);
        model.put("errors", FormErrors.byField(errors));
        return new ModelAndView<>("agent/teams", model);
    }
}
