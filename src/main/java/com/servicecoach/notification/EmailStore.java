package com.servicecoach.notification;

import com.servicecoach.database.Database;
import com.servicecoach.database.StoredTimes;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of email delivery: which notifications the mail job has still to look at, each user's address and
 * choices, and the record of every message (its content, state and attempts). Times are UTC.
 */
@Singleton
class EmailStore {

    /** A notification the mail job looks at. */
    record Pending(long id, String username, String kind, String link, String args, Instant createdAt,
                   @Nullable String attachments) {
    }

    /**
     * Who a message goes to: {@code address} is the one on their email settings, else the one on their agent
     * profile; null when neither exists.
     */
    record Recipient(String username, String role, boolean enabled, @Nullable String locale, @Nullable String address,
                     @Nullable String ownAddress, boolean attachReports) {
    }

    /** A message to store: the content as it will be sent. */
    record NewMessage(String username, String address, String locale, String kind, int notifications, String subject,
                      String textBody, String htmlBody, @Nullable String attachments) {
    }

    /** A stored message. */
    record Message(long id, String username, String address, String locale, String kind, int notifications, String subject,
                   String textBody, String htmlBody, @Nullable String attachments, String status, int attempts,
                   Instant nextAttemptAt, @Nullable String lastError, Instant createdAt, Instant queuedAt, @Nullable Instant sentAt) {
    }

    /** A filter of the message log; null fields do not filter. */
    record Find(@Nullable String status, @Nullable String username) {
    }

    static final String MESSAGE_COLUMNS = "id, username, address, locale, kind, notifications, subject, text_body, html_body, "
            + "attachments, status, attempts, next_attempt_at, last_error, created_at, queued_at, sent_at";

    private final Database db;

    EmailStore(Database db) {
        this.db = db;
    }

    // ---- notifications ----------------------------------------------------------------------------

    /** Notifications the mail job has not looked at yet, oldest first. */
    List<Pending> fresh(int limit) {
        return pending("select id, username, kind, link, args, created_at, attachments from notification "
                + "where email_status = 'new' order by id limit ?", ps -> ps.setInt(1, limit));
    }

