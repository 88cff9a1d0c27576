package com.servicecoach.impact;

import com.servicecoach.account.Viewers;
import com.servicecoach.scorecard.PagePeriod;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.LocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.time.Clock;

/**
 * {@code GET /api/training/impact?from=YYYY-MM-DD&to=YYYY-MM-DD&module=CODE}: for each active module (or the one
 * asked) and each figure it addresses, the training impact of completions in from..to (default: the last three
 * months). Supervisors, administrators and HR; agents get 403.
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ImpactApiController {

    /** The longest range analysed at once (a year and a day, as reports). */
    static final int MAX_DAYS = 366;

    private final ImpactService impact;
    private final Viewers viewers;
    private final ScoringSettingsService settings;
    private final Clock clock;

    ImpactApiController(ImpactService impact, Viewers viewers, ScoringSettingsService settings, Clock clock) {
        this.impact = impact;
        this.viewers = viewers;
        this.settings = settings;
        this.clock = clock;
    }

    @Get("/api/training/impact")
    ImpactService.Analysis impact(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                                  @Nullable @QueryValue String to, @Nullable @QueryValue String module) {
        var problems = PagePeriod.problems(from, to, MAX_DAYS);
        if (!problems.isEmpty()) {
            throw new BadRequestException("from and to must be dates YYYY-MM-DD, from not after to, at most " + MAX_DAYS
                    + " days apart (" + String.join(", ", problems.keySet()) + ")");
        }
        PagePeriod period = ImpactPeriod.of(from, to, settings.current().settings().orgZone(), clock);
        return impact.analyse(viewers.of(auth), period.from(), period.to(), module == null || module.isBlank() ? null : module,
                LocaleResolver.resolve(request));
    }
}
