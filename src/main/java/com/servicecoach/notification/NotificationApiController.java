package com.servicecoach.notification;

import com.servicecoach.account.Viewers;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Map;

/** The signed-in user's own notifications: {@code /api/notifications}, newest first. */
@Tag(name = "Notifications")
@Controller("/api/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationApiController {

    @Serdeable
    record Unread(long unread) {
    }

    @Serdeable
    record Marked(long marked) {
    }

    private final Notifications notifications;
    private final Viewers viewers;

    NotificationApiController(Notifications notifications, Viewers viewers) {
        this.notifications = notifications;
        this.viewers = viewers;
    }

    @Get
    PageResponse<NotificationView> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue Integer page,
                                        @Nullable @QueryValue Integer size) {
        Paging paging = Paging.parse(page, size, null, "createdAt", List.of("createdAt"));
        return paging.apply(notifications.list(viewers.of(auth).username(), LocaleResolver.resolve(request)), Map.of());
    }

    @Get("/unread")
    Unread unread(Authentication auth) {
        return new Unread(notifications.unreadCount(viewers.of(auth).username()));
    }

    @Post("/{id}/read")
    NotificationView read(HttpRequest<?> request, Authentication auth, @PathVariable long id) {
        return notifications.markRead(viewers.of(auth).username(), id, LocaleResolver.resolve(request));
    }

    @Post("/read-all")
    Marked readAll(Authentication auth) {
        return new Marked(notifications.markAllRead(viewers.of(auth).username()));
    }
}
