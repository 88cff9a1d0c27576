package com.servicecoach.survey;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentService;
import com.servicecoach.scorecard.PagePeriod;
import com.servicecoach.scoring.SurveyFigures;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The survey's JSON API:
 * <ul>
 *   <li>{@code GET /api/surveys/definition} (anyone signed in) and {@code PUT} (administrators): the survey's
 *   dimensions, link life and rate limit, versioned.</li>
 *   <li>{@code GET /api/surveys/figures?from&to&team}: figures of the viewer's agents (or one team), in total, per
 *   team and per agent (supervisors their teams, HR and administrators all; agents 403).</li>
 *   <li>{@code GET /api/agents/{no}/survey?from&to}: one agent's figures (the agent themselves too).</li>
 *   <li>{@code GET /api/surveys/remarks?from&to&agent&team&q&page&size}: customers' remarks, newest first; with
 *   {@code dimension} (and optionally {@code channel} or {@code category}) the answers below 7 to that dimension.</li>
 * </ul>
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyApiController {

    /** The longest period read at once, as reports. */
    static final int MAX_DAYS = 366;

    @Serdeable
    record DefinitionJson(int version, @Nullable String savedBy, @Nullable Instant savedAt, SurveyDefinition definition) {
        static DefinitionJson of(SurveyDefinitions.Current c) {
            return new DefinitionJson(c.version(), c.savedBy(), c.savedAt(), c.definition());
        }
    }

    @Serdeable
    record TeamFigures(String team, SurveyFigures.Rounded figures) {
    }

    @Serdeable
    record AgentFigures(String employeeNo, String name, String team, SurveyFigures.Rounded figures) {
    }

    @Serdeable
    record ScopeJson(LocalDate from, LocalDate to, int surveyVersion, SurveyFigures.Rounded total, List<TeamFigures> teams,
                     List<AgentFigures> agents) {
    }

    @Serdeable
    record AgentJson(String employeeNo, LocalDate from, LocalDate to, int surveyVersion, SurveyFigures.Rounded figures) {
    }

    private final SurveyService surveys;
    private final SurveyDefinitions definitions;
    private final AgentService agents;
    private final Viewers viewers;
    private final ScoringSettingsService settings;
    private final Clock clock;

    SurveyApiController(SurveyService surveys, SurveyDefinitions definitions, AgentService agents, Viewers viewers,
                        ScoringSettingsService settings, Clock clock) {
        this.surveys = surveys;
        this.definitions = definitions;
        this.agents = agents;
        this.viewers = viewers;
        this.settings = settings;
        this.clock = clock;
    }

    @Get("/api/surveys/definition")
    DefinitionJson definition() {
        return DefinitionJson.of(definitions.current());
    }

    @Put("/api/surveys/definition")
    DefinitionJson save(Authentication auth, @Body SurveyDefinition definition) {
        return DefinitionJson.of(definitions.save(viewers.of(auth), definition));
    }

    @Get("/api/surveys/figures")
    ScopeJson figures(Authentication auth, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                      @Nullable @QueryValue String team) {
        Viewer viewer = viewers.of(auth);
        PagePeriod period = period(from, to);
        SurveyService.Scoped s = surveys.scope(viewer, team == null || team.isBlank() ? null : team, period.from(), period.to());
        Map<Long, String> teamNames = new java.util.HashMap<>();
        agents.visibleTeams(viewer).forEach(t -> teamNames.put(t.id(), t.name()));
        List<TeamFigures> teams = new ArrayList<>();
        s.byTeam().forEach((id, f) -> teams.add(new TeamFigures(teamNames.getOrDefault(id, String.valueOf(id)), f.rounded())));
        teams.sort(Comparator.comparing(TeamFigures::team));
        List<AgentFigures> list = new ArrayList<>();
        for (Agent a : agents.visibleAgents(viewer)) {
            SurveyFigures f = s.byAgent().get(a.id());
            if (f != null) {
                list.add(new AgentFigures(a.employeeNo(), a.name(), teamNames.getOrDefault(a.teamId(), ""), f.rounded()));
            }
        }
        return new ScopeJson(period.from(), period.to(), definitions.current().version(), s.total().rounded(), teams, list);
    }

    @Get("/api/agents/{employeeNo}/survey")
    AgentJson agent(Authentication auth, @PathVariable String employeeNo, @Nullable @QueryValue String from,
                    @Nullable @QueryValue String to) {
        PagePeriod period = period(from, to);
        SurveyFigures f = surveys.agent(viewers.of(auth), employeeNo, period.from(), period.to());
        return new AgentJson(employeeNo, period.from(), period.to(), definitions.current().version(), f.rounded());
    }

    @Get("/api/surveys/remarks")
    PageResponse<SurveyStore.Remark> remarks(Authentication auth, @Nullable @QueryValue String from,
                                             @Nullable @QueryValue String to, @Nullable @QueryValue String agent,
                                             @Nullable @QueryValue String team,
                                             @Nullable @QueryValue String q, @Nullable @QueryValue String dimension,
                                             @Nullable @QueryValue String channel, @Nullable @QueryValue String category,
                                             @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        Viewer viewer = viewers.of(auth);
        PagePeriod period = period(from, to);
        Paging paging = Paging.parse(page, size, null, "answeredAt", List.of("answeredAt"));
        SurveyStore.Find find = new SurveyStore.Find(q, dimension, channel, category);
        long total = surveys.countRemarks(viewer, agent, team, period.from(), period.to(), find);
        List<SurveyStore.Remark> rows = surveys.remarks(viewer, agent, team, period.from(), period.to(), find, paging.offset(), paging.size());
        return new PageResponse<>(rows, paging.page(), paging.size(), total);
    }

    private PagePeriod period(@Nullable String from, @Nullable String to) {
        var problems = PagePeriod.problems(from, to, MAX_DAYS);
        if (!problems.isEmpty()) {
            throw new BadRequestException("from and to must be dates YYYY-MM-DD, from not after to, at most " + MAX_DAYS
                    + " days apart (" + String.join(", ", problems.keySet()) + ")");
        }
        return PagePeriod.of(from, to, settings.current().settings().orgZone(), clock);
    }
}
