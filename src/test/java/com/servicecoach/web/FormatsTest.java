package com.servicecoach.web;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {

    final Formats en = new Formats(new Messages(), Locale.ENGLISH, ZoneId.of("Asia/Shanghai"));
    final Formats zh = new Formats(new Messages(), Messages.CHINESE, ZoneId.of("Asia/Shanghai"));

    @Test
    void durationsShowTheirTwoLargestUnits() {
        assertEquals("—", en.duration(null));
        assertEquals("0 s", en.duration(0L));
        assertEquals("45 s", en.duration(45L));
        assertEquals("2 min", en.duration(120L));
        assertEquals("28 min 8 s", en.duration(1688L));
        assertEquals("4 h", en.duration(14400L));
        assertEquals("23 h 38 min", en.duration(85135L));
        assertEquals("1 d 1 h", en.duration(90000L));
        assertEquals("1 天 1 小时", zh.duration(90000L));
        assertEquals("12345 d", en.duration(12345L * 86400));
    }

    @Test
    void figuresKeepTheirSerializedDecimalsAndAbsentOnesAreADash() {
        assertEquals("100.0 %", en.percent(new BigDecimal("100.0")));
        assertEquals("—", en.percent(null));
        assertEquals("6.30", en.number(new BigDecimal("6.30")));
        assertEquals("2026-03-02 09:15:00", en.time(Instant.parse("2026-03-02T01:15:00Z")));
    }
}
