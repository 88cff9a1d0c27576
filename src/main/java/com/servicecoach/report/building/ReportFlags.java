package com.servicecoach.report.building;

import com.servicecoach.report.thresholds.Thresholds;
import com.servicecoach.scoring.Scorecard;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Why a report flags an agent, from the agent's figures alone: a shown (rounded) figure strictly below HR's
 * threshold for it ({@link Thresholds}: null = not checked; an absent figure is never flagged), CSAT only when
 * the ratings suffice (a handful of ratings says too little), any overdue training, any expired certification.
 * The reasons come in this order: csat, first-response SLA, resolution SLA, knowledge, training, certifications.
 */
final class ReportFlags {

    static final String CSAT = "csat";
    static final String FIRST_RESPONSE_SLA = "first_response_sla";
    static final String RESOLUTION_SLA = "resolution_sla";
    static final String KNOWLEDGE = "knowledge";
    static final String OVERDUE_TRAINING = "overdue_training";
    static final String EXPIRED_CERTIFICATION = "expired_certification";
    static final String BOTTOM_COMPOSITE = "bottom_composite";
    static final String BELOW_TEAM = "_below_team";

    private ReportFlags() {
    }

    /**
     * The flags of one agent.
     *
     * @param card     the agent's scorecard as the report shows it
     * @param training the agent's assignment lines by status
     * @param certs    the agent's certifications; null while certifications are not recorded
     * @param limits   HR's thresholds
     */
    static List<PerformanceReport.Flag> of(Scorecard card, TrainingCompliance.Counts training,
                                           @Nullable CertificationFacts.Counts certs, Thresholds limits) {
        List<PerformanceReport.Flag> out = new ArrayList<>();
        if (!card.insufficientRatings()) {
            below(CSAT, card.csatPercent(), limits.csatMin(), out);
        }
        below(FIRST_RESPONSE_SLA, card.firstResponseSla().percent(), limits.firstResponseMin(), out);
        below(RESOLUTION_SLA, card.resolutionSla().percent(), limits.resolutionMin(), out);
        below(KNOWLEDGE, card.knowledgePercent(), limits.knowledgeMin(), out);
        if (training.overdue() > 0) {
            out.add(new PerformanceReport.Flag(OVERDUE_TRAINING, null, null, training.overdue()));
        }
        if (certs != null && certs.expired() > 0) {
            out.add(new PerformanceReport.Flag(EXPIRED_CERTIFICATION, null, null, certs.expired()));
        }
        return out;
    }

    /**
     * The flags relative to the others: with {@code bottomPercent}, a ranked agent among the worst
     * ceil(ranked x bottomPercent / 100) by rank ({@code bottom_composite}: the composite, the share, the rank);
     * with {@code belowTeamPoints}, each of CSAT (with enough ratings on both sides), first-response SLA,
     * resolution SLA and knowledge whose shown value is more than that many points below the team's shown value
     * ({@code <figure>_below_team}: the agent's value, the team's). Figures absent on either side are not compared.
     *
     * @param rank   the agent's rank, null when not ranked
     * @param ranked how many agents of the report are ranked
     * @param team   the scorecard of the agent's team for the same period
     */
    static List<PerformanceReport.Flag> relative(Scorecard card, @Nullable Integer rank, int ranked, Scorecard team,
                                                 Thresholds limits) {
        List<PerformanceReport.Flag> out = new ArrayList<>();
        BigDecimal share = limits.bottomPercent();
        if (share != null && rank != null && ranked > 0) {
            int worst = share.multiply(BigDecimal.valueOf(ranked)).divide(BigDecimal.valueOf(100), 0, java.math.RoundingMode.CEILING)
                    .intValueExact();
            if (rank > ranked - worst) {
                out.add(new PerformanceReport.Flag(BOTTOM_COMPOSITE, card.composite().score(), share, rank));
            }
        }
        BigDecimal points = limits.belowTeamPoints();
        if (points != null) {
            if (!card.insufficientRatings() && !team.insufficientRatings()) {
                belowTeam(CSAT, card.csatPercent(), team.csatPercent(), points, out);
            }
            belowTeam(FIRST_RESPONSE_SLA, card.firstResponseSla().percent(), team.firstResponseSla().percent(), points, out);
            belowTeam(RESOLUTION_SLA, card.resolutionSla().percent(), team.resolutionSla().percent(), points, out);
            belowTeam(KNOWLEDGE, card.knowledgePercent(), team.knowledgePercent(), points, out);
        }
        return out;
    }

    private static void belowTeam(String figure, @Nullable BigDecimal value, @Nullable BigDecimal teamValue, BigDecimal points,
                                  List<PerformanceReport.Flag> out) {
        if (value != null && teamValue != null && teamValue.subtract(value).compareTo(points) > 0) {
            out.add(new PerformanceReport.Flag(figure + BELOW_TEAM, value, teamValue, null));
        }
    }

    private static void below(String reason, @Nullable BigDecimal value, @Nullable BigDecimal threshold, List<PerformanceReport.Flag> out) {
        if (value != null && threshold != null && value.compareTo(threshold) < 0) {
            out.add(new PerformanceReport.Flag(reason, value, threshold, null));
        }
    }
}
