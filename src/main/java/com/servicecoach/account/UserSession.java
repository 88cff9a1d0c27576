package com.servicecoach.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/**
 * One sign-in: a browser session or an API token. Tokens carry its id; it ends on sign-out, or for all
 * of a user's sessions when their password, role or enabled state changes. Times are UTC.
 */
@MappedEntity("user_session")
record UserSession(
        @Id String id,
        long userId,
        String kind,
        String csrfToken,
        LocalDateTime createdAt,
        LocalDateTime expiresAt,
        @Nullable LocalDateTime endedAt) {

    static final String BROWSER = "browser";
    static final String API = "api";
}
