package com.servicecoach.agent;

import static com.servicecoach.web.FormValues.flatten;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.NotFoundException;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
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
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agent pages: the list with search, filters, sorting and paging; create and edit forms. The agent's own page,
 * {@code /agents/{employeeNo}}, draws on every feature and lives in {@code agenthub}.
 */
@Hidden
@io.micronaut.http.annotation.Produces(io.micronaut.http.MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgentPageController {

    private final AgentService agents;
    private final Viewers viewers;
    private final FormErrors formErrors;

    AgentPageController(AgentService agents, Viewers viewers, FormErrors formErrors) {
        this.agents = agents;
        this.viewers = viewers;
        this.formErrors = formErrors;
    }

    @Get("/agents")
    ModelAndView<Map<String, Object>> list(Authentication auth, @Nullable @QueryValue String q, @Nullable @QueryValue String team,
                                           @Nullable @QueryValue String status, @Nullable @QueryValue String channel,
                                           @Nullable @QueryValue Integer page, @Nullable @QueryValue String sort) {
        Viewer viewer = viewers.of(auth);
        if (viewer.isAgent()) {
            throw new io.micronaut.security.authentication.AuthorizationException(auth);
        }
        Paging paging = Paging.parse(page, 20, sort, "employeeNo", AgentApiController.SORTABLE);
        PageResponse<AgentView> result = paging.applyWithin(
                agents.list(viewer, new AgentService.Filter(q, team, status, channel)), AgentApiController.ORDER);
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("sort", paging.sortParam());
        model.put("filters", Map.of("q", nz(q), "team", nz(team), "status", nz(status), "channel", nz(channel)));
        model.put("query", "q=" + enc(q) + "&team=" + enc(team) + "&status=" + enc(status) + "&channel=" + enc(channel));
        model.put("teams", agents.visibleTeams(viewer).stream().map(Team::name).toList());
        model.put("statuses", AgentStatus.ALL);
        model.put("channels", AgentService.CHANNELS);
        model.put("canManage", viewer.isAdmin() || viewer.isSupervisor());
        return new ModelAndView<>("agent/list", model);
    }

    /** The agent list as CSV, with the list's filters and order (the whole list, not one page). */
    @Get(value = "/agents.csv", produces = "text/csv")
    HttpResponse<io.micronaut.http.server.types.files.StreamedFile> csv(Authentication auth, @Nullable @QueryValue String q,
            @Nullable @QueryValue String team, @Nullable @QueryValue String status, @Nullable @QueryValue String channel,
            @Nullable @QueryValue String sort) {
        Viewer viewer = viewers.of(auth);
        if (viewer.isAgent()) {
            throw new io.micronaut.security.authentication.AuthorizationException(auth);
        }
        Paging paging = Paging.parse(0, 1, sort, "employeeNo", AgentApiController.SORTABLE);
        List<AgentView> all = agents.list(viewer, new AgentService.Filter(q, team, status, channel));
        List<AgentView> sorted = new Paging(0, Math.max(1, all.size()), paging.sortField(), paging.ascending())
                .apply(all, AgentApiController.ORDER).content();
        return com.servicecoach.csv.CsvDownload.of("agents.csv",
                List.of("employee_no", "name", "email", "team", "channels", "hired_on", "status", "helpdesk_id"),
                rows -> sorted.forEach(a -> rows.row(java.util.Arrays.asList(a.employeeNo(), a.name(), a.email(), a.team(),
                        String.join(";", a.channels()), a.hiredOn() == null ? null : a.hiredOn().toString(), a.status(),
                        a.helpdeskId()))));
    }

    /** An agent's own profile. */
    @Get("/me")
    HttpResponse<?> me(Authentication auth) {
        Viewer viewer = viewers.of(auth);
        if (viewer.employeeNo() == null) {
            throw new NotFoundException("No agent profile is linked to this user");
        }
        return HttpResponse.seeOther(URI.create("/agents/" + enc(viewer.employeeNo())));
    }

    @Get("/agents/new")
    ModelAndView<Map<String, Object>> newForm(Authentication auth) {
        Viewer viewer = viewers.of(auth);
        agents.requireManager(viewer);
        return form(viewer, Map.of("status", "active"), List.of(), null);
    }

    @Post(value = "/agents", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> create(HttpRequest<?> request, Authentication auth, @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        Map<String, String> values = flatten(form);
        try {
            AgentView created = agents.create(viewer, toForm(values, form));
            return HttpResponse.seeOther(URI.create("/agents/" + enc(created.employeeNo()) + "?saved=1"));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(form(viewer, values, formErrors.describe(request, e), null));
        }
    }

    @Get("/agents/{employeeNo}/edit")
    ModelAndView<Map<String, Object>> editForm(Authentication auth, @PathVariable String employeeNo) {
        Viewer viewer = viewers.of(auth);
        agents.requireManager(viewer);
        AgentView agent = agents.get(viewer, employeeNo);
        Map<String, String> values = new HashMap<>();
        values.put("employeeNo", agent.employeeNo());
        values.put("name", agent.name());
        values.put("email", agent.email());
        values.put("helpdeskId", agent.helpdeskId() == null ? "" : agent.helpdeskId());
        values.put("team", agent.team());
        values.put("hiredOn", agent.hiredOn() == null ? "" : agent.hiredOn().toString());
        values.put("status", agent.status());
        agent.channels().forEach(c -> values.put("channel_" + c, "on"));
        return form(viewer, values, List.of(), agent);
    }

    @Post(value = "/agents/{employeeNo}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    MutableHttpResponse<?> update(HttpRequest<?> request, Authentication auth, @PathVariable String employeeNo,
                                  @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        agents.requireManager(viewer);
        AgentView existing = agents.get(viewer, employeeNo);
        Map<String, String> values = flatten(form);
        values.put("employeeNo", employeeNo);
        try {
            agents.update(viewer, employeeNo, toForm(values, form));
            return HttpResponse.seeOther(URI.create("/agents/" + enc(employeeNo) + "?saved=1"));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(form(viewer, values, formErrors.describe(request, e), existing));
        }
    }

    private ModelAndView<Map<String, Object>> form(Viewer viewer, Map<String, String> values, List<FormErrors.Shown> errors,
                                                   @Nullable AgentView existing) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", FormErrors.byField(errors));
        model.put("existing", existing);
        model.put("teams", agents.visibleTeams(viewer).stream().map(Team::name).toList());
        model.put("statuses", AgentStatus.ALL);
        model.put("channels", AgentService.CHANNELS);
        return new ModelAndView<>("agent/form", model);
    }

    /** Form fields: one checkbox per channel, named {@code channel_chat} and so on; an empty helpdeskId clears it. */
    private static AgentForm toForm(Map<String, String> values, Map<String, Object> raw) {
        List<String> channels = AgentService.CHANNELS.stream().filter(c -> raw.containsKey("channel_" + c)).toList();
        return new AgentForm(values.get("employeeNo"), values.get("name"), values.get("email"),
                values.get("helpdeskId"), values.get("team"), channels, values.get("hiredOn"), values.get("status"));
    }

    static String enc(@Nullable String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }

}
