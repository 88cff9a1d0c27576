package com.servicecoach.report.rendering;

import com.servicecoach.web.Formats;
import com.servicecoach.web.Messages;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportTextTest {

    @Test
    void changesAreWrittenWithTheirSign() {
        ReportText rt = new ReportText(new Messages(), Locale.ENGLISH, new Formats(new Messages(), Locale.ENGLISH, ZoneId.of("UTC")),
                ZoneId.of("UTC"));
        assertEquals("+1.5", rt.signed(new BigDecimal("1.5")));
        assertEquals("-0.3", rt.signed(new BigDecimal("-0.3")));
        assertEquals("0.0", rt.signed(new BigDecimal("0.0")));
        assertEquals("—", rt.signed(null));
        assertEquals("-1 min 5 s", rt.signedDuration(-65L));
        assertEquals("better", rt.trend(-5L, true));
        assertEquals("worse", rt.trend(new BigDecimal("-0.1"), false));
    }
}
