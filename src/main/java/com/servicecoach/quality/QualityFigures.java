package com.servicecoach.quality;

import com.servicecoach.scoring.Gaps;
import com.servicecoach.scoring.QaScore;
import com.servicecoach.scoring.QualitySource;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quality figures (metrics.md "Quality reviews") of agents and teams for a period, from the counting reviews:
 * submitted (drafts never count), dated by their first submission, with a resolved dispute's score in place of the
 * original, calibration copies left out. QA score % is the mean of the reviews' {@link QaScore#ofTotals};
 * a criterion's failure rate is {@link QaScore#failureRate} of its failed marks over those not N/A.
 */
@Singleton
public class QualityFigures implements QualitySource {

    /** A gap figure's name for a criterion: {@code qa:<rubric>/<criterion>}. */
    public static final String FIGURE_PREFIX = "qa:";

    private final QaStore store;
    private final QaRubrics rubrics;

    QualityFigures(QaStore store, QaRubrics rubrics) {
        this.store = store;
        this.rubrics = rubrics;
    }

    /**
     * A QA score: how many reviews count, how many of them have a score (not all N/A), and the exact sum of those
     * scores; {@link #percent} is their mean, unrounded (null: none has a score).
     */
    public record Score(int reviews, int scored, BigDecimal sum) {
        public static final Score NONE = new Score(0, 0, BigDecimal.ZERO);

        public @Nullable BigDecimal percent() {
            return scored == 0 ? null : sum.divide(BigDecimal.valueOf(scored), java.math.MathContext.DECIMAL128);
        }

        /** One review more: its score, or null when every criterion was N/A. */
        Score plus(@Nullable BigDecimal score) {
            return score == null ? new Score(reviews + 1, scored, sum) : new Score(reviews + 1, scored + 1, sum.add(score));
        }

        /** Several agents' reviews together: the mean over all their reviews, not the mean of their means. */
        public static Score together(Collection<Score> scores) {
            Score t = NONE;
            for (Score s : scores) {
                t = new Score(t.reviews + s.reviews, t.scored + s.scored, t.sum.add(s.sum));
            }
            return t;
        }
    }

    /** One criterion's failures over the reviews where it was not N/A; rate unrounded, null when never applicable. */
    public record CriterionRate(String rubric, String criterion, String text, @Nullable String module, long applicable, long failed,
                                @Nullable BigDecimal failurePercent) {
    }

    /** An agent's or a team's figures for the period. */
    public record Figures(Score score, List<CriterionRate> criteria) {
    }

    /** Each agent's QA score (absent: no counting review). */
    public Map<Long, Score> scores(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        Map<Long, Score> out = new HashMap<>();
        store.scores(agentIds, from, to, (agent, earned, possible, critical) ->
                out.merge(agent, Score.NONE.plus(QaScore.ofTotals(earned, possible, critical)), (a, b) -> Score.together(List.of(a, b))));
        return out;
    }

    /** The QA score of these agents together: the mean over all their reviews (not the mean of their means). */
    public Score together(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        return Score.together(scores(agentIds, from, to).values());
    }

    /** The criteria's failure rates of these agents together, the most failing first (then by rubric and criterion). */
    public List<CriterionRate> criteria(Collection<Long> agentIds, LocalDate from, LocalDate to, Locale locale) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (QaStore.CriterionCount c : store.criterionCounts(agentIds, from, to)) {
            long[] n = counts.computeIfAbsent(c.rubric() + "/" + c.criterion(), k -> new long[2]);
            n[0] += c.applicable();
            n[1] += c.failed();
        }
        return rates(counts, locale);
    }

    /** Each agent's criteria's counts, for gaps: agent id to (figure name to {passed, applicable}). */
    public Map<Long, List<Gaps.Counted>> gapFigures(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        Map<Long, List<Gaps.Counted>> out = new HashMap<>();
        for (QaStore.CriterionCount c : store.criterionCounts(agentIds, from, to)) {
            BigDecimal target = rubrics.byCode(c.rubric()).map(r -> BigDecimal.valueOf(r.passTarget())).orElse(null);
            if (target == null) {
                continue; // a rubric no longer in the content has no target to compare with
            }
            out.computeIfAbsent(c.agentId(), k -> new ArrayList<>()).add(new Gaps.Counted(
                    FIGURE_PREFIX + c.rubric() + "/" + c.criterion(), null, null, c.applicable() - c.failed(), c.applicable(), target));
        }
        return out;
    }

    /** The rubric and criterion of a gap figure's name, or null when it is not a quality figure. */
    public static @Nullable String[] criterionOf(String figure) {
        if (!figure.startsWith(FIGURE_PREFIX)) {
            return null;
        }
        String rest = figure.substring(FIGURE_PREFIX.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? null : new String[]{rest.substring(0, slash), rest.substring(slash + 1)};
    }

    /** A rubric's pass target (percent), when the content still holds it. */
    public @Nullable Integer passTargetOf(String rubric) {
        return rubrics.byCode(rubric).map(QaRubric::passTarget).orElse(null);
    }

    /** The module a criterion names, when its rubric still holds it. */
    public @Nullable String moduleOf(String rubric, String criterion) {
        return rubrics.byCode(rubric).flatMap(r -> r.criterion(criterion)).map(QaCriterion::module).orElse(null);
    }

    /** A criterion's wording in the reader's language (its code when the rubric no longer holds it). */
    public String textOf(String rubric, String criterion, Locale locale) {
        return rubrics.byCode(rubric).flatMap(r -> r.criterion(criterion)).map(c -> c.textIn(locale)).orElse(criterion);
    }

    private List<CriterionRate> rates(Map<String, long[]> counts, Locale locale) {
        List<CriterionRate> out = new ArrayList<>();
        counts.forEach((key, n) -> {
            int slash = key.indexOf('/');
            String rubric = key.substring(0, slash);
            String criterion = key.substring(slash + 1);
            out.add(new CriterionRate(rubric, criterion, textOf(rubric, criterion, locale), moduleOf(rubric, criterion), n[0], n[1],
                    QaScore.failureRate(n[1], n[0])));
        });
        out.sort(Comparator.comparing((CriterionRate r) -> r.failurePercent() == null ? BigDecimal.ONE.negate() : r.failurePercent(),
                Comparator.reverseOrder()).thenComparing(CriterionRate::rubric).thenComparing(CriterionRate::criterion));
        return out;
    }

    // ---- QualitySource: the composite's quality component ----------------------------------------

    @Override
    public Map<Long, BigDecimal> agentPercents(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        Map<Long, BigDecimal> out = new HashMap<>();
        scores(agentIds, from, to).forEach((id, s) -> {
            if (s.percent() != null) {
                out.put(id, s.percent());
            }
        });
        return out;
    }

    @Override
    public BigDecimal percentTogether(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        return together(agentIds, from, to).percent();
    }
}
