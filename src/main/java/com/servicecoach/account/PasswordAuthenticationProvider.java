package com.servicecoach.account;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestAuthenticationProvider;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Map;

/**
 * HTTP Basic sign-in for scripts, through the same lock-out rules as the form. Each Basic request checks
 * the password and reads the user as stored now, so its role is always current.
 */
@Singleton
class PasswordAuthenticationProvider<B> implements HttpRequestAuthenticationProvider<B> {

    private final AccountService accounts;

    PasswordAuthenticationProvider(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request, AuthenticationRequest<String, String> authRequest) {
        SignInResult result = accounts.signIn(authRequest.getIdentity(), authRequest.getSecret());
        if (!result.ok()) {
            return AuthenticationResponse.failure(result.englishMessage());
        }
        User user = result.user();
        return AuthenticationResponse.success(user.username(), List.of(user.role().name()),
                Map.of(CurrentAuthority.VIEWER, Viewers.viewer(user)));
    }
}
