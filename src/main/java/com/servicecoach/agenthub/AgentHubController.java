package com.servicecoach.agenthub;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.AgentView;
import com.servicecoach.assessment.AttemptService;
import com.servicecoach.assessment.AttemptViews;
import com.servicecoach.assessment.Certifications;
import com.servicecoach.scorecard.ScorecardService;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.training.AssignmentService;
import com.servicecoach.training.AssignmentViews;
import com.servicecoach.web.Formats;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An agent's page ({@code /agents/{employeeNo}}), the place to start from when talking about one agent: the
 * profile, the last 30 days' scorecard with the last twelve weeks' trend, the gaps of those 30 days with their
 * evidence and the modules that address them (one click to assign), the coaching sessions and their actions,
 * the training queue and completions,
 * the latest attempts and the certifications. Each part links to its full page. Who may open it is who may
 * see the agent: the agent, their supervisors, HR and administrators; every part is read with the caller's
 * own authority, so it shows no more than the part's own page would.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AgentHubController {

    /** The summary's period: the last 30 days, today included. */
    static final int SUMMARY_DAYS = 30;
    /** The trend: the last twelve weeks, Monday to Sunday, this one included. */
    static final int TREND_WEEKS = 12;
    static final int LATEST_ATTEMPTS = 5;
    /** The due date a recommended module's assignment is proposed with (the supervisor may change it). */
    static final int PROPOSED_DUE_DAYS = 14;

    private final AgentService agents;
    private final ScorecardService scorecards;
    private final AssignmentService assignments;
    private final AttemptService attempts;
    private final Certifications certifications;
    private final ScoringSettingsService settings;
    private final Viewers viewers;
    private final Messages messages;
    private final Clock clock;
    private final com.servicecoach.gaps.GapService gaps;
    private final com.servicecoach.coaching.CoachingService coaching;

    AgentHubController(AgentService agents, ScorecardService scorecards, AssignmentService assignments,
                       AttemptService attempts, Certifications certifications, ScoringSettingsService settings,
                       Viewers viewers, Messages messages, Clock clock, com.servicecoach.gaps.GapService gaps,
                       com.servicecoach.coaching.CoachingService coaching) {
        this.gaps = gaps;
        this.coaching = coaching;
        this.agents = agents;
        this.scorecards = scorecards;
        this.assignments = assignments;
        this.attempts = attempts;
        this.certifications = certifications;
        this.settings = settings;
        this.viewers = viewers;
        this.messages = messages;
        this.clock = clock;
    }

    @Get("/agents/{employeeNo}")
    ModelAndView<Map<String, Object>> hub(HttpRequest<?> request, Authentication auth, @PathVariable String employeeNo,
                                          @Nullable @QueryValue String saved) {
        Viewer viewer = viewers.of(auth);
        AgentView agent = agents.get(viewer, employeeNo);
        Locale locale = LocaleResolver.resolve(request);
        ScoringSettingsService.Current current = settings.current();
        LocalDate today = LocalDate.now(clock.withZone(current.settings().orgZone()));
        LocalDate from = today.minusDays(SUMMARY_DAYS - 1);
        LocalDate trendFrom = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(TREND_WEEKS - 1);

        Map<String, Object> model = new HashMap<>();
        model.put("agent", agent);
        model.put("saved", saved != null);
        model.put("canManage", viewer.isAdmin() || viewer.isSupervisor());
        model.put("fmt", new Formats(messages, locale, current.settings().orgZone()));
        model.put("summaryFrom", from);
        model.put("summaryTo", today);
        ScorecardService.AgentDetail last30 = scorecards.agentDetail(viewer, agent.employeeNo(), from, today);
        model.put("card", last30.result().scorecard());
        model.put("weeks", scorecards.agentDetail(viewer, agent.employeeNo(), trendFrom, today).weeks());

        List<AssignmentViews.Item> training = assignments.list(viewer,
                new AssignmentService.Filter(agent.employeeNo(), null, null, null), locale);
        model.put("queue", training.stream().filter(i -> !"completed".equals(i.status()))
                .sorted(Comparator.comparing(AssignmentViews.Item::dueOn)).toList());
        model.put("completed", training.stream().filter(i -> "completed".equals(i.status()))
                .sorted(Comparator.comparing(AssignmentViews.Item::completedAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList());
        List<AttemptViews.AttemptSummary> all = attempts.list(viewer,
                new AttemptService.Filter(agent.employeeNo(), null, null, null), locale);
        model.put("attempts", all.subList(0, Math.min(LATEST_ATTEMPTS, all.size())));
        model.put("attemptCount", all.size());
        model.put("certifications", certifications.list(viewer, agent.employeeNo(), null, null, null, locale));
        model.put("gaps", gaps.of(viewer, last30, from, today, locale).gaps());
        model.put("proposedDue", today.plusDays(PROPOSED_DUE_DAYS));
        model.put("coaching", coaching.list(viewer, agent.employeeNo()));
        model.put("canCoach", com.servicecoach.coaching.CoachingService.records(viewer));
        return new ModelAndView<>("agenthub/hub", model);
    }
}
