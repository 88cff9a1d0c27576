package com.servicecoach.scorecard;

import com.servicecoach.interaction.DateParams;
import com.servicecoach.web.BadRequestException;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * The period of a scorecard page: the {@code from} and {@code to} query parameters, or this month so far (in the
 * organization's zone) when both are absent, with ready-made neighbouring periods for quick links.
 */
public record PagePeriod(LocalDate from, LocalDate to, LocalDate today) {

    public static PagePeriod of(@Nullable String from, @Nullable String to, ZoneId zone, java.time.Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            return new PagePeriod(today.withDayOfMonth(1), today, today);
        }
        LocalDate[] p = DateParams.period(from, to);
        if (p[0].plusYears(5).isBefore(p[1])) {
            throw new BadRequestException("a period is at most 5 years long");
        }
        return new PagePeriod(p[0], p[1], today);
    }

    /** The query string of this period. */
    public String query() {
        return "from=" + from + "&to=" + to;
    }

    public String thisMonth() {
        return "from=" + today.withDayOfMonth(1) + "&to=" + today;
    }

    public String lastMonth() {
        LocalDate first = today.withDayOfMonth(1).minusMonths(1);
        return "from=" + first + "&to=" + first.with(TemporalAdjusters.lastDayOfMonth());
    }

    public String lastThreeMonths() {
        return "from=" + today.withDayOfMonth(1).minusMonths(2) + "&to=" + today;
    }

    public String thisYear() {
        return "from=" + today.withDayOfYear(1) + "&to=" + today;
    }
}
