package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.servicecoach.scoring.Composite.WeightedComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScorecardCalculatorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ScoringSettings DEFAULTS = ScoringSettings.defaults();
    private static final LocalDate FROM = LocalDate.of(2026, 3, 2); // Monday
    private static final LocalDate TO = LocalDate.of(2026, 3, 8);   // Sunday
    /** Well after the period: the evaluation instant is its end, 2026-03-09 00:00 in Shanghai. */
    private static final Instant LATER = Instant.parse("2026-03-20T00:00:00Z");

    private static Instant at(String localDateTime) {
        return localDateTime == null ? null : LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    private static InteractionFacts fact(Channel channel, String created, String firstResponse, String resolved,
                                         Integer rating10) {
        return new InteractionFacts(channel, at(created), at(firstResponse), at(resolved), rating10);
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    /*
     * The worked example: nine interactions in the week Mon 2 - Sun 8 March 2026 (times in Shanghai, +08:00).
     * Evaluation instant: 2026-03-09 00:00. Targets: chat 60 s / 86400 s, phone 20 s / 86400 s,
     * social 3600 s / 172800 s, email 14400 / 57600 business seconds (Mon-Fri 09:00-18:00).
     *
     *  #  channel created           first response         FRT    FR SLA    resolved               res.   res. SLA  rating
     *  1  chat    Mon 2  10:00:00   10:00:45               45     met       10:20:00               1200   met       10
     *  2  chat    Tue 3  11:00:00   11:02:00               120    breached  11:30:00               1800   met        8
     *  3  phone   Tue 3  14:00:00   14:00:15               15     met       14:10:00.900           600    met       3 stars = 6
     *  4  email   Fri 6  17:30:00   Mon 9 09:30 (late)     3600   met       Mon 9 17:00            30600  met       2 stars = 4
     *  5  social  Wed 4  09:00:00   11:00:00               7200   breached  -                      -      breached  -
     *  6  chat    Sun 8  23:59:30   -                      -      pending   -                      -      pending   -
     *  7  email   Sat 7  10:00:00   -                      -      pending   -                      -      pending   -
     *  8  chat    Thu 5  08:00:00   08:00:30.500           30     met       Fri 6 09:00            90000  breached   1
     *  9  phone   Mon 2  12:00:00   -                      -      breached  12:05:00               300    met        9
     *
     * #3: 600.9 s -> 600. #4: FRT Fri 17:30-18:00 + Mon 09:00-09:30 = 3600 (the response after the period
     * counts); resolution Fri 1800 + Mon 09:00-17:00 28800 = 30600. #5 unresolved: Wed 09:00 -> Mon 00:00 =
     * 111 h = 399600 > 172800. #6: 30 s to the evaluation instant <= 60 and <= 86400: pending twice.
     * #7: Sat 10:00 -> Mon 00:00 has no business hours: 0 s, pending twice. #8: 30.5 -> 30; 25 h = 90000 >
     * 86400. #9: resolved but never answered: unanswered for first response, Mon 12:00 -> Mon 9 00:00 =
     * 6.5 days > 20 s, breached.
     *
     * interactions 9, responded 6 (#1-5, #8), resolved 6 (#1-4, #8, #9), rated 6 (#1-4, #8, #9).
     * FRT sorted: 15, 30, 45, 120, 3600, 7200 (n=6): median k=ceil(3)=3 -> 45; p90 k=ceil(5.4)=6 -> 7200.
     * Resolution sorted: 300, 600, 1200, 1800, 30600, 90000: median k=3 -> 1200; p90 k=6 -> 90000.
     * FR SLA: met 4 (#1, #3, #4, #8), breached 3 (#2, #5, #9), pending 2 -> 4/7 = 57.142857 -> 57.1.
     * Res. SLA: met 5 (#1-4, #9), breached 2 (#5, #8), pending 2 -> 5/7 = 71.428571 -> 71.4.
     * Ratings 10, 8, 6, 4, 1, 9: bands VS 2, S 1, N 1, D 1, VD 1. CSAT = 3/6 = 50.0; average 38/6 = 6.333 -> 6.33.
     * Wilson 3/6: center = (3 + 1.920729440648) / 9.841458881296 = 0.5 exactly;
     *   half = 1.959964 * sqrt(1.5 + 0.960364720324) / 9.841458881296 = 1.959964 * 1.56855498 / 9.841458881296
     *   = 0.31238370 -> low 18.761630 -> 18.8, high 81.238370 -> 81.2.
     * 6 ratings < 10: insufficient. Knowledge given: 72.5.
     * Composite: (30 * 400/7 + 20 * 500/7 + 35 * 50 + 15 * 72.5) / 100 = (22000/7 + 1750 + 1087.5) / 100
     *   = (3142.857142857 + 2837.5) / 100 = 59.80357142857 -> 59.8; effective weights 30.0, 20.0, 35.0, 15.0.
     */
    private static List<InteractionFacts> workedExample() {
        return List.of(
                fact(Channel.CHAT, "2026-03-02T10:00:00", "2026-03-02T10:00:45", "2026-03-02T10:20:00", 10),
                fact(Channel.CHAT, "2026-03-03T11:00:00", "2026-03-03T11:02:00", "2026-03-03T11:30:00", 8),
                fact(Channel.PHONE, "2026-03-03T14:00:00", "2026-03-03T14:00:15", "2026-03-03T14:10:00.900", 2 * 3),
                fact(Channel.EMAIL, "2026-03-06T17:30:00", "2026-03-09T09:30:00", "2026-03-09T17:00:00", 2 * 2),
                fact(Channel.SOCIAL, "2026-03-04T09:00:00", "2026-03-04T11:00:00", null, null),
                fact(Channel.CHAT, "2026-03-08T23:59:30", null, null, null),
                fact(Channel.EMAIL, "2026-03-07T10:00:00", null, null, null),
                fact(Channel.CHAT, "2026-03-05T08:00:00", "2026-03-05T08:00:30.500", "2026-03-06T09:00:00", 1),
                fact(Channel.PHONE, "2026-03-02T12:00:00", null, "2026-03-02T12:05:00", 9));
    }

    @Test
    void workedExampleMatchesTheHandComputation() {
        Scorecard card = ScorecardCalculator.compute(workedExample(), FROM, TO, DEFAULTS, dec("72.5"), LATER);

        assertEquals(FROM, card.from());
        assertEquals(TO, card.to());
        assertEquals(9, card.interactions());
        assertEquals(6, card.responded());
        assertEquals(6, card.resolved());
        assertEquals(6, card.rated());
        assertEquals(45L, card.frtMedianSeconds());
        assertEquals(7200L, card.frtP90Seconds());
        assertEquals(1200L, card.resolutionMedianSeconds());
        assertEquals(90000L, card.resolutionP90Seconds());
        assertEquals(new SlaSummary(4, 3, 2, dec("57.1")), card.firstResponseSla());
        assertEquals(new SlaSummary(5, 2, 2, dec("71.4")), card.resolutionSla());
        assertEquals(dec("50.0"), card.csatPercent());
        assertEquals(dec("18.8"), card.csatLow95());
        assertEquals(dec("81.2"), card.csatHigh95());
        assertEquals(dec("6.33"), card.averageRating());
        assertEquals(new RatingBands(2, 1, 1, 1, 1), card.bands());
        assertTrue(card.insufficientRatings());
        assertEquals(dec("72.5"), card.knowledgePercent());
        assertEquals(dec("59.8"), card.composite().score());
        assertEquals(List.of(
                new WeightedComponent("responsiveness", dec("57.1"), 30, dec("30.0")),
                new WeightedComponent("resolution", dec("71.4"), 20, dec("20.0")),
                new WeightedComponent("satisfaction", dec("50.0"), 35, dec("35.0")),
                new WeightedComponent("knowledge", dec("72.5"), 15, dec("15.0"))), card.composite().components());
    }

    @Test
    void qualityJoinsTheCompositeWhenWeightedAndAComponentOfWeightZeroIsLeftOut() {
        // weights 30, 20, 35, 0 (knowledge), 15 (quality), QA score 90:
        // (30 x 400/7 + 20 x 500/7 + 35 x 50 + 15 x 90) / 100 = (22000/7 + 1750 + 1350) / 100 = 62.428571... -> 62.4
        ScoringSettings weighted = DEFAULTS.withWeights(new ScoringSettings.Weights(30, 20, 35, 0, 15));
        Scorecard card = ScorecardCalculator.figures(Tally.of(workedExample(), weighted), FROM, TO, weighted, dec("72.5"), dec("90"), LATER)
                .rounded();
        assertEquals(dec("62.4"), card.composite().score());
        assertEquals(List.of(
                new WeightedComponent("responsiveness", dec("57.1"), 30, dec("30.0")),
                new WeightedComponent("resolution", dec("71.4"), 20, dec("20.0")),
                new WeightedComponent("satisfaction", dec("50.0"), 35, dec("35.0")),
                new WeightedComponent("quality", dec("90.0"), 15, dec("15.0"))), card.composite().components(),
                "knowledge (weight 0) is left out, whatever its value");
        // without reviews quality has no data: the others are scaled up to 100
        Scorecard none = ScorecardCalculator.figures(Tally.of(workedExample(), weighted), FROM, TO, weighted, null, null, LATER).rounded();
        assertEquals(new WeightedComponent("quality", null, 15, null), none.composite().components().get(3));
        // (30 x 400/7 + 20 x 500/7 + 35 x 50) / 85 = (22000/7 + 1750) / 0.85 / 100 = 57.5630... -> 57.6
        assertEquals(dec("57.6"), none.composite().score());
    }

    @Test
    void unroundedFiguresAreKeptForRankingAndTheComposite() {
        ScorecardFigures figures = ScorecardCalculator.figures(workedExample(), FROM, TO, DEFAULTS, dec("72.5"), LATER);
        // 400/7 and 500/7 to 34 significant digits; 38/6 likewise; composite 5980.357142857.../100.
        assertEquals(dec("57.14285714285714285714285714285714"), figures.firstResponseSla().percent());
        assertEquals(dec("71.42857142857142857142857142857143"), figures.resolutionSla().percent());
        assertEquals(dec("6.333333333333333333333333333333333"), figures.averageRating());
        BigDecimal expected = dec("59.80357142857142857142857142857143");
        assertTrue(expected.subtract(figures.composite().score()).abs().compareTo(dec("1e-30")) < 0,
                () -> "composite " + figures.composite().score());
        assertEquals(figures.rounded(), ScorecardCalculator.compute(workedExample(), FROM, TO, DEFAULTS, dec("72.5"), LATER));
    }

    @Test
    void theOrderOfTheInteractionsDoesNotMatter() {
        List<InteractionFacts> shuffled = new ArrayList<>(workedExample());
        Collections.reverse(shuffled);
        assertEquals(ScorecardCalculator.compute(workedExample(), FROM, TO, DEFAULTS, null, LATER),
                ScorecardCalculator.compute(shuffled, FROM, TO, DEFAULTS, null, LATER));
    }

    @Test
    void beforeThePeriodEndsUnansweredContactsAreJudgedAtNow() {
        // now = Wed 4 March 09:00:30, before the period ends, so unanswered contacts are judged at now.
        // A phone call of Mon 12:00, resolved at 12:05 but never answered, is 45 h old: breached (> 20 s).
        // A chat of Wed 09:00:00, unanswered, is 30 s old: pending (<= 60 s), and unresolved: pending.
        Instant now = at("2026-03-04T09:00:30");
        List<InteractionFacts> facts = List.of(
                fact(Channel.PHONE, "2026-03-02T12:00:00", null, "2026-03-02T12:05:00", null),
                fact(Channel.CHAT, "2026-03-04T09:00:00", null, null, null));
        Scorecard card = ScorecardCalculator.compute(facts, FROM, TO, DEFAULTS, null, now);
        assertEquals(new SlaSummary(0, 1, 1, dec("0.0")), card.firstResponseSla());
        assertEquals(new SlaSummary(1, 0, 1, dec("100.0")), card.resolutionSla());
        // Once the period is over, the chat is 4 days 15 h old: breached too.
        Scorecard later = ScorecardCalculator.compute(facts, FROM, TO, DEFAULTS, null, LATER);
        assertEquals(new SlaSummary(0, 2, 0, dec("0.0")), later.firstResponseSla());
    }

    @Test
    void aPeriodWithoutRatingsHasNoSatisfactionFigures() {
        // Two chats answered in 30 s and 90 s, resolved in 10 min: FR SLA 1/2 = 50.0, resolution 2/2 = 100.0.
        // No ratings: CSAT, Wilson and average null, insufficient; satisfaction and knowledge are left out,
        // so weights 30 + 20 = 50 -> effective 60.0 and 40.0; score (30*50 + 20*100) / 50 = 70.0.
        List<InteractionFacts> facts = List.of(
                fact(Channel.CHAT, "2026-03-02T10:00:00", "2026-03-02T10:00:30", "2026-03-02T10:10:00", null),
                fact(Channel.CHAT, "2026-03-02T11:00:00", "2026-03-02T11:01:30", "2026-03-02T11:10:00", null));
        Scorecard card = ScorecardCalculator.compute(facts, FROM, TO, DEFAULTS, null, LATER);
        assertEquals(0, card.rated());
        assertNull(card.csatPercent());
        assertNull(card.csatLow95());
        assertNull(card.csatHigh95());
        assertNull(card.averageRating());
        assertEquals(new RatingBands(0, 0, 0, 0, 0), card.bands());
        assertTrue(card.insufficientRatings());
        assertEquals(dec("70.0"), card.composite().score());
        assertEquals(List.of(
                new WeightedComponent("responsiveness", dec("50.0"), 30, dec("60.0")),
                new WeightedComponent("resolution", dec("100.0"), 20, dec("40.0")),
                new WeightedComponent("satisfaction", null, 35, null),
                new WeightedComponent("knowledge", null, 15, null)), card.composite().components());
    }

    @Test
    void anEmptyPeriodIsAllNullsAndZeros() {
        Scorecard card = ScorecardCalculator.compute(List.of(), FROM, TO, DEFAULTS, null, LATER);
        assertEquals(new Scorecard(FROM, TO, 0, 0, 0, 0, null, null, null, null,
                new SlaSummary(0, 0, 0, null), new SlaSummary(0, 0, 0, null), null, null, null, null,
                new RatingBands(0, 0, 0, 0, 0), true, null,
                new Composite.Result(null, List.of(
                        new WeightedComponent("responsiveness", null, 30, null),
                        new WeightedComponent("resolution", null, 20, null),
                        new WeightedComponent("satisfaction", null, 35, null),
                        new WeightedComponent("knowledge", null, 15, null))), null), card);
    }

    @Test
    void minRatedRatingsAreSufficient() {
        // Ten ratings of 7 or more: CSAT 100.0, not insufficient with the default min-rated 10.
        List<InteractionFacts> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(fact(Channel.CHAT, "2026-03-02T10:00:00", null, null, 7 + i % 4));
        }
        Scorecard card = ScorecardCalculator.compute(ten, FROM, TO, DEFAULTS, null, LATER);
        assertFalse(card.insufficientRatings());
        assertEquals(dec("100.0"), card.csatPercent());
        assertTrue(ScorecardCalculator.compute(ten.subList(0, 9), FROM, TO, DEFAULTS, null, LATER).insufficientRatings());
    }
}
