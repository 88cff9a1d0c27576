package com.servicecoach.scorecard;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.scoring.Composite;
import com.servicecoach.scoring.RatingBands;
import com.servicecoach.scoring.Scorecard;
import com.servicecoach.scoring.SlaSummary;
import com.servicecoach.settings.ScoringSettingsService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * A scorecard exactly as api.md shows it ("Interactions and scorecards"): every key always present, null
 * (never 0) for a figure that cannot be computed, percentages rounded half-up to one decimal and the average
 * rating to two. One key is added: {@code settings}, the version and hash of the scoring settings used.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ScorecardJson(
        String from,
        String to,
        int interactions,
        int responded,
        int resolved,
        int rated,
        @Nullable Long frtMedianSeconds,
        @Nullable Long frtP90Seconds,
        @Nullable Long resolutionMedianSeconds,
        @Nullable Long resolutionP90Seconds,
        Sla firstResponseSla,
        Sla resolutionSla,
        @Nullable BigDecimal csatPercent,
        @Nullable BigDecimal csatLow95,
        @Nullable BigDecimal csatHigh95,
        @Nullable BigDecimal averageRating,
        Bands bands,
        boolean insufficientRatings,
        @Nullable BigDecimal knowledgePercent,
        CompositeScore composite,
        SettingsUsed settings) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Sla(int met, int breached, int pending, @Nullable BigDecimal percent) {
        static Sla of(SlaSummary s) {
            return new Sla(s.met(), s.breached(), s.pending(), s.percent());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Bands(int verySatisfied, int satisfied, int neutral, int dissatisfied, int veryDissatisfied) {
        static Bands of(RatingBands b) {
            return new Bands(b.verySatisfied(), b.satisfied(), b.neutral(), b.dissatisfied(), b.veryDissatisfied());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CompositeScore(@Nullable BigDecimal score, List<Component> components) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Component(String name, @Nullable BigDecimal value, int weight, @Nullable BigDecimal effectiveWeight) {
    }

    /** Which settings the figures were computed with. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SettingsUsed(int version, String hash) {
    }

    /** The JSON of a rounded scorecard. */
    public static ScorecardJson of(Scorecard s, ScoringSettingsService.Current settings) {
        Composite.Result c = s.composite();
        return new ScorecardJson(s.from().toString(), s.to().toString(), s.interactions(), s.responded(), s.resolved(),
                s.rated(), s.frtMedianSeconds(), s.frtP90Seconds(), s.resolutionMedianSeconds(), s.resolutionP90Seconds(),
                Sla.of(s.firstResponseSla()), Sla.of(s.resolutionSla()), s.csatPercent(), s.csatLow95(), s.csatHigh95(),
                s.averageRating(), Bands.of(s.bands()), s.insufficientRatings(), s.knowledgePercent(),
                new CompositeScore(c.score(), c.components().stream()
                        .map(w -> new Component(w.name(), w.value(), w.weight(), w.effectiveWeight())).toList()),
                new SettingsUsed(settings.version(), settings.hash()));
    }
}
