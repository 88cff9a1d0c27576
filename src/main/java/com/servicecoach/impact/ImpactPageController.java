package com.servicecoach.impact;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.scorecard.PagePeriod;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import com.servicecoach.web.Paging;
import com.servicecoach.web.SvgCharts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /training/impact}: whether training worked. For each module and figure it addresses, the effect with its
 * interval, the trained agents and controls counted, a before/after chart of both, and the trained agents behind
 * it. Supervisors, administrators and HR.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ImpactPageController {

    static final List<String> SORTS = List.of("module", "effect", "trained");

    private final ImpactService impact;
    private final Viewers viewers;
    private final ScoringSettingsService settings;
    private final Messages messages;
    private final Clock clock;

    ImpactPageController(ImpactService impact, Viewers viewers, ScoringSettingsService settings, Messages messages, Clock clock) {
        this.impact = impact;
        this.viewers = viewers;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
    }

    @Get("/training/impact")
    HttpResponse<?> page(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                         @Nullable @QueryValue String to, @Nullable @QueryValue String sort) {
        Viewer viewer = viewers.of(auth);
        if (!ImpactService.mayRead(viewer)) {
            throw new ForbiddenException("training impact is for supervisors and HR");
        }
        Locale locale = LocaleResolver.resolve(request);
        var zone = settings.current().settings().orgZone();
        Map<String, Object> model = new HashMap<>();
        Map<String, String> errors = PagePeriod.formErrors(messages, locale, from, to, ImpactApiController.MAX_DAYS, model);
        PagePeriod period = errors.isEmpty() ? ImpactPeriod.of(from, to, zone, clock) : ImpactPeriod.of(null, null, zone, clock);
        Paging paging = Paging.parse(0, 1, sort == null || sort.isBlank() ? "effect,desc" : sort, "effect", SORTS);
        ImpactService.Analysis analysis = impact.analyse(viewer, period.from(), period.to(), null, locale);
        List<ImpactService.ImpactView> rows = sorted(analysis.modules(), paging.sortField(), paging.ascending());
        List<String> charts = new ArrayList<>();
        for (ImpactService.ImpactView v : rows) {
            charts.add(chart(v, locale));
        }
        model.put("period", period);
        model.put("analysis", analysis);
        model.put("rows", rows);
        model.put("charts", charts);
        model.put("sort", paging.sortParam());
        ModelAndView<Map<String, Object>> page = new ModelAndView<>("impact/index", model);
        return errors.isEmpty() ? HttpResponse.ok(page) : HttpResponse.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page);
    }

    /** Rows by module (then figure), by effect (rows without enough data last) or by the number of trained agents. */
    static List<ImpactService.ImpactView> sorted(List<ImpactService.ImpactView> rows, String field, boolean ascending) {
        Comparator<ImpactService.ImpactView> byModule = Comparator.comparing(ImpactService.ImpactView::title)
                .thenComparing(ImpactService.ImpactView::figure)
                .thenComparing(v -> v.slice() == null ? "" : v.slice());
        Comparator<ImpactService.ImpactView> key = switch (field) {
            case "effect" -> Comparator.comparing(ImpactService.ImpactView::effect, Comparator.nullsFirst(Comparator.naturalOrder()));
            case "trained" -> Comparator.comparingInt(ImpactService.ImpactView::trained);
            default -> byModule;
        };
        List<ImpactService.ImpactView> out = new ArrayList<>(rows);
        Comparator<ImpactService.ImpactView> order = ascending ? key : key.reversed();
        if ("effect".equals(field)) {
            // rows without an effect stay last whichever way
            order = Comparator.comparing((ImpactService.ImpactView v) -> v.effect() == null).thenComparing(ascending
                    ? Comparator.comparing(ImpactService.ImpactView::effect, Comparator.nullsLast(Comparator.naturalOrder()))
                    : Comparator.comparing(ImpactService.ImpactView::effect, Comparator.nullsLast(Comparator.reverseOrder())));
        }
        out.sort(order.thenComparing(byModule));
        return out;
    }

    /** Before and after, trained agents against their controls; empty without enough data. */
    private String chart(ImpactService.ImpactView v, Locale locale) {
        if (!v.enoughData()) {
            return "";
        }
        String title = messages.get(locale, "impact.chart.title", v.title());
        List<String> x = List.of(messages.get(locale, "impact.before"), messages.get(locale, "impact.after"));
        return SvgCharts.lines(title, x, List.of(
                new SvgCharts.Series(messages.get(locale, "impact.trainedAgents"),
                        List.of(v.trainedBefore().doubleValue(), v.trainedAfter().doubleValue()), "#0969da"),
                new SvgCharts.Series(messages.get(locale, "impact.controlAgents"),
                        List.of(v.controlsBefore().doubleValue(), v.controlsAfter().doubleValue()), "#8c959f")), 100);
    }
}
