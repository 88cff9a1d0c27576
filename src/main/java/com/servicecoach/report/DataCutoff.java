package com.servicecoach.report;

import com.servicecoach.interaction.Database;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A report's data cut-off: the time of the latest import among the interactions it includes. Each stored
 * interaction keeps, in {@code updated_at}, when the import that last changed it ran (a re-import that changes
 * nothing leaves it alone), so the cut-off comes from the data and stays the same while the data does.
 */
@Singleton
class DataCutoff {

    private static final int IN_CHUNK = 500;

    private final Database db;

    DataCutoff(Database db) {
        this.db = db;
    }

    /**
     * The latest import time of the interactions created in [from, to), of these agents (null: every agent);
     * null when there are none.
     */
    @Nullable
    Instant of(@Nullable List<Long> agentIds, Instant from, Instant to) {
        LocalDateTime latest = null;
        try (Connection c = db.readConnection()) {
            if (agentIds == null) {
                latest = max(c, "", List.of(), from, to);
            } else {
                for (int start = 0; start < agentIds.size(); start += IN_CHUNK) {
                    List<Long> chunk = agentIds.subList(start, Math.min(agentIds.size(), start + IN_CHUNK));
                    LocalDateTime m = max(c, " and agent_id in (" + "?,".repeat(chunk.size() - 1) + "?)", chunk, from, to);
                    if (m != null && (latest == null || m.isAfter(latest))) {
                        latest = m;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the interactions' import times: " + e.getMessage(), e);
        }
        return latest == null ? null : latest.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime max(Connection c, String agentFilter, List<Long> ids, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select max(updated_at) from interaction where created_at >= ? and created_at < ?"
                + agentFilter)) {
            ps.setObject(1, LocalDateTime.ofInstant(from, ZoneOffset.UTC));
            ps.setObject(2, LocalDateTime.ofInstant(to, ZoneOffset.UTC));
            for (int i = 0; i < ids.size(); i++) {
                ps.setLong(3 + i, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1, LocalDateTime.class) : null;
            }
        }
    }
}
