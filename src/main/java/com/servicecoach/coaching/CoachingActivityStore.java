package com.servicecoach.coaching;

import com.servicecoach.database.Database;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coaching tables' aggregate reads: how much coaching some agents had in a period (counted by the database,
 * a few agents' worth of numbers per query, whatever the number of sessions), and the sessions whose actions are
 * overdue. Dates are the organization's calendar days; {@code done_at} is UTC, so the caller gives the period's
 * bounds as UTC times.
 */
@Singleton
class CoachingActivityStore {

    /** Agent ids per query (an IN list). */
    static final int IN_CHUNK = 500;

    /** One agent's counts; agents without any are left out. */
    record Row(long agentId, int sessionsHeld, int actionsDone, int actionsOverdue) {
    }

    /** A session with open actions past their due date: how many, and the oldest due date among them. */
    record OverdueRow(long agentId, long sessionId, LocalDate heldOn, String focus, int overdue, LocalDate oldestDue) {
    }

    private final Database db;

    CoachingActivityStore(Database db) {
        this.db = db;
    }

    /**
     * Per agent: sessions held from {@code from} to {@code to} (inclusive days), actions done at or after
     * {@code doneFrom} and before {@code doneBefore} (UTC), and actions overdue: due before {@code overdueBefore}
     * and still open at {@code openAt} (UTC: not done, or done at or after it; null: not done at all, i.e. open now,
     * which is not compared with a time, as MariaDB may round a time stored a moment ago up to the next second).
     */
    Map<Long, Row> activity(Collection<Long> agentIds, LocalDate from, LocalDate to, LocalDateTime doneFrom,
                            LocalDateTime doneBefore, @io.micronaut.core.annotation.Nullable LocalDateTime openAt,
                            LocalDate overdueBefore) {
        Map<Long, Row> out = new HashMap<>();
        List<Long> ids = List.copyOf(agentIds);
        if (ids.isEmpty()) {
            return out;
        }
        String held = "s.held_on >= ? and s.held_on <= ?";
        String done = "a.done_at >= ? and a.done_at < ?";
        String overdue = "a.id is not null and " + (openAt == null ? "a.done_at is null" : "(a.done_at is null or a.done_at >= ?)")
                + " and a.due_on < ?";
        try (Connection c = db.readConnection()) {
            for (int start = 0; start < ids.size(); start += IN_CHUNK) {
                List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + IN_CHUNK));
                String sql = "select s.agent_id, count(distinct case when " + held + " then s.id end), "
                        + "sum(case when " + done + " then 1 else 0 end), sum(case when " + overdue + " then 1 else 0 end) "
                        + "from coaching_session s left join coaching_action a on a.session_id = s.id "
                        + "where s.agent_id in (" + "?,".repeat(chunk.size() - 1) + "?) "
                        + "and ((" + held + ") or (" + done + ") or (" + overdue + ")) group by s.agent_id";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    // the three conditions' values in the select list, the agents, the conditions' values again
                    Object[] conditions = openAt == null ? new Object[]{from, to, doneFrom, doneBefore, overdueBefore}
                            : new Object[]{from, to, doneFrom, doneBefore, openAt, overdueBefore};
                    int p = 1;
                    for (Object v : conditions) {
                        ps.setObject(p++, v);
                    }
                    for (Long id : chunk) {
                        ps.setLong(p++, id);
                    }
                    for (Object v : conditions) {
                        ps.setObject(p++, v);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getLong(1), new Row(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the coaching activity: " + e.getMessage(), e);
        }
        return out;
    }

    /** The sessions of these agents holding actions still open with a due date before {@code today}, oldest due first. */
    List<OverdueRow> overdue(Collection<Long> agentIds, LocalDate today) {
        List<OverdueRow> out = new ArrayList<>();
        List<Long> ids = List.copyOf(agentIds);
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = db.readConnection()) {
            for (int start = 0; start < ids.size(); start += IN_CHUNK) {
                List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + IN_CHUNK));
                String sql = "select s.agent_id, s.id, s.held_on, s.focus, count(*), min(a.due_on) "
                        + "from coaching_session s join coaching_action a on a.session_id = s.id "
                        + "where a.done_at is null and a.due_on < ? and s.agent_id in (" + "?,".repeat(chunk.size() - 1) + "?) "
                        + "group by s.agent_id, s.id, s.held_on, s.focus";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setObject(1, today);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(2 + i, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new OverdueRow(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class), rs.getString(4),
                                    rs.getInt(5), rs.getObject(6, LocalDate.class)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the overdue coaching actions: " + e.getMessage(), e);
        }
        out.sort(java.util.Comparator.comparing(OverdueRow::oldestDue).thenComparing(OverdueRow::sessionId));
        return out;
    }
}
