package com.servicecoach.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** Changes to a user; absent fields stay as they are (a new password only when given). */
@Serdeable
public record UserChange(@Nullable String role, @Nullable Boolean enabled, @Nullable String password,
                         @Nullable String employeeNo) {
}
