package com.servicecoach.survey;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.scorecard.PagePeriod;
import com.servicecoach.scoring.SurveyFigures;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
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
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The survey pages: {@code /surveys} (the dimension report of the viewer's agents, laid out as the reference survey:
 * dimension, satisfied %, bands, agent-driven and company-driven apart; per team and per agent), {@code /surveys/remarks}
 * (customers' remarks, searchable, each with its interaction), and {@code /admin/survey} (administrators edit the
 * dimensions). Supervisors see their teams, HR and administrators everyone; agents read their own on their scorecard.
 */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyPageController {

    /** A dimension's row as the page shows it. */
    public record Row(String code, String label, boolean agentDriven, long answers, @Nullable BigDecimal satisfied,
                      @Nullable BigDecimal low, @Nullable BigDecimal high, @Nullable BigDecimal mean,
                      com.servicecoach.scoring.RatingBands bands, BigDecimal target, String state) {
    }

    /** An agent's line in the per-agent table. */
    public record AgentLine(String employeeNo, String name, String team, SurveyFigures.Rounded figures) {
    }

    private final SurveyService surveys;
    private final SurveyDefinitions definitions;
    private final AgentService agents;
    private final Viewers viewers;
    private final ScoringSettingsService settings;
    private final Messages messages;
    private final FormErrors formErrors;
    private final Clock clock;

    SurveyPageController(SurveyService surveys, SurveyDefinitions definitions, AgentService agents, Viewers viewers,
                         ScoringSettingsService settings, Messages messages, FormErrors formErrors, Clock clock) {
        this.surveys = surveys;
        this.definitions = definitions;
        this.agents = agents;
        this.viewers = viewers;
        this.settings = settings;
        this.messages = messages;
        this.formErrors = formErrors;
        this.clock = clock;
    }

    @Get("/surveys")
    HttpResponse<?> overview(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String team,
                             @Nullable @QueryValue String sort) {
        Viewer viewer = viewers.of(auth);
        Locale locale = LocaleResolver.resolve(request);
        Map<String, Object> model = new HashMap<>();
        Map<String, String> errors = PagePeriod.formErrors(messages, locale, from, to, SurveyApiController.MAX_DAYS, model);
        PagePeriod period = errors.isEmpty() ? PagePeriod.of(from, to, settings.current().settings().orgZone(), clock)
                : PagePeriod.defaultPeriod(settings.current().settings().orgZone(), clock);
        String teamName = team == null || team.isBlank() ? null : team;
        SurveyService.Scoped s = surveys.scope(viewer, teamName, period.from(), period.to());
        SurveyDefinitions.Current def = definitions.current();
        List<Team> teams = agents.visibleTeams(viewer);
        Map<Long, String> teamNames = new HashMap<>();
        teams.forEach(t -> teamNames.put(t.id(), t.name()));
        model.put("period", period);
        model.put("teams", teams.stream().map(Team::name).toList());
        model.put("team", teamName == null ? "" : teamName);
        model.put("total", s.total().rounded());
        model.put("agentRows", rows(s.total(), def.definition(), locale, true));
        model.put("companyRows", rows(s.total(), def.definition(), locale, false));
        model.put("chart", chart(messages, s.total(), def.definition(), locale));
        List<Map<String, Object>> teamLines = new ArrayList<>();
        for (Team t : teams) {
            SurveyFigures f = s.byTeam().get(t.id());
            if (f != null) {
                teamLines.add(Map.of("name", t.name(), "figures", f.rounded()));
            }
        }
        model.put("teamLines", teamLines);
        List<AgentLine> agentLines = new ArrayList<>();
        for (Agent a : agents.visibleAgents(viewer)) {
            SurveyFigures f = s.byAgent().get(a.id());
            if (f != null && f.returned() > 0) {
                agentLines.add(new AgentLine(a.employeeNo(), a.name(), teamNames.getOrDefault(a.teamId(), ""), f.rounded()));
            }
        }
        boolean byName = "name".equals(sort);
        agentLines.sort(byName ? Comparator.comparing(AgentLine::name)
                : Comparator.comparing((AgentLine l) -> l.figures().agentDrivenIndex(), Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(AgentLine::name));
        model.put("agentLines", agentLines);
        model.put("sort", byName ? "name" : "index");
        model.put("agentDimensions", def.definition().dimensions().stream().filter(SurveyDefinition.Dimension::agentDriven)
                .map(d -> Map.of("code", d.code(), "label", d.label(locale))).toList());
        model.put("query", period.query() + (teamName == null ? "" : "&team=" + java.net.URLEncoder.encode(teamName,
                java.nio.charset.StandardCharsets.UTF_8)));
        model.put("surveyVersion", def.version());
        model.put("isAdmin", viewer.isAdmin());
        model.put("canImport", viewer.isAdmin() || viewer.isSupervisor());
        return errors.isEmpty() ? HttpResponse.ok(new ModelAndView<>("survey/overview", model))
                : HttpResponse.unprocessableEntity().body(new ModelAndView<>("survey/overview", model));
    }

    @Get("/surveys/remarks")
    HttpResponse<?> remarks(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                            @Nullable @QueryValue String to, @Nullable @QueryValue String agent,
                            @Nullable @QueryValue String team,
                            @Nullable @QueryValue String q, @Nullable @QueryValue String dimension,
                            @Nullable @QueryValue String channel, @Nullable @QueryValue String category,
                            @Nullable @QueryValue Integer page) {
        Viewer viewer = viewers.of(auth);
        Locale locale = LocaleResolver.resolve(request);
        Map<String, Object> model = new HashMap<>();
        Map<String, String> errors = PagePeriod.formErrors(messages, locale, from, to, SurveyApiController.MAX_DAYS, model);
        PagePeriod period = errors.isEmpty() ? PagePeriod.of(from, to, settings.current().settings().orgZone(), clock)
                : PagePeriod.defaultPeriod(settings.current().settings().orgZone(), clock);
        String who = agent == null || agent.isBlank() ? null : agent.strip();
        Paging paging = Paging.parse(page, 50, null, "answeredAt", List.of("answeredAt"));
        SurveyStore.Find find = new SurveyStore.Find(q, dimension, channel, category);
        long total = surveys.countRemarks(viewer, who, team, period.from(), period.to(), find);
        paging = paging.within(total);
        List<SurveyStore.Remark> rows = surveys.remarks(viewer, who, team, period.from(), period.to(), find, paging.offset(), paging.size());
        model.put("period", period);
        model.put("result", new PageResponse<>(rows, paging.page(), paging.size(), total));
        model.put("q", q == null ? "" : q);
        model.put("agent", who == null ? "" : who);
        StringBuilder query = new StringBuilder(period.query());
        if (who != null) {
            query.append("&agent=").append(java.net.URLEncoder.encode(who, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String[] kv : new String[][]{{"team", team}, {"dimension", dimension}, {"channel", channel}, {"category", category}}) {
            if (kv[1] != null && !kv[1].isBlank()) {
                query.append('&').append(kv[0]).append('=').append(java.net.URLEncoder.encode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        SurveyDefinition.Dimension asked = dimension == null ? null : definitions.current().definition().dimension(dimension);
        boolean byDimension = dimension != null && !dimension.isBlank();
        model.put("dimension", byDimension ? dimension.strip() : "");
        model.put("dimensionLabel", asked == null ? (byDimension ? dimension.strip() : "") : asked.label(locale));
        model.put("team", team == null ? "" : team.strip());
        model.put("channel", channel == null ? "" : channel.strip());
        model.put("category", category == null ? "" : category.strip());
        if (q != null && !q.isBlank()) {
            query.append("&q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        }
        model.put("query", query.toString());
        return errors.isEmpty() ? HttpResponse.ok(new ModelAndView<>("survey/remarks", model))
                : HttpResponse.unprocessableEntity().body(new ModelAndView<>("survey/remarks", model));
    }

    // ---- the definition (administrators) ---------------------------------------------------------------------

    @Get("/admin/survey")
    @Secured("ADMIN")
    ModelAndView<Map<String, Object>> definitionForm(@Nullable @QueryValue String saved) {
        SurveyDefinitions.Current c = definitions.current();
        return definitionPage(c, values(c.definition()), Map.of(), saved != null);
    }

    @Post(value = "/admin/survey", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> saveDefinition(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        List<FieldError> parseErrors = new ArrayList<>();
        List<Integer> formRows = new ArrayList<>();
        SurveyDefinition d = parse(form, parseErrors, formRows);
        try {
            List<FieldError> all = new ArrayList<>(parseErrors);
            if (!parseErrors.isEmpty()) {
                d.problems().stream().filter(p -> parseErrors.stream().noneMatch(e -> e.field().equals(p.field()))).forEach(all::add);
                throw new InvalidInputException(all);
            }
            definitions.save(viewers.of(auth), d);
            return HttpResponse.seeOther(URI.create("/admin/survey?saved=1"));
        } catch (InvalidInputException e) {
            Map<String, String> values = new LinkedHashMap<>(form);
            values.remove("_csrf");
            // the errors name the definition's dimensions; the form shows them on the rows they came from
            List<FieldError> onRows = e.errors().stream().map(x -> onFormRow(x, formRows)).toList();
            return HttpResponse.unprocessableEntity().body(definitionPage(definitions.current(), values,
                    FormErrors.byField(formErrors.describe(request, new InvalidInputException(onRows))), false));
        }
    }

    /** A field error of dimension k renamed for the form row k came from ({@code dimensions[k].x -> dimensions[row].x}). */
    private static FieldError onFormRow(FieldError e, List<Integer> formRows) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("dimensions\\[(\\d+)](.*)").matcher(e.field());
        if (m.matches() && Integer.parseInt(m.group(1)) < formRows.size()) {
            return new FieldError("dimensions[" + formRows.get(Integer.parseInt(m.group(1))) + "]" + m.group(2), e.key(), e.args());
        }
        return e;
    }

    /** Restores the reference survey as the next version. */
    @Post(value = "/admin/survey/reference", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> restoreReference(Authentication auth) {
        definitions.save(viewers.of(auth), SurveyDefinition.reference());
        return HttpResponse.seeOther(URI.create("/admin/survey?saved=1"));
    }

    /** The rows the form shows: every dimension and one empty row to add another. */
    static final int EXTRA_ROWS = 1;

    private ModelAndView<Map<String, Object>> definitionPage(SurveyDefinitions.Current c, Map<String, String> values,
                                                             Map<String, String> errors, boolean saved) {
        Map<String, Object> model = new HashMap<>();
        int rows = 0;
        while (values.containsKey("d" + rows + ".code")) {
            rows++;
        }
        model.put("rows", Math.min(SurveyDefinition.MAX_DIMENSIONS, rows + EXTRA_ROWS));
        model.put("values", values);
        model.put("errors", errors);
        model.put("saved", saved);
        model.put("current", c);
        return new ModelAndView<>("survey/definition", model);
    }

    static Map<String, String> values(SurveyDefinition d) {
        Map<String, String> v = new LinkedHashMap<>();
        for (int i = 0; i < d.dimensions().size(); i++) {
            SurveyDefinition.Dimension x = d.dimensions().get(i);
            v.put("d" + i + ".code", x.code());
            v.put("d" + i + ".en", x.en());
            v.put("d" + i + ".zh", x.zh());
            v.put("d" + i + ".driver", x.driver());
            v.put("d" + i + ".target", x.target().toPlainString());
        }
        v.put("linkDays", String.valueOf(d.linkDays()));
        v.put("submissionsPerHour", String.valueOf(d.submissionsPerHour()));
        return v;
    }

    /**
     * The form's rows as a definition: a row whose code, wording and target are all empty is left out (that is how a
     * dimension is removed); numbers that are not numbers are reported with the field's name in the definition.
     */
    static SurveyDefinition parse(Map<String, String> form, List<FieldError> errors, List<Integer> formRows) {
        List<SurveyDefinition.Dimension> dims = new ArrayList<>();
        for (int i = 0; form.containsKey("d" + i + ".code"); i++) {
            String code = form.getOrDefault("d" + i + ".code", "").strip();
            String en = form.getOrDefault("d" + i + ".en", "");
            String zh = form.getOrDefault("d" + i + ".zh", "");
            String target = form.getOrDefault("d" + i + ".target", "").strip();
            if (code.isEmpty() && en.isBlank() && zh.isBlank() && target.isEmpty()) {
                continue;
            }
            BigDecimal t = null;
            try {
                t = target.isEmpty() ? null : new BigDecimal(target);
            } catch (NumberFormatException e) {
                errors.add(FieldError.of("dimensions[" + dims.size() + "].target", "survey.error.target"));
            }
            dims.add(new SurveyDefinition.Dimension(code, en, zh, form.getOrDefault("d" + i + ".driver", ""), t));
            formRows.add(i);
        }
        return new SurveyDefinition(dims, number(form, "linkDays", errors), number(form, "submissionsPerHour", errors));
    }

    private static Integer number(Map<String, String> form, String field, List<FieldError> errors) {
        String v = form.getOrDefault(field, "").strip();
        try {
            return v.isEmpty() ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "survey.error.wholeNumber"));
            return null;
        }
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    /**
     * The rows of the figures' dimensions of one kind, in their order. Wording and target come from {@code def} by
     * code (a dimension removed since the figures were computed keeps its code as its label and the default target).
     */
    static List<Row> rows(SurveyFigures f, SurveyDefinition def, Locale locale, boolean agentDriven) {
        List<Row> out = new ArrayList<>();
        SurveyFigures.Rounded r = f.rounded();
        for (int i = 0; i < f.dimensions().size(); i++) {
            SurveyFigures.DimensionFigure raw = f.dimensions().get(i);
            if (raw.agentDriven() != agentDriven) {
                continue;
            }
            SurveyDefinition.Dimension d = def.dimension(raw.code());
            BigDecimal target = d == null ? SurveyDefinition.DEFAULT_TARGET : d.target();
            SurveyFigures.Rounded.Dimension x = r.dimensions().get(i);
            String state = raw.satisfiedPercent() == null ? "" : raw.satisfiedPercent().compareTo(target) >= 0 ? " met" : " below";
            out.add(new Row(raw.code(), d == null ? raw.code() : d.label(locale), agentDriven, x.answers(), x.satisfiedPercent(),
                    x.satisfiedLow95(), x.satisfiedHigh95(), x.mean(), x.bands(), target, state));
        }
        return out;
    }

    /** The horizontal bars of every dimension's satisfied %, agent-driven first, with the target line. */
    static String chart(Messages messages, SurveyFigures f, SurveyDefinition def, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (boolean agentDriven : new boolean[]{true, false}) {
            for (Row row : rows(f, def, locale, agentDriven)) {
                labels.add(row.label());
                values.add(row.satisfied() == null ? null : row.satisfied().doubleValue());
                targets.add(row.target().doubleValue());
            }
        }
        return com.servicecoach.web.SvgCharts.percentRows(messages.get(locale, "survey.chart.title"), labels, values,
                targets, messages.get(locale, "survey.chart.target"),
                messages.get(locale, "survey.noAnswers"), "#0969da");
    }
}
