package com.servicecoach.database;

import io.micronaut.core.annotation.Nullable;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Whether the read replica may serve reads: only while it reports that it is not behind the primary
 * (seconds behind = 0). The answer is kept for {@code checkEvery}, so the replica is asked at most that
 * often; a replica that reports nothing (not replicating, replication stopped: null), lags, or cannot be
 * asked (error) is not used until the next check says otherwise. Plain logic, tested with a fake probe.
 */
final class ReplicaLag {

    /** Asks the replica how far behind it is, in seconds; null when it reports no figure. */
    @FunctionalInterface
    interface Probe {
        @Nullable
        Long secondsBehind() throws Exception;
    }

    private final Probe probe;
    private final Clock clock;
    private final Duration checkEvery;
    private Instant nextCheck = Instant.MIN;
    private boolean usable;

    ReplicaLag(Probe probe, Clock clock, Duration checkEvery) {
        this.probe = probe;
        this.clock = clock;
        this.checkEvery = checkEvery;
    }

    /** Whether reads may go to the replica now (asks it when the last answer is older than checkEvery). */
    synchronized boolean usable() {
        Instant now = clock.instant();
        if (now.isBefore(nextCheck)) {
            return usable;
        }
        boolean ok;
        try {
            Long behind = probe.secondsBehind();
            ok = behind != null && behind == 0;
        } catch (Exception e) {
            ok = false;
        }
        usable = ok;
        nextCheck = now.plus(checkEvery);
        return ok;
    }
}
