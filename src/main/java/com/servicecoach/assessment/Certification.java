package com.servicecoach.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A certification: the agent's result at the module's assessment (by its grading method) reached the pass
 * mark with attempt {@code attemptId}. Valid until {@code expiresAt} (null: never expires).
 */
@MappedEntity("assessment_certification")
public record Certification(
        @Id @GeneratedValue @Nullable Long id,
        Long agentId,
        Long moduleId,
        Long attemptId,
        BigDecimal scorePercent,
        LocalDateTime grantedAt,
        @Nullable LocalDateTime expiresAt,
        @Nullable LocalDateTime expiringNotifiedAt,
        @Nullable LocalDateTime renewedAt,
        @Nullable Long renewalAssignmentId) {

    public boolean validAt(LocalDateTime now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }
}
