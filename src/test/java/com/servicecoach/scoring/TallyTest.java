package com.servicecoach.scoring;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Tallies merge, encode and subtract exactly: the figures of merged parts equal those of the whole. */
class TallyTest {

    static final ScoringSettings SETTINGS = ScoringSettings.defaults();
    static final Instant NOW = Instant.parse("2026-04-10T00:00:00Z");

    static List<InteractionFacts> generated(long seed, int n) {
        Random random = new Random(seed);
        List<InteractionFacts> facts = new ArrayList<>();
        Instant start = Instant.parse("2026-03-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            Channel channel = Channel.values()[random.nextInt(4)];
            Instant created = start.plusSeconds(random.nextInt(31 * 86400)).plusNanos(random.nextInt(1_000_000_000));
            Instant response = random.nextInt(10) == 0 ? null : created.plusSeconds(random.nextInt(20_000)).plusNanos(random.nextInt(999_999_999));
            Instant resolved = random.nextInt(8) == 0 ? null : created.plusSeconds(20_000 + random.nextInt(200_000));
            Integer rating = random.nextInt(3) == 0 ? null : 1 + random.nextInt(10);
            facts.add(new InteractionFacts(channel, created, response, resolved, rating));
        }
        return facts;
    }

    @Test
    void mergedPartsGiveTheFiguresOfTheWhole() {
        List<InteractionFacts> facts = generated(7, 2_000);
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 3, 31);
        ScorecardFigures whole = ScorecardCalculator.figures(facts, from, to, SETTINGS, null, NOW);
        Tally merged = new Tally();
        for (int i = 0; i < facts.size(); i += 37) {
            Tally part = Tally.of(facts.subList(i, Math.min(facts.size(), i + 37)), SETTINGS);
            merged.addAll(Tally.decode(part.encode()));
        }
        assertEquals(whole, ScorecardCalculator.figures(merged, from, to, SETTINGS, null, NOW));
    }

    @Test
    void encodingRoundTripsEveryValue() {
        Tally tally = Tally.of(generated(11, 300), SETTINGS);
        Tally back = Tally.decode(tally.encode());
        for (Channel c : Channel.values()) {
            assertEquals(tally.interactions(c), back.interactions(c));
            assertSame(tally.firstResponses(c), back.firstResponses(c));
            assertSame(tally.resolutions(c), back.resolutions(c));
            assertArrayEquals(tally.unanswered(c).sorted(), back.unanswered(c).sorted());
            assertArrayEquals(tally.unresolved(c).sorted(), back.unresolved(c).sorted());
            for (int r = 1; r <= 10; r++) {
                assertEquals(tally.ratings(c, r), back.ratings(c, r));
            }
        }
        assertArrayEquals(tally.encode(), back.encode(), "the encoding does not depend on insertion order");
    }

    static void assertSame(Durations expected, Durations actual) {
        assertArrayEquals(expected.sortedDistinct(), actual.sortedDistinct());
        for (long v : expected.sortedDistinct()) {
            assertEquals(expected.count(v), actual.count(v), "count of " + v);
        }
        assertEquals(expected.size(), actual.size());
    }

    @Test
    void durationsGiveNearestRankPercentilesOverRepeatedValues() {
        Durations d = new Durations();
        for (long v : new long[]{30, 10, 10, 20, 10, 40, 50, 10, 60, 70}) {
            d.add(v);
        }
        // sorted: 10 10 10 10 20 30 40 50 60 70; p50: k = 5 -> 20; p90: k = 9 -> 60; p10: k = 1 -> 10
        assertEquals(20L, d.percentile(50));
        assertEquals(60L, d.percentile(90));
        assertEquals(10L, d.percentile(10));
        assertEquals(70L, d.percentile(100));
        assertEquals(5, d.countAtMost(20));
        d.removeOne(10);
        d.removeOne(10);
        // 10 10 20 30 40 50 60 70: p50 k = 4 -> 30
        assertEquals(30L, d.percentile(50));
        assertEquals(null, new Durations().percentile(50));
    }

    @Test
    void durationsGrowPastTheirFirstCapacity() {
        Durations d = new Durations(2);
        for (int i = 0; i < 10_000; i++) {
            d.add(i % 997);
        }
        assertEquals(10_000, d.size());
        assertEquals(997, d.sortedDistinct().length);
        assertEquals(11, d.count(3));
    }

    @Test
    void instantsBeforeTheEpochAndLongDurationsSurviveEncoding() {
        Tally tally = new Tally();
        long before1970 = Tally.nanos(Instant.parse("1901-05-06T07:08:09.123456789Z"));
        tally.add(new Tally.Contribution(Channel.EMAIL, null, 3_000_000_000L, 10, before1970));
        Tally back = Tally.decode(tally.encode());
        assertEquals(before1970, back.unanswered(Channel.EMAIL).get(0));
        assertEquals(1, back.resolutions(Channel.EMAIL).count(3_000_000_000L));
        assertEquals(Instant.parse("1901-05-06T07:08:09.123456789Z"), Tally.instant(before1970));
    }

    @Test
    void removingAReimportedContactRestoresTheEarlierTally() {
        List<InteractionFacts> facts = generated(3, 50);
        Tally tally = Tally.of(facts, SETTINGS);
        byte[] before = tally.encode();
        InteractionFacts extra = new InteractionFacts(Channel.CHAT, Instant.parse("2026-03-05T10:00:00Z"),
                Instant.parse("2026-03-05T10:00:45Z"), null, 6);
        Tally.Contribution c = Tally.Contribution.of(extra, SETTINGS.calendar(Channel.CHAT));
        tally.add(c);
        tally.remove(c);
        assertArrayEquals(before, tally.encode());
        assertThrows(IllegalStateException.class, () -> tally.remove(c), "a contribution it does not hold");
    }

    @Test
    void openContactsAreClassifiedAtTheEvaluationInstant() {
        ZoneId zone = SETTINGS.orgZone();
        Instant created = LocalDate.of(2026, 3, 31).atTime(23, 59, 30).atZone(zone).toInstant();
        Tally tally = Tally.of(List.of(new InteractionFacts(Channel.CHAT, created, null, null, null)), SETTINGS);
        LocalDate day = LocalDate.of(2026, 3, 31);
        ScorecardFigures atPeriodEnd = ScorecardCalculator.figures(tally, day, day, SETTINGS, null, NOW);
        assertEquals(0, atPeriodEnd.firstResponseSla().breached(), "30 s before the end of the period: pending");
        assertEquals(1, atPeriodEnd.firstResponseSla().pending());
        ScorecardFigures later = ScorecardCalculator.figures(tally, day, LocalDate.of(2026, 4, 1), SETTINGS, null, NOW);
        assertEquals(1, later.firstResponseSla().breached(), "a day later it is breached");
    }
}
