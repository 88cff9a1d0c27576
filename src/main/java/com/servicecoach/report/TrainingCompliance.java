package com.servicecoach.report;

import com.servicecoach.agent.Agent;
import com.servicecoach.database.Database;
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
 * Training compliance as it stood at an instant, read from the training tables: for each agent, the assignment
 * lines that reached them (their own assignments and their team's), by status. The status rule is the
 * training feature's ({@code AssignmentService}): completed when a completion of the module exists no earlier
 * than the module's certification months before the assignment was made; otherwise overdue once the due date
 * has passed, else open. Here everything is taken as of the instant: assignments made before it and not yet
 * cancelled then, completions made before it, and the due date compared with the day. So a report of a past
 * period says the same thing however late it is generated. A team assignment reaches the team's current agents
 * who have not left (the training feature keeps no membership history).
 */
@Singleton
public class TrainingCompliance {

    /** An agent's (or a team's) assignment lines by status. */
    public record Counts(int assigned, int completed, int open, int overdue) {

        public static final Counts NONE = new Counts(0, 0, 0, 0);

        public Counts plus(Counts o) {
            return new Counts(assigned + o.assigned, completed + o.completed, open + o.open, overdue + o.overdue);
        }
    }

    private record Line(long moduleId, Long agentId, Long teamId, LocalDate dueOn, LocalDateTime createdAt,
                        int certificationMonths) {
    }

    private final Database db;

    TrainingCompliance(Database db) {
        this.db = db;
    }

    /**
     * The counts of each of these agents (by agent id; agents without assignments have {@link Counts#NONE}).
     *
     * @param day   the day compared with due dates (overdue when the due date is before it)
     * @param asOf  assignments, cancellations and completions after this instant are not yet known
     */
    public Map<Long, Counts> asOf(List<Agent> agents, LocalDate day, Instant asOf) {
        Map<Long, Counts> out = new HashMap<>();
        agents.forEach(a -> out.put(a.id(), Counts.NONE));
        if (agents.isEmpty()) {
            return out;
        }
        LocalDateTime at = LocalDateTime.ofInstant(asOf, ZoneOffset.UTC);
        Map<Long, List<Agent>> byTeam = new HashMap<>();
        for (Agent a : agents) {
            if (!"left".equals(a.status())) {
                byTeam.computeIfAbsent(a.teamId(), k -> new ArrayList<>()).add(a);
            }
        }
        try (Connection c = db.readConnection()) {
            List<Line> lines = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select a.module_id, a.agent_id, a.team_id, a.due_on, a.created_at, "
                    + "m.certification_months from training_assignment a join training_module m on m.id = a.module_id "
                    + "where a.created_at < ? and (a.cancelled_at is null or a.cancelled_at > ?) order by a.id")) {
                ps.setObject(1, at);
                ps.setObject(2, at);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new Line(rs.getLong(1), (Long) rs.getObject(2, Long.class), (Long) rs.getObject(3, Long.class),
                                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDateTime.class), rs.getInt(6)));
                    }
                }
            }
            Map<String, List<LocalDateTime>> completions = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select agent_id, module_id, completed_at from training_completion "
                    + "where completed_at < ? order by completed_at")) {
                ps.setObject(1, at);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        completions.computeIfAbsent(rs.getLong(1) + ":" + rs.getLong(2), k -> new ArrayList<>())
                                .add(rs.getObject(3, LocalDateTime.class));
                    }
                }
            }
            for (Line line : lines) {
                List<Long> reached = new ArrayList<>();
                if (line.agentId() != null) {
                    if (out.containsKey(line.agentId())) {
                        reached.add(line.agentId());
                    }
                } else {
                    byTeam.getOrDefault(line.teamId(), List.of()).forEach(a -> reached.add(a.id()));
                }
                LocalDateTime earliest = line.certificationMonths() == 0 ? LocalDateTime.MIN
                        : line.createdAt().minusMonths(line.certificationMonths());
                for (Long agentId : reached) {
                    boolean completed = completions.getOrDefault(agentId + ":" + line.moduleId(), List.of()).stream()
                            .anyMatch(done -> !done.isBefore(earliest));
                    Counts one = completed ? new Counts(1, 1, 0, 0)
                            : day.isAfter(line.dueOn()) ? new Counts(1, 0, 0, 1) : new Counts(1, 0, 1, 0);
                    out.merge(agentId, one, Counts::plus);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the training assignments: " + e.getMessage(), e);
        }
        return out;
    }
}
