package com.servicecoach.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A scorecard as shown and serialized: the components mirror the JSON of api.md ("Interactions and
 * scorecards") one to one. Percentages are rounded half-up to one decimal, the average rating to two
 * (metrics.md, "Rounding"); a figure that cannot be computed is null, never 0. Obtain it from
 * {@link ScorecardCalculator#compute} or {@link ScorecardFigures#rounded()}.
 */
public record Scorecard(
        LocalDate from,
        LocalDate to,
        int interactions,
        int responded,
        int resolved,
        int rated,
        Long frtMedianSeconds,
        Long frtP90Seconds,
        Long resolutionMedianSeconds,
        Long resolutionP90Seconds,
        SlaSummary firstResponseSla,
        SlaSummary resolutionSla,
        BigDecimal csatPercent,
        BigDecimal csatLow95,
        BigDecimal csatHigh95,
        BigDecimal averageRating,
        RatingBands bands,
        boolean insufficientRatings,
        BigDecimal knowledgePercent,
        Composite.Result composite) {
}
