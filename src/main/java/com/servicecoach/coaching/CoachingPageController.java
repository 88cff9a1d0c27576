package com.servicecoach.coaching;

import static com.servicecoach.web.FormValues.flatten;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.AgentView;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Gaps;
import com.servicecoach.scoring.Goals;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.InvalidInputException;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coaching pages: the form a supervisor records a session with (from the agent's page, or a gap's "Coach"
 * with its focus filled in), and a session's page, where the agent acknowledges it and actions are marked done.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CoachingPageController {

    /** How many action rows the form offers. */
    static final int ACTION_ROWS = 3;
    /** A goal proposed from a gap is due this many days ahead. */
    static final int GOAL_DAYS = 28;

    private final CoachingService coaching;
    private final AgentService agents;
    private final Viewers viewers;
    private final FormErrors formErrors;
    private final ScoringSettingsService settings;
    private final Clock clock;

    CoachingPageController(CoachingService coaching, AgentService agents, Viewers viewers, FormErrors formErrors,
                           ScoringSettingsService settings, Clock clock) {
        this.coaching = coaching;
        this.agents = agents;
        this.viewers = viewers;
        this.formErrors = formErrors;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The form; {@code focus} fills in the focus, and {@code goal} (a figure) with an optional {@code slice} fills in
     * the first action as a goal on that figure with the figure's target (a gap's "Coach").
     */
    @Get("/agents/{employeeNo}/coaching/new")
    ModelAndView<Map<String, Object>> form(Authentication auth, @PathVariable String employeeNo, @Nullable @QueryValue String focus,
                                           @Nullable @QueryValue String goal, @Nullable @QueryValue String slice) {
        Viewer viewer = viewers.of(auth);
        requireRecorder(viewer);
        AgentView agent = agents.get(viewer, employeeNo);
        LocalDate today = LocalDate.now(clock.withZone(settings.current().settings().orgZone()));
        Map<String, String> values = new HashMap<>();
        values.put("heldOn", today.toString());
        values.put("focus", focus == null ? "" : focus.strip());
        values.put("followUpOn", today.plusDays(14).toString());
        if (Goals.figure(goal)) {
            values.put("action0.goal.figure", goal);
            Goals.slice(slice).ifPresent(sl -> values.put("action0.goal.slice", sl.code()));
            values.put("action0.goal.target", Gaps.target(goal, settings.current().settings().figureTargets()).toPlainString());
            values.put("action0.dueOn", today.plusDays(GOAL_DAYS).toString());
        }
        return page(agent, values, List.of());
    }

    @Post(value = "/agents/{employeeNo}/coaching", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, Authentication auth, @PathVariable String employeeNo,
                           @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        Map<String, String> values = flatten(form);
        List<CoachingService.ActionRequest> actions = new ArrayList<>();
        for (int i = 0; i < ACTION_ROWS; i++) {
            String a = "action" + i;
            actions.add(new CoachingService.ActionRequest(values.get(a + ".text"), values.get(a + ".owner"), values.get(a + ".dueOn"),
                    new CoachingService.GoalRequest(values.get(a + ".goal.figure"), values.get(a + ".goal.slice"),
                            values.get(a + ".goal.target"))));
        }
        try {
            CoachingService.SessionView saved = coaching.create(viewer, employeeNo, new CoachingService.SessionRequest(
                    values.get("heldOn"), values.get("focus"), values.get("notes"), values.get("privateNotes"),
                    values.get("followUpOn"), actions));
            return HttpResponse.seeOther(URI.create("/coaching/" + saved.id() + "?saved=1"));
        } catch (InvalidInputException e) {
            // the service names action fields actions[i].x; the form's are action<i>.x
            List<FormErrors.Shown> shown = formErrors.describe(request, e).stream()
                    .map(s -> new FormErrors.Shown(s.field().replaceAll("^actions\\[(\\d+)]", "action$1"), s.message())).toList();
            return HttpResponse.unprocessableEntity().body(page(agents.get(viewer, employeeNo), values, shown));
        }
    }

    @Get("/coaching/{id}")
    ModelAndView<Map<String, Object>> session(Authentication auth, @PathVariable long id, @Nullable @QueryValue String saved) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("s", coaching.get(viewer, id));
        model.put("saved", saved != null);
        return new ModelAndView<>("coaching/session", model);
    }

    @Post(value = "/coaching/{id}/acknowledge", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> acknowledge(Authentication auth, @PathVariable long id, @Body Map<String, Object> form) {
        coaching.acknowledge(viewers.of(auth), id, flatten(form).get("comment"));
        return HttpResponse.seeOther(URI.create("/coaching/" + id));
    }

    @Post(value = "/coaching/actions/{id}/done", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> done(Authentication auth, @PathVariable long id) {
        CoachingService.SessionView s = coaching.done(viewers.of(auth), id);
        return HttpResponse.seeOther(URI.create("/coaching/" + s.id()));
    }

    private ModelAndView<Map<String, Object>> page(AgentView agent, Map<String, String> values, List<FormErrors.Shown> errors) {
        Map<String, Object> model = new HashMap<>();
        model.put("agent", agent);
        model.put("values", values);
        model.put("errors", FormErrors.byField(errors));
        model.put("rows", ACTION_ROWS);
        model.put("owners", List.of(CoachingAction.AGENT, CoachingAction.SUPERVISOR));
        model.put("figures", Goals.FIGURES);
        List<String> channels = java.util.Arrays.stream(Channel.values()).map(Channel::code).toList();
        List<String> slices = new ArrayList<>(channels);
        slices.addAll(Category.CODES);
        model.put("channelCodes", channels);
        model.put("slices", slices);
        return new ModelAndView<>("coaching/form", model);
    }

    private static void requireRecorder(Viewer viewer) {
        if (!CoachingService.records(viewer)) {
            throw new ForbiddenException("Only supervisors and administrators record coaching sessions");
        }
    }
}
