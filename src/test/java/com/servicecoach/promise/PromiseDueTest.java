package com.servicecoach.promise;

import com.servicecoach.scoring.CaseTargets;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Priority;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.web.BadRequestException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A promise's due time from the settings' targets per case type, and the window parameter. */
class PromiseDueTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final long HOUR = 3600;
    static final ScoringSettings DEFAULTS = ScoringSettings.defaults();

    static Instant shanghai(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    static ScoringSettings withRules(CaseTargets.Rule... rules) {
        return DEFAULTS.withCaseTargets(CaseTargets.of(List.of(rules)));
    }

    static final Instant FRIDAY_5PM = shanghai("2026-03-06T17:00:00");
    static final Instant LATER = shanghai("2026-06-01T00:00:00");

    @Test
    void withoutRulesTheChannelsTargetOnItsCalendar() {
        Due due = Due.of(DEFAULTS, Channel.EMAIL, Category.RETURN_REFUND, Priority.URGENT, FRIDAY_5PM, LATER);
        assertEquals(shanghai("2026-03-10T15:00:00"), due.dueAt(), "16 business hours: Friday 1 h, Monday 9 h, Tuesday 6 h");
        assertEquals(16 * HOUR, due.targetSeconds());
        assertEquals(CaseTargets.Source.CHANNEL, due.source());
        assertEquals("channel", due.sourceCode());
        assertNull(due.ruleText());
        assertTrue(due.overdue());
        // chat is 24x7: 24 h later
        assertEquals(FRIDAY_5PM.plusSeconds(24 * HOUR),
                Due.of(DEFAULTS, Channel.CHAT, Category.OTHER, Priority.NORMAL, FRIDAY_5PM, LATER).dueAt());
    }

    @Test
    void anUrgentRefundByEmailRuleGivesItsTargetOnTheEmailCalendar() {
        ScoringSettings s = withRules(new CaseTargets.Rule(Channel.EMAIL, Category.RETURN_REFUND, Priority.URGENT, null, 4 * HOUR),
                new CaseTargets.Rule(null, Category.RETURN_REFUND, null, null, 24 * HOUR));
        Due urgent = Due.of(s, Channel.EMAIL, Category.RETURN_REFUND, Priority.URGENT, FRIDAY_5PM, LATER);
        assertEquals(shanghai("2026-03-09T12:00:00"), urgent.dueAt(), "Friday 1 h, Monday 09:00 + 3 h");
        assertEquals(4 * HOUR, urgent.targetSeconds());
        assertEquals(CaseTargets.Source.CHANNEL_CATEGORY_PRIORITY, urgent.source());
        assertEquals("email / return_refund / urgent", urgent.ruleText());
        // a normal refund falls to the category rule: 24 business hours = Fri 1, Mon 9, Tue 9, Wed 5 -> Wed 14:00
        Due normal = Due.of(s, Channel.EMAIL, Category.RETURN_REFUND, Priority.NORMAL, FRIDAY_5PM, LATER);
        assertEquals(shanghai("2026-03-11T14:00:00"), normal.dueAt());
        assertEquals("category", normal.sourceCode());
        assertEquals("any channel / return_refund", normal.ruleText());
    }

    @Test
    void aPriorityRuleComesBeforeACategoryRuleAndFirstResponseOnlyRulesDoNotCount() {
        ScoringSettings s = withRules(new CaseTargets.Rule(null, null, Priority.URGENT, null, 2 * HOUR),
                new CaseTargets.Rule(null, Category.COMPLAINT, null, null, 8 * HOUR),
                new CaseTargets.Rule(Channel.CHAT, Category.COMPLAINT, Priority.URGENT, 30L, null));
        Due due = Due.of(s, Channel.CHAT, Category.COMPLAINT, Priority.URGENT, FRIDAY_5PM, LATER);
        assertEquals(FRIDAY_5PM.plusSeconds(2 * HOUR), due.dueAt());
        assertEquals(CaseTargets.Source.PRIORITY, due.source());
    }

    @Test
    void overdueOnceTheDueInstantIsNotAfterNow() {
        Instant due = FRIDAY_5PM.plusSeconds(24 * HOUR);
        assertTrue(Due.of(DEFAULTS, Channel.CHAT, Category.OTHER, Priority.NORMAL, FRIDAY_5PM, due).overdue());
        Due soon = Due.of(DEFAULTS, Channel.CHAT, Category.OTHER, Priority.NORMAL, FRIDAY_5PM, due.minusNanos(1));
        assertFalse(soon.overdue());
        assertTrue(soon.dueWithin(due.minusSeconds(3600), Duration.ofHours(1)), "due exactly at the end of the window");
        assertFalse(soon.dueWithin(due.minusSeconds(3601), Duration.ofHours(1)));
    }

    @Test
    void theWindowIsMinutesHoursDaysOrIso8601FromMoreThanZeroToThirtyDays() {
        assertEquals(Duration.ofHours(24), PromiseService.within(null));
        assertEquals(Duration.ofHours(24), PromiseService.within(" "));
        assertEquals(Duration.ofHours(4), PromiseService.within("4h"));
        assertEquals(Duration.ofHours(72), PromiseService.within("72H"));
        assertEquals(Duration.ofMinutes(90), PromiseService.within("90m"));
        assertEquals(Duration.ofDays(3), PromiseService.within("3d"));
        assertEquals(Duration.ofHours(24), PromiseService.within("PT24H"));
        assertEquals(Duration.ofDays(30), PromiseService.within("720h"));
        for (String bad : List.of("abc", "24", "h", "1.5h", "0h", "PT0S", "-1h", "PT-1H", "31d", "721h", "P31D")) {
            BadRequestException e = assertThrows(BadRequestException.class, () -> PromiseService.within(bad), bad);
            assertTrue(e.getMessage().startsWith("within must be"), e.getMessage());
        }
        assertEquals("24h", PromiseService.withinParam(Duration.ofHours(24)));
        assertEquals("PT1H30M", PromiseService.withinParam(Duration.ofMinutes(90)));
    }
}
