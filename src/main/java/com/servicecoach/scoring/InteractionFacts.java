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
 * @param category        the contact's category (other when the file gave none)
 * @param priority        the contact's priority (normal when the file gave none)
 * @param handled         whether these facts are the handling agent's (first response, rating, the interaction)
 * @param owned           whether they are the owner's (resolution, open time, reopen count)
 * @param reopened        how often the contact was reopened
 */
public record InteractionFacts(Channel channel, Instant createdAt, Instant firstResponseAt, Instant resolvedAt,
                               Integer rating10, Category category, Priority priority, boolean handled, boolean owned,
                               int reopened) {

    /** A contact of category other, normal priority, handled and owned by the same agent, never reopened. */
    public InteractionFacts(Channel channel, Instant createdAt, Instant firstResponseAt, Instant resolvedAt, Integer rating10) {
        this(channel, createdAt, firstResponseAt, resolvedAt, rating10, Category.OTHER, Priority.NORMAL, true, true, 0);
    }

    /** These facts as the handling agent's only (the contact is owned by another agent). */
    public InteractionFacts handledPart() {
        return new InteractionFacts(channel, createdAt, firstResponseAt, resolvedAt, rating10, category, priority, true, false, reopened);
    }

    /** These facts as the owner's only (the contact was handled by another agent). */
    public InteractionFacts ownedPart() {
        return new InteractionFacts(channel, createdAt, firstResponseAt, resolvedAt, rating10, category, priority, false, true, reopened);
    }

    public InteractionFacts {
        Objects.requireNonNull(channel, "channel is required");
        Objects.requireNonNull(createdAt, "createdAt is required");
        Objects.requireNonNull(category, "category is required");
        Objects.requireNonNull(priority, "priority is required");
        if (!handled && !owned) {
            throw new IllegalArgumentException("facts are the handler's, the owner's or both");
        }
        if (reopened < 0) {
            throw new IllegalArgumentException("reopened must not be negative");
        }
        if (rating10 != null && (rating10 < 1 || rating10 > 10)) {
            throw new IllegalArgumentException("a rating must be between 1 and 10, was " + rating10);
        }
    }
}