    /** The users with notifications waiting for a digest made before {@code before}. */
    List<String> digestReaders(Instant before) {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select distinct username from notification where email_status = 'digest' and created_at < ? order by username")) {
            ps.setString(1, StoredTimes.text(StoredTimes.micros(before)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the digests due", e);
        }
    }

    /** One user's notifications waiting for a digest made before {@code before}, oldest first. */
    List<Pending> digestOf(String username, Instant before) {
        return pending("select id, username, kind, link, args, created_at, attachments from notification "
                + "where email_status = 'digest' and username = ? and created_at < ? order by id", ps -> {
            ps.setString(1, username);
            ps.setString(2, StoredTimes.text(StoredTimes.micros(before)));
        });
    }

    /** Records what the mail job did with a notification: 'digest', 'off', 'no_address', 'expired' or 'error' (see V68). */
    void mark(long notificationId, String status) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "update notification set email_status = ? where id = ?")) {
            ps.setString(1, status);
            ps.setLong(2, notificationId);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot mark a notification", e);
        }
    }

    /** Stores a message for these notifications and marks them as queued in it, in one transaction. */
    long queue(NewMessage m, List<Long> notificationIds, Instant now) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                long id = insert(c, m, now);
                try (PreparedStatement ps = c.prepareStatement(
                        "update notification set email_status = 'queued', email_message_id = ? where id = ?")) {
                    for (long n : notificationIds) {
                        ps.setLong(1, id);
                        ps.setLong(2, n);
                        ps.addBatch();
                    }
                    if (!notificationIds.isEmpty()) {
                        ps.executeBatch();
                    }
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store an email", e);
        }
    }

    private static long insert(Connection c, NewMessage m, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into email_message (username, address, locale, kind, notifications, "
                + "subject, text_body, html_body, attachments, status, attempts, next_attempt_at, created_at, queued_at) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)", PreparedStatement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, m.username());
            ps.setString(2, m.address());
            ps.setString(3, m.locale());
            ps.setString(4, m.kind());
            ps.setInt(5, m.notifications());
            ps.setString(6, m.subject());
            ps.setString(7, m.textBody());
            ps.setString(8, m.htmlBody());
            ps.setString(9, m.attachments());
            String at = StoredTimes.text(StoredTimes.micros(now));
            ps.setString(10, at);
            ps.setString(11, at);
            ps.setString(12, at);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    // ---- recipients and their choices -------------------------------------------------------------

    Optional<Recipient> recipient(String username) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select u.username, u.role, u.enabled, u.locale, s.address, a.email, s.attach_reports from app_user u "
                        + "left join email_settings s on s.username = u.username "
                        + "left join agent a on a.employee_no = u.employee_no where u.username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String own = blankToNull(rs.getString(5));
                String profile = blankToNull(rs.getString(6));
                return Optional.of(new Recipient(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4),
                        own != null ? own : profile, own, rs.getBoolean(7)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a recipient", e);
        }
    }

    /** The user's chosen delivery per topic code (topics not chosen are absent). */
    Map<String, String> deliveries(String username) {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select topic, delivery from email_preference where username = ? order by topic")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read email choices", e);
        }
    }

    /** Replaces the user's address, attachment choice and deliveries, in one transaction. */
    void saveSettings(String username, @Nullable String address, boolean attachReports, Map<String, String> deliveries, Instant now) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement del = c.prepareStatement("delete from email_settings where username = ?")) {
                    del.setString(1, username);
                    del.executeUpdate();
                }
                try (PreparedStatement ins = c.prepareStatement(
                        "insert into email_settings (username, address, attach_reports, updated_at) values (?, ?, ?, ?)")) {
                    ins.setString(1, username);
                    ins.setString(2, address);
                    ins.setBoolean(3, attachReports);
                    ins.setString(4, StoredTimes.text(StoredTimes.micros(now)));
                    ins.executeUpdate();
                }
                try (PreparedStatement del = c.prepareStatement("delete from email_preference where username = ?")) {
                    del.setString(1, username);
                    del.executeUpdate();
                }
                try (PreparedStatement ins = c.prepareStatement(
                        "insert into email_preference (username, topic, delivery) values (?, ?, ?)")) {
                    for (Map.Entry<String, String> d : deliveries.entrySet()) {
                        ins.setString(1, username);
                        ins.setString(2, d.getKey());
                        ins.setString(3, d.getValue());
                        ins.addBatch();
                    }
                    if (!deliveries.isEmpty()) {
                        ins.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store email settings", e);
        }
    }

    // ---- messages ---------------------------------------------------------------------------------

    /** Pending messages whose next attempt is due, the longest waiting first. */
    List<Message> due(Instant now, int limit) {
        return messages("select " + MESSAGE_COLUMNS + " from email_message where status = 'pending' and next_attempt_at <= ? "
                + "order by next_attempt_at, id limit ?", ps -> {
            ps.setString(1, StoredTimes.text(StoredTimes.micros(now)));
            ps.setInt(2, limit);
        });
    }

    Optional<Message> find(long id) {
        List<Message> found = messages("select " + MESSAGE_COLUMNS + " from email_message where id = ?", ps -> ps.setLong(1, id));
        return found.stream().findFirst();
    }

    /** The message log's sortable fields and their columns. */
    static final Map<String, String> SORT_COLUMNS = Map.of("createdAt", "id", "username", "username", "status", "status",
            "attempts", "attempts", "sentAt", "sent_at");

    /** A page of the message log, sorted by one of {@link #SORT_COLUMNS} (then newest first). */
    List<Message> page(Find find, String sortField, boolean ascending, long offset, int limit) {
        StringBuilder sql = new StringBuilder("select " + MESSAGE_COLUMNS + " from email_message");
        List<String> args = where(find, sql);
        String column = SORT_COLUMNS.getOrDefault(sortField, "id");
        sql.append(" order by ").append(column).append(ascending ? " asc" : " desc");
        if (!column.equals("id")) {
            sql.append(", id desc");
        }
        sql.append(" limit ? offset ?");
        return messages(sql.toString(), ps -> {
            int i = 1;
            for (String a : args) {
                ps.setString(i++, a);
            }
            ps.setInt(i++, limit);
            ps.setLong(i, offset);
        });
    }

    long count(Find find) {
        StringBuilder sql = new StringBuilder("select count(*) from email_message");
        List<String> args = where(find, sql);
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setString(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count emails", e);
        }
    }

    /** Messages by status ({@code pending}, {@code sent}, {@code failed}). */
    Map<String, Long> statusCounts() {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select status, count(*) from email_message group by status order by status"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count emails", e);
        }
    }

    void sent(long id, int attempts, Instant at) {
        update("update email_message set status = 'sent', attempts = ?, sent_at = ?, last_error = null where id = ?", ps -> {
            ps.setInt(1, attempts);
            ps.setString(2, StoredTimes.text(StoredTimes.micros(at)));
            ps.setLong(3, id);
        });
    }

    /** An attempt failed: tried again at {@code next}, or given up ({@code next} null) as failed. */
    void attemptFailed(long id, int attempts, @Nullable Instant next, String error) {
        update("update email_message set status = ?, attempts = ?, next_attempt_at = coalesce(?, next_attempt_at), last_error = ? "
                + "where id = ?", ps -> {
            ps.setString(1, next == null ? "failed" : "pending");
            ps.setInt(2, attempts);
            if (next == null) {
                ps.setNull(3, Types.VARCHAR);
            } else {
                ps.setString(3, StoredTimes.text(StoredTimes.micros(next)));
            }
            ps.setString(4, error.length() > 1000 ? error.substring(0, 1000) : error);
            ps.setLong(5, id);
        });
    }

    /** Puts a failed message back in line, due now; false when it is not failed. */
    boolean retry(long id, Instant now) {
        return update("update email_message set status = 'pending', next_attempt_at = ?, queued_at = ? "
                + "where id = ? and status = 'failed'", ps -> {
            String at = StoredTimes.text(StoredTimes.micros(now));
            ps.setString(1, at);
            ps.setString(2, at);
            ps.setLong(3, id);
        }) == 1;
    }

    // ---- plumbing ---------------------------------------------------------------------------------

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private static List<String> where(Find find, StringBuilder sql) {
        List<String> args = new ArrayList<>();
        List<String> conditions = new ArrayList<>();
        if (find.status() != null) {
            conditions.add("status = ?");
            args.add(find.status());
        }
        if (find.username() != null) {
            conditions.add("username = ?");
            args.add(find.username());
        }
        if (!conditions.isEmpty()) {
            sql.append(" where ").append(String.join(" and ", conditions));
        }
        return args;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot update an email", e);
        }
    }

    private List<Pending> pending(String sql, Binder binder) {
        List<Pending> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            instant(rs.getObject(6, LocalDateTime.class)), rs.getString(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read notifications for email", e);
        }
    }

    private List<Message> messages(String sql, Binder binder) {
        List<Message> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                            rs.getInt(12), instant(rs.getObject(13, LocalDateTime.class)), rs.getString(14),
                            instant(rs.getObject(15, LocalDateTime.class)), instant(rs.getObject(16, LocalDateTime.class)),
                            instant(rs.getObject(17, LocalDateTime.class))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read emails", e);
        }
    }

    @Nullable
    private static Instant instant(@Nullable LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    @Nullable
    private static String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
