package com.servicecoach.web;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimesTest {

    @Test
    void instantsAreShownInTheGivenZone() {
        Times shanghai = new Times(ZoneId.of("Asia/Shanghai"));
        Instant lateEvening = Instant.parse("2026-03-01T17:45:30Z");
        assertEquals("2026-03-02 01:45", shanghai.at(lateEvening));
        assertEquals("2026-03-02 01:45:30", shanghai.exact(lateEvening));
        assertEquals("2026-03-02", shanghai.day(lateEvening), "the day in Shanghai, not in UTC");
        assertEquals("2026-03-02 01:45 Asia/Shanghai (UTC+08:00)", shanghai.atNamed(lateEvening));
        assertEquals("2026-03-01T17:45:30Z", shanghai.iso(lateEvening));
        assertEquals("2026-03-02 01:45:30", shanghai.exactUtc(java.time.LocalDateTime.parse("2026-03-01T17:45:30")));
    }

    @Test
    void theNamedOffsetIsTheOneInForceAtTheInstant() {
        Times berlin = new Times(ZoneId.of("Europe/Berlin"));
        assertEquals("2026-01-15 13:00 Europe/Berlin (UTC+01:00)", berlin.atNamed(Instant.parse("2026-01-15T12:00:00Z")));
        assertEquals("2026-07-15 14:00 Europe/Berlin (UTC+02:00)", berlin.atNamed(Instant.parse("2026-07-15T12:00:00Z")));
    }

    @Test
    void utcIsNamedPlainlyAndAbsentTimesAreADash() {
        Times utc = new Times(ZoneOffset.UTC);
        assertEquals("UTC", utc.zoneName());
        assertEquals(Formats.ABSENT, utc.at(null));
        assertEquals(Formats.ABSENT, utc.day(null));
        assertEquals("", utc.iso(null));
    }
}
