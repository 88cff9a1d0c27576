package com.servicecoach.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;

/**
 * The SLA counts of a scorecard and SLA % = met / (met + breached) × 100, null when both are 0
 * (metrics.md, "Service level (SLA)"). Pending interactions are counted but left out of the %.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SlaSummary(int met, int breached, int pending, BigDecimal percent) {

    /** The summary with the unrounded percentage. */
    public static SlaSummary of(int met, int breached, int pending) {
        return new SlaSummary(met, breached, pending, Percent.of(met, (long) met + breached));
    }

    /** The same counts with the percentage rounded from the exact ratio. */
    public SlaSummary rounded() {
        return new SlaSummary(met, breached, pending, Rounding.percent(met, (long) met + breached));
    }
}
