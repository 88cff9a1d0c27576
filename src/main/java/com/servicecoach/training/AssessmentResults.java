package com.servicecoach.training;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * What training needs to know from assessments: whether an agent has passed a module's assessment, and
 * when. The assessments feature implements it (an interface here, so training does not depend on
 * assessments) and calls {@link TrainingProgress#evaluate(long, String)} whenever an agent
 * passes, so the completion is recorded at once when the lessons are read too.
 */
public interface AssessmentResults {

    /**
     * The time (UTC) of the agent's latest passing attempt at the assessment of module {@code moduleCode},
     * or empty when the agent has never passed it.
     *
     * @param agentId    {@code agent.id}
     * @param moduleCode the module's code, e.g. {@code greeting-attitude}
     */
    Optional<LocalDateTime> latestPass(long agentId, String moduleCode);
}
