package com.servicecoach.home;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.attention.AttentionService;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.AgentView;
import com.servicecoach.agent.TeamView;
import com.servicecoach.coaching.CoachingService;
import com.servicecoach.training.AssignmentService;
import com.servicecoach.scorecard.Overviews;
import com.servicecoach.scorecard.PagePeriod;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.Formats;
import com.servicecoach.web.Messages;
import java.time.Clock;
import java.time.ZoneId;
import com.servicecoach.web.LocaleResolver;
import io.micronaut.http.HttpRequest;
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

    /** How long a closed goal stays on the agent's home page. */
    static final int GOALS_CLOSED_DAYS = 30;

    private final Viewers viewers;
    private final AgentService agents;
    private final AssignmentService assignments;
    private final Overviews overviews;
    private final ScoringSettingsService settings;
    private final Messages messages;
    private final Clock clock;
    private final CoachingService coaching;
    private final AttentionService attention;

    /** How many of the agents who need attention a supervisor's home page shows. */
    static final int ATTENTION_ROWS = 5;

    HomeController(Viewers viewers, AgentService agents, AssignmentService assignments, Overviews overviews,
                   ScoringSettingsService settings, Messages messages, Clock clock, CoachingService coaching,
                   AttentionService attention) {
        this.coaching = coaching;
        this.attention = attention;
        this.overviews = overviews;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
        this.viewers = viewers;
        this.agents = agents;
        this.assignments = assignments;
    }

    @Get
    ModelAndView<Map<String, Object>> home(HttpRequest<?> request, Authentication auth) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("role", viewer.role().name());
        if (viewer.isAgent()) {
            List<AgentView> me = agents.list(viewer, AgentService.Filter.NONE);
            model.put("me", me.isEmpty() ? null : me.get(0));
            model.put("training", assignments.queue(viewer, LocaleResolver.resolve(request)).stream()
                    .filter(i -> !i.status().equals("completed")).toList());
            // the agent's coaching goals: open ones with their progress, and those closed in the last 30 days
            model.put("goals", me.isEmpty() ? List.of() : coaching.goals(viewer, me.get(0).employeeNo(), GOALS_CLOSED_DAYS));
        } else {
            List<TeamView> teams = agents.visibleTeams(viewer).stream().map(agents::view).toList();
            model.put("teams", teams);
            model.put("agentCount", teams.stream().mapToLong(TeamView::agents).sum());
            List<AgentView> all = agents.list(viewer, AgentService.Filter.NONE);
            model.put("onLeave", all.stream().filter(a -> a.status().equals("on_leave")).toList());
            if (viewer.isSupervisor()) {
                model.put("trainingCounts", assignments.counts(viewer));
                // the supervisor's teams over the last 30 days, the agents who need attention first
                ZoneId zone = settings.current().settings().orgZone();
                PagePeriod period = PagePeriod.of(null, null, zone, clock);
                model.put("period", period);
                model.put("blocks", overviews.teams(viewer, period.from(), period.to()));
                model.put("targets", overviews.targets());
                model.put("fmt", new Formats(messages, LocaleResolver.resolve(request), zone));
                // who needs attention first (gaps of the same 30 days), the whole list on /attention
                model.put("attention", attention.top(viewer, period.from(), period.to(), LocaleResolver.resolve(request), ATTENTION_ROWS));
            }
        }
        return new ModelAndView<>("home/" + viewer.role().name().toLowerCase(), model);
    }
}
