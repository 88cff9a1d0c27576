package com.servicecoach.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/** A notification as the reader sees it: {id, kind, message, link, createdAt, readAt}, message in their language. */
@Serdeable
public record NotificationView(long id, String kind, String message, String link, Instant createdAt,
                               @Nullable Instant readAt) {

    public boolean isUnread() {
        return readAt == null;
    }
}
