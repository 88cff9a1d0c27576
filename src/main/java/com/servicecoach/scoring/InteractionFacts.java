package com.servicecoach.scoring;

import java.time.Instant;
import java.util.Objects;

/**
 * What the scorecard needs of one interaction (metrics.md, "Interactions"). A rating given on the 5-point
 * scale must already be converted to 2r.
 *
 * @param channel         required
 * @param createdAt       required
 * @param firstResponseAt null while unanswered
 * @param resolvedAt      null while open
 * @param rating10        the rating on the 1-10 scale, or null
 */
public record InteractionFacts(Channel channel, Instant createdAt, Instant firstResponseAt, Instant resolvedAt,
                               Integer rating10) {
    public InteractionFacts {
        Objects.requireNonNull(channel, "channel is required");
        Objects.requireNonNull(createdAt, "createdAt is required");
        if (rating10 != null && (rating10 < 1 || rating10 > 10)) {
            throw new IllegalArgumentException("a rating must be between 1 and 10, was " + rating10);
        }
    }
}
