package com.servicecoach.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Customer-survey figures (metrics.md "Customer surveys by dimension") of some responses: for each dimension its
 * satisfied % (answers of 7 or more / its answers) with the 95% Wilson interval, its mean (two decimals, no
 * interval) and its bands; sent, returned and complete with the return and valid rates; and the agent-driven and
 * company-driven indexes, each the unweighted mean of satisfied % over the dimensions of that kind that have at
 * least one answer. Incomplete responses count for the dimensions they answer. Computed exactly from the count of
 * each score per dimension, rounded only in {@link #rounded()}.
 *
 * @param dimensions every dimension of the current survey, in its order (those without answers have nulls)
 */
public record SurveyFigures(List<DimensionFigure> dimensions, long sent, long returned, long complete,
                            @Nullable BigDecimal returnRate, @Nullable BigDecimal validRate,
                            @Nullable BigDecimal agentDrivenIndex, @Nullable BigDecimal companyDrivenIndex) {

    /** A dimension as the survey defines it: its code and whether the agent drives it. */
    public record Dimension(String code, boolean agentDriven) {
    }

    /** One dimension's figures, unrounded, with the count of each score they came from (index 1 to 10). */
    public record DimensionFigure(String code, boolean agentDriven, long answers, long satisfied,
                                  @Nullable BigDecimal satisfiedPercent, @Nullable Wilson interval,
                                  @Nullable BigDecimal mean, RatingBands bands, long[] scores) {

        /** A copy of the score counts (so that figures of several scopes can be added up exactly). */
        @Override
        public long[] scores() {
            return scores.clone();
        }
    }

    /**
     * The figures of responses whose answers are {@code counts}: per dimension code, the number of answers of each
     * score, index 1 to 10 (index 0 unused). Codes not in {@code dimensions} (a dimension since removed) are left out.
     */
    public static SurveyFigures of(List<Dimension> dimensions, Map<String, long[]> counts, long sent, long returned,
                                   long complete) {
        if (returned > sent || complete > returned) {
            throw new IllegalArgumentException("need complete <= returned <= sent, got " + complete + ", " + returned + ", " + sent);
        }
        List<DimensionFigure> out = new ArrayList<>();
        BigDecimal agentSum = BigDecimal.ZERO;
        BigDecimal companySum = BigDecimal.ZERO;
        int agentN = 0;
        int companyN = 0;
        for (Dimension d : dimensions) {
            DimensionFigure f = figure(d, counts.get(d.code()));
            out.add(f);
            if (f.satisfiedPercent() != null) {
                if (d.agentDriven()) {
                    agentSum = agentSum.add(f.satisfiedPercent());
                    agentN++;
                } else {
                    companySum = companySum.add(f.satisfiedPercent());
                    companyN++;
                }
            }
        }
        return new SurveyFigures(List.copyOf(out), sent, returned, complete, Percent.of(returned, sent),
                Percent.of(complete, returned), mean(agentSum, agentN), mean(companySum, companyN));
    }

    /** One dimension's figures from its score counts (null: no answers). */
    public static DimensionFigure figure(Dimension d, @Nullable long[] scores) {
        long[] c = scores == null ? new long[11] : scores;
        if (c.length != 11) {
            throw new IllegalArgumentException("score counts are indexed 1 to 10");
        }
        long answers = 0;
        long sum = 0;
        for (int s = 1; s <= 10; s++) {
            answers += c[s];
            sum += s * c[s];
        }
        long satisfied = c[7] + c[8] + c[9] + c[10];
        RatingBands bands = new RatingBands((int) (c[9] + c[10]), (int) (c[7] + c[8]), (int) (c[5] + c[6]),
                (int) (c[3] + c[4]), (int) (c[1] + c[2]));
        BigDecimal mean = answers == 0 ? null
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(answers), MathContext.DECIMAL128);
        return new DimensionFigure(d.code(), d.agentDriven(), answers, satisfied, Percent.of(satisfied, answers),
                Wilson.interval(satisfied, answers).orElse(null), mean, bands, c.clone());
    }

    private static BigDecimal mean(BigDecimal sum, int n) {
        return n == 0 ? null : sum.divide(BigDecimal.valueOf(n), MathContext.DECIMAL128);
    }

    /** The figure of one dimension, if the survey has it. */
    public DimensionFigure dimension(String code) {
        return dimensions.stream().filter(d -> d.code().equals(code)).findFirst().orElse(null);
    }

    /** The figures as shown and serialized: percentages to one decimal, means to two. */
    public Rounded rounded() {
        List<Rounded.Dimension> ds = dimensions.stream().map(d -> new Rounded.Dimension(d.code(),
                d.agentDriven() ? "agent" : "company", d.answers(), d.satisfied(), Rounding.percent(d.satisfiedPercent()),
                d.interval() == null ? null : Rounding.percent(d.interval().low()),
                d.interval() == null ? null : Rounding.percent(d.interval().high()), Rounding.rating(d.mean()), d.bands()))
                .toList();
        return new Rounded(ds, sent, returned, complete, Rounding.percent(returnRate), Rounding.percent(validRate),
                Rounding.percent(agentDrivenIndex), Rounding.percent(companyDrivenIndex));
    }

    /** {@link SurveyFigures} rounded for display and JSON. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Rounded(List<Dimension> dimensions, long sent, long returned, long complete,
                          @Nullable BigDecimal returnRate, @Nullable BigDecimal validRate,
                          @Nullable BigDecimal agentDrivenIndex, @Nullable BigDecimal companyDrivenIndex) {

        /** A dimension rounded; {@code driver} is {@code agent} or {@code company}. */
        @Serdeable
        @JsonInclude(JsonInclude.Include.ALWAYS)
        public record Dimension(String code, String driver, long answers, long satisfied,
                                @Nullable BigDecimal satisfiedPercent, @Nullable BigDecimal satisfiedLow95,
                                @Nullable BigDecimal satisfiedHigh95, @Nullable BigDecimal mean, RatingBands bands) {
        }
    }
}
