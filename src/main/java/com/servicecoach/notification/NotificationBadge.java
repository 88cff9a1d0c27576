package com.servicecoach.notification;

import com.servicecoach.web.LayoutContributor;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import jakarta.inject.Singleton;

import java.util.Map;

/** Puts the signed-in user's unread-notification count ({@code unreadNotifications}) on every page. */
@Singleton
class NotificationBadge implements LayoutContributor {

    private final Notifications notifications;

    NotificationBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void contribute(HttpRequest<?> request, Authentication authentication, Map<String, Object> model) {
        model.put("unreadNotifications", notifications.unreadCount(authentication.getName()));
    }
}
