package com.servicecoach.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.ZoneOffset;

/** A user as the API shows it: never the password hash. */
@Serdeable
public record UserView(String username, Role role, boolean enabled, @Nullable String employeeNo, boolean locked,
                       @Nullable Instant lockedUntil, Instant createdAt) {

    static UserView of(User u, java.time.LocalDateTime nowUtc) {
        return new UserView(u.username(), u.role(), u.enabled(), u.employeeNo(), u.isLockedAt(nowUtc),
                u.isLockedAt(nowUtc) ? u.lockedUntil().toInstant(ZoneOffset.UTC) : null,
                u.createdAt().toInstant(ZoneOffset.UTC));
    }
}
