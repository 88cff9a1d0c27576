package com.servicecoach.report.rendering;

import com.servicecoach.scoring.Composite;
import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.scoring.Scorecard;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of the CSV and of the XLSX agents sheet: one row per agent, every figure of their scorecard
 * (as the JSON has it: same rounding, null = empty cell), training, certifications, coaching, the quality reviews,
 * the customer survey and flags. Values are
 * Integer, Long, BigDecimal, Boolean, String or null.
 */
final class AgentColumns {

    record Column(String header, Function<PerformanceReport.AgentRow, Object> value) {
    }

    static final List<Column> ALL = List.of(
            col("employee_no", PerformanceReport.AgentRow::employeeNo),
            col("name", PerformanceReport.AgentRow::name),
            col("team", PerformanceReport.AgentRow::team),
            col("status", PerformanceReport.AgentRow::status),
            col("rank", PerformanceReport.AgentRow::rank),
            card("interactions", Scorecard::interactions),
            card("responded", Scorecard::responded),
            card("resolved", Scorecard::resolved),
            card("rated", Scorecard::rated),
            card("frt_median_seconds", Scorecard::frtMedianSeconds),
            card("frt_p90_seconds", Scorecard::frtP90Seconds),
            card("resolution_median_seconds", Scorecard::resolutionMedianSeconds),
            card("resolution_p90_seconds", Scorecard::resolutionP90Seconds),
            card("first_response_met", c -> c.firstResponseSla().met()),
            card("first_response_breached", c -> c.firstResponseSla().breached()),
            card("first_response_pending", c -> c.firstResponseSla().pending()),
            card("first_response_sla_percent", c -> c.firstResponseSla().percent()),
            card("resolution_met", c -> c.resolutionSla().met()),
            card("resolution_breached", c -> c.resolutionSla().breached()),
            card("resolution_pending", c -> c.resolutionSla().pending()),
            card("resolution_sla_percent", c -> c.resolutionSla().percent()),
            card("csat_percent", Scorecard::csatPercent),
            card("csat_low95", Scorecard::csatLow95),
            card("csat_high95", Scorecard::csatHigh95),
            card("average_rating", Scorecard::averageRating),
            card("very_satisfied", c -> c.bands().verySatisfied()),
            card("satisfied", c -> c.bands().satisfied()),
            card("neutral", c -> c.bands().neutral()),
            card("dissatisfied", c -> c.bands().dissatisfied()),
            card("very_dissatisfied", c -> c.bands().veryDissatisfied()),
            card("insufficient_ratings", Scorecard::insufficientRatings),
            card("knowledge_percent", Scorecard::knowledgePercent),
            card("composite_score", c -> c.composite().score()),
            weight("responsiveness"),
            weight("resolution"),
            weight("satisfaction"),
            weight("knowledge"),
            weight("quality"),
            col("training_assigned", a -> a.training().assigned()),
            col("training_completed", a -> a.training().completed()),
            col("training_open", a -> a.training().open()),
            col("training_overdue", a -> a.training().overdue()),
            col("certifications_valid", a -> a.certifications() == null ? null : a.certifications().valid()),
            col("certifications_expiring", a -> a.certifications() == null ? null : a.certifications().expiring()),
            col("certifications_expired", a -> a.certifications() == null ? null : a.certifications().expired()),
            col("coaching_sessions_held", a -> a.coaching().sessionsHeld()),
            col("coaching_actions_done", a -> a.coaching().actionsDone()),
            col("coaching_actions_overdue", a -> a.coaching().actionsOverdue()),
            col("qa_reviews", a -> a.quality().reviews()),
            col("qa_score_percent", a -> a.quality().scorePercent()),
            col("survey_returned", a -> a.survey().returned()),
            col("survey_agent_driven_index_percent", a -> a.survey().agentDrivenIndex()),
            col("survey_company_driven_index_percent", a -> a.survey().companyDrivenIndex()),
            col("handed_over", a -> a.owners().handedOver()),
            col("received", a -> a.owners().received()),
            col("reopened", a -> a.owners().reopened()),
            col("reopen_rate_percent", a -> a.owners().reopenRate()),
            col("flags", a -> a.flags().stream().map(PerformanceReport.Flag::reason).collect(Collectors.joining(";"))));

    private AgentColumns() {
    }

    private static Column col(String header, Function<PerformanceReport.AgentRow, Object> value) {
        return new Column(header, value);
    }

    private static Column card(String header, Function<Scorecard, Object> value) {
        return new Column(header, a -> value.apply(a.scorecard()));
    }

    /**
     * A composite component's effective weight (the configured weights are in the report's settings); empty when the
     * component is not among the composite's (its weight is 0) or has no data.
     */
    private static Column weight(String component) {
        return new Column(component + "_effective_weight", a -> a.scorecard().composite().components().stream()
                .filter(c -> c.name().equals(component)).findFirst().map(Composite.WeightedComponent::effectiveWeight).orElse(null));
    }
}
