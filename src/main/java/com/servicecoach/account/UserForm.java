package com.servicecoach.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** A new user, from the API or the form. */
@Serdeable
public record UserForm(@Nullable String username, @Nullable String password, @Nullable String role,
                       @Nullable String employeeNo) {
}
