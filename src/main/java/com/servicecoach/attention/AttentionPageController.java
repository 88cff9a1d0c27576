package com.servicecoach.attention;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.scorecard.PagePeriod;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.Formats;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
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
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /attention}: the agents who need attention ({@link AttentionService}) as a table that sorts and pages, with
 * the period of the gaps and a team to narrow it to. Supervisors see their teams, HR and administrators everyone
 * (HR without the buttons that coach); agents 403. A bad period re-renders the form with its errors (422) over
 * the last 30 days.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AttentionPageController {

    /** Rows per page. */
    static final int PAGE_SIZE = 50;

    private final AttentionService attention;
    private final AgentService agents;
    private final Viewers viewers;
    private final ScoringSettingsService settings;
    private final Messages messages;
    private final Clock clock;

    AttentionPageController(AttentionService attention, AgentService agents, Viewers viewers, ScoringSettingsService settings,
                            Messages messages, Clock clock) {
        this.attention = attention;
        this.agents = agents;
        this.viewers = viewers;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    @Get("/attention")
    HttpResponse<?> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                         @Nullable @QueryValue String to, @Nullable @QueryValue String team,
                         @Nullable @QueryValue Integer page, @Nullable @QueryValue String sort) {
        Viewer viewer = viewers.of(auth);
        if (viewer.isAgent()) {
            throw new ForbiddenException("Agents see their own page, not who needs attention");
        }
        Locale locale = LocaleResolver.resolve(request);
        ZoneId zone = settings.current().settings().orgZone();
        Map<String, Object> model = new HashMap<>();
        Map<String, String> errors = PagePeriod.formErrors(messages, locale, from, to, AttentionService.MAX_DAYS, model);
        PagePeriod period = errors.isEmpty() ? PagePeriod.of(from, to, zone, clock) : PagePeriod.defaultPeriod(zone, clock);
        String teamName = team == null ? "" : team.strip();
        Paging paging = Paging.parse(page, PAGE_SIZE, sort, "attention", AttentionService.SORTABLE);
        PageResponse<AttentionService.Row> result = paging.applyWithin(
                attention.rows(viewer, teamName, period.from(), period.to(), locale), AttentionService.ORDER);
        model.put("result", result);
        model.put("sort", paging.sortParam());
        model.put("period", period);
        model.put("team", teamName);
        model.put("teams", agents.visibleTeams(viewer).stream().map(Team::name).toList());
        model.put("query", period.query() + (teamName.isEmpty() ? "" : "&team=" + AttentionService.enc(teamName)));
        model.put("canCoach", viewer.isAdmin() || viewer.isSupervisor());
        model.put("fmt", new Formats(messages, locale, zone));
        ModelAndView<Map<String, Object>> view = new ModelAndView<>("attention/list", model);
        return errors.isEmpty() ? HttpResponse.ok(view) : HttpResponse.unprocessableEntity().body(view);
    }
}
