package com.servicecoach.training;

import static com.servicecoach.web.FormValues.flatten;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.AgentView;
import com.servicecoach.agent.Team;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Assignment pages: the list (with filters), a new assignment, one assignment (change the due date,
 * cancel), an agent's training queue and the team training matrix.
 */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AssignmentPageController {

    private final AssignmentService service;
    private final TrainingCatalog catalog;
    private final AgentService agents;
    private final Viewers viewers;
    private final FormErrors formErrors;

    private final com.servicecoach.web.Messages messages;

    AssignmentPageController(AssignmentService service, TrainingCatalog catalog, AgentService agents, Viewers viewers,
                             FormErrors formErrors, com.servicecoach.web.Messages messages) {
        this.messages = messages;
        this.service = service;
        this.catalog = catalog;
        this.agents = agents;
        this.viewers = viewers;
        this.formErrors = formErrors;
    }

    @Get("/assignments")
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String status,
                                           @Nullable @QueryValue String team, @Nullable @QueryValue String module,
                                           @Nullable @QueryValue String agent, @Nullable @QueryValue Integer page,
                                           @Nullable @QueryValue String sort, @Nullable @QueryValue String done,
                                           @Nullable @QueryValue Integer n, @Nullable @QueryValue Integer reminded) {
        Viewer viewer = viewers.of(auth);
        Locale locale = LocaleResolver.resolve(request);
        Paging paging = Paging.parse(page, 50, sort, "dueOn", AssignmentApiController.SORTABLE);
        PageResponse<AssignmentViews.Item> result = paging.applyWithin(service.list(viewer,
                new AssignmentService.Filter(agent, team, module, status), locale), AssignmentApiController.ORDER);
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("sort", paging.sortParam());
        model.put("filters", Map.of("status", nz(status), "team", nz(team), "module", nz(module), "agent", nz(agent)));
        model.put("query", "status=" + enc(status) + "&team=" + enc(team) + "&module=" + enc(module) + "&agent=" + enc(agent));
        model.put("statuses", AssignmentService.STATUSES);
        model.put("teams", viewer.isAgent() ? List.of() : agents.visibleTeams(viewer).stream().map(Team::name).toList());
        model.put("modules", catalog.list(null, null, null, locale));
        model.put("canManage", viewer.isAdmin() || viewer.isSupervisor());
        model.put("done", nz(done));
        model.put("bulkCount", n == null ? 0 : n);
        model.put("bulkReminded", reminded == null ? 0 : reminded);
        model.put("bulkActions", AssignmentService.BULK_ACTIONS);
        return new ModelAndView<>("training/assignments", model);
    }

    /** The assignment lines as CSV, with the list's filters and order. */
    @Get(value = "/assignments.csv", produces = "text/csv")
    HttpResponse<io.micronaut.http.server.types.files.StreamedFile> csv(HttpRequest<?> request, Authentication auth,
            @Nullable @QueryValue String status, @Nullable @QueryValue String team, @Nullable @QueryValue String module,
            @Nullable @QueryValue String agent, @Nullable @QueryValue String sort) {
        Viewer viewer = viewers.of(auth);
        Locale locale = LocaleResolver.resolve(request);
        Paging paging = Paging.parse(0, 1, sort, "dueOn", AssignmentApiController.SORTABLE);
        List<AssignmentViews.Item> all = service.list(viewer, new AssignmentService.Filter(agent, team, module, status), locale);
        List<AssignmentViews.Item> sorted = new Paging(0, Math.max(1, all.size()), paging.sortField(), paging.ascending())
                .apply(all, AssignmentApiController.ORDER).content();
        return com.servicecoach.csv.CsvDownload.of("assignments.csv",
                List.of("assignment", "employee_no", "name", "team", "module", "module_title", "due_on", "status", "completed_at", "assigned_by", "via_team"),
                rows -> sorted.forEach(i -> rows.row(java.util.Arrays.asList(String.valueOf(i.id()), i.agent(), i.agentName(), i.team(),
                        i.module(), i.moduleTitle(), i.dueOn().toString(), i.status(), i.completedAt() == null ? null : i.completedAt().toString(),
                        i.assignedBy(), String.valueOf(i.viaTeam())))));
    }

    @Get("/assignments/new")
    ModelAndView<Map<String, Object>> newForm(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String module,
                                              @Nullable @QueryValue String team, @Nullable @QueryValue String agent,
                                              @Nullable @QueryValue String dueOn) {
        Viewer viewer = viewers.of(auth);
        requireManager(viewer);
        Map<String, String> values = new HashMap<>();
        values.put("module", nz(module));
        values.put("team", nz(team));
        // from a gap's "Assign": the agent ticked and a due date proposed; the supervisor confirms
        values.put("target", agent == null || agent.isBlank() ? "team" : "agents");
        if (agent != null && !agent.isBlank()) {
            values.put("agent_" + agent.strip(), "on");
        }
        if (dueOn != null && !dueOn.isBlank()) {
            values.put("dueOn", dueOn.strip());
        }
        return form(request, viewer, values, List.of(), null);
    }

    @Post(value = "/assignments", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, Authentication auth, @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        requireManager(viewer);
        Map<String, String> values = flatten(form);
        boolean toTeam = !"agents".equals(values.get("target"));
        List<String> chosen = new ArrayList<>();
        form.keySet().stream().filter(k -> k.startsWith("agent_")).sorted().forEach(k -> chosen.add(k.substring(6)));
        AssignmentViews.Request body = new AssignmentViews.Request(values.get("module"), toTeam ? null : chosen,
                toTeam ? values.get("team") : null, values.get("dueOn"));
        try {
            List<AssignmentViews.Assignment> created = service.create(viewer, body, LocaleResolver.resolve(request));
            return HttpResponse.seeOther(URI.create("/assignments?done=created&module=" + enc(created.get(0).module())));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(form(request, viewer, values, formErrors.describe(request, e), null));
        } catch (ConflictException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(form(request, viewer, values, List.of(), e.getMessage()));
        }
    }

    @Get("/assignments/{id}")
    ModelAndView<Map<String, Object>> show(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                           @Nullable @QueryValue String saved) {
        Viewer viewer = viewers.of(auth);
        AssignmentViews.Assignment a = service.get(viewer, id, LocaleResolver.resolve(request));
        return detail(viewer, a, Map.of("dueOn", a.dueOn().toString()), List.of(), saved != null);
    }

    @Post(value = "/assignments/{id}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> change(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        Map<String, String> values = flatten(form);
        try {
            service.changeDueDate(viewer, id, values.get("dueOn"), LocaleResolver.resolve(request));
            return HttpResponse.seeOther(URI.create("/assignments/" + id + "?saved=1"));
        } catch (InvalidInputException e) {
            AssignmentViews.Assignment a = service.get(viewer, id, LocaleResolver.resolve(request));
            return HttpResponse.unprocessableEntity().body(detail(viewer, a, values, formErrors.describe(request, e), false));
        }
    }

    /**
     * The list's bulk actions: the ticked lines' assignments (fields {@code id_<id>}) get a new due date, are
     * cancelled or have their agents reminded. Nothing changes when anything is wrong: the list comes back with
     * the error (422).
     */
    @Post(value = "/assignments/bulk", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> bulk(HttpRequest<?> request, Authentication auth, @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        Map<String, String> values = flatten(form);
        List<Long> ids = new ArrayList<>();
        for (String key : form.keySet()) {
            if (key.startsWith("id_")) {
                try {
                    ids.add(Long.parseLong(key.substring(3)));
                } catch (NumberFormatException e) {
                    throw new io.micronaut.http.exceptions.HttpStatusException(HttpStatus.BAD_REQUEST, "not an assignment: " + key);
                }
            }
        }
        String back = values.getOrDefault("back", "");
        try {
            AssignmentService.BulkResult r = service.bulk(viewer, values.get("action"), ids, values.get("dueOn"));
            return HttpResponse.seeOther(URI.create("/assignments?done=" + enc(r.action()) + "&n=" + r.assignments()
                    + "&reminded=" + r.reminded() + (back.matches("[A-Za-z0-9_=&%.,-]*") && !back.isEmpty() ? "&" + back : "")));
        } catch (InvalidInputException e) {
            ModelAndView<Map<String, Object>> page = list(request, auth, null, null, null, null, null, null, null, null, null);
            page.getModel().ifPresent(m -> m.put("bulkErrors", formErrors.describe(request, e)));
            return HttpResponse.unprocessableEntity().body(page);
        }
    }

    @Post(value = "/assignments/{id}/cancel", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> cancel(Authentication auth, @PathVariable long id) {
        service.cancel(viewers.of(auth), id);
        return HttpResponse.seeOther(URI.create("/assignments?done=cancelled"));
    }

    /** The signed-in agent's training queue: open, overdue and completed assignments. */
    @Get("/my-training")
    @Secured("AGENT")
    ModelAndView<Map<String, Object>> queue(HttpRequest<?> request, Authentication auth) {
        Viewer viewer = viewers.of(auth);
        List<AssignmentViews.Item> items = service.queue(viewer, LocaleResolver.resolve(request));
        Map<String, Object> model = new HashMap<>();
        for (String s : AssignmentService.STATUSES) {
            model.put(s, items.stream().filter(i -> i.status().equals(s)).toList());
        }
        model.put("linked", viewer.employeeNo() != null);
        return new ModelAndView<>("training/my", model);
    }

    /** The team value that shows every visible team's matrix, one after another. */
    static final String ALL_TEAMS = "_all";

    /** The training matrix of one team, or of all the viewer's teams ({@value #ALL_TEAMS}, the default for supervisors). */
    @Get("/training-matrix")
    @Secured({"ADMIN", "SUPERVISOR", "HR"})
    ModelAndView<Map<String, Object>> matrix(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String team) {
        Viewer viewer = viewers.of(auth);
        List<String> teams = agents.visibleTeams(viewer).stream().map(Team::name).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("teams", teams);
        String chosen = team != null && !team.isBlank() ? team.strip()
                : viewer.isSupervisor() ? ALL_TEAMS : teams.isEmpty() ? null : teams.get(0);
        Locale locale = LocaleResolver.resolve(request);
        List<AssignmentViews.Matrix> matrices = chosen == null ? List.of() : ALL_TEAMS.equals(chosen)
                ? teams.stream().map(t -> service.matrix(viewer, t, locale)).toList()
                : List.of(service.matrix(viewer, chosen, locale));
        model.put("chosen", chosen == null ? "" : chosen);
        model.put("allTeams", ALL_TEAMS);
        model.put("matrices", matrices);
        model.put("statuses", List.of("overdue", "open", "completed", "expired", "none"));
        model.put("fmt", new com.servicecoach.web.Formats(messages, locale, java.time.ZoneOffset.UTC));
        return new ModelAndView<>("training/matrix", model);
    }

    private ModelAndView<Map<String, Object>> form(HttpRequest<?> request, Viewer viewer, Map<String, String> values,
                                                   List<FormErrors.Shown> errors, @Nullable String conflict) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", FormErrors.byField(errors));
        model.put("conflict", conflict);
        model.put("modules", catalog.list(null, null, null, LocaleResolver.resolve(request)));
        model.put("teams", agents.visibleTeams(viewer).stream().map(Team::name).toList());
        List<AgentView> assignable = agents.list(viewer, AgentService.Filter.NONE).stream()
                .filter(a -> !"left".equals(a.status())).toList();
        model.put("agents", assignable);
        return new ModelAndView<>("training/assignment-form", model);
    }

    private ModelAndView<Map<String, Object>> detail(Viewer viewer, AssignmentViews.Assignment a, Map<String, String> values,
                                                     List<FormErrors.Shown> errors, boolean saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("assignment", a);
        model.put("values", values);
        model.put("errors", FormErrors.byField(errors));
        model.put("saved", saved);
        model.put("canManage", viewer.isAdmin() || viewer.isSupervisor());
        return new ModelAndView<>("training/assignment", model);
    }

    private static void requireManager(Viewer viewer) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw new ForbiddenException("Only administrators and supervisors assign training");
        }
    }

    private static String enc(@Nullable String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
