package com.servicecoach.report.building;

import com.servicecoach.scoring.Scorecard;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;

/**
 * How a figure changed from the previous period to the report's: the shown (rounded) current value minus the
 * shown previous value, so the change is what a reader gets by subtracting the two numbers on the page; null
 * when either value is absent (a figure that cannot be computed has no change, never a change from or to 0).
 */
final class PeriodChange {

    private PeriodChange() {
    }

    /** Every headline figure's change between two scorecards of the same scope. */
    static PerformanceReport.Change of(Scorecard current, Scorecard previous) {
        return new PerformanceReport.Change(current.interactions() - previous.interactions(),
                seconds(current.frtMedianSeconds(), previous.frtMedianSeconds()),
                seconds(current.frtP90Seconds(), previous.frtP90Seconds()),
                figure(current.firstResponseSla().percent(), previous.firstResponseSla().percent()),
                figure(current.resolutionSla().percent(), previous.resolutionSla().percent()),
                figure(current.csatPercent(), previous.csatPercent()),
                figure(current.averageRating(), previous.averageRating()),
                figure(current.knowledgePercent(), previous.knowledgePercent()),
                figure(current.composite().score(), previous.composite().score()));
    }

    /** One shown figure's change (a percentage, a score, an average): null when either is absent. */
    static @Nullable BigDecimal figure(@Nullable BigDecimal current, @Nullable BigDecimal previous) {
        return current == null || previous == null ? null : current.subtract(previous);
    }

    /** A duration's change in seconds: null when either is absent. */
    static @Nullable Long seconds(@Nullable Long current, @Nullable Long previous) {
        return current == null || previous == null ? null : current - previous;
    }
}
