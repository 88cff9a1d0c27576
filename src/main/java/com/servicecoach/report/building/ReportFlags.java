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

    private static void below(String reason, @Nullable BigDecimal value, @Nullable BigDecimal threshold, List<PerformanceReport.Flag> out) {
        if (value != null && threshold != null && value.compareTo(threshold) < 0) {
            out.add(new PerformanceReport.Flag(reason, value, threshold, null));
        }
    }
}
