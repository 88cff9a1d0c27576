package com.servicecoach.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gaps on worked examples (metrics.md "Gaps"). */
class GapsTest {

    static final ScoringSettings.FigureTargets TARGETS = ScoringSettings.FigureTargets.defaults(); // 80, 85, 80

    static Gaps.Counted csat(long satisfied, long n) {
        return new Gaps.Counted(Gaps.CSAT, null, null, satisfied, n);
    }

    @Test
    void aCsatOfSixInTenAgainstEightyIsNoGapWithTenRatingsButIsOneWithTwoHundred() {
        // 6 of 10: the Wilson interval reaches 85.8 %, above 80, so the shortfall may be chance
        assertEquals(List.of(), Gaps.of(List.of(csat(6, 10)), TARGETS, 10, List.of()));
        // 120 of 200: the interval's upper end is 66.5 %, below 80: a gap of 20 points
        List<Gaps.Gap> gaps = Gaps.of(List.of(csat(120, 200)), TARGETS, 10, List.of());
        assertEquals(1, gaps.size());
        Gaps.Gap g = gaps.get(0);
        assertEquals(0, new BigDecimal("60").compareTo(g.value()));
        assertEquals(0, new BigDecimal("20").compareTo(g.size()));
        assertTrue(g.upper95().compareTo(new BigDecimal("66.4")) > 0 && g.upper95().compareTo(new BigDecimal("66.6")) < 0, g.upper95().toString());
    }

    @Test
    void aQaScoreIsTestedAsScoreOverAHundredWithNTheReviewsThatHaveAScore() {
        // 70 % over 40 reviews: k = 28; the interval's upper end is 81.9 %, below the QA target 85: a gap of 15 points
        List<Gaps.Gap> gaps = Gaps.of(List.of(), List.of(new Gaps.Scored(Gaps.QA_SCORE, null, null, new BigDecimal("70"), 40)),
                TARGETS, 10, List.of());
        assertEquals(1, gaps.size());
        assertEquals(0, new BigDecimal("15").compareTo(gaps.get(0).size()));
        assertEquals(0, new BigDecimal("85").compareTo(gaps.get(0).target()));
        assertEquals(new BigDecimal("81.9"), Rounding.percent(gaps.get(0).upper95()));
        // the same 70 % over 12 reviews may be chance (upper end 88.2 %), and 9 reviews are fewer than min-rated
        assertEquals(List.of(), Gaps.of(List.of(), List.of(new Gaps.Scored(Gaps.QA_SCORE, null, null, new BigDecimal("70"), 12)),
                TARGETS, 10, List.of()));
        assertEquals(List.of(), Gaps.of(List.of(), List.of(new Gaps.Scored(Gaps.QA_SCORE, null, null, BigDecimal.ZERO, 9)),
                TARGETS, 10, List.of()));
    }

    @Test
    void aFigureWithFewerThanMinRatedValuesIsNotTested() {
        assertEquals(List.of(), Gaps.of(List.of(csat(0, 9)), TARGETS, 10, List.of()), "0 of 9 says too little");
        assertEquals(1, Gaps.of(List.of(csat(0, 10)), TARGETS, 10, List.of()).size());
    }

    @Test
    void gapsComeLargestFirstThenByLargerNThenByFigureAndSliceAndKnowledgeLast() {
        List<Gaps.Gap> gaps = Gaps.of(List.of(
                new Gaps.Counted(Gaps.FIRST_RESPONSE_SLA, null, null, 500, 1000),                 // 50 %: 30 points short
                new Gaps.Counted(Gaps.RESOLUTION_SLA, null, null, 550, 1000),                     // 55 %: 30 points short
                new Gaps.Counted(Gaps.CSAT, "category", "return_refund", 100, 200),              // 50 %: 30 short, smaller n
                new Gaps.Counted(Gaps.CSAT, "channel", "email", 790, 1000),                      // 79 %: interval reaches 81.5
                new Gaps.Counted(Gaps.FIRST_RESPONSE_SLA, "channel", "chat", 200, 1000)),        // 20 %: 60 short
                TARGETS, 10, List.of(new Gaps.Knowledge("returns-refunds", new BigDecimal("62.5"), 80, false),
                        new Gaps.Knowledge("greeting-attitude", new BigDecimal("90"), 80, true),
                        new Gaps.Knowledge("complaint-handling", new BigDecimal("85"), 80, false)));
        assertEquals(List.of("first_response_sla channel:chat", "first_response_sla -", "resolution_sla -", "csat category:return_refund",
                        "knowledge greeting-attitude certification_expired", "knowledge returns-refunds below_pass_mark"),
                gaps.stream().map(g -> g.figure() + " " + (g.module() != null ? g.module() + " " + g.reason()
                        : g.slice() == null ? "-" : g.sliceKind() + ":" + g.slice())).toList());
    }

    @Test
    void aScorecardIsCountedAsMetOfMetAndBreachedAndRatingsOfSevenOrMore() {
        Scorecard card = ScorecardCalculator.compute(List.of(
                        new InteractionFacts(Channel.CHAT, java.time.Instant.parse("2026-03-02T02:00:00Z"),
                                java.time.Instant.parse("2026-03-02T02:00:10Z"), java.time.Instant.parse("2026-03-02T02:01:00Z"), 7),
                        new InteractionFacts(Channel.CHAT, java.time.Instant.parse("2026-03-02T03:00:00Z"),
                                java.time.Instant.parse("2026-03-02T03:05:00Z"), null, 6)),
                java.time.LocalDate.of(2026, 3, 2), java.time.LocalDate.of(2026, 3, 2), ScoringSettings.defaults(), null,
                java.time.Instant.parse("2026-03-10T00:00:00Z"));
        List<Gaps.Counted> counted = Gaps.counted(card, "channel", "chat");
        assertEquals(new Gaps.Counted(Gaps.FIRST_RESPONSE_SLA, "channel", "chat", 1, 2), counted.get(0));
        assertEquals(new Gaps.Counted(Gaps.RESOLUTION_SLA, "channel", "chat", 1, 1), counted.get(1),
                "the open one is within its 24 h at the period's end: pending, left out");
        assertEquals(new Gaps.Counted(Gaps.CSAT, "channel", "chat", 1, 2), counted.get(2));
    }
}
