package com.servicecoach.scoring;

import java.math.BigDecimal;

/**
 * Handovers and reopened contacts of an agent, a team or a scope (metrics.md "Owners"), from its tally:
 * {@code handedOver} contacts it handled and another agent owns, {@code received} contacts it owns and another
 * agent handled, {@code resolved} the owned contacts resolved, {@code reopened} those of them reopened at least
 * once, and the reopen rate = reopened / resolved x 100 (null without resolved contacts).
 */
public record OwnerFigures(int handedOver, int received, int owned, int resolved, int reopened, BigDecimal reopenRate) {

    public static OwnerFigures of(Tally tally) {
        int[] n = new int[5];
        tally.forEach((channel, category, priority, cell) -> {
            n[0] += cell.handedOver();
            n[1] += cell.received();
            n[2] += cell.owned();
            n[3] += (int) cell.resolutions().size();
            n[4] += cell.reopened();
        });
        return new OwnerFigures(n[0], n[1], n[2], n[3], n[4], Percent.of(n[4], n[3]));
    }

    /** The reopen rate rounded as rates are shown (one decimal, metrics.md "Rounding"). */
    public BigDecimal reopenRateRounded() {
        return Rounding.percent(reopened, resolved);
    }
}
