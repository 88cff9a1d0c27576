package com.servicecoach.account;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthorizationException;
import jakarta.inject.Singleton;

/**
 * Finds the {@link Viewer} behind an authenticated request. Authentication already read the user as
 * stored now ({@link CurrentAuthority} for tokens, the password check for HTTP Basic) and carries the
 * viewer; otherwise the user is read here. A disabled or deleted user is refused.
 */
@Singleton
public class Viewers {

    private final UserRepository users;

    Viewers(UserRepository users) {
        this.users = users;
    }

    public Viewer of(Authentication authentication) {
        if (authentication.getAttributes().get(CurrentAuthority.VIEWER) instanceof Viewer viewer) {
            return viewer;
        }
        User user = users.findByUsername(authentication.getName())
                .filter(User::enabled)
                .orElseThrow(() -> new AuthorizationException(null));
        return viewer(user);
    }

    static Viewer viewer(User user) {
        return new Viewer(user.username(), user.role(), user.employeeNo());
    }
}
