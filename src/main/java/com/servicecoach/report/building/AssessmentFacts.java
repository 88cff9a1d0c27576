package com.servicecoach.report.building;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the performance report needs of assessments: per module, the attempts that agents of the report's
 * scope submitted in the period, how many passed and their mean score; and knowledge % (metrics.md,
 * "Knowledge") of any set of agents together, for the all-teams headline. The assessments feature implements
 * it (an interface here, so reports do not depend on assessments).
 */
public interface AssessmentFacts {

    /**
     * One module's assessment results.
     *
     * @param module           the module's code
     * @param titleEn          its English title
     * @param titleZh          its Chinese title
     * @param attempts         attempts submitted in the period by the agents asked about
     * @param passed           how many of those attempts passed
     * @param meanScorePercent the mean score (percent, unrounded) of those attempts, null when there are none
     */
    record ModuleResult(String module, String titleEn, String titleZh, int attempts, int passed,
                        @Nullable BigDecimal meanScorePercent) {
    }

    /**
     * The results per module (ordered by module code) of the attempts these agents submitted from..to
     * (inclusive dates in the organization's zone). Empty when assessments are not recorded at all.
     */
    Optional<List<ModuleResult>> results(Collection<String> employeeNos, LocalDate from, LocalDate to);

    /**
     * Knowledge % of these agents together for the period, unrounded, as {@code KnowledgeSource} computes it
     * for a team; null when there is none.
     */
    @Nullable
    BigDecimal knowledgePercent(Collection<String> employeeNos, LocalDate from, LocalDate to);
}
