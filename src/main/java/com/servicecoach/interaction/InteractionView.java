package com.servicecoach.interaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * One interaction as the list shows it ({@code GET /api/interactions}). Instants are UTC. The durations are
 * whole seconds on the channel's calendar (null when not responded / not resolved); the SLA states
 * ({@code met}, {@code breached}, {@code pending}) are evaluated at the list's evaluation instant (the end of
 * the {@code to} day, or now if earlier); {@code rating} is on the 1-10 scale, {@code band} its rating band.
 * {@code owner} is the agent responsible for resolving it (the handling {@code agent} unless it was handed over);
 * the targets are those that applied to this contact, each with the rule it came from (metrics.md "Targets per
 * case type": {@code channel}, {@code category}, {@code priority}, {@code category_priority} ...).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record InteractionView(long id, String source, String externalId, String agent, String agentName, String team,
                              String channel, String category, Instant createdAt, @Nullable Instant firstResponseAt,
                              @Nullable Instant resolvedAt, @Nullable Integer rating, @Nullable String band,
                              @Nullable String comment, @Nullable Long firstResponseSeconds, @Nullable Long resolutionSeconds,
                              String firstResponseSla, String resolutionSla, String priority, String owner,
                              String ownerName, boolean handedOver, int reopened, long firstResponseTargetSeconds,
                              String firstResponseTargetSource, long resolutionTargetSeconds, String resolutionTargetSource) {
}
