package com.servicecoach.scoring;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Where the scorecards get knowledge % (metrics.md, "Knowledge"): the mean, over the assessments completed in
 * the period, of the score of the attempt that counts. The assessments feature provides the implementation;
 * until then a default answers null (no data), which leaves the component out of the composite.
 */
public interface KnowledgeSource {

    /** The unrounded knowledge % of one agent for the period (from..to inclusive), or null when there is none. */
    BigDecimal agentPercent(String employeeNo, LocalDate from, LocalDate to);

    /** The unrounded knowledge % of a team's agents together for the period, or null when there is none. */
    BigDecimal teamPercent(String team, LocalDate from, LocalDate to);
}
