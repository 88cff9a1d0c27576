package com.servicecoach.scorecard;

import com.servicecoach.scoring.Scorecard;

import com.servicecoach.account.Viewers;
import com.servicecoach.web.DateParams;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.LocalDate;

/** {@code GET /api/scorecards/agents/{employeeNo}} and {@code GET /api/scorecards/teams/{team}} (api.md). */
@Tag(name = "Interactions and scorecards")
@Controller("/api/scorecards")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ScorecardApiController {

    private final ScorecardService scorecards;
    private final Viewers viewers;

    ScorecardApiController(ScorecardService scorecards, Viewers viewers) {
        this.scorecards = scorecards;
        this.viewers = viewers;
    }

    @Operation(summary = "An agent's scorecard for from..to (inclusive dates, YYYY-MM-DD)")
    @Get("/agents/{employeeNo}")
    Scorecard agent(Authentication auth, @PathVariable String employeeNo, @Nullable @QueryValue String from,
                        @Nullable @QueryValue String to) {
        LocalDate[] period = DateParams.period(from, to);
        return scorecards.agent(viewers.of(auth), employeeNo, period[0], period[1]).json();
    }

    @Operation(summary = "A team's scorecard for from..to: all interactions of the team's agents together")
    @Get("/teams/{team}")
    Scorecard team(Authentication auth, @PathVariable String team, @Nullable @QueryValue String from,
                       @Nullable @QueryValue String to) {
        LocalDate[] period = DateParams.period(from, to);
        return scorecards.team(viewers.of(auth), team, period[0], period[1]).json();
    }
}
