package com.servicecoach.interaction;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/**
 * One interaction import and its progress: {@code status} is waiting (created by the upload page, file not yet
 * sent), running, done, rejected (the header was unusable: nothing stored) or failed (stopped by an error;
 * the batches stored before it stay, and importing the file again completes it). {@code mapping} names the column
 * mapping the file was read through, if any.
 */
@MappedEntity("interaction_import")
public record ImportRecord(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        @Nullable String fileName,
        String charset,
        @Nullable String defaultSource,
        String status,
        long bytesRead,
        long received,
        long inserted,
        long updated,
        long unchanged,
        long rejected,
        @Nullable String header,
        @Nullable String message,
        LocalDateTime createdAt,
        @Nullable LocalDateTime startedAt,
        @Nullable LocalDateTime finishedAt,
        @Nullable String mapping) {

    static final String WAITING = "waiting";
    static final String RUNNING = "running";
    static final String DONE = "done";
    static final String REJECTED = "rejected";
    static final String FAILED = "failed";
}
