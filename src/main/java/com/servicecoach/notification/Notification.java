package com.servicecoach.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/**
 * An in-app notification for one user. Its text is the message {@code notification.<kind>} with
 * {@code args} (JSON) in the reader's language; {@code dedupeKey} keeps the same event from being
 * announced twice to the same user. {@code attachments} are the paths of files that go with it (one per line),
 * attached to its email when the reader chose attachments. UTC times.
 */
@MappedEntity("notification")
public record Notification(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String kind,
        String dedupeKey,
        String link,
        String args,
        LocalDateTime createdAt,
        @Nullable LocalDateTime readAt,
        @Nullable String attachments) {
}
