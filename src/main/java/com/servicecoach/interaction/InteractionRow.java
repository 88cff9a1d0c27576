package com.servicecoach.interaction;

import java.time.Instant;

/**
 * A valid, normalised interaction row. Strings are trimmed; absent optional values are null except
 * {@code source} (default "default") and {@code category} (default "other"); channel and category are
 * lower-case; timestamps are exact instants (UTC); {@code rating10} is on the 1-10 scale.
 */
public record InteractionRow(int line, String source, String externalId, String agent, String channel,
                             String category, Instant createdAt, Instant firstResponseAt, Instant resolvedAt,
                             Integer rating10, String comment) implements RowResult {
}
