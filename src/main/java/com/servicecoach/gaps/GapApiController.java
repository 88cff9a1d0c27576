package com.servicecoach.gaps;

import com.servicecoach.account.Viewers;
import com.servicecoach.web.DateParams;
import com.servicecoach.web.LocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;

import java.time.LocalDate;

/**
 * {@code GET /api/agents/{employeeNo}/gaps?from=YYYY-MM-DD&to=YYYY-MM-DD}: the agent's gaps for the period, largest
 * first, each with its evidence link and the modules that address it. Whoever may see the agent may ask (an agent:
 * their own).
 */
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class GapApiController {

    /** The longest period asked for at once (a year and a day, as reports). */
    static final int MAX_DAYS = 366;

    private final GapService gaps;
    private final Viewers viewers;

    GapApiController(GapService gaps, Viewers viewers) {
        this.gaps = gaps;
        this.viewers = viewers;
    }

    @Get("/api/agents/{employeeNo}/gaps")
    GapService.AgentGaps gaps(HttpRequest<?> request, Authentication auth, @PathVariable String employeeNo,
                              @Nullable @QueryValue String from, @Nullable @QueryValue String to) {
        LocalDate[] period = DateParams.period(from, to);
        if (period[0].plusDays(MAX_DAYS - 1).isBefore(period[1])) {
            throw new com.servicecoach.web.BadRequestException("a period for gaps is at most " + MAX_DAYS + " days long");
        }
        return gaps.of(viewers.of(auth), employeeNo, period[0], period[1], LocaleResolver.resolve(request));
    }
}
