package com.servicecoach.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** metrics.md "Training impact" on constructed data whose true effect is known. */
class ImpactTest {

    static final LocalDate START = LocalDate.of(2026, 1, 1);
    static final LocalDate END = LocalDate.of(2026, 6, 30);

    /**
     * 100 records a day per agent; every agent's rate rises by a common trend of a point every four days (a busy
     * season a plain before/after would take for an effect), and a trained agent's by {@code lift} points more
     * from the day after its completion.
     */
    static DailyRates agent(int base, LocalDate completed, int lift) {
        DailyRates r = new DailyRates(START, END);
        for (LocalDate d = START; !d.isAfter(END); d = d.plusDays(1)) {
            int day = (int) java.time.temporal.ChronoUnit.DAYS.between(START, d);
            int rate = base + day / 4 + (completed != null && d.isAfter(completed) ? lift : 0);
            r.add(d, Math.min(100, rate), 100);
        }
        return r;
    }

    static Impact.Question question(String code) {
        return new Impact.Question(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 6, 30), 28, 10, code);
    }

    @Test
    void theDifferenceInDifferencesRecoversTheTrueEffectWhereAPlainBeforeAfterSeesTheTrendToo() {
        Map<Long, DailyRates> rates = new HashMap<>();
        Map<Long, LocalDate> completed = new HashMap<>();
        for (long a = 1; a <= 8; a++) {
            LocalDate d = LocalDate.of(2026, 3, 1).plusDays(a * 5);
            completed.put(a, d);
            rates.put(a, agent(30 + (int) a, d, 10));
        }
        for (long a = 11; a <= 30; a++) {
            rates.put(a, agent(25 + (int) a % 7, null, 0));
        }
        Impact.Estimate e = Impact.estimate(rates, completed, question("returns-refunds"));
        assertTrue(e.enough());
        assertEquals(8, e.trained());
        // the 20 never trained, and agents 7 and 8, not yet trained by the end of agent 1's after window
        assertEquals(22, e.controls());
        assertEquals(0, new BigDecimal("10").compareTo(e.effect()), "the true +10 points: " + e.effect());
        assertEquals(0, new BigDecimal("10").compareTo(e.low()));
        assertEquals(0, new BigDecimal("10").compareTo(e.high()));
        // a plain before/after of the trained agents: the 10 points and the season's 7 or so more
        BigDecimal plain = e.trainedAfter().subtract(e.trainedBefore());
        assertTrue(plain.compareTo(new BigDecimal("17")) >= 0, "before/after alone: " + plain);
        assertEquals(0, new BigDecimal("10").compareTo(plain.subtract(e.controlAfter().subtract(e.controlBefore()))),
                "what the controls saw is taken out");
    }

    @Test
    void noEffectGivesAnIntervalAroundZeroAndTheSameDataTheSameInterval() {
        Map<Long, DailyRates> rates = new HashMap<>();
        Map<Long, LocalDate> completed = new HashMap<>();
        for (long a = 1; a <= 10; a++) {
            LocalDate d = LocalDate.of(2026, 3, 3).plusDays(a * 4);
            completed.put(a, d);
            // each trained agent's own noise: +3, -3, +2, -2 ... around no effect
            int lift = (int) ((a % 2 == 0 ? 1 : -1) * (a % 4 + 1));
            rates.put(a, agent(40, d, lift));
        }
        for (long a = 11; a <= 20; a++) {
            rates.put(a, agent(40, null, 0));
        }
        Impact.Estimate first = Impact.estimate(rates, completed, question("order-status-logistics"));
        Impact.Estimate again = Impact.estimate(rates, completed, question("order-status-logistics"));
        assertTrue(first.low().signum() < 0 && first.high().signum() > 0, first.low() + " .. " + first.high());
        assertEquals(first.low(), again.low());
        assertEquals(first.high(), again.high());
        Impact.Estimate otherSeed = Impact.estimate(rates, completed, question("greeting-attitude"));
        assertEquals(first.effect(), otherSeed.effect(), "the effect does not depend on the seed");
        BigDecimal[] spread = new BigDecimal[40];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = BigDecimal.valueOf((i * 37L) % 23 - 11.5);
        }
        BigDecimal[] one = Impact.bootstrap(spread, "order-status-logistics");
        BigDecimal[] other = Impact.bootstrap(spread, "greeting-attitude");
        assertTrue(!one[0].equals(other[0]) || !one[1].equals(other[1]), "another module's seed draws other resamples");
    }

    @Test
    void theBootstrapTakesThe50thAnd1950thOfTwoThousandSortedMeansSeededByTheModuleCode() {
        BigDecimal[] d = {BigDecimal.valueOf(1), BigDecimal.valueOf(4), BigDecimal.valueOf(-2), BigDecimal.valueOf(7), BigDecimal.valueOf(0)};
        java.util.Random random = new java.util.Random("returns-refunds".hashCode());
        double[] means = new double[2000];
        for (int r = 0; r < 2000; r++) {
            double sum = 0;
            for (int i = 0; i < d.length; i++) {
                sum += d[random.nextInt(d.length)].doubleValue();
            }
            means[r] = sum / d.length;
        }
        java.util.Arrays.sort(means);
        BigDecimal[] interval = Impact.bootstrap(d, "returns-refunds");
        assertEquals(means[49], interval[0].doubleValue(), 1e-9);
        assertEquals(means[1949], interval[1].doubleValue(), 1e-9);
    }

    @Test
    void trainedAgentsLateInTheDataAgentsWithoutEnoughValuesAndAgentsTrainedSoonAfterAreLeftOut() {
        Map<Long, DailyRates> rates = new HashMap<>();
        Map<Long, LocalDate> completed = new HashMap<>();
        // 1: its after window ends past the cut-off
        completed.put(1L, LocalDate.of(2026, 4, 20));
        rates.put(1L, agent(40, completed.get(1L), 5));
        // 2: completed outside the analysed range
        completed.put(2L, LocalDate.of(2026, 2, 10));
        rates.put(2L, agent(40, completed.get(2L), 5));
        // 3: too few values before its completion
        completed.put(3L, LocalDate.of(2026, 3, 10));
        DailyRates sparse = new DailyRates(START, END);
        sparse.add(LocalDate.of(2026, 3, 1), 5, 9);
        for (LocalDate d = LocalDate.of(2026, 3, 11); d.isBefore(LocalDate.of(2026, 4, 8)); d = d.plusDays(1)) {
            sparse.add(d, 50, 100);
        }
        rates.put(3L, sparse);
        // 4: qualifies; 5 completes within 4's after window, so it is not 4's control; 6 is, and so is 1 (trained later)
        completed.put(4L, LocalDate.of(2026, 3, 10));
        rates.put(4L, agent(40, completed.get(4L), 5));
        completed.put(5L, LocalDate.of(2026, 3, 30));
        rates.put(5L, agent(40, completed.get(5L), 50));
        rates.put(6L, agent(40, null, 0));
        Impact.Question q = new Impact.Question(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 10), 28, 10, "m");
        Impact.Estimate e = Impact.estimate(rates, completed, q);
        assertFalse(e.enough(), "fewer than 5 trained agents");
        assertNull(e.effect());
        assertEquals(java.util.List.of(4L, 5L), e.agents().stream().map(Impact.Trained::agentId).toList());
        Impact.Trained four = e.agents().get(0);
        assertEquals(2, four.controls(), "1 and 6: 2, 3 and 5 completed on or before d + w");
        assertEquals(0, new BigDecimal("5").compareTo(four.difference()));
        assertEquals(2, e.controls(), "1 and 6 (1 is not 5's control: it completed before 5's d + w)");
    }

    @Test
    void openContactsCountAsBreachedFromTheDayTheyAreBreachedOn() {
        DailyRates r = new DailyRates(START, END);
        r.add(LocalDate.of(2026, 1, 5), 3, 4);
        r.addOpen(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 7));
        r.addOpen(LocalDate.of(2026, 1, 6), null);
        assertEquals(new DailyRates.Counts(3, 4), r.window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 6)), "still pending on the 6th");
        assertEquals(new DailyRates.Counts(3, 5), r.window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 7)));
        assertEquals(new DailyRates.Counts(0, 0), r.window(LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 9)),
                "the 5th's contact is outside; the 6th's never breached");
        assertNotEquals(null, r.window(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)));
        assertEquals(new DailyRates.Counts(0, 0), r.window(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31)));
    }
}
