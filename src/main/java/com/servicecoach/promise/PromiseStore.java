package com.servicecoach.promise;

import com.servicecoach.database.Database;
import com.servicecoach.database.StoredTimes;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Priority;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The open promises' SQL: the open contacts ({@code resolved_at is null}) owned by some agents, read through the
 * index {@code ix_interaction_owner_open (owner_id, resolved_at)} (V69), and when the latest import finished.
 *
 * <p>A read is bounded: at most {@code limit} contacts, the oldest created first (they are the likeliest to be
 * overdue), and it says whether there were more. A contact whose {@code owner_id} is NULL (none should be: the import
 * always sets it) is its handling agent's, as everywhere else ({@code coalesce(owner_id, agent_id)}).
 */
@Singleton
class PromiseStore {

    /** Owner ids per query (an IN list). */
    static final int IN_CHUNK = 500;

    /** One open contact, with its handling agent's employee number and name (the handler may be of another team). */
    record OpenContact(long id, String source, String externalId, long handlerId, String handlerNo, String handlerName,
                       long ownerId, Channel channel, Category category, Priority priority, Instant createdAt) {
    }

    /** The open contacts read, oldest first, and whether more were left out. */
    record OpenContacts(List<OpenContact> contacts, boolean truncated) {
    }

    private static final String COLUMNS = "select i.id, i.source, i.external_id, i.agent_id, h.employee_no, h.name, "
            + "coalesce(i.owner_id, i.agent_id), i.channel, i.category, i.priority, i.created_at, i.created_ns "
            + "from interaction i join agent h on h.id = i.agent_id where ";
    private static final String OLDEST_FIRST = " order by i.created_at, i.created_ns, i.id limit ?";
    private static final Comparator<OpenContact> OLDEST = Comparator.comparing(OpenContact::createdAt)
            .thenComparingLong(OpenContact::id);

    private final Database db;

    PromiseStore(Database db) {
        this.db = db;
    }

    /**
     * The open contacts owned by these agents: at most {@code limit}, the oldest created first; {@code truncated}
     * when there were more. Each group of {@value #IN_CHUNK} owners is read oldest first up to limit + 1 rows and the
     * groups are merged, so no more than twice that is ever held.
     */
    OpenContacts openOwnedBy(Collection<Long> ownerIds, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be positive, was " + limit);
        }
        List<Long> ids = ownerIds.stream().distinct().sorted().toList();
        List<OpenContact> kept = new ArrayList<>();
        try (Connection c = db.readConnection()) {
            for (int start = 0; start < ids.size(); start += IN_CHUNK) {
                List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + IN_CHUNK));
                String in = chunk.size() == 1 ? "= ?" : "in (" + "?,".repeat(chunk.size() - 1) + "?)";
                // the owned ones, then (should there be any) those without an owner, which are their handler's
                read(c, COLUMNS + "i.owner_id " + in + " and i.resolved_at is null" + OLDEST_FIRST, chunk, limit + 1, kept);
                read(c, COLUMNS + "i.owner_id is null and i.resolved_at is null and i.agent_id " + in + OLDEST_FIRST, chunk,
                        limit + 1, kept);
                if (kept.size() > limit + 1) {
                    kept.sort(OLDEST);
                    kept.subList(limit + 1, kept.size()).clear();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the open contacts: " + e.getMessage(), e);
        }
        kept.sort(OLDEST);
        boolean truncated = kept.size() > limit;
        return new OpenContacts(truncated ? List.copyOf(kept.subList(0, limit)) : List.copyOf(kept), truncated);
    }

    private static void read(Connection c, String sql, List<Long> chunk, int max, List<OpenContact> out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            for (Long id : chunk) {
                ps.setLong(p++, id);
            }
            ps.setInt(p, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new OpenContact(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                            rs.getString(6), rs.getLong(7), stored("channel", rs.getString(8), Channel.fromCode(rs.getString(8))),
                            stored("category", rs.getString(9), Category.fromCode(rs.getString(9))),
                            stored("priority", rs.getString(10), Priority.fromCode(rs.getString(10))),
                            StoredTimes.read(rs, 11, 12)));
                }
            }
        }
    }

    private static <T> T stored(String what, String code, java.util.Optional<T> value) {
        return value.orElseThrow(() -> new IllegalStateException("Unknown stored " + what + " " + code));
    }

    /** When the latest import that completed finished (UTC), or null before the first. */
    @Nullable
    Instant latestImport() {
        // 'done' is ImportRecord.DONE: an import that read its whole file
        try (Connection c = db.readConnection();
             PreparedStatement ps = c.prepareStatement("select max(finished_at) from interaction_import where status = 'done'");
             ResultSet rs = ps.executeQuery()) {
            LocalDateTime at = rs.next() ? rs.getObject(1, LocalDateTime.class) : null;
            return at == null ? null : at.toInstant(ZoneOffset.UTC);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the latest import: " + e.getMessage(), e);
        }
    }
}
