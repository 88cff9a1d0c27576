package com.servicecoach.scoring;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Worked examples of metrics.md "Targets per case type" and "Owners" through the scorecard: each contact's SLA
 * state against its own targets, first-response figures with the handler, resolution figures with the owner.
 */
class CasesAndOwnersTest {

    static final long H = 3600;
    static final LocalDate DAY = LocalDate.of(2026, 3, 2); // a Monday
    static final Instant NOW = Instant.parse("2026-04-01T00:00:00Z");

    /** A contact of 2026-03-02 10:00 Shanghai (02:00 UTC): answered after {@code frt} s, resolved after {@code res} s. */
    static InteractionFacts contact(Channel ch, Category cat, Priority pri, long frt, Long res, boolean handled, boolean owned, int reopened) {
        Instant created = Instant.parse("2026-03-02T02:00:00Z");
        return new InteractionFacts(ch, created, created.plusSeconds(frt), res == null ? null : created.plusSeconds(res), null,
                cat, pri, handled, owned, reopened);
    }

    @Test
    void aRefundOnEmailIsHeldToItsCategoryAndPriorityTargets() {
        // email Mon-Fri 09:00-18:00: a contact at 10:00 answered 2 h later took 2 business hours
        ScoringSettings s = ScoringSettings.defaults().withCaseTargets(CaseTargets.of(List.of(
                new CaseTargets.Rule(null, Category.RETURN_REFUND, null, null, 4 * H),  // refunds resolved within 4 business hours
                new CaseTargets.Rule(null, null, Priority.URGENT, H, null))));          // urgent answered within 1 hour
        List<InteractionFacts> facts = List.of(
                contact(Channel.EMAIL, Category.RETURN_REFUND, Priority.URGENT, 2 * H, 5 * H, true, true, 0),  // FRT breached (1 h), resolution breached (4 h)
                contact(Channel.EMAIL, Category.RETURN_REFUND, Priority.NORMAL, 2 * H, 3 * H, true, true, 0),  // FRT met (4 h), resolution met (4 h)
                contact(Channel.EMAIL, Category.PRE_SALES, Priority.NORMAL, 2 * H, 5 * H, true, true, 0));     // FRT met, resolution met (16 h)
        ScorecardFigures f = ScorecardCalculator.figures(facts, DAY, DAY, s, null, NOW);
        assertEquals(new SlaSummary(2, 1, 0, Percent.of(2, 3)), f.firstResponseSla());
        assertEquals(new SlaSummary(2, 1, 0, Percent.of(2, 3)), f.resolutionSla());

        // the report's one-pass SLA by category and priority equals the scorecard of each part
        Tally tally = Tally.of(facts, s);
        java.util.Map<Object, ScorecardCalculator.CaseSla> byCategory = ScorecardCalculator.caseSlas(tally, DAY, s, NOW, true);
        assertEquals(List.of(Category.PRE_SALES, Category.RETURN_REFUND), List.copyOf(byCategory.keySet()));
        for (Category c : List.of(Category.PRE_SALES, Category.RETURN_REFUND)) {
            ScorecardFigures part = ScorecardCalculator.figures(tally.category(c), DAY, DAY, s, null, NOW);
            assertEquals(part.firstResponseSla(), byCategory.get(c).firstResponseSla());
            assertEquals(part.resolutionSla(), byCategory.get(c).resolutionSla());
            assertEquals(part.interactions(), byCategory.get(c).interactions());
        }
        assertEquals(new SlaSummary(0, 1, 0, Percent.of(0, 1)), ScorecardCalculator.caseSlas(tally, DAY, s, NOW, false)
                .get(Priority.URGENT).firstResponseSla(), "urgent: answered in 2 h against 1 h");

        ScorecardFigures channelOnly = ScorecardCalculator.figures(facts, DAY, DAY, ScoringSettings.defaults(), null, NOW);
        assertEquals(3, channelOnly.firstResponseSla().met(), "without rules every figure is as before");
        assertEquals(3, channelOnly.resolutionSla().met());
    }

