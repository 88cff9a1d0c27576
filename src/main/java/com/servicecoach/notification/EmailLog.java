package com.servicecoach.notification;

import com.servicecoach.web.NotFoundException;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The record of every email: a page of the log, one message with its content, the counts by state. */
@Singleton
public class EmailLog {

    public static final List<String> SORTABLE = List.copyOf(EmailStore.SORT_COLUMNS.keySet().stream().sorted().toList());
    public static final List<String> STATUSES = List.of("pending", "sent", "failed");

    /** One message in the log. {@code kind}: single, digest or test. Times UTC. */
    @Serdeable
    public record Entry(long id, String username, String address, String language, String kind, int notifications,
                        String subject, String status, int attempts, @Nullable String lastError, Instant createdAt,
                        @Nullable Instant nextAttemptAt, @Nullable Instant sentAt) {
    }

    /** One message with its content as sent and the files attached. */
    @Serdeable
    public record Detail(Entry entry, String text, String html, List<String> attachments) {
    }

    private final EmailStore store;

    EmailLog(EmailStore store) {
        this.store = store;
    }

    /** A page of the log, filtered by state and user (null: all). */
    public PageResponse<Entry> page(@Nullable String status, @Nullable String username, Paging paging, boolean within) {
        EmailStore.Find find = new EmailStore.Find(status, username);
        long total = store.count(find);
        Paging p = within ? paging.within(total) : paging;
        List<Entry> rows = store.page(find, p.sortField(), p.ascending(), p.offset(), p.size()).stream().map(EmailLog::entry).toList();
        return new PageResponse<>(rows, p.page(), p.size(), total);
    }

    public Detail detail(long id) {
        EmailStore.Message m = store.find(id).orElseThrow(() -> new NotFoundException("No email " + id));
        List<String> files = new ArrayList<>();
        if (m.attachments() != null) {
            for (String f : m.attachments().split("\n")) {
                if (!f.isBlank()) {
                    files.add(f);
                }
            }
        }
        return new Detail(entry(m), m.textBody(), m.htmlBody(), files);
    }

    /** Messages by state: pending, sent, failed (0 when none). */
    public Map<String, Long> counts() {
        Map<String, Long> found = store.statusCounts();
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        STATUSES.forEach(s -> out.put(s, found.getOrDefault(s, 0L)));
        return out;
    }

    static Entry entry(EmailStore.Message m) {
        return new Entry(m.id(), m.username(), m.address(), m.locale(), m.kind(), m.notifications(), m.subject(), m.status(),
                m.attempts(), m.lastError(), m.createdAt(), m.status().equals("pending") ? m.nextAttemptAt() : null, m.sentAt());
    }
}
