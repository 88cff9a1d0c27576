package com.servicecoach.report.thresholds;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The thresholds, in percent, below which a report flags an agent; null = not checked (the figures' targets, for
 * gaps, colours and chart lines, are the scoring settings' figure targets). Besides these fixed ones, two relative to the others:
 * {@code bottomPercent} flags the worst that share of a report's ranked agents by composite, and
 * {@code belowTeamPoints} a figure more than that many points below the agent's team's. Set by HR (and
 * administrators); overdue training and expired certifications are always flagged.
 */
@Serdeable
@MappedEntity("report_threshold")
public record Thresholds(@Id Integer id, @Nullable BigDecimal csatMin, @Nullable BigDecimal firstResponseMin,
                         @Nullable BigDecimal resolutionMin, @Nullable BigDecimal knowledgeMin,
                         @Nullable String updatedBy, @Nullable LocalDateTime updatedAt,
                         @Nullable BigDecimal bottomPercent, @Nullable BigDecimal belowTeamPoints) {
}
