package com.servicecoach.attention;

import com.servicecoach.account.Viewers;
import com.servicecoach.scorecard.PagePeriod;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * {@code GET /api/attention?from=&to=&team=&page=&size=&sort=}: the agents who need attention ({@link AttentionService}),
 * paged as api.md's lists; the gaps' period is the last 30 days when both dates are absent. Agents 403.
 */
@Tag(name = "Interactions and scorecards")
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class AttentionApiController {

    private final AttentionService attention;
    private final Viewers viewers;
    private final ScoringSettingsService settings;
    private final Clock clock;

    AttentionApiController(AttentionService attention, Viewers viewers, ScoringSettingsService settings, Clock clock) {
        this.attention = attention;
        this.viewers = viewers;
        this.settings = settings;
        this.clock = clock;
    }

    @Operation(summary = "The agents who need attention: largest gap, overdue training, expiring certifications, overdue coaching actions")
    @Get("/api/attention")
    PageResponse<AttentionService.Row> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String from,
                                            @Nullable @QueryValue String to, @Nullable @QueryValue String team,
                                            @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                            @Nullable @QueryValue String sort) {
        Paging paging = Paging.parse(page, size, sort, "attention", AttentionService.SORTABLE);
        PagePeriod period = period(from, to, settings, clock);
        return paging.apply(attention.rows(viewers.of(auth), team, period.from(), period.to(), LocaleResolver.resolve(request)),
                AttentionService.ORDER);
    }

    /** The period asked for (the last 30 days when both ends are absent), 400 when longer than the gaps allow. */
    static PagePeriod period(@Nullable String from, @Nullable String to, ScoringSettingsService settings, Clock clock) {
        PagePeriod p = PagePeriod.of(from, to, settings.current().settings().orgZone(), clock);
        long days = ChronoUnit.DAYS.between(p.from(), p.to()) + 1;
        if (days > AttentionService.MAX_DAYS) {
            throw new BadRequestException("a period for gaps is at most " + AttentionService.MAX_DAYS + " days long; this one has " + days);
        }
        return p;
    }
}
