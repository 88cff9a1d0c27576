package com.servicecoach.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A calibration session's figures (metrics.md, "Quality reviews", calibration): several reviewers score the
 * same interactions with the same scorecard.
 * <ul>
 * <li>Agreement per criterion = share of the session's interactions on which all reviewers gave the same
 * points (or all N/A).</li>
 * <li>Two Krippendorff's alphas over all units, a unit being an (interaction, criterion) pair: ordinal alpha
 * on each reviewer's points as a fraction of the criterion's maximum, and nominal alpha on pass/fail; N/A is
 * a missing value. Null when the expected disagreement is 0.</li>
 * <li>A reviewer's deviation = mean over the session's interactions of (their score % − the median of all
 * reviewers' score % for that interaction; mean of the two middle values when the count is even), signed.</li>
 * </ul>
 *
 * <p>Alpha is computed from the coincidence matrix, which handles missing data: only units with at least two
 * values count; a unit with m values adds 1/(m − 1) for each ordered pair of its values (o<sub>ck</sub>);
 * n<sub>c</sub> = Σ<sub>k</sub> o<sub>ck</sub> and n = Σ n<sub>c</sub>; alpha = 1 − (n − 1) ·
 * Σ o<sub>ck</sub> δ²<sub>ck</sub> / Σ n<sub>c</sub> n<sub>k</sub> δ²<sub>ck</sub>. Nominal δ² is 0 for
 * equal values and 1 otherwise; ordinal δ²<sub>ck</sub> = (Σ<sub>g=c..k</sub> n<sub>g</sub> −
 * (n<sub>c</sub> + n<sub>k</sub>) / 2)² over the sorted distinct values that occur. Everything is summed as
 * exact integers and alpha is one final division to 34 significant digits.
 */
public final class Calibration {

    private static final MathContext MC = MathContext.DECIMAL128;
    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private Calibration() {
    }

    /**
     * One reviewer's mark for one criterion of one interaction of the session.
     *
     * @param points null when the reviewer marked the criterion N/A
     */
    public record Score(String reviewer, long interactionId, String criterion, Integer points, int maxPoints,
                        boolean critical) {
        public Score {
            Objects.requireNonNull(reviewer, "reviewer is required");
            mark(criterion, points, maxPoints, critical);
        }

        /** The same mark as a QA review's criterion. */
        public QaScore.Mark mark() {
            return mark(criterion, points, maxPoints, critical);
        }

        private static QaScore.Mark mark(String criterion, Integer points, int maxPoints, boolean critical) {
            return new QaScore.Mark(criterion, points, maxPoints, critical);
        }
    }

    /**
     * Agreement on one criterion.
     *
     * @param interactions the session's interactions (those with at least one score)
     * @param agreed       those on which every reviewer who scored the interaction gave this criterion the
     *                     same points, or all marked it N/A
     * @param percent      agreed / interactions × 100, unrounded
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Agreement(String criterion, int interactions, int agreed, BigDecimal percent) {
    }

    /**
     * One reviewer's deviation from the panel.
     *
     * @param interactions the interactions counted: those the reviewer scored with a score % (not all N/A)
     * @param deviation    the mean of (their score % − the interaction's median score %), signed, unrounded;
     *                     null when no interaction counts
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Deviation(String reviewer, int interactions, BigDecimal deviation) {
    }

    /**
     * The session's figures.
     *
     * @param agreement    per criterion, in the order the criteria first appear in the scores
     * @param ordinalAlpha Krippendorff's ordinal alpha on the fractions of the maximum; null when the expected
     *                     disagreement is 0
     * @param nominalAlpha Krippendorff's nominal alpha on pass/fail; null when the expected disagreement is 0
     * @param deviations   per reviewer, by reviewer name
     * @param medians      the median score % of each interaction that has one, by interaction id
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Result(List<Agreement> agreement, BigDecimal ordinalAlpha, BigDecimal nominalAlpha,
                         List<Deviation> deviations, Map<Long, BigDecimal> medians) {
        public Result {
            agreement = List.copyOf(agreement);
            deviations = List.copyOf(deviations);
            medians = Collections.unmodifiableMap(new TreeMap<>(medians));
        }
    }

    /**
     * The figures of a session from all its scores. A reviewer who scored an interaction but has no score for
     * one of its criteria counts as N/A on it. Each (reviewer, interaction, criterion) may occur once, and a
     * criterion must have the same maximum and critical flag throughout.
     */
    public static Result of(List<Score> scores) {
        // interaction -> reviewer -> criterion -> score
        Map<Long, Map<String, Map<String, Score>>> byInteraction = new TreeMap<>();
        Map<String, Score> criteria = new LinkedHashMap<>();
        Set<String> reviewers = new LinkedHashSet<>();
        for (Score s : scores) {
            Score first = criteria.putIfAbsent(s.criterion(), s);
            if (first != null && (first.maxPoints() != s.maxPoints() || first.critical() != s.critical())) {
                throw new IllegalArgumentException("criterion " + s.criterion()
                        + " has different maximum points or critical flags in the session");
            }
            reviewers.add(s.reviewer());
            Score earlier = byInteraction.computeIfAbsent(s.interactionId(), id -> new TreeMap<>())
                    .computeIfAbsent(s.reviewer(), r -> new LinkedHashMap<>())
                    .putIfAbsent(s.criterion(), s);
            if (earlier != null) {
                throw new IllegalArgumentException(s.reviewer() + " scored " + s.criterion() + " of interaction "
                        + s.interactionId() + " more than once");
            }
        }

        List<Agreement> agreement = new ArrayList<>(criteria.size());
        for (String criterion : criteria.keySet()) {
            int agreed = 0;
            for (Map<String, Map<String, Score>> byReviewer : byInteraction.values()) {
                if (allSame(byReviewer, criterion)) {
                    agreed++;
                }
            }
            int interactions = byInteraction.size();
            agreement.add(new Agreement(criterion, interactions, agreed, Percent.of(agreed, interactions)));
        }

        List<List<BigDecimal>> fractions = new ArrayList<>();
        List<List<Boolean>> passes = new ArrayList<>();
        for (Map<String, Map<String, Score>> byReviewer : byInteraction.values()) {
            for (String criterion : criteria.keySet()) {
                List<BigDecimal> fractionUnit = new ArrayList<>();
                List<Boolean> passUnit = new ArrayList<>();
                for (Map<String, Score> marks : byReviewer.values()) {
                    Score s = marks.get(criterion);
                    if (s != null && s.points() != null) {
                        fractionUnit.add(BigDecimal.valueOf(s.points())
                                .divide(BigDecimal.valueOf(s.maxPoints()), MC));
                        passUnit.add(s.mark().passes());
                    }
                }
                fractions.add(fractionUnit);
                passes.add(passUnit);
            }
        }

        Map<Long, BigDecimal> medians = new TreeMap<>();
        Map<String, List<BigDecimal>> differences = new HashMap<>();
        for (Map.Entry<Long, Map<String, Map<String, Score>>> interaction : byInteraction.entrySet()) {
            Map<String, BigDecimal> reviewScores = new LinkedHashMap<>();
            for (Map.Entry<String, Map<String, Score>> review : interaction.getValue().entrySet()) {
                BigDecimal score = QaScore.of(review.getValue().values().stream().map(Score::mark).toList());
                if (score != null) {
                    reviewScores.put(review.getKey(), score);
                }
            }
            if (reviewScores.isEmpty()) {
                continue;
            }
            BigDecimal median = median(new ArrayList<>(reviewScores.values()));
            medians.put(interaction.getKey(), median);
            reviewScores.forEach((reviewer, score) ->
                    differences.computeIfAbsent(reviewer, r -> new ArrayList<>()).add(score.subtract(median)));
        }
        List<Deviation> deviations = new ArrayList<>(reviewers.size());
        for (String reviewer : reviewers) {
            List<BigDecimal> own = differences.getOrDefault(reviewer, List.of());
            deviations.add(new Deviation(reviewer, own.size(), QaScore.mean(own)));
        }
        deviations.sort(Comparator.comparing(Deviation::reviewer));

        return new Result(agreement, ordinalAlpha(fractions), nominalAlpha(passes), deviations, medians);
    }

    /** Whether every reviewer of the interaction gave the criterion the same points (N/A or no score = null). */
    private static boolean allSame(Map<String, Map<String, Score>> byReviewer, String criterion) {
        boolean firstReviewer = true;
        Integer points = null;
        for (Map<String, Score> marks : byReviewer.values()) {
            Score s = marks.get(criterion);
            Integer own = s == null ? null : s.points();
            if (firstReviewer) {
                points = own;
                firstReviewer = false;
            } else if (!Objects.equals(points, own)) {
                return false;
            }
        }
        return true;
    }

    /** The middle value, or the mean of the two middle values when the count is even; values not empty. */
    private static BigDecimal median(List<BigDecimal> values) {
        values.sort(Comparator.naturalOrder());
        int size = values.size();
        if (size % 2 == 1) {
            return values.get(size / 2);
        }
        return values.get(size / 2 - 1).add(values.get(size / 2)).divide(TWO, MC);
    }

    /**
     * Krippendorff's nominal alpha: each inner list is one unit's values (one per observer, in any order), a
     * null or absent value being missing; values are the same category when {@code equals}. Null when the
     * expected disagreement is 0, including when no unit has two values.
     */
    public static <T> BigDecimal nominalAlpha(List<? extends List<? extends T>> units) {
        return alpha(units, LinkedHashMap::new, false);
    }

    /**
     * Krippendorff's ordinal alpha: as {@link #nominalAlpha(List)}, with values ranked by their natural order
     * (values that compare equal are the same category, so 0.5 and 0.50 are one).
     */
    public static <T extends Comparable<? super T>> BigDecimal ordinalAlpha(List<? extends List<? extends T>> units) {
        return alpha(units, TreeMap::new, true);
    }

    /**
     * Alpha with δ² scaled by 4 for ordinal data (so that it is an integer: (2 Σ n_g − n_c − n_k)²), which
     * cancels in the ratio; observed coincidences scaled by L = lcm of the units' (m − 1), likewise.
     *
     * @param maps makes the empty maps keyed by value (which decide when two values are the same category);
     *             for ordinal data their iteration order is the values' rank order
     */
    private static <T> BigDecimal alpha(List<? extends List<? extends T>> units, Supplier<Map<T, Integer>> maps,
                                        boolean ordinal) {
        Map<T, Integer> categories = maps.get();
        List<List<T>> pairable = new ArrayList<>();
        for (List<? extends T> unit : units) {
            List<T> values = new ArrayList<>();
            for (T v : unit) {
                if (v != null) {
                    values.add(v);
                }
            }
            if (values.size() >= 2) {
                pairable.add(values);
                for (T v : values) {
                    categories.merge(v, 1, Integer::sum);
                }
            }
        }
        int size = categories.size();
        Map<T, Integer> rank = maps.get();
        long[] counts = new long[size];
        long n = 0;
        for (Map.Entry<T, Integer> c : categories.entrySet()) {
            counts[rank.size()] = c.getValue();
            n += c.getValue();
            rank.put(c.getKey(), rank.size());
        }

        BigInteger[][] delta = new BigInteger[size][size];
        for (int c = 0; c < size; c++) {
            long between = 0;
            for (int k = c; k < size; k++) {
                between += counts[k];
                BigInteger d;
                if (k == c) {
                    d = BigInteger.ZERO;
                } else if (ordinal) {
                    d = BigInteger.valueOf(2 * between - counts[c] - counts[k]).pow(2);
                } else {
                    d = BigInteger.ONE;
                }
                delta[c][k] = d;
                delta[k][c] = d;
            }
        }

        BigInteger expected = BigInteger.ZERO;
        for (int c = 0; c < size; c++) {
            for (int k = 0; k < size; k++) {
                if (c != k) {
                    expected = expected.add(BigInteger.valueOf(counts[c] * counts[k]).multiply(delta[c][k]));
                }
            }
        }
        if (expected.signum() == 0) {
            return null;
        }

        BigInteger lcm = BigInteger.ONE;
        for (List<T> unit : pairable) {
            BigInteger m1 = BigInteger.valueOf(unit.size() - 1L);
            lcm = lcm.divide(lcm.gcd(m1)).multiply(m1);
        }
        BigInteger observed = BigInteger.ZERO;
        for (List<T> unit : pairable) {
            long[] own = new long[size];
            for (T v : unit) {
                own[rank.get(v)]++;
            }
            BigInteger pairs = BigInteger.ZERO;
            for (int c = 0; c < size; c++) {
                if (own[c] == 0) {
                    continue;
                }
                for (int k = 0; k < size; k++) {
                    if (k != c && own[k] != 0) {
                        pairs = pairs.add(BigInteger.valueOf(own[c] * own[k]).multiply(delta[c][k]));
                    }
                }
            }
            observed = observed.add(pairs.multiply(lcm.divide(BigInteger.valueOf(unit.size() - 1L))));
        }

        // alpha = 1 − (n − 1) · (observed / L) / expected = (L · expected − (n − 1) · observed) / (L · expected)
        BigInteger whole = lcm.multiply(expected);
        BigInteger numerator = whole.subtract(BigInteger.valueOf(n - 1).multiply(observed));
        return new BigDecimal(numerator).divide(new BigDecimal(whole), MC);
    }
}
