package com.servicecoach.account;

import com.servicecoach.web.ApiError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

/** A bearer token for scripts: {@code POST /api/login {username, password}}. */
@Tag(name = "Signing in")
@Controller("/api/login")
@ExecuteOn(TaskExecutors.BLOCKING)
class ApiLoginController {

    @Serdeable
    record Credentials(@Nullable String username, @Nullable String password) {
    }

    @Serdeable
    record TokenResponse(String username, String role, String accessToken, String tokenType, int expiresIn) {
    }

    private final AccountService accounts;
    private final SessionTokens tokens;

    ApiLoginController(AccountService accounts, SessionTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post
    HttpResponse<?> login(@Body Credentials credentials) {
        SignInResult result = accounts.signIn(credentials.username(), credentials.password());
        if (!result.ok()) {
            return HttpResponse.status(HttpStatus.UNAUTHORIZED).body(ApiError.of(result.englishMessage()));
        }
        User user = result.user();
        return HttpResponse.ok(new TokenResponse(user.username(), user.role().name(), tokens.newApiToken(user),
                "Bearer", tokens.apiTokenSeconds()));
    }
}
