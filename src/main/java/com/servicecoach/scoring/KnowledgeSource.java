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

    /**
     * The unrounded knowledge % of each of these agents for the period, by employee number (absent: none), as
     * {@link #agentPercent} gives it one by one; implementations read them all at once.
     */
    default java.util.Map<String, BigDecimal> agentPercents(java.util.Collection<String> employeeNos, LocalDate from, LocalDate to) {
        java.util.Map<String, BigDecimal> out = new java.util.HashMap<>();
        for (String no : employeeNos) {
            BigDecimal p = agentPercent(no, from, to);
            if (p != null) {
                out.put(no, p);
            }
        }
        return out;
    }

    /** The unrounded knowledge % of a team's agents together for the period, or null when there is none. */
    BigDecimal teamPercent(String team, LocalDate from, LocalDate to);
}
