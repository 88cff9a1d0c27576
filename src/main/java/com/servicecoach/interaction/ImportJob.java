package com.servicecoach.interaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * An import as the API shows it ({@code /api/interactions/imports/{id}}): while it runs, how many bytes and
 * rows were read and what became of them so far; afterwards the final counts. {@code status}: waiting,
 * running, done, rejected (unusable header, nothing stored) or failed.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImportJob(long id, String username, @Nullable String fileName, String charset, @Nullable String source,
                        String status, long bytesRead, long received, long inserted, long updated, long unchanged,
                        long rejected, @Nullable String message, Instant createdAt, @Nullable Instant startedAt,
                        @Nullable Instant finishedAt) {

    static ImportJob of(ImportRecord r) {
        return new ImportJob(r.id(), r.username(), r.fileName(), r.charset(), r.defaultSource(), r.status(), r.bytesRead(),
                r.received(), r.inserted(), r.updated(), r.unchanged(), r.rejected(), r.message(), utc(r.createdAt()),
                utc(r.startedAt()), utc(r.finishedAt()));
    }

    private static Instant utc(@Nullable LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** Whether the import has ended (done, rejected or failed). */
    public boolean finished() {
        return !status.equals(ImportRecord.WAITING) && !status.equals(ImportRecord.RUNNING);
    }
}
