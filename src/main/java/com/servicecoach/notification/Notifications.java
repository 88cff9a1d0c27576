package com.servicecoach.notification;

import com.servicecoach.web.Messages;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * In-app notifications: created by features for a user, listed in the user's language, counted for the
 * badge in the page header, and marked as read by their owner only.
 */
@Singleton
public class Notifications {

    private final NotificationRepository repository;
    private final Messages messages;
    private final ObjectMapper mapper;
    private final Clock clock;

    Notifications(NotificationRepository repository, Messages messages, ObjectMapper mapper, Clock clock) {
        this.repository = repository;
        this.messages = messages;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Notifies {@code username} unless a notification with the same {@code dedupeKey} was already made for
     * them. {@code args} fill the message {@code notification.<kind>}: each is a String, or a map from
     * language tag ("en", "zh-CN") to text, shown in the reader's language (English when theirs is missing).
     *
     * @return true when a notification was created
     */
    public boolean notify(String username, String kind, String dedupeKey, String link, List<?> args) {
        return notify(username, kind, dedupeKey, link, args, List.of());
    }

    /** As {@link #notify(String, String, String, String, List)}, with files offered as the email's attachments. */
    public boolean notify(String username, String kind, String dedupeKey, String link, List<?> args, List<Path> attachments) {
        if (repository.existsByUsernameAndDedupeKey(username, dedupeKey)) {
            return false;
        }
        List<Object> stored = new ArrayList<>();
        for (Object a : args) {
            if (a instanceof Map<?, ?> texts) {
                Map<String, String> m = new LinkedHashMap<>();
                texts.forEach((k, v) -> m.put(String.valueOf(k), String.valueOf(v)));
                stored.add(m);
            } else {
                stored.add(String.valueOf(a));
            }
        }
        try {
            repository.save(new Notification(null, username, kind, dedupeKey, link, mapper.writeValueAsString(stored), now(), null,
                    attachments.isEmpty() ? null : attachments.stream().map(Path::toString).collect(Collectors.joining("\n"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    public List<NotificationView> list(String username, Locale locale) {
        return repository.findByUsernameOrderByIdDesc(username).stream().map(n -> view(n, locale)).toList();
    }

    public long unreadCount(String username) {
        return repository.countByUsernameAndReadAtIsNull(username);
    }

    /** Marks one of the user's notifications as read; another user's is 404. */
    public NotificationView markRead(String username, long id, Locale locale) {
        Notification n = repository.findByIdAndUsername(id, username)
                .orElseThrow(() -> new NotFoundException("No notification " + id));
        if (n.readAt() == null) {
            n = repository.update(new Notification(n.id(), n.username(), n.kind(), n.dedupeKey(), n.link(), n.args(),
                    n.createdAt(), now(), n.attachments()));
        }
        return view(n, locale);
    }

    public long markAllRead(String username) {
        return repository.markAllRead(username, now());
    }

    /** The notification's text in {@code locale}. */
    public String text(String kind, String args, Locale locale) {
        return render(kind, args, locale);
    }

    NotificationView view(Notification n, Locale locale) {
        return new NotificationView(n.id(), n.kind(), render(n.kind(), n.args(), locale), n.link(),
                n.createdAt().toInstant(ZoneOffset.UTC), n.readAt() == null ? null : n.readAt().toInstant(ZoneOffset.UTC));
    }

    private String render(String kind, String json, Locale locale) {
        List<Object> raw;
        try {
            raw = mapper.readValue(json, Argument.listOf(Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String tag = Messages.tag(locale);
        Object[] args = raw.stream().map(a -> a instanceof Map<?, ?> m
                ? String.valueOf(m.get(tag) != null ? m.get(tag) : m.get("en")) : String.valueOf(a)).toArray();
        return messages.get(locale, "notification." + kind, args);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }
}
