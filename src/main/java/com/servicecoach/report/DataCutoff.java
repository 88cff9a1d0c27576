package com.servicecoach.report;

import com.servicecoach.database.Database;
import com.servicecoach.interaction.InteractionStore;
import com.servicecoach.interaction.Rollups;
import com.servicecoach.settings.ScoringSettingsService;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's data cut-off: the latest change to any data it includes, so that it stays the same while the
 * data does (and the same data gives the same report, byte for byte):
 * <ul>
 *   <li>the interactions of both periods (each keeps in {@code updated_at} when the import that last changed
 *   it ran; the stored days keep the latest of their interactions, read instead when they are current);</li>
 *   <li>the assessment results, module completions, assignments and certifications of the report's agents
 *   up to the end of the period;</li>
 *   <li>the scoring settings and the flagging thresholds the report was computed with.</li>
 * </ul>
 */
@Singleton
class DataCutoff {

    private static final int IN_CHUNK = 500;

    private final Database db;
    private final InteractionStore store;
    private final Rollups rollups;

    DataCutoff(Database db, InteractionStore store, Rollups rollups) {
        this.db = db;
        this.store = store;
        this.rollups = rollups;
    }

    /**
     * The latest change among the data of these agents (null: every agent) for a report whose periods
     * together cover {@code from}..{@code to} (dates in the organization's zone); null when there is none.
     */
    @Nullable
    Instant of(@Nullable List<Long> agentIds, LocalDate from, LocalDate to, ScoringSettingsService.Current current) {
        ZoneId zone = current.settings().orgZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        List<LocalDateTime> candidates = new ArrayList<>();
        if (rollups.current(current)) {
            candidates.add(store.latestChange(agentIds, from, to));
        }
        try (Connection c = db.readConnection()) {
            if (!rollups.current(current)) {
                candidates.add(max(c, "select max(updated_at) from interaction where created_at >= ? and created_at < ?",
                        agentIds, start, end));
            }
            candidates.add(max(c, "select max(final_at) from assessment_attempt where final_at >= ? and final_at < ?",
                    agentIds, Instant.EPOCH, end));
            candidates.add(max(c, "select max(completed_at) from training_completion where completed_at >= ? and completed_at < ?",
                    agentIds, Instant.EPOCH, end));
            candidates.add(max(c, "select max(updated_at) from training_assignment where updated_at >= ? and updated_at < ?",
                    null, Instant.EPOCH, end));
            candidates.add(max(c, "select max(granted_at) from assessment_certification where granted_at >= ? and granted_at < ?",
                    agentIds, Instant.EPOCH, end));
            candidates.add(single(c, "select max(saved_at) from scoring_settings"));
            candidates.add(single(c, "select max(updated_at) from report_threshold"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read when the report's data last changed: " + e.getMessage(), e);
        }
        LocalDateTime latest = null;
        for (LocalDateTime t : candidates) {
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest == null ? null : latest.toInstant(ZoneOffset.UTC);
    }

    /** {@code select max(...) ... where T >= ? and T < ?}, for these agents (agent_id) when given. */
    @Nullable
    private static LocalDateTime max(Connection c, String sql, @Nullable List<Long> agentIds, Instant from, Instant to)
            throws SQLException {
        if (agentIds == null) {
            return query(c, sql, List.of(), from, to);
        }
        LocalDateTime latest = null;
        for (int start = 0; start < agentIds.size(); start += IN_CHUNK) {
            List<Long> chunk = agentIds.subList(start, Math.min(agentIds.size(), start + IN_CHUNK));
            LocalDateTime m = query(c, sql + " and agent_id in (" + "?,".repeat(chunk.size() - 1) + "?)", chunk, from, to);
            if (m != null && (latest == null || m.isAfter(latest))) {
                latest = m;
            }
        }
        return latest;
    }

    @Nullable
    private static LocalDateTime query(Connection c, String sql, List<Long> ids, Instant from, Instant to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
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

    @Nullable
    private static LocalDateTime single(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getObject(1, LocalDateTime.class) : null;
        }
    }
}
