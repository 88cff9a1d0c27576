package com.servicecoach.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A person who signs in. Times are UTC. */
@MappedEntity("app_user")
public record User(
        @Id @GeneratedValue @Nullable Long id,
        String username,
        String passwordHash,
        Role role,
        boolean enabled,
        @Nullable String employeeNo,
        @Nullable String locale,
        int failedSignIns,
        @Nullable LocalDateTime lockedUntil,
        LocalDateTime createdAt) {

    public boolean isLockedAt(LocalDateTime nowUtc) {
        return lockedUntil != null && lockedUntil.isAfter(nowUtc);
    }

    User withFailures(int failures, @Nullable LocalDateTime until) {
        return new User(id, username, passwordHash, role, enabled, employeeNo, locale, failures, until, createdAt);
    }

    User withPasswordHash(String hash) {
        return new User(id, username, hash, role, enabled, employeeNo, locale, 0, null, createdAt);
    }

    User withLocale(String tag) {
        return new User(id, username, passwordHash, role, enabled, employeeNo, tag, failedSignIns, lockedUntil, createdAt);
    }

    User withAccess(Role newRole, boolean newEnabled, @Nullable String newEmployeeNo) {
        return new User(id, username, passwordHash, newRole, newEnabled, newEmployeeNo, locale, failedSignIns, lockedUntil, createdAt);
    }
}
