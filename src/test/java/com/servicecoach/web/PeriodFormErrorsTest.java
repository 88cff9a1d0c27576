package com.servicecoach.web;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A reversed or too long period on the report and scorecard forms comes back as the form with its error (422). */
@MicronautTest(transactional = false)
class PeriodFormErrorsTest extends HttpTest {

    @Test
    void aReversedReportPeriodReRendersTheFormWithTheFieldError() {
        Api.Reply r = api.get("hr.lin", "/reports/performance?from=2026-03-31&to=2026-03-01&team=North");
        assertEquals(422, r.status(), r.body());
        assertTrue(r.body().contains("id=\"report-form\""), "the form again");
        assertTrue(r.body().contains("id=\"e-to\"") && r.body().contains("The end date must be on or after the start date (2026-03-31)."), r.body());
        assertTrue(r.body().contains("value=\"2026-03-31\"") && r.body().contains("value=\"2026-03-01\""), "the entered dates");
        assertTrue(r.body().contains("<option value=\"North\" selected>"), "the chosen team");
        assertFalse(r.body().contains("Bad request"));

        String zh = api.send("hr.lin", HttpRequest.GET("/reports/performance?from=2026-03-31&to=2026-03-01")
                .header("Accept-Language", "zh-CN")).body();
        assertTrue(zh.contains("结束日期不能早于开始日期（2026-03-31）。"), zh);
    }

    @Test
    void aReportPeriodBeyond366DaysIsAFieldErrorOnThePageAnd400InTheApi() {
        Api.Reply r = api.get("hr.lin", "/reports/performance?from=2025-01-01&to=2026-03-01");
        assertEquals(422, r.status());
        assertTrue(r.body().contains("A period covers at most 366 days; this one has 425."), r.body());
        String zh = api.send("hr.lin", HttpRequest.GET("/reports/performance?from=2025-01-01&to=2026-03-01")
                .header("Accept-Language", "zh-CN")).body();
        assertTrue(zh.contains("周期最长 366 天，当前为 425 天。"), zh);
        assertTrue(api.get("hr.lin", "/reports/performance?from=2026-02-30&to=2026-03-01").body().contains("Enter a real date as YYYY-MM-DD."));

        assertEquals(400, api.get("hr.lin", "/api/reports/performance?from=2025-01-01&to=2026-03-01").status(), "the JSON API keeps 400");
        assertEquals(400, api.get("hr.lin", "/api/reports/performance?from=2026-03-31&to=2026-03-01").status());
    }

    @Test
    void aReversedScorecardPeriodShowsTheFormErrorAndThisMonthsFigures() {
        for (String path : new String[]{"/scorecards", "/scorecards/agents/N1", "/scorecards/teams/North"}) {
            Api.Reply r = api.get("sup.north", path + "?from=2026-03-31&to=2026-03-01");
            assertEquals(422, r.status(), path + ": " + r.body());
            assertTrue(r.body().contains("id=\"e-to\"") && r.body().contains("The end date must be on or after the start date (2026-03-31)."), path);
            assertTrue(r.body().contains("aria-invalid=\"true\""), path);
        }
        Api.Reply tooLong = api.get("sup.north", "/scorecards/teams/North?from=2010-01-01&to=2026-03-01");
        assertEquals(422, tooLong.status());
        assertTrue(tooLong.body().contains("A period covers at most 5 years."));
        String zh = api.send("agent.north", HttpRequest.GET("/scorecards/agents/N1?from=2026-03-31&to=2026-03-01")
                .header("Accept-Language", "zh-CN")).body();
        assertTrue(zh.contains("结束日期不能早于开始日期"), zh);
        assertEquals(400, api.get("sup.north", "/api/scorecards/teams/North?from=2026-03-31&to=2026-03-01").status(), "the API keeps 400");
        assertEquals(200, api.get("sup.north", "/scorecards/teams/North?from=2026-03-01&to=2026-03-31").status());
    }
}
