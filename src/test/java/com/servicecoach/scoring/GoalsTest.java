package com.servicecoach.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule a coaching goal closes by, on worked examples. */
class GoalsTest {

    static BigDecimal t(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aGoalIsMetWhenTheFigureReachesTheTargetExactly() {
        assertEquals(Goals.MET, Goals.outcome(8, 10, t("80.0")), "80 % against 80: reached");
        assertEquals(Goals.MISSED, Goals.outcome(7, 10, t("80.0")), "70 % against 80");
        assertEquals(Goals.MET, Goals.outcome(10, 10, t("100.0")));
        assertEquals(Goals.MET, Goals.outcome(0, 5, t("0.0")), "a target of 0 is reached by any data");
    }

    @Test
    void theComparisonIsUnroundedSoAFigureShownAsTheTargetMayStillFallShort() {
        // 2 of 3 = 66.666...: shown as 66.7 %, yet below a target of 66.7
        assertEquals(t("66.7"), Rounding.percent(2, 3));
        assertEquals(Goals.MISSED, Goals.outcome(2, 3, t("66.7")));
        assertEquals(Goals.MET, Goals.outcome(2, 3, t("66.6")));
        // 5 of 6 = 83.333...: above 83.3 although both show as 83.3
        assertEquals(Goals.MET, Goals.outcome(5, 6, t("83.3")));
        // 999 of 1000 = 99.9 exactly: reached
        assertEquals(Goals.MET, Goals.outcome(999, 1000, t("99.9")));
        assertEquals(Goals.MISSED, Goals.outcome(1998, 2000, t("99.95")));
    }

    @Test
    void withoutDataAGoalIsNotReachedAndClosesAsMissed() {
        assertFalse(Goals.reached(0, 0, t("0.0")), "no data reaches no target, not even 0");
        assertEquals(Goals.MISSED, Goals.outcome(0, 0, t("50.0")));
    }

    @Test
    void targetsArePercentagesFromZeroToHundredWithAtMostOneDecimal() {
        assertEquals(Optional.of(t("80.0")), Goals.target("80"));
        assertEquals(Optional.of(t("80.5")), Goals.target(" 80.5 "));
        assertEquals(Optional.of(t("100.0")), Goals.target("100.0"));
        assertEquals(Optional.of(t("0.0")), Goals.target("0"));
        for (String bad : new String[]{"100.1", "101", "-1", "80.55", "eighty", "", "80,5", "1e2", ".5", "80."}) {
            assertEquals(Optional.empty(), Goals.target(bad), bad);
        }
        assertEquals(Optional.empty(), Goals.target(null));
    }

    @Test
    void aSliceIsAChannelOrACategory() {
        assertEquals(Optional.of(new Goals.Slice("channel", "chat")), Goals.slice("Chat"));
        assertEquals(Optional.of(new Goals.Slice("category", "return_refund")), Goals.slice("return_refund"));
        assertEquals(Optional.empty(), Goals.slice("returns"));
        assertTrue(Goals.figure("csat") && Goals.figure("first_response_sla") && Goals.figure("resolution_sla"));
        assertFalse(Goals.figure("knowledge"), "knowledge is no rate figure over interactions");
    }
}
