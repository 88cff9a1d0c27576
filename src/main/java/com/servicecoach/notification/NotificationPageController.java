package com.servicecoach.notification;

import com.servicecoach.account.Viewers;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The notifications page: newest first, mark one or all as read; opening one marks it read and follows its link. */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller("/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class NotificationPageController {

    private final Notifications notifications;
    private final Viewers viewers;

    NotificationPageController(Notifications notifications, Viewers viewers) {
        this.notifications = notifications;
        this.viewers = viewers;
    }

    @Get
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue Integer page) {
        Paging paging = Paging.parse(page, 30, null, "createdAt", List.of("createdAt"));
        PageResponse<NotificationView> result = paging.applyWithin(
                notifications.list(viewers.of(auth).username(), LocaleResolver.resolve(request)), Map.of());
        Map<String, Object> model = new HashMap<>();
        model.put("result", result);
        model.put("sort", paging.sortParam());
        return new ModelAndView<>("notification/list", model);
    }

    /** Marks the notification read; with {@code open=1} goes on to its link, else back to the list. */
    @Post(value = "/{id}/read", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> read(HttpRequest<?> request, Authentication auth, @PathVariable long id, @Nullable @QueryValue String open) {
        NotificationView n = notifications.markRead(viewers.of(auth).username(), id, LocaleResolver.resolve(request));
        return HttpResponse.seeOther(URI.create(open != null && n.link().startsWith("/") && !n.link().startsWith("//") ? n.link() : "/notifications"));
    }

    @Post(value = "/read-all", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> readAll(Authentication auth) {
        notifications.markAllRead(viewers.of(auth).username());
        return HttpResponse.seeOther(URI.create("/notifications"));
    }
}
