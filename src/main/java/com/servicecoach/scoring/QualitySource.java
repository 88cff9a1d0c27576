package com.servicecoach.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/**
 * Where the scorecards get QA score % (metrics.md, "Quality reviews"): the mean score of the counting reviews of the
 * interactions an agent handled, dated in the period. The quality feature provides it; it joins the composite as
 * {@code quality} when an administrator gives it a weight.
 */
public interface QualitySource {

    /** The unrounded QA score % of each of these agents (absent: no review counts), read at once. */
    Map<Long, BigDecimal> agentPercents(Collection<Long> agentIds, LocalDate from, LocalDate to);

    /** The unrounded QA score % of these agents together (the mean over all their reviews), or null when none counts. */
    BigDecimal percentTogether(Collection<Long> agentIds, LocalDate from, LocalDate to);
}
