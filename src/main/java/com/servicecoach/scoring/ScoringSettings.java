package com.servicecoach.scoring;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings the figures are computed with (metrics.md: organization zone, per-channel calendars and
 * SLA targets, {@code min-rated}, composite weights). {@link #defaults()} gives the defaults of metrics.md.
 *
 * @param orgZone    the organization's zone: periods and the evaluation instant are read in it
 * @param calendars  the calendar of each channel
 * @param slaTargets the first-response and resolution targets of each channel
 * @param minRated   below this many ratings the satisfaction figures are marked insufficient
 * @param weights    the configured composite weights
 * @param figureTargets the targets of the rate figures (metrics.md "Gaps"): for gaps, colours and chart lines
 * @param caseTargets   targets per category and priority on top of the channels' (metrics.md "Targets per case type")
 */
public record ScoringSettings(ZoneId orgZone, Map<Channel, BusinessCalendar> calendars,
                              Map<Channel, SlaTargets> slaTargets, int minRated, Weights weights,
                              FigureTargets figureTargets, CaseTargets caseTargets) {

    /** Settings without targets per case type. */
    public ScoringSettings(ZoneId orgZone, Map<Channel, BusinessCalendar> calendars, Map<Channel, SlaTargets> slaTargets,
                           int minRated, Weights weights, FigureTargets figureTargets) {
        this(orgZone, calendars, slaTargets, minRated, weights, figureTargets, CaseTargets.none());
    }

    /** Settings with the default figure targets. */
    public ScoringSettings(ZoneId orgZone, Map<Channel, BusinessCalendar> calendars, Map<Channel, SlaTargets> slaTargets,
                           int minRated, Weights weights) {
        this(orgZone, calendars, slaTargets, minRated, weights, FigureTargets.defaults());
    }

    /**
     * The targets, in percent, that a figure is read against (metrics.md "Gaps": used for gaps, colours on
     * scorecards and target lines on charts; HR's report thresholds only flag agents in reports).
     */
    public record FigureTargets(BigDecimal firstResponseSla, BigDecimal resolutionSla, BigDecimal csat, BigDecimal qaScore) {
        public FigureTargets {
            for (BigDecimal t : new BigDecimal[]{firstResponseSla, resolutionSla, csat, qaScore}) {
                if (t == null || t.signum() < 0 || t.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new IllegalArgumentException("a figure target is a percentage from 0 to 100, was " + t);
                }
            }
        }

        /** The targets with QA score % at its default. */
        public FigureTargets(BigDecimal firstResponseSla, BigDecimal resolutionSla, BigDecimal csat) {
            this(firstResponseSla, resolutionSla, csat, DEFAULT_QA_SCORE);
        }

        /** The default target of QA score %. */
        public static final BigDecimal DEFAULT_QA_SCORE = new BigDecimal("85");

        /** The defaults of metrics.md: first-response SLA 80, resolution SLA 85, CSAT 80, QA score 85. */
        public static FigureTargets defaults() {
            return new FigureTargets(new BigDecimal("80"), new BigDecimal("85"), new BigDecimal("80"), DEFAULT_QA_SCORE);
        }
    }

    /** The default organization zone. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** The default {@code min-rated}. */
    public static final int DEFAULT_MIN_RATED = 10;

    private static final long MINUTE = 60;
    private static final long HOUR = 60 * MINUTE;

    /** A channel's SLA targets, in seconds on the channel's calendar. */
    public record SlaTargets(long firstResponseSeconds, long resolutionSeconds) {
        public SlaTargets {
            if (firstResponseSeconds < 0 || resolutionSeconds < 0) {
                throw new IllegalArgumentException("SLA targets must not be negative, were "
                        + firstResponseSeconds + " s and " + resolutionSeconds + " s");
            }
        }
    }

    /**
     * The configured composite weights; none negative, at least one positive. {@code quality} (QA score %) is 0
     * unless an administrator weights it; a component of weight 0 is left out of the composite's components.
     */
    public record Weights(int responsiveness, int resolution, int satisfaction, int knowledge, int quality) {
        public Weights {
            if (responsiveness < 0 || resolution < 0 || satisfaction < 0 || knowledge < 0 || quality < 0) {
                throw new IllegalArgumentException("composite weights must not be negative");
            }
            if (responsiveness + resolution + satisfaction + knowledge + quality == 0) {
                throw new IllegalArgumentException("at least one composite weight must be positive");
            }
        }

        /** The weights without quality (weight 0). */
        public Weights(int responsiveness, int resolution, int satisfaction, int knowledge) {
            this(responsiveness, resolution, satisfaction, knowledge, 0);
        }

        /** The defaults: responsiveness 30, resolution 20, satisfaction 35, knowledge 15, quality 0. */
        public static Weights defaults() {
            return new Weights(30, 20, 35, 15, 0);
        }
    }

    public ScoringSettings {
        Objects.requireNonNull(orgZone, "organization zone is required");
        calendars = completeCopy(calendars, "calendar");
        slaTargets = completeCopy(slaTargets, "SLA targets");
        if (minRated < 0) {
            throw new IllegalArgumentException("min-rated must not be negative, was " + minRated);
        }
        Objects.requireNonNull(weights, "weights are required");
        Objects.requireNonNull(figureTargets, "figure targets are required");
        Objects.requireNonNull(caseTargets, "case targets are required (CaseTargets.none())");
    }

    private static <V> Map<Channel, V> completeCopy(Map<Channel, V> byChannel, String what) {
        Objects.requireNonNull(byChannel, what + " per channel is required");
        EnumMap<Channel, V> copy = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            V value = byChannel.get(channel);
            if (value == null) {
                throw new IllegalArgumentException("no " + what + " for channel " + channel.code());
            }
            copy.put(channel, value);
        }
        return Collections.unmodifiableMap(copy);
    }

    /** The defaults of metrics.md in the default zone (Asia/Shanghai). */
    public static ScoringSettings defaults() {
        return defaults(DEFAULT_ZONE);
    }

    /**
     * The defaults of metrics.md for an organization zone: chat, phone and social 24x7, email Mon-Fri
     * 09:00-18:00 in that zone without holidays; targets chat 60 s / 24 h, phone 20 s / 24 h,
     * social 1 h / 48 h, email 4 / 16 business hours; min-rated 10; weights 30, 20, 35, 15.
     */
    public static ScoringSettings defaults(ZoneId orgZone) {
        Map<Channel, BusinessCalendar> calendars = new EnumMap<>(Channel.class);
        calendars.put(Channel.CHAT, BusinessCalendar.twentyFourSeven());
        calendars.put(Channel.PHONE, BusinessCalendar.twentyFourSeven());
        calendars.put(Channel.SOCIAL, BusinessCalendar.twentyFourSeven());
        calendars.put(Channel.EMAIL, BusinessCalendar.weekdays(orgZone, LocalTime.of(9, 0), LocalTime.of(18, 0)));
        Map<Channel, SlaTargets> targets = new EnumMap<>(Channel.class);
        targets.put(Channel.CHAT, new SlaTargets(60, 24 * HOUR));
        targets.put(Channel.PHONE, new SlaTargets(20, 24 * HOUR));
        targets.put(Channel.SOCIAL, new SlaTargets(HOUR, 48 * HOUR));
        targets.put(Channel.EMAIL, new SlaTargets(4 * HOUR, 16 * HOUR));
        return new ScoringSettings(orgZone, calendars, targets, DEFAULT_MIN_RATED, Weights.defaults());
    }

    /** The calendar of a channel. */
    public BusinessCalendar calendar(Channel channel) {
        return calendars.get(channel);
    }

    /** The SLA targets of a channel. */
    public SlaTargets targets(Channel channel) {
        return slaTargets.get(channel);
    }

    /** The first-response and resolution targets of a contact of this case type, and where each came from. */
    public CaseTargets.Applied targets(Channel channel, Category category, Priority priority) {
        return caseTargets.resolve(channel, category, priority, slaTargets.get(channel));
    }

    /** These settings with other targets per case type. */
    public ScoringSettings withCaseTargets(CaseTargets newCaseTargets) {
        return new ScoringSettings(orgZone, calendars, slaTargets, minRated, weights, figureTargets, newCaseTargets);
    }

    /** These settings with another calendar for one channel. */
    public ScoringSettings withCalendar(Channel channel, BusinessCalendar calendar) {
        Map<Channel, BusinessCalendar> changed = new EnumMap<>(calendars);
        changed.put(channel, calendar);
        return new ScoringSettings(orgZone, changed, slaTargets, minRated, weights, figureTargets, caseTargets);
    }

    /** These settings with other SLA targets for one channel. */
    public ScoringSettings withTargets(Channel channel, SlaTargets targets) {
        Map<Channel, SlaTargets> changed = new EnumMap<>(slaTargets);
        changed.put(channel, targets);
        return new ScoringSettings(orgZone, calendars, changed, minRated, weights, figureTargets, caseTargets);
    }

    /** These settings with another min-rated. */
    public ScoringSettings withMinRated(int newMinRated) {
        return new ScoringSettings(orgZone, calendars, slaTargets, newMinRated, weights, figureTargets, caseTargets);
    }

    /** These settings with other composite weights. */
    public ScoringSettings withWeights(Weights newWeights) {
        return new ScoringSettings(orgZone, calendars, slaTargets, minRated, newWeights, figureTargets, caseTargets);
    }

    /** These settings with other figure targets. */
    public ScoringSettings withFigureTargets(FigureTargets newTargets) {
        return new ScoringSettings(orgZone, calendars, slaTargets, minRated, weights, newTargets, caseTargets);
    }
}
