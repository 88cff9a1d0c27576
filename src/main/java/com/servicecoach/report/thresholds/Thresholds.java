package com.servicecoach.report.thresholds;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The thresholds, in percent, below which a report flags an agent; null = not checked. Set by HR (and
 * administrators); overdue training and expired certifications are always flagged.
 */
@Serdeable
@MappedEntity("report_threshold")
public record Thresholds(@Id Integer id, @Nullable BigDecimal csatMin, @Nullable BigDecimal firstResponseMin,
                         @Nullable BigDecimal resolutionMin, @Nullable BigDecimal knowledgeMin,
                         @Nullable String updatedBy, @Nullable LocalDateTime updatedAt) {
}