    @Test
    void firstResponseStaysWithTheHandlerAndResolutionGoesToTheOwner() {
        InteractionFacts whole = contact(Channel.CHAT, Category.COMPLAINT, Priority.NORMAL, 30, 30 * H, true, true, 1);
        Tally handler = Tally.of(List.of(whole.handledPart()), ScoringSettings.defaults());
        Tally owner = Tally.of(List.of(whole.ownedPart()), ScoringSettings.defaults());
        ScorecardFigures h = ScorecardCalculator.figures(handler, DAY, DAY, ScoringSettings.defaults(), null, NOW);
        ScorecardFigures o = ScorecardCalculator.figures(owner, DAY, DAY, ScoringSettings.defaults(), null, NOW);
        assertEquals(1, h.interactions());
        assertEquals(1, h.firstResponseSla().met());
        assertEquals(0, h.resolved());
        assertNull(h.resolutionSla().percent(), "the handler is not judged on a resolution it does not own");
        assertEquals(0, o.interactions());
        assertEquals(0, o.responded());
        assertEquals(1, o.resolved());
        assertEquals(1, o.resolutionSla().breached(), "30 h against chat's 24 h");
        assertEquals(new OwnerFigures(1, 0, 0, 0, 0, null), OwnerFigures.of(handler));
        assertEquals(new OwnerFigures(0, 1, 1, 1, 1, Percent.of(1, 1)), OwnerFigures.of(owner));

        Tally team = new Tally();
        team.addAll(handler);
        team.addAll(owner);
        assertEquals(1, team.interactions(), "one contact for the team of both");
        assertEquals(1, ScorecardCalculator.figures(team, DAY, DAY, ScoringSettings.defaults(), null, NOW).resolved());
    }

    @Test
    void theReopenRateIsTheOwnersResolvedContactsReopenedAtLeastOnce() {
        Tally t = Tally.of(List.of(
                contact(Channel.CHAT, Category.OTHER, Priority.NORMAL, 10, 100L, true, true, 2),
                contact(Channel.CHAT, Category.OTHER, Priority.NORMAL, 10, 100L, true, true, 0),
                contact(Channel.CHAT, Category.OTHER, Priority.NORMAL, 10, 100L, true, true, 0),
                contact(Channel.CHAT, Category.OTHER, Priority.NORMAL, 10, null, true, true, 3)), ScoringSettings.defaults());
        OwnerFigures f = OwnerFigures.of(t);
        assertEquals(3, f.resolved());
        assertEquals(1, f.reopened(), "an open contact does not count, however often reopened");
        assertEquals(new BigDecimal("33.3"), f.reopenRateRounded());
    }

    @Test
    void aTallyOfCaseTypesAndOwnersEncodesExactly() {
        Tally t = Tally.of(List.of(
                contact(Channel.EMAIL, Category.RETURN_REFUND, Priority.URGENT, 2 * H, 5 * H, true, false, 0),
                contact(Channel.CHAT, Category.COMPLAINT, Priority.LOW, 40, null, false, true, 1),
                contact(Channel.PHONE, Category.OTHER, Priority.NORMAL, 5, 50L, true, true, 1)), ScoringSettings.defaults());
        Tally back = Tally.decode(t.encode());
        assertEquals(java.util.Arrays.toString(t.encode()), java.util.Arrays.toString(back.encode()));
        assertEquals(OwnerFigures.of(t), OwnerFigures.of(back));
        assertEquals(2, back.interactions());
        assertEquals(2, back.owned());
        assertEquals(1, back.category(Category.RETURN_REFUND).interactions());
        assertEquals(1, back.priority(Priority.LOW).owned());
        back.remove(Tally.Contribution.of(contact(Channel.CHAT, Category.COMPLAINT, Priority.LOW, 40, null, false, true, 1),
                ScoringSettings.defaults().calendar(Channel.CHAT)));
        assertEquals(0, OwnerFigures.of(back).received());
    }
}
