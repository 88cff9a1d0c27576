package com.servicecoach.account;

import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

/** Finds the {@link Viewer} behind an authenticated request; a disabled or deleted user is refused. */
@Singleton
public class Viewers {

    private final UserRepository users;

    Viewers(UserRepository users) {
        this.users = users;
    }

    public Viewer of(Authentication authentication) {
        User user = users.findByUsername(authentication.getName())
                .filter(User::enabled)
                .orElseThrow(() -> new io.micronaut.security.authentication.AuthorizationException(null));
        return new Viewer(user.username(), user.role(), user.employeeNo());
    }
}
