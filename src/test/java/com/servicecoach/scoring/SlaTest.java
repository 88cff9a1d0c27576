package com.servicecoach.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SlaTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ScoringSettings DEFAULTS = ScoringSettings.defaults();
    private static final BusinessCalendar EMAIL = DEFAULTS.calendar(Channel.EMAIL);
    private static final BusinessCalendar CHAT = DEFAULTS.calendar(Channel.CHAT);

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    @Test
    void unansweredEmailBecomesBreachedOnlyOnceTheCalendarTimeExceedsTheTarget() {
        Instant created = at("2026-03-02T09:00:00"); // Monday, email target 4 business hours = 14400 s
        // 09:00 -> 12:59:59 = 14399 s: pending.
        assertEquals(SlaState.PENDING, Sla.evaluate(created, null, 14400, EMAIL, at("2026-03-02T12:59:59")));
        // 09:00 -> 13:00:00 = 14400 s: at the target, not beyond it: still pending.
        assertEquals(SlaState.PENDING, Sla.evaluate(created, null, 14400, EMAIL, at("2026-03-02T13:00:00")));
        // 09:00 -> 13:00:01 = 14401 s > 14400: breached.
        assertEquals(SlaState.BREACHED, Sla.evaluate(created, null, 14400, EMAIL, at("2026-03-02T13:00:01")));
    }

    @Test
    void anUnansweredEmailDoesNotAgeOvernight() {
        Instant created = at("2026-03-02T16:00:00");
        // Mon 16:00-18:00 = 7200 s, Tue 09:00-10:00 = 3600 s: 10800 <= 14400, pending after 18 hours.
        assertEquals(SlaState.PENDING, Sla.evaluate(created, null, 14400, EMAIL, at("2026-03-03T10:00:00")));
        // Tue 09:00-11:00:01 = 7201 s: 7200 + 7201 = 14401 > 14400: breached.
        assertEquals(SlaState.BREACHED, Sla.evaluate(created, null, 14400, EMAIL, at("2026-03-03T11:00:01")));
    }

    @Test
    void aResponseAtTheTargetIsMetAndOneSecondLaterIsBreached() {
        Instant created = at("2026-03-02T10:00:00");
        Instant evaluation = at("2026-03-09T00:00:00");
        assertEquals(SlaState.MET, Sla.evaluate(created, at("2026-03-02T10:01:00"), 60, CHAT, evaluation));
        // 60.999 s -> 60 whole seconds: met.
        assertEquals(SlaState.MET, Sla.evaluate(created, at("2026-03-02T10:01:00.999"), 60, CHAT, evaluation));
        assertEquals(SlaState.BREACHED, Sla.evaluate(created, at("2026-03-02T10:01:01"), 60, CHAT, evaluation));
    }

    @Test
    void aLateResponseAfterThePeriodEndStillCounts() {
        // Period ends 2026-03-08; evaluation instant 2026-03-09 00:00. Chat created 10 s before it.
        Instant evaluation = Sla.evaluationInstant(LocalDate.of(2026, 3, 8), SHANGHAI, at("2026-04-01T00:00:00"));
        Instant created = at("2026-03-08T23:59:50");
        // Unanswered at the evaluation instant: 10 s <= 60: pending.
        assertEquals(SlaState.PENDING, Sla.evaluate(created, null, 60, CHAT, evaluation));
        // Answered at 00:00:30 the next day (after the period): FRT 40 s, met.
        assertEquals(SlaState.MET, Sla.evaluate(created, at("2026-03-09T00:00:30"), 60, CHAT, evaluation));
        // Answered at 00:02:00: FRT 130 s, breached, though it was pending at the evaluation instant.
        assertEquals(SlaState.BREACHED, Sla.evaluate(created, at("2026-03-09T00:02:00"), 60, CHAT, evaluation));
    }

    @Test
    void evaluationInstantIsThePeriodEndOrNowIfEarlier() {
        LocalDate to = LocalDate.of(2026, 3, 8);
        // 00:00 on 2026-03-09 in Shanghai (+08:00) = 2026-03-08T16:00Z.
        assertEquals(Instant.parse("2026-03-08T16:00:00Z"),
                Sla.evaluationInstant(to, SHANGHAI, Instant.parse("2026-03-20T00:00:00Z")));
        Instant now = Instant.parse("2026-03-05T03:04:05Z");
        assertEquals(now, Sla.evaluationInstant(to, SHANGHAI, now));
    }

    @Test
    void classifyUsesTheSameRuleForMeasuredDurations() {
        assertEquals(SlaState.MET, Sla.classify(true, 100, 100));
        assertEquals(SlaState.BREACHED, Sla.classify(true, 101, 100));
        assertEquals(SlaState.PENDING, Sla.classify(false, 100, 100));
        assertEquals(SlaState.BREACHED, Sla.classify(false, 101, 100));
    }
}
