package com.servicecoach.account;

import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** User administration for administrators: {@code /api/users}. */
@Tag(name = "Users")
@Controller("/api/users")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class UserApiController {

    static final List<String> SORTABLE = List.of("username", "role", "enabled", "createdAt");

    private final AccountService accounts;
    private final Clock clock;

    UserApiController(AccountService accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Get
    PageResponse<UserView> list(@Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                @Nullable @QueryValue String sort, @Nullable @QueryValue String role) {
        Paging paging = Paging.parse(page, size, sort, "username", SORTABLE);
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        List<UserView> all = accounts.list().stream()
                .filter(u -> role == null || role.isBlank() || u.role().name().equalsIgnoreCase(role))
                .map(u -> UserView.of(u, now)).toList();
        return paging.apply(all, Map.of(
                "username", Comparator.comparing(UserView::username),
                "role", Comparator.comparing((UserView u) -> u.role().name()),
                "enabled", Comparator.comparing(UserView::enabled),
                "createdAt", Comparator.comparing(UserView::createdAt)));
    }

    @Get("/{username}")
    UserView get(@PathVariable String username) {
        return UserView.of(accounts.get(username), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
    }

    @Post
    HttpResponse<UserView> create(@Body UserForm form) {
        User created = accounts.create(form);
        return HttpResponse.created(UserView.of(created, LocalDateTime.now(clock.withZone(ZoneOffset.UTC))));
    }

    @Put("/{username}")
    UserView update(@PathVariable String username, @Body UserChange change) {
        return UserView.of(accounts.update(username, change), LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
    }
}
