package com.servicecoach.survey;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.scorecard.PagePeriod;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.Formats;
import com.servicecoach.web.FormValues;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.util.HttpHostResolver;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /surveys/links}: the survey links of a period's interactions, a page at a time with their state, the CSV
 * for the mail tool, and (supervisors and administrators) a form that issues links for a period in a language.
 * HR reads the list; agents get 403.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyLinkPageController {

    static final int PAGE_SIZE = 50;
    static final List<String> LANGUAGES = List.of("en", "zh");

    private final SurveyLinks links;
    private final SurveyLinkController api;
    private final Viewers viewers;
    private final ScoringSettingsService settings;
    private final Messages messages;
    private final HttpHostResolver hosts;
    private final String publicUrl;
    private final Clock clock;

    SurveyLinkPageController(SurveyLinks links, SurveyLinkController api, Viewers viewers, ScoringSettingsService settings,
                             Messages messages, HttpHostResolver hosts, Clock clock,
                             @io.micronaut.context.annotation.Value("${servicecoach.public-url:}") String publicUrl) {
        this.publicUrl = publicUrl;
        this.links = links;
        this.api = api;
        this.viewers = viewers;
        this.settings = settings;
        this.messages = messages;
        this.hosts = hosts;
        this.clock = clock;
    }

    @Get("/surveys/links")
    HttpResponse<?> page(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                         @Nullable @QueryValue String to, @Nullable @QueryValue Integer page,
                         @Nullable @QueryValue Integer issued) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        Locale locale = LocaleResolver.resolve(request);
        Map<String, String> errors = PagePeriod.formErrors(messages, locale, from, to, SurveyLinkController.MAX_DAYS, model);
        PagePeriod period = errors.isEmpty() ? api.period(from, to) : api.period(null, null);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("from", period.from().toString());
        values.put("to", period.to().toString());
        values.put("language", "zh".equals(locale.getLanguage()) ? "zh" : "en");
        fill(request, viewer, model, period, page, values, Map.of());
        if (issued != null && issued >= 0) {
            model.put("issued", issued);
        }
        ModelAndView<Map<String, Object>> view = new ModelAndView<>("survey/links", model);
        return errors.isEmpty() ? HttpResponse.ok(view) : HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(view);
    }

    @Post(value = "/surveys/links", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> issue(HttpRequest<?> request, Authentication auth, @Nullable @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        if (!SurveyLinks.mayIssue(viewer)) {
            throw new ForbiddenException("Supervisors and administrators issue survey links");
        }
        Map<String, String> values = form == null ? new HashMap<>() : new HashMap<>(FormValues.flatten(form));
        String from = values.getOrDefault("from", "").strip();
        String to = values.getOrDefault("to", "").strip();
        String language = values.getOrDefault("language", "").strip();
        Locale locale = LocaleResolver.resolve(request);
        Map<String, String> errors = new LinkedHashMap<>();
        if (from.isEmpty()) {
            errors.put("from", messages.get(locale, "period.error.required"));
        }
        if (to.isEmpty()) {
            errors.put("to", messages.get(locale, "period.error.required"));
        }
        PagePeriod.problems(from, to, SurveyLinkController.MAX_DAYS).forEach((field, p) -> errors.putIfAbsent(field,
                messages.get(locale, (String) p[0], java.util.Arrays.stream(p, 1, p.length).map(String::valueOf).toArray())));
        if (!LANGUAGES.contains(language)) {
            errors.put("language", messages.get(locale, "survey.error.language"));
        }
        if (errors.isEmpty()) {
            try {
                int n = links.issue(viewer, LocalDate.parse(from), LocalDate.parse(to), language);
                return HttpResponse.seeOther(URI.create("/surveys/links?from=" + from + "&to=" + to + "&issued=" + n));
            } catch (InvalidInputException e) {
                for (FieldError f : e.errors()) {
                    errors.putIfAbsent(f.field(), messages.get(locale, f.key(), f.args().toArray()));
                }
            }
        }
        Map<String, Object> model = new HashMap<>();
        values.put("from", from);
        values.put("to", to);
        values.put("language", language);
        fill(request, viewer, model, api.period(null, null), null, values, errors);
        return HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>("survey/links", model));
    }

    private void fill(HttpRequest<?> request, Viewer viewer, Map<String, Object> model, PagePeriod period, @Nullable Integer page,
                      Map<String, String> issueValues, Map<String, String> issueErrors) {
        Paging paging = Paging.parse(page, PAGE_SIZE, null, "createdAt", List.of("createdAt"));
        String base = SurveyLinkController.baseUrl(hosts, request, publicUrl);
        PageResponse<SurveyLinks.Listed> result = api.page(viewer, period, paging, base);
        if (paging.within(result.totalElements()) != paging) {
            result = api.page(viewer, period, paging.within(result.totalElements()), base);
        }
        model.put("period", period);
        model.put("result", result);
        model.put("sort", "createdAt,asc");
        model.put("mayIssue", SurveyLinks.mayIssue(viewer));
        model.put("languages", LANGUAGES);
        model.put("values", issueValues);
        model.put("errors", issueErrors);
        model.put("linkDays", links.linkDays());
        model.put("fmt", new Formats(messages, LocaleResolver.resolve(request), settings.current().settings().orgZone()));
    }
}
