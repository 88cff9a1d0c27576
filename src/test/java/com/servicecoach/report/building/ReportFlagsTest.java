package com.servicecoach.report.building;

import com.servicecoach.scoring.Scorecard;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static com.servicecoach.report.building.Cards.card;
import static com.servicecoach.report.building.Cards.limits;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An agent's flags from its shown figures and HR's thresholds: each reason just triggering and just not. */
class ReportFlagsTest {

    static final TrainingCompliance.Counts NO_TRAINING = TrainingCompliance.Counts.NONE;

    static List<String> reasons(List<PerformanceReport.Flag> flags) {
        return flags.stream().map(PerformanceReport.Flag::reason).toList();
    }

    static PerformanceReport.Flag below(String reason, String value, String threshold) {
        return new PerformanceReport.Flag(reason, new BigDecimal(value), new BigDecimal(threshold), null);
    }

    @Test
    void aShownFigureBelowAThresholdFlagsTheAgentButCsatOnlyWithEnoughRatings() {
        Scorecard twelve = card(12, 8); // CSAT 66.7 %, first-response SLA 66.7 %
        assertEquals(new BigDecimal("66.7"), twelve.csatPercent());
        List<PerformanceReport.Flag> flags = ReportFlags.of(twelve, NO_TRAINING, null, limits("70", "66.7", "50", "60"));
        assertEquals(List.of(new PerformanceReport.Flag("csat", new BigDecimal("66.7"), new BigDecimal("70"), null)), flags,
                "66.7 is not below 66.7; resolution 100 is fine; knowledge is absent, so not checked");
        Scorecard few = card(4, 1);
        assertTrue(few.insufficientRatings());
        assertEquals(List.of("first_response_sla"), reasons(ReportFlags.of(few, NO_TRAINING, null, limits("70", "80", null, null))),
                "four ratings say too little about CSAT");
        assertEquals(List.of("overdue_training", "expired_certification"), reasons(ReportFlags.of(twelve,
                new TrainingCompliance.Counts(3, 0, 1, 2), new CertificationFacts.Counts(1, 0, 1), limits(null, null, null, null))));
    }

    @Test
    void csatIsComparedAsShownSoTwoThirdsIsNotBelowSixtySixPointSeven() {
        Scorecard card = card(12, 8); // 8 of 12 = 66.67 %, shown 66.7
        assertEquals(List.of(), ReportFlags.of(card, NO_TRAINING, null, limits("66.7", null, null, null)));
        assertEquals(List.of(below("csat", "66.7", "66.8")), ReportFlags.of(card, NO_TRAINING, null, limits("66.8", null, null, null)));
    }

    @Test
    void csatCountsFromExactlyMinRatedRatings() {
        Scorecard nine = card(9, 0);
        Scorecard ten = card(10, 0);
        assertTrue(nine.insufficientRatings());
        assertFalse(ten.insufficientRatings(), "min-rated is 10");
        assertEquals(List.of(), ReportFlags.of(nine, NO_TRAINING, null, limits("70", null, null, null)), "CSAT 0 of 9 ratings is not checked");
        assertEquals(List.of(below("csat", "0.0", "70")), ReportFlags.of(ten, NO_TRAINING, null, limits("70", null, null, null)));
    }

    @Test
    void firstResponseSlaAtItsThresholdIsNotFlaggedAndATenthBelowIs() {
        Scorecard card = card(12, 9, 12, 0, 0, null); // 9 of 12 answered in time: 75.0 %
        assertEquals(new BigDecimal("75.0"), card.firstResponseSla().percent());
        assertEquals(List.of(), ReportFlags.of(card, NO_TRAINING, null, limits(null, "75.0", null, null)));
        assertEquals(List.of(below("first_response_sla", "75.0", "75.1")),
                ReportFlags.of(card, NO_TRAINING, null, limits(null, "75.1", null, null)));
    }

    @Test
    void resolutionSlaAtItsThresholdIsNotFlaggedAndATenthBelowIs() {
        Scorecard card = card(12, 12, 10, 0, 0, null); // 10 of 12 resolved in time: 83.3 %
        assertEquals(new BigDecimal("83.3"), card.resolutionSla().percent());
        assertEquals(List.of(), ReportFlags.of(card, NO_TRAINING, null, limits(null, null, "83.3", null)));
        assertEquals(List.of(below("resolution_sla", "83.3", "83.4")),
                ReportFlags.of(card, NO_TRAINING, null, limits(null, null, "83.4", null)));
    }

