package com.servicecoach.interaction;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.web.Formats;
import com.servicecoach.settings.ScoringSettingsService;
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

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The interactions page: the list behind every scorecard figure, with its filters, sorting and paging. */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class InteractionPageController {

    private final InteractionService interactions;
    private final AgentService agents;
    private final ScoringSettingsService settings;
    private final Viewers viewers;
    private final Messages messages;

    InteractionPageController(InteractionService interactions, AgentService agents, ScoringSettingsService settings,
                              Viewers viewers, Messages messages) {
        this.interactions = interactions;
        this.agents = agents;
        this.settings = settings;
        this.viewers = viewers;
        this.messages = messages;
    }

    @Get("/interactions")
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String agent,
                                           @Nullable @QueryValue String team, @Nullable @QueryValue String from,
                                           @Nullable @QueryValue String to, @Nullable @QueryValue String channel,
                                           @Nullable @QueryValue String category, @Nullable @QueryValue String breached,
                                           @Nullable @QueryValue String band, @Nullable @QueryValue String externalId,
                                           @Nullable @QueryValue String priority, @Nullable @QueryValue String handover,
                                           @Nullable @QueryValue Integer page, @Nullable @QueryValue String sort) {
        Viewer viewer = viewers.of(auth);
        Paging paging = InteractionApiController.paging(page, 50, sort);
        InteractionService.Filters f = new InteractionService.Filters(agent, team, from, to, channel, category, breached, band,
                externalId, priority, handover);
        PageResponse<InteractionView> result = interactions.list(viewer, f, paging);
        if (paging.within(result.totalElements()) != paging) {
            // past the last page: the page shows the last one
            result = interactions.list(viewer, f, paging.within(result.totalElements()));
        }
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("agent", nz(agent));
        filters.put("team", nz(team));
        filters.put("from", nz(from));
        filters.put("to", nz(to));
        filters.put("channel", nz(channel));
        filters.put("category", nz(category));
        filters.put("breached", nz(breached));
        filters.put("band", nz(band));
        filters.put("externalId", nz(externalId));
        filters.put("priority", nz(priority));
        filters.put("handover", nz(handover));
        StringBuilder query = new StringBuilder();
        filters.forEach((k, v) -> {
            if (!v.isBlank()) {
                query.append(query.length() == 0 ? "" : "&").append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("filters", filters);
        model.put("query", query.toString());
        model.put("sort", paging.sortParam());
        model.put("isAgent", viewer.isAgent());
        model.put("teams", viewer.isAgent() ? List.of() : agents.visibleTeams(viewer).stream().map(Team::name).toList());
        model.put("channels", InteractionService.CHANNELS);
        model.put("categories", InteractionService.CATEGORIES);
        model.put("bands", InteractionService.BANDS);
        model.put("breachedOptions", InteractionService.BREACHED);
        model.put("priorities", com.servicecoach.scoring.Priority.CODES);
        model.put("handovers", InteractionService.HANDOVERS);
        model.put("fmt", new Formats(messages, LocaleResolver.resolve(request), settings.current().settings().orgZone()));
        return new ModelAndView<>("interaction/list", model);
    }

    /** How many rows a CSV of the interaction list holds at most; narrower filters give the rest. */
    static final int CSV_MAX_ROWS = 100_000;
    private static final int CSV_PAGE = 1_000;

    /**
     * The interaction list as CSV, with the list's filters and order: up to {@value #CSV_MAX_ROWS} rows, read a
     * thousand at a time and written to a temporary file, so memory stays bounded. When the list is longer, the
     * file says so in its last line.
     */
    @Get(value = "/interactions.csv", produces = "text/csv")
    HttpResponse<io.micronaut.http.server.types.files.StreamedFile> csv(Authentication auth, @Nullable @QueryValue String agent,
            @Nullable @QueryValue String team, @Nullable @QueryValue String from, @Nullable @QueryValue String to,
            @Nullable @QueryValue String channel, @Nullable @QueryValue String category, @Nullable @QueryValue String breached,
            @Nullable @QueryValue String band, @Nullable @QueryValue String priority, @Nullable @QueryValue String handover,
            @Nullable @QueryValue String sort) {
        Viewer viewer = viewers.of(auth);
        InteractionService.Filters f = new InteractionService.Filters(agent, team, from, to, channel, category, breached, band,
                null, priority, handover);
        Paging first = InteractionApiController.paging(0, Paging.DEFAULT_SIZE, sort); // checks the sort

        return com.servicecoach.csv.CsvDownload.of("interactions.csv", List.of("source", "external_id", "agent", "agent_name", "team",
                "channel", "category", "created_at", "first_response_at", "resolved_at", "rating", "band", "first_response_seconds",
                "resolution_seconds", "first_response_sla", "resolution_sla", "comment", "priority", "owner", "owner_name", "reopened",
                "first_response_target_seconds", "resolution_target_seconds"), rows -> {
            long written = 0;
            long total = 0;
            for (int page = 0; written < CSV_MAX_ROWS; page++) {
                PageResponse<InteractionView> p = interactions.list(viewer, f,
                        new Paging(page, CSV_PAGE, first.sortField(), first.ascending()));
                total = p.totalElements();
                for (InteractionView i : p.content()) {
                    if (written++ >= CSV_MAX_ROWS) {
                        break;
                    }
                    rows.row(java.util.Arrays.asList(i.source(), i.externalId(), i.agent(), i.agentName(), i.team(), i.channel(),
                            i.category(), str(i.createdAt()), str(i.firstResponseAt()), str(i.resolvedAt()), str(i.rating()), i.band(),
                            str(i.firstResponseSeconds()), str(i.resolutionSeconds()), i.firstResponseSla(), i.resolutionSla(), i.comment(),
                            i.priority(), i.owner(), i.ownerName(), str(i.reopened()), str(i.firstResponseTargetSeconds()),
                            str(i.resolutionTargetSeconds())));
                }
                if (p.content().size() < CSV_PAGE) {
                    break;
                }
            }
            if (total > CSV_MAX_ROWS) {
                rows.row(List.of("# only the first " + CSV_MAX_ROWS + " of " + total + " interactions: narrow the filters for the rest"));
            }
        });
    }

    private static @Nullable String str(@Nullable Object o) {
        return o == null ? null : o.toString();
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s.strip();
    }
}
