package com.servicecoach.report;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.report.building.PerformanceReportService;
import com.servicecoach.report.building.ReportPeriod;
import com.servicecoach.report.rendering.ReportFormat;
import com.servicecoach.report.rendering.ReportText;
import com.servicecoach.report.rendering.ReportView;
import com.servicecoach.report.thresholds.ThresholdService;
import com.servicecoach.report.thresholds.Thresholds;
import com.servicecoach.scorecard.PagePeriod;
import com.servicecoach.web.Formats;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.http.annotation.Get;
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

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report pages: the index (choose a period and scope), the report itself with its downloads, a shortcut to
 * last month's report for the home pages, and the flagging thresholds (HR changes them; supervisors read them).
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ReportPageController {

    private final ReportExports exports;
    private final ReportView view;
    private final AgentService agents;
    private final ThresholdService thresholds;
    private final ScoringSettingsService settings;
    private final Viewers viewers;
    private final Messages messages;
    private final FormErrors formErrors;
    private final Clock clock;

    ReportPageController(ReportExports exports, ReportView view, AgentService agents, ThresholdService thresholds,
                         ScoringSettingsService settings, Viewers viewers, Messages messages, FormErrors formErrors, Clock clock) {
        this.exports = exports;
        this.view = view;
        this.agents = agents;
        this.thresholds = thresholds;
        this.settings = settings;
        this.viewers = viewers;
        this.messages = messages;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @Get("/reports")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> index(HttpRequest<?> request, Authentication auth) {
        return indexPage(request, reader(auth), Map.of(), Map.of());
    }

    /** The index with its form: the entered values and each field's error, if any. */
    private ModelAndView<Map<String, Object>> indexPage(HttpRequest<?> request, Viewer viewer, Map<String, String> values,
                                                        Map<String, String> errors) {
        Locale locale = LocaleResolver.resolve(request);
        // each choice of scope: the team parameter (empty = all teams) and its label
        List<Map<String, String>> scopes = new ArrayList<>();
        if (viewer.readsAllTeams()) {
            scopes.add(Map.of("param", "", "label", messages.get(locale, "report.allTeams")));
        }
        agents.visibleTeams(viewer).forEach(t -> scopes.add(Map.of("param", t.name(), "label", t.name())));
        ReportPeriod thisMonth = ReportPeriod.parse(today().toString().substring(0, 7));
        List<ReportPeriod> periods = new ArrayList<>();
        ReportPeriod month = thisMonth.previous();
        for (int i = 0; i < 6; i++, month = month.previous()) {
            periods.add(month);
        }
        ReportPeriod quarter = ReportPeriod.quarter(today().getYear(), (today().getMonthValue() - 1) / 3 + 1).previous();
        for (int i = 0; i < 4; i++, quarter = quarter.previous()) {
            periods.add(quarter);
        }
        periods.add(ReportPeriod.year(today().getYear() - 1));
        Map<String, Object> model = new HashMap<>();
        model.put("scopes", scopes);
        model.put("periods", periods);
        model.put("lastMonth", thisMonth.previous());
        model.put("maxDays", PerformanceReportService.MAX_DAYS);
        model.put("values", values);
        model.put("errors", errors);
        return new ModelAndView<>("report/index", model);
    }

    /** Last month's report: all teams for HR and administrators, a supervisor's (first) team for them. */
    @Get("/reports/last-month")
    HttpResponse<?> lastMonth(Authentication auth) {
        Viewer viewer = reader(auth);
        ReportPeriod last = ReportPeriod.parse(today().toString().substring(0, 7)).previous();
        String query = "from=" + last.from() + "&to=" + last.to();
        if (!viewer.readsAllTeams()) {
            List<Team> own = agents.visibleTeams(viewer);
            if (own.isEmpty()) {
                throw new ForbiddenException("You lead no team, so there is no report for you");
            }
            query += "&team=" + enc(own.get(0).name());
        }
        return HttpResponse.seeOther(URI.create("/reports/performance?" + query));
    }

    @Get("/reports/performance")
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> page(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                         @Nullable @QueryValue String to, @Nullable @QueryValue String team) {
        Viewer viewer = viewers.of(auth);
        Map<String, String> errors = periodErrors(request, from, to);
        if (!errors.isEmpty() && !viewer.isAgent()) {
            Map<String, String> values = new HashMap<>();
            values.put("from", from == null ? "" : from);
            values.put("to", to == null ? "" : to);
            values.put("team", team == null ? "" : team);
            return HttpResponse.unprocessableEntity().body(indexPage(request, viewer, values, errors));
        }
        PerformanceReport report = exports.view(viewer, from, to, team, "html");
        Map<String, Object> model = view.model(report, LocaleResolver.resolve(request), true);
        model.put("teams", agents.visibleTeams(viewer).stream().map(Team::name).toList());
        model.put("allTeamsAllowed", viewer.readsAllTeams());
        ReportPeriod period = ReportPeriod.of(LocalDate.parse(report.period().from()), LocalDate.parse(report.period().to()));
        String scope = report.team() == null ? "" : "&team=" + enc(report.team());
        model.put("previousQuery", "from=" + period.previous().from() + "&to=" + period.previous().to() + scope);
        model.put("nextQuery", "from=" + period.next().from() + "&to=" + period.next().to() + scope);
        model.put("nextLabel", period.next().label());
        return HttpResponse.ok(new ModelAndView<>("report/performance", model));
    }

    /** The report form's errors by field, localized: required, real dates, in order, at most {@value PerformanceReportService#MAX_DAYS} days. */
    private Map<String, String> periodErrors(HttpRequest<?> request, @Nullable String from, @Nullable String to) {
        Locale locale = LocaleResolver.resolve(request);
        Map<String, Object[]> problems = (from == null || from.isBlank()) && (to == null || to.isBlank())
                ? Map.of("from", new Object[]{"period.error.required"}, "to", new Object[]{"period.error.required"})
                : PagePeriod.problems(from, to, PerformanceReportService.MAX_DAYS);
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        problems.forEach((field, p) -> errors.put(field, messages.get(locale, (String) p[0],
                java.util.Arrays.stream(p, 1, p.length).map(String::valueOf).toArray())));
        return errors;
    }

    @Get("/reports/performance.pdf")
    HttpResponse<StreamedFile> pdf(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String team, @Nullable @QueryValue String progress) {
        return exports.download(viewers.of(auth), from, to, team, ReportFormat.PDF, progress, LocaleResolver.resolve(request));
    }

    @Get("/reports/performance.csv")
    HttpResponse<StreamedFile> csv(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String team, @Nullable @QueryValue String progress) {
        return exports.download(viewers.of(auth), from, to, team, ReportFormat.CSV, progress, LocaleResolver.resolve(request));
    }

    @Get("/reports/performance.xlsx")
    HttpResponse<StreamedFile> xlsx(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                              @Nullable @QueryValue String to, @Nullable @QueryValue String team, @Nullable @QueryValue String progress) {
        return exports.download(viewers.of(auth), from, to, team, ReportFormat.XLSX, progress, LocaleResolver.resolve(request));
    }

    @Get("/reports/thresholds")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> thresholdsPage(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String saved) {
        Viewer viewer = reader(auth);
        Thresholds current = thresholds.current();
        Map<String, String> values = new HashMap<>();
        values.put("csatMin", plain(current.csatMin()));
        values.put("firstResponseMin", plain(current.firstResponseMin()));
        values.put("resolutionMin", plain(current.resolutionMin()));
        values.put("knowledgeMin", plain(current.knowledgeMin()));
        values.put("bottomPercent", plain(current.bottomPercent()));
        values.put("belowTeamPoints", plain(current.belowTeamPoints()));
        return thresholdsModel(request, viewer, values, Map.of(), saved != null);
    }

    /** HR (and administrators) set the thresholds; everyone else gets 403 from {@link ThresholdService}. */
    @Post(value = "/reports/thresholds", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> saveThresholds(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        Viewer viewer = viewers.of(auth);
        try {
            Map<String, String> values = new HashMap<>(form);
            values.remove("_csrf");
            thresholds.change(viewer, values);
            return HttpResponse.seeOther(URI.create("/reports/thresholds?saved=1"));
        } catch (InvalidInputException e) {
            Map<String, String> values = new HashMap<>(form);
            values.remove("_csrf");
            return HttpResponse.unprocessableEntity().body(thresholdsModel(request, viewer, values,
                    FormErrors.byField(formErrors.describe(request, e)), false));
        }
    }

    private ModelAndView<Map<String, Object>> thresholdsModel(HttpRequest<?> request, Viewer viewer, Map<String, String> values,
                                                             Map<String, String> errors, boolean saved) {
        Thresholds current = thresholds.current();
        Locale locale = LocaleResolver.resolve(request);
        ZoneId zone = settings.current().settings().orgZone();
        Map<String, Object> model = new HashMap<>();
        model.put("current", current);
        model.put("values", values);
        model.put("errors", errors);
        model.put("saved", saved);
        model.put("canChange", viewer.isHr() || viewer.isAdmin());
        model.put("rt", new ReportText(messages, locale, new Formats(messages, locale, zone), zone));
        model.put("updatedAt", current.updatedAt() == null ? ""
                : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(current.updatedAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(zone))
                + " " + zone.getId());
        return new ModelAndView<>("report/thresholds", model);
    }

    /** HR, administrators and supervisors read reports; agents get 403. */
    private Viewer reader(Authentication auth) {
        Viewer viewer = viewers.of(auth);
        if (viewer.isAgent()) {
            throw new ForbiddenException("Agents see their own scorecard, not reports");
        }
        return viewer;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(settings.current().settings().orgZone()));
    }

    private static String plain(@Nullable BigDecimal v) {
        return v == null ? "" : v.toPlainString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