    @Test
    void knowledgeIsComparedAsShownRoundedHalfUp() {
        Scorecard justUnder = card(1, 1, 1, 0, 0, "59.95"); // shown 60.0
        Scorecard below = card(1, 1, 1, 0, 0, "59.94"); // shown 59.9
        assertEquals(new BigDecimal("60.0"), justUnder.knowledgePercent());
        assertEquals(List.of(), ReportFlags.of(justUnder, NO_TRAINING, null, limits(null, null, null, "60")));
        assertEquals(List.of(below("knowledge", "59.9", "60")), ReportFlags.of(below, NO_TRAINING, null, limits(null, null, null, "60")));
    }

    @Test
    void anAbsentFigureOrAnAbsentThresholdIsNotChecked() {
        Scorecard nothing = card(0, 0, 0, 0, 0, null);
        assertEquals(List.of(), ReportFlags.of(nothing, NO_TRAINING, null, limits("100", "100", "100", "100")),
                "no contacts and no assessments: nothing to compare");
        Scorecard poor = card(12, 0, 0, 12, 0, "10");
        assertEquals(List.of(), ReportFlags.of(poor, NO_TRAINING, null, limits(null, null, null, null)), "nothing is checked");
    }

    @Test
    void everyReasonAtOnceComesInTheReportsOrderWithItsValueOrCount() {
        Scorecard poor = card(12, 0, 0, 12, 0, "10");
        List<PerformanceReport.Flag> flags = ReportFlags.of(poor, new TrainingCompliance.Counts(4, 1, 1, 2),
                new CertificationFacts.Counts(0, 1, 3), limits("70", "80", "80", "60"));
        assertEquals(List.of(below("csat", "0.0", "70"), below("first_response_sla", "0.0", "80"), below("resolution_sla", "0.0", "80"),
                below("knowledge", "10.0", "60"), new PerformanceReport.Flag("overdue_training", null, null, 2),
                new PerformanceReport.Flag("expired_certification", null, null, 3)), flags);
    }

    @Test
    void trainingFlagsFromOneOverdueLineAndCertificationsFromOneExpired() {
        Scorecard fine = card(12, 12);
        assertEquals(List.of(), ReportFlags.of(fine, new TrainingCompliance.Counts(3, 2, 1, 0), new CertificationFacts.Counts(1, 1, 0),
                limits(null, null, null, null)), "open training and expiring certifications are not flagged");
        assertEquals(List.of("overdue_training"), reasons(ReportFlags.of(fine, new TrainingCompliance.Counts(1, 0, 0, 1), null,
                limits(null, null, null, null))), "certifications not recorded: nothing to flag");
        assertEquals(List.of("expired_certification"), reasons(ReportFlags.of(fine, NO_TRAINING, new CertificationFacts.Counts(0, 0, 1),
                limits(null, null, null, null))));
    }

    @Test
    void theBottomShareOfTheRankingIsFlaggedCountingUpFromTheFractionOfAnAgent() {
        Scorecard card = card(12, 8);
        // 10 % of 42 ranked agents is 4.2: the worst 5 (ranks 38-42) are flagged
        assertEquals(List.of(), ReportFlags.relative(card, 37, 42, card, Cards.relative("10", null)));
        PerformanceReport.Flag flag = ReportFlags.relative(card, 38, 42, card, Cards.relative("10", null)).get(0);
        assertEquals(new PerformanceReport.Flag("bottom_composite", card.composite().score(), new BigDecimal("10"), 38), flag);
        assertEquals(List.of(), ReportFlags.relative(card, null, 42, card, Cards.relative("10", null)), "an agent not ranked is not in the ranking");
        assertEquals(List.of("bottom_composite"), reasons(ReportFlags.relative(card, 1, 1, card, Cards.relative("1", null))),
                "1 % of one agent is that agent");
    }

    @Test
    void aFigureMoreThanThePointsBelowTheTeamsIsFlaggedButNotOneExactlyThatFarBelow() {
        Scorecard agent = card(12, 8, 12, 12, 8, "50");   // first-response SLA 66.7 %, knowledge 50 %
        Scorecard team = card(12, 10, 12, 12, 10, "60");  // first-response SLA 83.3 %, knowledge 60 %
        List<PerformanceReport.Flag> flags = ReportFlags.relative(agent, null, 0, team, Cards.relative(null, "10"));
        assertEquals(List.of("csat_below_team", "first_response_sla_below_team"), reasons(flags),
                "CSAT and first response are 16.6 points below; knowledge exactly 10 below is not more than 10");
        assertEquals(below("first_response_sla_below_team", "66.7", "83.3"), flags.get(1));
        assertEquals(List.of(), ReportFlags.relative(agent, null, 0, team, Cards.relative(null, "16.6")), "16.6 is not more than 16.6");
        assertEquals(List.of(), ReportFlags.relative(agent, 3, 3, team, Cards.relative(null, null)), "nothing set, nothing checked");
    }
}
