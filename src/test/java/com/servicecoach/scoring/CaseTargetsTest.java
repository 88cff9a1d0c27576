package com.servicecoach.scoring;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** metrics.md "Targets per case type": each target from the first rule, in the order of precedence, that gives it. */
class CaseTargetsTest {

    static final long H = 3600;
    static final ScoringSettings.SlaTargets EMAIL = new ScoringSettings.SlaTargets(4 * H, 16 * H);

    static CaseTargets.Rule rule(Channel ch, Category cat, Priority pri, Long frt, Long res) {
        return new CaseTargets.Rule(ch, cat, pri, frt, res);
    }

    @Test
    void withoutRulesTheChannelsTargetsApply() {
        CaseTargets.Applied a = CaseTargets.none().resolve(Channel.EMAIL, Category.RETURN_REFUND, Priority.URGENT, EMAIL);
        assertEquals(4 * H, a.firstResponse().seconds());
        assertEquals(16 * H, a.resolution().seconds());
        assertEquals(CaseTargets.Source.CHANNEL, a.firstResponse().source());
        assertNull(a.resolution().rule());
    }

    /** A refund on email, with a category override (resolution 48 h) and a priority override (urgent: FRT 1 h). */
    @Test
    void aRefundOnEmailTakesEachTargetFromItsOwnRule() {
        CaseTargets rules = CaseTargets.of(List.of(
                rule(null, Category.RETURN_REFUND, null, null, 48 * H),
                rule(null, null, Priority.URGENT, H, null)));
        CaseTargets.Applied urgent = rules.resolve(Channel.EMAIL, Category.RETURN_REFUND, Priority.URGENT, EMAIL);
        assertEquals(H, urgent.firstResponse().seconds(), "(priority) gives the first-response target");
        assertEquals(CaseTargets.Source.PRIORITY, urgent.firstResponse().source());
        assertEquals(48 * H, urgent.resolution().seconds(), "the priority rule gives no resolution target: (category) does");
        assertEquals(CaseTargets.Source.CATEGORY, urgent.resolution().source());

        CaseTargets.Applied normal = rules.resolve(Channel.EMAIL, Category.RETURN_REFUND, Priority.NORMAL, EMAIL);
        assertEquals(4 * H, normal.firstResponse().seconds(), "the channel's when no rule gives it");
        assertEquals(48 * H, normal.resolution().seconds());
        CaseTargets.Applied preSales = rules.resolve(Channel.EMAIL, Category.PRE_SALES, Priority.NORMAL, EMAIL);
        assertEquals(16 * H, preSales.resolution().seconds());
    }

    @Test
    void theOrderOfPrecedenceIsTheOneOfMetricsMd() {
        CaseTargets rules = CaseTargets.of(List.of(
                rule(Channel.EMAIL, null, Priority.HIGH, 7L, null),                                 // (channel, priority)
                rule(null, Category.COMPLAINT, Priority.HIGH, 5L, null),                            // (category, priority)
                rule(Channel.EMAIL, Category.COMPLAINT, Priority.HIGH, 3L, null),                   // (channel, category, priority)
                rule(null, null, Priority.HIGH, 9L, null),                                          // (priority)
                rule(Channel.EMAIL, Category.COMPLAINT, null, 11L, 110L),                            // (channel, category)
                rule(null, Category.COMPLAINT, null, 13L, 130L)));                                   // (category)
        assertEquals(3, rules.resolve(Channel.EMAIL, Category.COMPLAINT, Priority.HIGH, EMAIL).firstResponse().seconds());
        assertEquals(5, rules.resolve(Channel.CHAT, Category.COMPLAINT, Priority.HIGH, EMAIL).firstResponse().seconds());
        assertEquals(7, rules.resolve(Channel.EMAIL, Category.PAYMENT, Priority.HIGH, EMAIL).firstResponse().seconds());
        assertEquals(9, rules.resolve(Channel.CHAT, Category.PAYMENT, Priority.HIGH, EMAIL).firstResponse().seconds());
        assertEquals(11, rules.resolve(Channel.EMAIL, Category.COMPLAINT, Priority.LOW, EMAIL).firstResponse().seconds());
        assertEquals(13, rules.resolve(Channel.PHONE, Category.COMPLAINT, Priority.LOW, EMAIL).firstResponse().seconds());
        assertEquals(110, rules.resolve(Channel.EMAIL, Category.COMPLAINT, Priority.HIGH, EMAIL).resolution().seconds(),
                "no priority rule gives a resolution target, so (channel, category) does");
        assertEquals(CaseTargets.Source.CHANNEL_CATEGORY, rules.resolve(Channel.EMAIL, Category.COMPLAINT, Priority.HIGH, EMAIL).resolution().source());
    }

    @Test
    void aRuleNamesACaseTypeAndATargetAndTwoRulesCannotNameTheSameCase() {
        assertThrows(IllegalArgumentException.class, () -> rule(Channel.EMAIL, null, null, 5L, null));
        assertThrows(IllegalArgumentException.class, () -> rule(null, Category.COMPLAINT, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> CaseTargets.of(List.of(rule(null, Category.COMPLAINT, null, 1L, null),
                rule(null, Category.COMPLAINT, null, null, 2L))));
    }
}
