package com.servicecoach.report.building;

import com.servicecoach.scoring.RatingBands;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.scoring.Scorecard;
import com.servicecoach.settings.SettingsDocument;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;

/**
 * A performance report for a period and a scope (one team, or all teams when {@code team} is null), exactly as
 * {@code GET /api/reports/performance} answers it. Every scorecard in it ({@code headline}, each team's, each
 * agent's) is the scorecard API's JSON for the same period and scope. Percentages are rounded as in the
 * scorecards (metrics.md, "Rounding"); a figure that cannot be computed is null, never 0. Nothing in it depends
 * on when it was generated, only on the data: the same period from unchanged data gives the same report.
 *
 * @param period         the period reported on
 * @param previousPeriod the period it is compared with (api.md: the previous month or quarter, else as many days just before)
 * @param team           the team reported on; null for all teams
 * @param dataCutoff     when the latest import of the interactions in both periods and the scope ran (UTC,
 *                       ISO-8601), null when there are none
 * @param settings       the scoring settings the figures were computed with (version and hash included)
 * @param thresholds     HR's thresholds that flagged agents (null = not checked)
 * @param headline       the scope's scorecard for both periods and the change
 * @param teams          the team comparison (by team name)
 * @param agents         the agents ranked by composite, then those not ranked (by employee number)
 * @param coaching       coaching in the period, all agents of the scope together (each team's and agent's in their rows)
 * @param flagged        the agents flagged, with every reason, worst first (lowest composite first, none last)
 * @param trainingImpact each active module's training impact on the figures it addresses
 * @param survey         the customer survey by dimension, agent-driven and company-driven apart, per team, and the
 *                       latest remarks
 * @param quality        the quality reviews: QA score %, per team, and each criterion's failure rate, the most failing first
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PerformanceReport(
        Period period,
        Period previousPeriod,
        @Nullable String team,
        @Nullable String dataCutoff,
        SettingsDocument settings,
        ThresholdsUsed thresholds,
        Headline headline,
        List<TeamRow> teams,
        List<AgentRow> agents,
        Charts charts,
        Training training,
        Certifications certifications,
        Coaching coaching,
        Assessments assessments,
        List<Flagged> flagged,
        List<ImpactRow> trainingImpact,
        Survey survey,
        ServicePromises promises,
        Quality quality) {

    /**
     * The quality reviews of the scope's agents for the period (metrics.md "Quality reviews"): the counting reviews,
     * those with a score, QA score % (rounded; null: none) against its target, each team's, and each criterion's
     * failure rate over the reviews that marked it, the most failing first.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Quality(long reviews, long scored, @Nullable BigDecimal scorePercent, BigDecimal target, List<QualityTeam> teams,
                          List<QualityCriterion> criteria) {
    }

    /** A team's quality reviews in the period. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record QualityTeam(String team, long reviews, long scored, @Nullable BigDecimal scorePercent) {
    }

    /** A criterion's failures (rounded rate; null: never marked), in both languages, with the module that addresses it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record QualityCriterion(String rubric, String criterion, String en, String zh, @Nullable String module, long applicable,
                                   long failed, @Nullable BigDecimal failurePercent) {

        /** The wording in the reader's language. */
        public String label(java.util.Locale locale) {
            return "zh".equals(locale.getLanguage()) ? zh : en;
        }
    }

    /** An agent's quality reviews in the period: reviews counted and QA score % (rounded; null: none with a score). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record QualityAgent(long reviews, @Nullable BigDecimal scorePercent) {

        public static final QualityAgent NONE = new QualityAgent(0, null);
    }

    /**
     * The customer survey of the scope's agents for the period (metrics.md "Customer surveys by dimension"), laid out
     * as the reference survey: each dimension with its bands and satisfied %, the rates, the two indexes, each team's
     * figures, how many remarks there are and the latest {@value #LATEST_REMARKS} of them.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Survey(int version, long sent, long returned, long complete, @Nullable BigDecimal returnRate,
                         @Nullable BigDecimal validRate, @Nullable BigDecimal agentDrivenIndex,
                         @Nullable BigDecimal companyDrivenIndex, List<SurveyDimension> dimensions, List<SurveyTeam> teams,
                         long remarks, List<SurveyRemark> latestRemarks) {

        /** The agent-driven dimensions, in the survey's order. */
        public List<SurveyDimension> agentDriven() {
            return dimensions.stream().filter(d -> "agent".equals(d.driver())).toList();
        }

        /** The company-driven dimensions, in the survey's order. */
        public List<SurveyDimension> companyDriven() {
            return dimensions.stream().filter(d -> "company".equals(d.driver())).toList();
        }
    }

    /** How many remarks the report quotes (the survey's remark page finds the others). */
    public static final int LATEST_REMARKS = 10;

    /** One dimension's figures, rounded; {@code driver} is {@code agent} or {@code company}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SurveyDimension(String code, String en, String zh, String driver, BigDecimal target, long answers,
                                  long satisfied, @Nullable BigDecimal satisfiedPercent, @Nullable BigDecimal satisfiedLow95,
                                  @Nullable BigDecimal satisfiedHigh95, @Nullable BigDecimal mean,
                                  com.servicecoach.scoring.RatingBands bands) {

        /** The wording in the reader's language. */
        public String label(java.util.Locale locale) {
            return "zh".equals(locale.getLanguage()) ? zh : en;
        }
    }

    /** A team's survey figures. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SurveyTeam(String team, long sent, long returned, @Nullable BigDecimal validRate,
                             @Nullable BigDecimal agentDrivenIndex, @Nullable BigDecimal companyDrivenIndex) {
    }

    /** A customer's remark with the contact it is about (answeredAt: UTC, ISO-8601). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SurveyRemark(String source, String externalId, String employeeNo, String agentName, String answeredAt,
                               String remark) {
    }

    /** A period: inclusive dates, its kind ({@code month}, {@code quarter} or {@code days}) and label (2026-03, 2026-Q1, 2026-03-01..2026-03-15). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Period(String from, String to, String kind, String label) {
        static Period of(ReportPeriod p) {
            return new Period(p.from().toString(), p.to().toString(), p.kind().name().toLowerCase(java.util.Locale.ROOT), p.label());
        }
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ThresholdsUsed(@Nullable BigDecimal csatMin, @Nullable BigDecimal firstResponseMin,
                                 @Nullable BigDecimal resolutionMin, @Nullable BigDecimal knowledgeMin,
                                 @Nullable BigDecimal bottomPercent, @Nullable BigDecimal belowTeamPoints) {
    }

    /** The scope's figures for the period and the previous one; {@code change} = current minus previous, as shown. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Headline(Scorecard current, Scorecard previous, Change change) {
    }

    /**
     * Each headline figure's change: the shown (rounded) current value minus the shown previous value; null
     * when either is absent.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Change(int interactions, @Nullable Long frtMedianSeconds, @Nullable Long frtP90Seconds,
                         @Nullable BigDecimal firstResponseSlaPercent, @Nullable BigDecimal resolutionSlaPercent,
                         @Nullable BigDecimal csatPercent, @Nullable BigDecimal averageRating,
                         @Nullable BigDecimal knowledgePercent, @Nullable BigDecimal compositeScore) {
    }

    /** One team of the comparison: its scorecard (the team scorecard API's), the previous composite, training, coaching. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TeamRow(String team, @Nullable String supervisor, int agents, Scorecard scorecard,
                          @Nullable BigDecimal previousCompositeScore, @Nullable BigDecimal compositeChange,
                          TrainingCounts training, @Nullable CertificationCounts certifications, CoachingCounts coaching,
                          Owners owners) {
    }

    /**
     * One agent: the agent scorecard API's JSON, the rank (null when not ranked: insufficient ratings or no
     * composite), training, certifications (null when not recorded), coaching and flags.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AgentRow(String employeeNo, String name, String team, String status, @Nullable Integer rank,
                           Scorecard scorecard, TrainingCounts training, @Nullable CertificationCounts certifications,
                           CoachingCounts coaching, SurveyAgent survey, List<Flag> flags, Owners owners, QualityAgent quality) {
    }

    /** An agent's customer survey in the period: responses returned and the two indexes (rounded; null: no answers). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SurveyAgent(long returned, @Nullable BigDecimal agentDrivenIndex, @Nullable BigDecimal companyDrivenIndex) {

        public static final SurveyAgent NONE = new SurveyAgent(0, null, null);
    }

    /**
     * Why an agent is flagged: {@code reason} is {@code csat}, {@code first_response_sla}, {@code resolution_sla},
     * {@code knowledge} (the shown value is below HR's threshold), {@code overdue_training} or
     * {@code expired_certification} (with their count); relative to the others, {@code bottom_composite} (value:
     * the composite, threshold: the bottom share in percent, count: the rank) and {@code csat_below_team},
     * {@code first_response_sla_below_team}, {@code resolution_sla_below_team}, {@code knowledge_below_team}
     * (value: the agent's, threshold: the team's).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Flag(String reason, @Nullable BigDecimal value, @Nullable BigDecimal threshold, @Nullable Integer count) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Flagged(String employeeNo, String name, String team, List<Flag> reasons) {
    }

    /**
     * The charts' data: rating bands, first-response times in buckets (responded interactions; {@code unanswered}
     * have no response), and the weekly trend (Monday to Sunday, clipped to the period).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Charts(RatingBands bands, List<FrtBucket> firstResponseTimes, int unanswered, List<WeekPoint> weeks) {
    }

    /** Responded interactions whose first-response time (on the channel's calendar) is at least {@code fromSeconds} and below {@code toSeconds} (null: no upper end). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FrtBucket(String key, long fromSeconds, @Nullable Long toSeconds, int count) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WeekPoint(String from, String to, int interactions, @Nullable BigDecimal firstResponseSlaPercent,
                            @Nullable BigDecimal resolutionSlaPercent, @Nullable BigDecimal csatPercent,
                            @Nullable BigDecimal compositeScore) {
    }

    /** Assignment lines (one per agent an assignment reaches) by status on {@code asOf}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TrainingCounts(int assigned, int completed, int open, int overdue, @Nullable BigDecimal completedPercent) {
    }

    /** Training compliance on {@code asOf}, the period's last day (or today while the period runs). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Training(String asOf, TrainingCounts total) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CertificationCounts(int valid, int expiring, int expired) {
    }

    /** Certification status on {@code asOf}; {@code available} false (and totals null) while none are recorded. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Certifications(boolean available, String asOf, int expiringDays, @Nullable CertificationCounts total) {
    }

    /**
     * Coaching in the period: sessions held on a day of it, actions marked done during it, and actions overdue on
     * {@code asOf} (the period's last day, or today while it runs): due before that day and not done by then.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CoachingCounts(int sessionsHeld, int actionsDone, int actionsOverdue) {
    }

    /**
     * Handovers and reopened contacts (metrics.md "Owners"): contacts handed over to another owner, received from
     * another agent, and the owner's resolved contacts reopened at least once with its rate (rounded; null: none resolved).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Owners(int handedOver, int received, int resolved, int reopened, @Nullable BigDecimal reopenRate) {
        public static Owners of(com.servicecoach.scoring.OwnerFigures f) {
            return new Owners(f.handedOver(), f.received(), f.resolved(), f.reopened(), f.reopenRateRounded());
        }
    }

    /** The SLA of one category or priority of the scope's contacts, each against its own targets (rounded). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CaseSla(String code, int interactions, int resolved, com.servicecoach.scoring.SlaSummary firstResponseSla,
                          com.servicecoach.scoring.SlaSummary resolutionSla) {
    }

    /** The scope's SLA by category and by priority (metrics.md "Targets per case type") and its handovers. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ServicePromises(List<CaseSla> byCategory, List<CaseSla> byPriority, Owners owners) {
    }

    /** Coaching of the whole scope; {@code asOf} is the day overdue actions are counted on. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Coaching(String asOf, CoachingCounts total) {
    }

    /** Assessment results per module; {@code available} false while assessments are not recorded. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Assessments(boolean available, List<ModuleRow> modules) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ModuleRow(String module, String titleEn, String titleZh, int attempts, int passed,
                            @Nullable BigDecimal passRatePercent, @Nullable BigDecimal meanScorePercent) {
    }

    /**
     * A module's training impact on one figure it addresses (metrics.md "Training impact"), rounded like percentages;
     * {@code effect}, {@code low} and {@code high} null without enough data; {@code verdict} helped, hurt, unclear or none.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ImpactRow(String module, String titleEn, String titleZh, String figure, @Nullable String channel,
                            @Nullable String category, boolean enoughData, @Nullable BigDecimal effect, @Nullable BigDecimal low,
                            @Nullable BigDecimal high, int trained, int controls, String verdict) {
    }

    /** The agent with this employee number, if in the report. */
    public AgentRow agent(String employeeNo) {
        return agents.stream().filter(a -> a.employeeNo().equals(employeeNo)).findFirst().orElse(null);
    }
}
