package com.servicecoach.report.building;

import com.servicecoach.database.Database;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The report's own reads of the database, for what no other feature's store answers: when the data a report
 * includes last changed ({@link DataCutoff}) and the training assignments and completions as they stood at an
 * instant ({@link TrainingCompliance}). Times in the tables are UTC.
 */
@Singleton
class ReportStore {

    private static final int IN_CHUNK = 500;

    private final Database db;

    ReportStore(Database db) {
        this.db = db;
    }

    /** A training assignment: to one agent ({@code agentId}) or to a team ({@code teamId}). */
    record Assignment(long moduleId, @Nullable Long agentId, @Nullable Long teamId, LocalDate dueOn, LocalDateTime createdAt,
                      int certificationMonths) {
    }

    /** An agent's completions of a module are kept under this key. */
    record AgentModule(long agentId, long moduleId) {
    }

    /**
     * The training tables as they stood at an instant: the assignments made before it and not cancelled by then
     * (in the order they were made), and each agent's completions of each module made before it (oldest first).
     */
    record Training(List<Assignment> assignments, Map<AgentModule, List<LocalDateTime>> completions) {
    }

    /**
     * The latest change of each kind of data a report includes, for these agents (null: every agent), each null
     * when there is none: the interactions created from {@code start} to before {@code end} (only when
     * {@code interactions}), and up to {@code end} the assessment attempts, module completions, assignments (of
     * any agent) and certifications, then the scoring settings and the report thresholds.
     */
    List<LocalDateTime> latestChanges(@Nullable List<Long> agentIds, Instant start, Instant end, boolean interactions) {
        List<LocalDateTime> out = new ArrayList<>();
        try (Connection c = db.readConnection()) {
            if (interactions) {
                out.add(max(c, "select max(updated_at) from interaction where created_at >= ? and created_at < ?",
                        agentIds, start, end));
            }
            out.add(max(c, "select max(final_at) from assessment_attempt where final_at >= ? and final_at < ?",
                    agentIds, Instant.EPOCH, end));
            out.add(max(c, "select max(completed_at) from training_completion where completed_at >= ? and completed_at < ?",
                    agentIds, Instant.EPOCH, end));
            out.add(max(c, "select max(updated_at) from training_assignment where updated_at >= ? and updated_at < ?",
                    null, Instant.EPOCH, end));
            out.add(max(c, "select max(granted_at) from assessment_certification where granted_at >= ? and granted_at < ?",
                    agentIds, Instant.EPOCH, end));
            out.add(single(c, "select max(saved_at) from scoring_settings"));
            out.add(single(c, "select max(updated_at) from report_threshold"));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read when the report's data last changed: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * The latest changes to the coaching a report counts, for these agents (null: every agent): the latest recording
     * of a session held on or before {@code lastDay} (a session may be recorded days after it was held), and the
     * latest action marked done before {@code end}. Each null when there is none.
     */
    List<LocalDateTime> latestCoaching(@Nullable List<Long> agentIds, LocalDate lastDay, Instant end) {
        List<LocalDateTime> out = new ArrayList<>();
        try (Connection c = db.readConnection()) {
            LocalDateTime recorded = null;
            List<List<Long>> chunks = new ArrayList<>();
            if (agentIds == null) {
                chunks.add(List.of());
            } else {
                for (int start = 0; start < agentIds.size(); start += IN_CHUNK) {
                    chunks.add(agentIds.subList(start, Math.min(agentIds.size(), start + IN_CHUNK)));
                }
            }
            for (List<Long> chunk : chunks) {
                String sql = "select max(created_at) from coaching_session where held_on <= ?"
                        + (agentIds == null ? "" : " and agent_id in (" + "?,".repeat(chunk.size() - 1) + "?)");
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, lastDay);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(2 + i, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        LocalDateTime m = rs.next() ? rs.getObject(1, LocalDateTime.class) : null;
                        if (m != null && (recorded == null || m.isAfter(recorded))) {
                            recorded = m;
                        }
                    }
                }
            }
            out.add(recorded);
            out.add(max(c, "select max(a.done_at) from coaching_action a join coaching_session s on s.id = a.session_id "
                    + "where a.done_at >= ? and a.done_at < ?", agentIds, Instant.EPOCH, end));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read when the coaching last changed: " + e.getMessage(), e);
        }
        return out;
    }

    /** The training assignments and completions as they stood at {@code asOf}. */
    Training training(Instant asOf) {
        LocalDateTime at = LocalDateTime.ofInstant(asOf, ZoneOffset.UTC);
        try (Connection c = db.readConnection()) {
            List<Assignment> assignments = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select a.module_id, a.agent_id, a.team_id, a.due_on, a.created_at, "
                    + "m.certification_months from training_assignment a join training_module m on m.id = a.module_id "
                    + "where a.created_at < ? and (a.cancelled_at is null or a.cancelled_at > ?) order by a.id")) {
                ps.setObject(1, at);
                ps.setObject(2, at);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        assignments.add(new Assignment(rs.getLong(1), rs.getObject(2, Long.class), rs.getObject(3, Long.class),
                                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDateTime.class), rs.getInt(6)));
                    }
                }
            }
            Map<AgentModule, List<LocalDateTime>> completions = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select agent_id, module_id, completed_at from training_completion "
                    + "where completed_at < ? order by completed_at")) {
                ps.setObject(1, at);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        completions.computeIfAbsent(new AgentModule(rs.getLong(1), rs.getLong(2)), k -> new ArrayList<>())
                                .add(rs.getObject(3, LocalDateTime.class));
                    }
                }
            }
            return new Training(assignments, completions);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the training assignments: " + e.getMessage(), e);
        }
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
