package com.servicecoach.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A scorecard as shown and serialized: the components are the JSON of api.md ("Interactions and scorecards")
 * one to one, every key always present. Percentages are rounded half-up to one decimal, the average rating to
 * two (metrics.md, "Rounding"); a figure that cannot be computed is null, never 0. Obtain it from
 * {@link ScorecardCalculator#compute} or {@link ScorecardFigures#rounded()} (the unrounded figures that rank
 * orders and the composite use). One key is added to api.md's: {@code settings}, the version and hash of the
 * scoring settings the figures were computed with, set by {@link #withSettings} where a scorecard leaves the
 * application (null on scorecards used only inside a page).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Scorecard(
        LocalDate from,
        LocalDate to,
        int interactions,
        int responded,
        int resolved,
        int rated,
        @Nullable Long frtMedianSeconds,
        @Nullable Long frtP90Seconds,
        @Nullable Long resolutionMedianSeconds,
        @Nullable Long resolutionP90Seconds,
        SlaSummary firstResponseSla,
        SlaSummary resolutionSla,
        @Nullable BigDecimal csatPercent,
        @Nullable BigDecimal csatLow95,
        @Nullable BigDecimal csatHigh95,
        @Nullable BigDecimal averageRating,
        RatingBands bands,
        boolean insufficientRatings,
        @Nullable BigDecimal knowledgePercent,
        Composite.Result composite,
        @Nullable SettingsUsed settings) {

    /** Which scoring settings the figures were computed with. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SettingsUsed(int version, String hash) {
    }

    /** This scorecard naming the settings version and hash it was computed with. */
    public Scorecard withSettings(int version, String hash) {
        return new Scorecard(from, to, interactions, responded, resolved, rated, frtMedianSeconds, frtP90Seconds,
                resolutionMedianSeconds, resolutionP90Seconds, firstResponseSla, resolutionSla, csatPercent, csatLow95,
                csatHigh95, averageRating, bands, insufficientRatings, knowledgePercent, composite,
                new SettingsUsed(version, hash));
    }
}
