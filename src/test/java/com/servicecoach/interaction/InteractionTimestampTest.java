package com.servicecoach.interaction;

import static com.servicecoach.interaction.TestCsv.ok;
import static com.servicecoach.interaction.TestCsv.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class InteractionTimestampTest {

    private static Instant created(String text, ZoneId zone) {
        String csv = "external_id,agent,channel,created_at\nT-1,A001,chat," + text + "\n";
        return assertInstanceOf(InteractionRow.class, TestCsv.read(csv, zone).get(0)).createdAt();
    }

    @Test
    void localTimeIsInterpretedInAsiaShanghai() {
        assertEquals(Instant.parse("2026-03-02T01:15:00Z"), ok(row("created_at", "2026-03-02T09:15:00")).createdAt());
    }

    @Test
    void localTimeAcrossMidnightInShanghaiIsThePreviousUtcDay() {
        assertEquals(Instant.parse("2026-02-28T16:30:00Z"), created("2026-03-01T00:30:00", TestCsv.SHANGHAI));
    }

    @Test
    void zAndOffsetsAreExact() {
        assertEquals(Instant.parse("2026-03-02T09:15:00Z"), created("2026-03-02T09:15:00Z", TestCsv.SHANGHAI));
        assertEquals(Instant.parse("2026-03-02T01:15:00Z"), created("2026-03-02T09:15:00+08:00", TestCsv.SHANGHAI));
        assertEquals(Instant.parse("2026-03-02T14:45:00Z"), created("2026-03-02T09:15:00-05:30", TestCsv.SHANGHAI));
        assertEquals(Instant.parse("2026-03-02T09:15:00Z"), created("2026-03-02T09:15:00-00:00", TestCsv.SHANGHAI));
    }

    @Test
    void fractionsOfSecondsAreKept() {
        InteractionRow r = ok(row("created_at", "2026-03-02T09:15:00.5", "first_response_at",
                "2026-03-02T01:15:00.623456789Z", "resolved_at", "2026-03-02T09:20:00.000001+08:00"));
        assertEquals(Instant.parse("2026-03-02T01:15:00.500Z"), r.createdAt());
        assertEquals(Instant.parse("2026-03-02T01:15:00.623456789Z"), r.firstResponseAt());
        assertEquals(Instant.parse("2026-03-02T01:20:00.000001Z"), r.resolvedAt());
    }

    @Test
    void leapDayIsValidInALeapYear() {
        assertEquals(Instant.parse("2028-02-29T00:00:00Z"), created("2028-02-29T00:00:00Z", TestCsv.SHANGHAI));
    }

    @Test
    void localTimeInDstGapIsMovedForwardLikeZonedDateTimeOf() {
        // Europe/Berlin skips 02:00-03:00 on 2026-03-29: 02:30 local becomes 03:30 CEST = 01:30Z
        assertEquals(Instant.parse("2026-03-29T01:30:00Z"), created("2026-03-29T02:30:00", ZoneId.of("Europe/Berlin")));
    }

    @Test
    void localTimeInDstOverlapTakesTheEarlierOffset() {
        // Europe/Berlin repeats 02:00-03:00 on 2026-10-25: 02:30 is taken as CEST (+02:00) = 00:30Z
        assertEquals(Instant.parse("2026-10-25T00:30:00Z"), created("2026-10-25T02:30:00", ZoneId.of("Europe/Berlin")));
    }

    @Test
    void fixedOffsetZoneIsUsedForLocalTimes() {
        assertEquals(Instant.parse("2026-03-02T12:15:00Z"), created("2026-03-02T09:15:00", ZoneId.of("-03:00")));
    }

    @Test
    void historicalShanghaiDaylightSavingIsApplied() {
        // China observed DST in summer 1988 (+09:00)
        assertEquals(Instant.parse("1988-07-01T03:00:00Z"), created("1988-07-01T12:00:00", TestCsv.SHANGHAI));
    }
}
