package com.servicecoach.impact;

import com.servicecoach.scorecard.PagePeriod;
import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The range of completion days analysed: as asked, or by default the last three months (this month and the two before). */
final class ImpactPeriod {

    private ImpactPeriod() {
    }

    static PagePeriod of(@Nullable String from, @Nullable String to, ZoneId zone, Clock clock) {
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            LocalDate today = LocalDate.now(clock.withZone(zone));
            return new PagePeriod(today.withDayOfMonth(1).minusMonths(2), today, today);
        }
        return PagePeriod.of(from, to, zone, clock);
    }
}
