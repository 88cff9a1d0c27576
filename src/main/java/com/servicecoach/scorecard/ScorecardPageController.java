package com.servicecoach.scorecard;

import com.servicecoach.web.Formats;
import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.RatingBand;
import com.servicecoach.scoring.Scorecard;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import com.servicecoach.web.NotFoundException;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import io.micronaut.serde.ObjectMapper;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Scorecard pages: the agent's (figures with how each is computed, weekly trend, rating bands, breakdowns by
 * channel and category, each figure linking to its interactions), the team's (its figures and its agents
 * ranked by composite), an index for supervisors, HR and administrators, and the "how is this computed" page.
 */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ScorecardPageController {

    static final List<String> RANK_SORTS = List.of("rank", "employeeNo", "name", "interactions", "frtMedian",
            "firstResponseSla", "resolutionSla", "csat", "rated", "averageRating", "knowledge", "composite");

    private final ScorecardService scorecards;
    private final ScoringSettingsService settings;
    private final AgentService agents;
    private final Viewers viewers;
    private final Messages messages;
    private final ObjectMapper json;
    private final Clock clock;
    private final Overviews overviews;
    private final List<TeamPageSection> teamSections;
    private final List<AgentPageSection> agentSections;

    ScorecardPageController(ScorecardService scorecards, ScoringSettingsService settings, AgentService agents,
                            Viewers viewers, Messages messages, ObjectMapper json, Clock clock, Overviews overviews,
                            List<TeamPageSection> teamSections, List<AgentPageSection> agentSections) {
        this.overviews = overviews;
        this.teamSections = teamSections;
        this.agentSections = agentSections;
        this.scorecards = scorecards;
        this.settings = settings;
        this.agents = agents;
        this.viewers = viewers;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    @Get("/scorecards")
    HttpResponse<?> index(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                          @Nullable @QueryValue String to) {
        Viewer viewer = viewers.of(auth);
        if (viewer.isAgent()) {
            return HttpResponse.seeOther(URI.create("/scorecards/me"));
        }
        ScoringSettingsService.Current current = settings.current();
        Map<String, Object> model = base(request, current);
        Map<String, String> errors = periodErrors(request, from, to, model);
        PagePeriod period = errors.isEmpty() ? PagePeriod.of(from, to, current.settings().orgZone(), clock)
                : PagePeriod.defaultPeriod(current.settings().orgZone(), clock);
        model.put("period", period);
        model.put("blocks", overviews.teams(viewer, period.from(), period.to()));
        model.put("openAll", viewer.isSupervisor());
        return respond(errors, new ModelAndView<>("scorecard/index", model));
    }

    /** An agent's own scorecard. */
    @Get("/scorecards/me")
    HttpResponse<?> me(Authentication auth) {
        Viewer viewer = viewers.of(auth);
        if (viewer.employeeNo() == null) {
            throw new NotFoundException("No agent profile is linked to this user");
        }
        return HttpResponse.seeOther(URI.create("/scorecards/agents/" + enc(viewer.employeeNo())));
    }

    @Get("/scorecards/agents/{employeeNo}")
    HttpResponse<?> agent(HttpRequest<?> request, Authentication auth, @PathVariable String employeeNo,
                          @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        Viewer viewer = viewers.of(auth);
        ScoringSettingsService.Current current = settings.current();
        Map<String, Object> formState = new HashMap<>();
        Map<String, String> errors = periodErrors(request, from, to, formState);
        PagePeriod period = errors.isEmpty() ? PagePeriod.of(from, to, current.settings().orgZone(), clock)
                : PagePeriod.defaultPeriod(current.settings().orgZone(), clock);
        ScorecardService.AgentDetail d = scorecards.agentDetail(viewer, employeeNo, period.from(), period.to());
        Map<String, Object> model = base(request, d.result().settings());
        model.putAll(formState);
        model.put("period", period);
        model.put("agent", d.agent());
        model.put("team", d.team());
        model.put("card", d.result().scorecard());
        model.put("scope", "agent=" + enc(d.agent().employeeNo()));
        model.put("weeks", d.weeks());
        model.put("byChannel", d.byChannel());
        model.put("byCategory", d.byCategory());
        model.put("byPriority", d.byPriority());
        model.put("owners", d.owners());
        model.put("canSeeTeam", !viewer.isAgent());
        PagePeriod before = period.previous();
        model.put("teamCard", scorecards.teamOfAgent(viewer, employeeNo, period.from(), period.to()));
        model.put("previousCard", scorecards.agent(viewer, employeeNo, before.from(), before.to()).scorecard());
        model.put("previous", before);
        model.put("chartJson", chartJson(d.weeks(), d.result().scorecard(), period));
        // what other features show of the agent in the period (the customer survey's dimensions)
        for (AgentPageSection section : agentSections) {
            section.addTo(model, viewer, d.agent().employeeNo(), period.from(), period.to(), LocaleResolver.resolve(request));
        }
        return respond(errors, new ModelAndView<>("scorecard/agent", model));
    }

    @Get("/scorecards/teams/{team}")
    HttpResponse<?> team(HttpRequest<?> request, Authentication auth, @PathVariable String team,
                         @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                         @Nullable @QueryValue String sort) {
        Viewer viewer = viewers.of(auth);
        ScoringSettingsService.Current current = settings.current();
        Map<String, Object> formState = new HashMap<>();
        Map<String, String> errors = periodErrors(request, from, to, formState);
        PagePeriod period = errors.isEmpty() ? PagePeriod.of(from, to, current.settings().orgZone(), clock)
                : PagePeriod.defaultPeriod(current.settings().orgZone(), clock);
        Paging paging = Paging.parse(0, 1, sort, "rank", RANK_SORTS);
        ScorecardService.TeamDetail d = scorecards.teamDetail(viewer, team, period.from(), period.to());
        Map<String, Object> model = base(request, d.result().settings());
        model.putAll(formState);
        model.put("period", period);
        model.put("team", d.team());
        model.put("card", d.result().scorecard());
        model.put("scope", "team=" + enc(d.team().name()));
        model.put("ranking", sorted(d.ranking(), paging.sortField(), paging.ascending()));
        model.put("sort", paging.sortParam());
        model.put("weeks", d.weeks());
        model.put("byChannel", d.byChannel());
        model.put("byCategory", d.byCategory());
        model.put("byPriority", d.byPriority());
        model.put("owners", d.owners());
        PagePeriod before = period.previous();
        model.put("previousCard", scorecards.team(viewer, team, before.from(), before.to()).scorecard());
        model.put("previous", before);
        model.put("chartJson", chartJson(d.weeks(), d.result().scorecard(), period));
        // what other features show of the team in the period (its coaching: sessions held, actions done, overdue)
        for (TeamPageSection section : teamSections) {
            section.addTo(model, viewer, d.team().name(), period.from(), period.to(), LocaleResolver.resolve(request));
        }
        return respond(errors, new ModelAndView<>("scorecard/team", model));
    }

    /** The team ranking as CSV: the page's columns, every figure as the scorecard API serializes it. */
    @Get(value = "/scorecards/teams/{team}/ranking.csv", produces = "text/csv")
    HttpResponse<io.micronaut.http.server.types.files.StreamedFile> rankingCsv(Authentication auth, @PathVariable String team,
                                                                                @Nullable @QueryValue String from,
                                                                                @Nullable @QueryValue String to) {
        Viewer viewer = viewers.of(auth);
        ScoringSettingsService.Current current = settings.current();
        PagePeriod period = PagePeriod.of(from, to, current.settings().orgZone(), clock);
        ScorecardService.TeamOverview o = scorecards.teamOverview(viewer, team, period.from(), period.to());
        return com.servicecoach.csv.CsvDownload.of("ranking-" + o.team().name() + "-" + period.from() + "-" + period.to() + ".csv",
                List.of("rank", "employee_no", "name", "composite", "first_response_sla_percent", "resolution_sla_percent", "csat_percent",
                        "insufficient_ratings", "knowledge_percent", "interactions", "frt_median_seconds", "rated", "average_rating"),
                rows -> o.ranking().forEach(r -> {
                    Scorecard c = r.scorecard();
                    rows.row(java.util.Arrays.asList(r.rank() == null ? null : r.rank().toString(), r.agent().employeeNo(), r.agent().name(),
                            plain(c.composite().score()), plain(c.firstResponseSla().percent()), plain(c.resolutionSla().percent()),
                            plain(c.csatPercent()), String.valueOf(c.insufficientRatings()), plain(c.knowledgePercent()),
                            String.valueOf(c.interactions()), plain(c.frtMedianSeconds()), String.valueOf(c.rated()), plain(c.averageRating())));
                }));
    }

    private static @Nullable String plain(@Nullable Object n) {
        return n == null ? null : n instanceof java.math.BigDecimal d ? d.toPlainString() : n.toString();
    }

    /**
     * The period form's errors, localized, by field; when there are any, the entered values and the errors go
     * into the model so the form shows them, and the page shows this month's figures meanwhile (answered 422).
     */
    private Map<String, String> periodErrors(HttpRequest<?> request, @Nullable String from, @Nullable String to,
                                             Map<String, Object> model) {
        return PagePeriod.formErrors(messages, LocaleResolver.resolve(request), from, to, 0, model);
    }

    private static HttpResponse<?> respond(Map<String, String> errors, ModelAndView<Map<String, Object>> page) {
        return errors.isEmpty() ? HttpResponse.ok(page) : HttpResponse.unprocessableEntity().body(page);
    }

    /** How every figure is computed, with the settings in force. */
    @Get("/scorecards/how")
    ModelAndView<Map<String, Object>> how(HttpRequest<?> request) {
        ScoringSettingsService.Current current = settings.current();
        Map<String, Object> model = base(request, current);
        model.put("doc", current.document());
        model.put("caseRules", current.settings().caseTargets().rules());
        model.put("weekdays", ScoringSettingsService.WEEKDAYS);
        return new ModelAndView<>("scorecard/how", model);
    }

    private Map<String, Object> base(HttpRequest<?> request, ScoringSettingsService.Current current) {
        Map<String, Object> model = new HashMap<>();
        model.put("targets", current.settings().figureTargets());
        model.put("fmt", new Formats(messages, LocaleResolver.resolve(request), current.settings().orgZone()));
        model.put("settingsVersion", current.version());
        model.put("settingsHash", current.shortHash());
        // what everyone but administrators sees of the settings: the day they were saved (none: the defaults)
        java.time.Instant savedAt = current.document().savedAt();
        model.put("settingsDate", savedAt == null ? "" : java.time.format.DateTimeFormatter
                .ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(LocaleResolver.resolve(request))
                .format(savedAt.atZone(current.settings().orgZone())));
        model.put("settingsDoc", current.document());
        model.put("channels", java.util.Arrays.stream(Channel.values()).map(Channel::code).toList());
        model.put("bandCodes", java.util.Arrays.stream(RatingBand.values()).map(RatingBand::code).toList());
        return model;
    }

    /** The ranking in the requested order; absent values always last; ties in rank order. */
    static List<ScorecardService.RankRow> sorted(List<ScorecardService.RankRow> rows, String field, boolean ascending) {
        Map<String, Function<ScorecardService.RankRow, Comparable<?>>> keys = new LinkedHashMap<>();
        keys.put("rank", r -> r.rank());
        keys.put("employeeNo", r -> r.agent().employeeNo());
        keys.put("name", r -> r.agent().name());
        keys.put("interactions", r -> r.scorecard().interactions());
        keys.put("frtMedian", r -> r.scorecard().frtMedianSeconds());
        keys.put("firstResponseSla", r -> r.figures().firstResponseSla().percent());
        keys.put("resolutionSla", r -> r.figures().resolutionSla().percent());
        keys.put("csat", r -> r.figures().csatPercent());
        keys.put("rated", r -> r.scorecard().rated());
        keys.put("averageRating", r -> r.figures().averageRating());
        keys.put("knowledge", r -> r.figures().knowledgePercent());
        keys.put("composite", r -> r.figures().composite().score());
        Function<ScorecardService.RankRow, Comparable<?>> key = keys.get(field);
        List<ScorecardService.RankRow> out = new ArrayList<>(rows);
        Comparator<ScorecardService.RankRow> byKey = (a, b) -> {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Comparable<Object> x = (Comparable) key.apply(a);
            Comparable<?> y = key.apply(b);
            if (x == null || y == null) {
                return x == null ? (y == null ? 0 : 1) : -1;
            }
            int c = x.compareTo(y);
            return ascending ? c : -c;
        };
        out.sort(byKey);
        return out;
    }

    /**
     * The data of the charts: one entry per week (partial when the period or today cuts it short, so that a short
     * week's few interactions are not read as a dip), the band counts, and the targets to draw as lines.
     */
    private String chartJson(List<ScorecardService.Week> weeks, Scorecard card, PagePeriod period) {
        List<Map<String, Object>> w = new ArrayList<>();
        for (ScorecardService.Week week : weeks) {
            Scorecard s = week.scorecard();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", week.from().toString());
            m.put("to", week.to().toString());
            m.put("interactions", s.interactions());
            m.put("firstResponseSla", s.firstResponseSla().percent());
            m.put("resolutionSla", s.resolutionSla().percent());
            m.put("csat", s.csatPercent());
            m.put("partial", week.from().getDayOfWeek() != java.time.DayOfWeek.MONDAY
                    || week.to().getDayOfWeek() != java.time.DayOfWeek.SUNDAY || !week.to().isBefore(period.today()));
            w.add(m);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("weeks", w);
        ScoringSettings.FigureTargets targets = settings.current().settings().figureTargets();
        Map<String, Object> lines = new LinkedHashMap<>();
        lines.put("firstResponseSla", targets.firstResponseSla());
        lines.put("resolutionSla", targets.resolutionSla());
        lines.put("csat", targets.csat());
        data.put("targets", lines);
        data.put("bands", List.of(card.bands().verySatisfied(), card.bands().satisfied(), card.bands().neutral(),
                card.bands().dissatisfied(), card.bands().veryDissatisfied()));
        try {
            return json.writeValueAsString(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
