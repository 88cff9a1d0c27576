package com.servicecoach.scoring;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an agent needs help with (metrics.md "Gaps"): a rate figure, overall or on one channel or one category, is
 * a gap when it has at least {@code min-rated} values and the upper end of its 95% Wilson interval is below the
 * figure's target, so that a small sample does not make one; its size is target - figure in points. A module
 * whose counting score is below its pass mark, or whose certification expired, is a knowledge gap (no size,
 * listed after the sized ones). Everything is compared unrounded.
 */
public final class Gaps {

    public static final String FIRST_RESPONSE_SLA = "first_response_sla";
    public static final String RESOLUTION_SLA = "resolution_sla";
    public static final String CSAT = "csat";
    public static final String KNOWLEDGE = "knowledge";
    /** QA score %, tested as (score / 100) of n = the reviews with a score (metrics.md "Gaps"). */
    public static final String QA_SCORE = "qa_score";

    private Gaps() {
    }

    /**
     * A rate figure as counted: {@code successes} of {@code n} (SLA: met of met + breached; CSAT: ratings of 7+ of
     * all ratings; a survey dimension: answers of 7+ of its answers), overall ({@code slice} null) or on one channel or category ({@code sliceKind} "channel" or
     * "category"). {@code target} is the figure's own target when it has one (a survey dimension's); null: the
     * scoring settings' target for the figure.
     */
    public record Counted(String figure, @Nullable String sliceKind, @Nullable String slice, long successes, long n,
                          @Nullable BigDecimal target) {

        public Counted(String figure, @Nullable String sliceKind, @Nullable String slice, long successes, long n) {
            this(figure, sliceKind, slice, successes, n, null);
        }
    }

    /**
     * A rate figure given as a mean percentage over {@code n} values (QA score %: the mean review score over the reviews
     * with a score), tested with p = percent / 100 and that n.
     */
    public record Scored(String figure, @Nullable String sliceKind, @Nullable String slice, BigDecimal percent, long n) {
    }

    /** A module's standing for knowledge gaps: its counting score (null: none yet), its pass mark, its certification. */
    public record Knowledge(String module, @Nullable BigDecimal scorePercent, int passMark, boolean certificationExpired) {
    }

    /**
     * A gap. For a rate figure: the figure and slice, its value and n, the upper end of its interval, the target and
     * the size (all percentages and points unrounded). For knowledge: {@code module}, and {@code reason}
     * {@code below_pass_mark} (value = the counting score, target = the pass mark) or {@code certification_expired}.
     */
    public record Gap(String figure, @Nullable String sliceKind, @Nullable String slice, @Nullable BigDecimal value, long n,
                      @Nullable BigDecimal upper95, @Nullable BigDecimal target, @Nullable BigDecimal size,
                      @Nullable String module, @Nullable String reason) {
    }

    public static List<Gap> of(List<Counted> figures, ScoringSettings.FigureTargets targets, int minRated,
                               List<Knowledge> knowledge) {
        return of(figures, List.of(), targets, minRated, knowledge);
    }

    /** The gaps of counted figures, of mean-percentage figures ({@link Scored}) and of modules, in one order. */
    public static List<Gap> of(List<Counted> figures, List<Scored> scored, ScoringSettings.FigureTargets targets, int minRated,
                               List<Knowledge> knowledge) {
        List<Gap> sized = new ArrayList<>();
        for (Scored s : scored) {
            if (s.n() == 0 || s.n() < minRated) {
                continue;
            }
            BigDecimal target = target(s.figure(), targets);
            BigDecimal successes = s.percent().multiply(BigDecimal.valueOf(s.n())).divide(BigDecimal.valueOf(100), java.math.MathContext.DECIMAL128);
            Wilson w = Wilson.interval(successes.min(BigDecimal.valueOf(s.n())), s.n()).orElseThrow();
            if (w.high().compareTo(target) < 0) {
                sized.add(new Gap(s.figure(), s.sliceKind(), s.slice(), s.percent(), s.n(), w.high(), target, target.subtract(s.percent()),
                        null, null));
            }
        }
        for (Counted c : figures) {
            if (c.n() == 0 || c.n() < minRated) {
                continue;
            }
            BigDecimal target = c.target() != null ? c.target() : target(c.figure(), targets);
            Wilson w = Wilson.interval(c.successes(), c.n()).orElseThrow();
            if (w.high().compareTo(target) < 0) {
                BigDecimal value = BigDecimal.valueOf(c.successes()).multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(c.n()), java.math.MathContext.DECIMAL128);
                sized.add(new Gap(c.figure(), c.sliceKind(), c.slice(), value, c.n(), w.high(), target, target.subtract(value),
                        null, null));
            }
        }
        sized.sort(Comparator.comparing(Gap::size, Comparator.reverseOrder())
                .thenComparing(Gap::n, Comparator.reverseOrder())
                .thenComparing(Gap::figure)
                .thenComparing(g -> g.slice() == null ? "" : g.sliceKind() + ":" + g.slice()));
        List<Gap> out = new ArrayList<>(sized);
        knowledge.stream().sorted(Comparator.comparing(Knowledge::module)).forEach(k -> {
            BigDecimal pass = BigDecimal.valueOf(k.passMark());
            if (k.scorePercent() != null && k.scorePercent().compareTo(pass) < 0) {
                out.add(new Gap(KNOWLEDGE, null, null, k.scorePercent(), 0, null, pass, null, k.module(), "below_pass_mark"));
            } else if (k.certificationExpired()) {
                out.add(new Gap(KNOWLEDGE, null, null, k.scorePercent(), 0, null, pass, null, k.module(), "certification_expired"));
            }
        });
        return out;
    }

    /** A rate figure's target. */
    public static BigDecimal target(String figure, ScoringSettings.FigureTargets targets) {
        return switch (figure) {
            case FIRST_RESPONSE_SLA -> targets.firstResponseSla();
            case RESOLUTION_SLA -> targets.resolutionSla();
            case CSAT -> targets.csat();
            case QA_SCORE -> targets.qaScore();
            default -> throw new IllegalArgumentException("no target for " + figure);
        };
    }

    /** A scorecard's rate figures as counted, overall or for one slice. */
    public static List<Counted> counted(Scorecard card, @Nullable String sliceKind, @Nullable String slice) {
        SlaSummary frt = card.firstResponseSla();
        SlaSummary res = card.resolutionSla();
        RatingBands b = card.bands();
        return List.of(new Counted(FIRST_RESPONSE_SLA, sliceKind, slice, frt.met(), frt.met() + frt.breached()),
                new Counted(RESOLUTION_SLA, sliceKind, slice, res.met(), res.met() + res.breached()),
                new Counted(CSAT, sliceKind, slice, b.verySatisfied() + b.satisfied(), card.rated()));
    }
}
