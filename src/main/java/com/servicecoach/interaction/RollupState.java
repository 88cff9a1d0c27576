package com.servicecoach.interaction;

import io.micronaut.core.annotation.Nullable;

import java.time.Instant;

/**
 * The state of the stored rollups: the settings they were computed under ({@code key}, see
 * ScoringSettingsService.Current#rollupKey) and whether they are complete ({@link #CURRENT}) or being
 * rebuilt ({@link #BUILDING}: agents with an id up to {@code builtThrough} are done).
 */
public record RollupState(String key, String status, long builtThrough, int agentsDone, int agentsTotal,
                          @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String claimedBy,
                          @Nullable Instant claimedUntil) {

    public static final String CURRENT = "current";
    public static final String BUILDING = "building";

    public boolean isCurrentFor(String rollupKey) {
        return CURRENT.equals(status) && key.equals(rollupKey);
    }

    /** Whether stored days of this agent are up to date for {@code rollupKey} (complete, or rebuilt already). */
    public boolean covers(long agentId, String rollupKey) {
        return key.equals(rollupKey) && (CURRENT.equals(status) || agentId <= builtThrough);
    }
}
