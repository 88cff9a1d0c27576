package com.servicecoach.interaction;

import java.time.Instant;

/**
 * A valid, normalised interaction row. Strings are trimmed; absent optional values are null except
 * {@code source} (default "default") and {@code category} (default "other"); channel and category are
 * lower-case; timestamps are exact instants (UTC); {@code rating10} is on the 1-10 scale. {@code priority}
 * defaults to "normal", {@code owner} (an employee number) to the handling agent, {@code reopened} to 0;
 * {@code transcript} (the conversation, see {@link Transcript}) is null when not given.
 */
public record InteractionRow(int line, String source, String externalId, String agent, String channel,
                             String category, Instant createdAt, Instant firstResponseAt, Instant resolvedAt,
                             Integer rating10, String comment, String priority, String owner, int reopened,
                             String transcript) implements RowResult {

    /** A row without a transcript. */
    public InteractionRow(int line, String source, String externalId, String agent, String channel, String category,
                          Instant createdAt, Instant firstResponseAt, Instant resolvedAt, Integer rating10, String comment,
                          String priority, String owner, int reopened) {
        this(line, source, externalId, agent, channel, category, createdAt, firstResponseAt, resolvedAt, rating10, comment,
                priority, owner, reopened, null);
    }

    /** A row without priority, owner or reopen count: normal, owned by its agent, never reopened. */
    public InteractionRow(int line, String source, String externalId, String agent, String channel, String category,
                          Instant createdAt, Instant firstResponseAt, Instant resolvedAt, Integer rating10, String comment) {
        this(line, source, externalId, agent, channel, category, createdAt, firstResponseAt, resolvedAt, rating10, comment,
                "normal", agent, 0);
    }
}
