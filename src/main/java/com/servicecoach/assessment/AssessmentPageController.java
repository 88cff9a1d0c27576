package com.servicecoach.assessment;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.LocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Assessment pages: an agent's assessments, one assessment (start or continue), taking an attempt, its
 * result, the grading queue and the essay grading form, item analysis and certifications.
 */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AssessmentPageController {

    private final AttemptService attempts;
    private final GradingQueue grading;
    private final ItemAnalysisService analysis;
    private final Certifications certifications;
    private final AssessmentAccess access;
    private final AgentService agents;
    private final TrainingModuleRepository modules;
    private final Viewers viewers;
    private final FormErrors formErrors;
    private final Clock clock;
    private final AttemptRepository attemptRows;

    AssessmentPageController(AttemptService attempts, GradingQueue grading, ItemAnalysisService analysis,
                             Certifications certifications, AssessmentAccess access, AgentService agents,
                             TrainingModuleRepository modules, Viewers viewers, FormErrors formErrors, Clock clock,
                             AttemptRepository attemptRows) {
        this.attemptRows = attemptRows;
        this.attempts = attempts;
        this.grading = grading;
        this.analysis = analysis;
        this.certifications = certifications;
        this.access = access;
        this.agents = agents;
        this.modules = modules;
        this.viewers = viewers;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @Get("/my-assessments")
    ModelAndView<Map<String, Object>> mine(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String agent) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("standings", attempts.standings(viewer, agent, LocaleResolver.resolve(request)));
        return new ModelAndView<>("assessment/mine", model);
    }

    @Get("/assessments/{code}")
    ModelAndView<Map<String, Object>> assessment(HttpRequest<?> request, Authentication auth, @PathVariable String code,
                                                 @Nullable @QueryValue String agent) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("s", attempts.standing(viewer, code, agent, LocaleResolver.resolve(request)));
        return new ModelAndView<>("assessment/assessment", model);
    }

    @Post(value = "/assessments/{code}/start", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> start(HttpRequest<?> request, Authentication auth, @PathVariable String code) {
        AttemptViews.AttemptView a = attempts.start(viewers.of(auth), code, LocaleResolver.resolve(request));
        return HttpResponse.seeOther(URI.create("/attempts/" + a.attempt()));
    }

    @Get("/attempts/{id}")
    ModelAndView<Map<String, Object>> attempt(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                              @Nullable @QueryValue Integer page) {
        Viewer viewer = viewers.of(auth);
        Locale locale = LocaleResolver.resolve(request);
        boolean taking = attempts.takesAnswersFrom(viewer, id);
        AttemptViews.AttemptView a = attempts.get(viewer, id, locale);
        Map<String, Object> model = new HashMap<>();
        model.put("a", a);
        if (!taking) {
            return new ModelAndView<>("assessment/result", model);
        }
        List<AttemptViews.QuestionView> shown = a.questions();
        int pages = 1;
        int current = 1;
        if ("one_per_page".equals(a.layout()) && !a.questions().isEmpty()) {
            pages = a.questions().size();
            current = page == null ? 1 : Math.max(1, Math.min(pages, page));
            shown = List.of(a.questions().get(current - 1));
        }
        model.put("shown", shown);
        model.put("page", current);
        model.put("pages", pages);
        model.put("now", Instant.now(clock).toString());
        return new ModelAndView<>("assessment/take", model);
    }

    @Post(value = "/attempts/{id}/submit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        attempts.submit(viewers.of(auth), id, LocaleResolver.resolve(request));
        return HttpResponse.seeOther(URI.create("/attempts/" + id));
    }

    @Get("/grading")
    ModelAndView<Map<String, Object>> queue(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String team,
                                            @Nullable @QueryValue String graded) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("items", grading.list(viewer, team, null, LocaleResolver.resolve(request)));
        model.put("teams", agents.visibleTeams(viewer).stream().map(Team::name).toList());
        model.put("team", team == null ? "" : team);
        model.put("graded", graded != null);
        return new ModelAndView<>("assessment/queue", model);
    }

    @Get("/grading/{attemptId}/{questionId}")
    ModelAndView<Map<String, Object>> gradeForm(HttpRequest<?> request, Authentication auth, @PathVariable long attemptId,
                                                @PathVariable long questionId) {
        Viewer viewer = viewers.of(auth);
        return new ModelAndView<>("assessment/grade", gradeModel(viewer, attemptId, questionId, Map.of(), List.of()));
    }

    @Post(value = "/grading/{attemptId}/{questionId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> grade(HttpRequest<?> request, Authentication auth, @PathVariable long attemptId, @PathVariable long questionId,
                          @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        access.requireGraderRole(viewer);
        Map<String, String> values = new HashMap<>();
        form.forEach((k, v) -> values.put(k, v == null ? "" : String.valueOf(v)));
        GradingQueue.Waiting w = grading.waiting(viewer, attemptId, questionId);
        List<Object> points = new ArrayList<>();
        for (AttemptViews.RubricLine line : w.item().rubric()) {
            points.add(values.getOrDefault("points_" + line.position(), ""));
        }
        try {
            grading.grade(viewer, attemptId, questionId, new AttemptViews.GradeRequest(points, values.get("comment")),
                    LocaleResolver.resolve(request));
            return HttpResponse.seeOther(URI.create("/grading?graded=" + attemptId));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("assessment/grade",
                    gradeModel(viewer, attemptId, questionId, values, formErrors.describe(request, e))));
        }
    }

    private Map<String, Object> gradeModel(Viewer viewer, long attemptId, long questionId, Map<String, String> values,
                                           List<FormErrors.Shown> errors) {
        GradingQueue.Waiting w = grading.waiting(viewer, attemptId, questionId);
        Map<String, Object> model = new HashMap<>();
        model.put("w", w);
        model.put("values", values);
        Map<String, String> byField = new HashMap<>();
        for (FormErrors.Shown e : errors) {
            String field = e.field();
            if (field.startsWith("points[")) {
                field = "points_" + (Integer.parseInt(field.substring(7, field.length() - 1)) + 1);
            }
            byField.putIfAbsent(field, e.message());
        }
        model.put("errors", byField);
        return model;
    }

    @Get("/item-analysis")
    ModelAndView<Map<String, Object>> itemAnalysis(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String module,
                                                   @Nullable @QueryValue String team) {
        Viewer viewer = viewers.of(auth);
        access.requireStaff(viewer);
        Locale locale = LocaleResolver.resolve(request);
        List<TrainingModule> all = modules.findAllOrderByCode();
        Map<String, Object> model = new HashMap<>();
        List<Map<String, String>> choices = new ArrayList<>();
        all.forEach(m -> choices.add(Map.of("code", m.code(), "title", m.title().in(locale))));
        model.put("modules", choices);
        model.put("teams", agents.visibleTeams(viewer).stream().map(Team::name).toList());
        // without a choice: the first module that has finished attempts to analyse (else the first module)
        String code = module == null || module.isBlank()
                ? all.stream().filter(m -> !attemptRows.findByModuleIdAndStateAndFinalAtIsNotNullOrderById(m.id(), Attempt.FINISHED).isEmpty())
                    .findFirst().or(() -> all.stream().findFirst()).map(TrainingModule::code).orElse(null)
                : module.trim();
        model.put("module", code == null ? "" : code);
        model.put("team", team == null ? "" : team);
        if (code != null) {
            model.put("analysis", analysis.analyse(viewer, code, team, locale));
        }
        return new ModelAndView<>("assessment/item-analysis", model);
    }

    @Get("/certifications")
    ModelAndView<Map<String, Object>> certifications(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String status,
                                                     @Nullable @QueryValue String team, @Nullable @QueryValue String agent) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        List<AttemptViews.CertificationView> list = certifications.list(viewer, agent, team, null, status, LocaleResolver.resolve(request));
        model.put("certifications", list);
        model.put("expiring", list.stream().filter(c -> c.status().equals("expiring")).count());
        model.put("status", status == null ? "" : status);
        model.put("team", team == null ? "" : team);
        model.put("teams", viewer.isAgent() ? List.of() : agents.visibleTeams(viewer).stream().map(Team::name).toList());
        model.put("staff", !viewer.isAgent());
        return new ModelAndView<>("assessment/certifications", model);
    }
}
