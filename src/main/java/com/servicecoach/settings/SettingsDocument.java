package com.servicecoach.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The scoring settings as the API shows and accepts them ({@code GET/PUT /api/settings}):
 * organization zone, min-rated, composite weights, per channel the SLA targets (seconds on the
 * channel's calendar) and the calendar ({@code 24x7} or business hours per weekday with holidays), the
 * figure targets, and the targets per case type (rules by category and priority, metrics.md "Targets per case type").
 * {@code version}, {@code hash}, {@code savedBy} and {@code savedAt} are answered, and ignored on input.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SettingsDocument(
        @Nullable Integer version,
        @Nullable String hash,
        @Nullable String savedBy,
        @Nullable Instant savedAt,
        @Nullable String organizationZone,
        @Nullable Integer minRated,
        @Nullable Weights weights,
        @Nullable Map<String, ChannelSettings> channels,
        @Nullable Targets targets,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<CaseTarget> caseTargets) {

    /** Without figure targets (the defaults apply) and without targets per case type. */
    public SettingsDocument(@Nullable Integer version, @Nullable String hash, @Nullable String savedBy, @Nullable Instant savedAt,
                            @Nullable String organizationZone, @Nullable Integer minRated, @Nullable Weights weights,
                            @Nullable Map<String, ChannelSettings> channels) {
        this(version, hash, savedBy, savedAt, organizationZone, minRated, weights, channels, null, null);
    }

    /** Without targets per case type. */
    public SettingsDocument(@Nullable Integer version, @Nullable String hash, @Nullable String savedBy, @Nullable Instant savedAt,
                            @Nullable String organizationZone, @Nullable Integer minRated, @Nullable Weights weights,
                            @Nullable Map<String, ChannelSettings> channels, @Nullable Targets targets) {
        this(version, hash, savedBy, savedAt, organizationZone, minRated, weights, channels, targets, null);
    }

    /**
     * One rule of the targets per case type: the case type (channel null = any channel; a category, a priority or
     * both, by code) and the targets it gives, in whole seconds on the channel's calendar (null: the rule does not
     * give that target; at least one is given). The seconds are decimals here so that a fraction is reported
     * rather than cut off.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CaseTarget(@Nullable String channel, @Nullable String category, @Nullable String priority,
                             @Nullable java.math.BigDecimal firstResponseSeconds, @Nullable java.math.BigDecimal resolutionSeconds) {
    }

    /**
     * The targets of the rate figures, in percent (metrics.md "Gaps"; null = the defaults 80, 85, 80, and 85 for QA
     * score %): what scorecards colour a figure against and draw as a line, and what a gap falls short of. The QA
     * target is written only when it is not the default, so that settings from before it keep their hash.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Targets(@Nullable java.math.BigDecimal firstResponseSla, @Nullable java.math.BigDecimal resolutionSla,
                          @Nullable java.math.BigDecimal csat,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable java.math.BigDecimal qaScore) {

        /** The targets without QA score % (its default). */
        public Targets(@Nullable java.math.BigDecimal firstResponseSla, @Nullable java.math.BigDecimal resolutionSla,
                       @Nullable java.math.BigDecimal csat) {
            this(firstResponseSla, resolutionSla, csat, null);
        }
    }

    /**
     * Configured composite weights (any non-negative integers, at least one positive). {@code quality} absent = 0; it is
     * written only when above 0, so that settings from before it keep their hash.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Weights(@Nullable Integer responsiveness, @Nullable Integer resolution,
                          @Nullable Integer satisfaction, @Nullable Integer knowledge,
                          @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Integer quality) {

        /** The weights without quality (0). */
        public Weights(@Nullable Integer responsiveness, @Nullable Integer resolution, @Nullable Integer satisfaction,
                       @Nullable Integer knowledge) {
            this(responsiveness, resolution, satisfaction, knowledge, null);
        }
    }

    /** One channel's SLA targets, in seconds on its calendar, and its calendar. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChannelSettings(@Nullable Long firstResponseSeconds, @Nullable Long resolutionSeconds,
                                  @Nullable Calendar calendar) {
    }

    /**
     * A calendar: {@code type} {@code 24x7} or {@code business}. A business calendar has a zone (null = the
     * organization's zone), opening hours per weekday ({@code monday} ... {@code sunday}; null = closed) and
     * holidays ({@code YYYY-MM-DD}, whole days closed).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Calendar(@Nullable String type, @Nullable String zone, @Nullable Map<String, Hours> hours,
                           @Nullable List<String> holidays) {
    }

    /** Opening interval of a weekday, {@code HH:MM}; a close of {@code 24:00} is the end of the day. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hours(@Nullable String open, @Nullable String close) {
    }

    /**
     * The same settings without the version stamp (what is hashed and stored). Without rules per case type the
     * field is left out, so that settings without them are written, and hashed, exactly as before the field
     * existed: their hash, and so their version, stays the same.
     */
    SettingsDocument content() {
        return new SettingsDocument(null, null, null, null, organizationZone, minRated, weights, channels, targets,
                caseTargets == null || caseTargets.isEmpty() ? null : caseTargets);
    }

    /** The settings as answered: with their version stamp, and the rules per case type as a list (empty = none). */
    SettingsDocument stamped(int newVersion, String newHash, @Nullable String by, @Nullable Instant at) {
        return new SettingsDocument(newVersion, newHash, by, at, organizationZone, minRated, weights, channels, targets,
                caseTargets == null ? List.of() : caseTargets);
    }
}
