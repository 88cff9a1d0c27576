package com.servicecoach.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The JSON shapes of assignments. */
public final class AssignmentViews {

    private AssignmentViews() {
    }

    /** The body of {@code POST /api/assignments}: a module for some agents or a whole team, due on a date. */
    @Serdeable
    public record Request(@Nullable String module, @Nullable List<String> agents, @Nullable String team,
                          @Nullable String dueOn) {
    }

    /** The body of {@code PUT /api/assignments/{id}}: the new due date. */
    @Serdeable
    public record Change(@Nullable String dueOn) {
    }

    /** One agent reached by an assignment, with their status. */
    @Serdeable
    public record AgentStatus(String employeeNo, String name, String status, @Nullable Instant completedAt,
                              @Nullable Integer completedVersion) {
    }

    /**
     * An assignment: to a team ({@code team} set, {@code agent} null) or to one agent; {@code agents} lists
     * every agent it reaches now with their status.
     */
    @Serdeable
    public record Assignment(long id, String module, String moduleTitle, @Nullable String team, @Nullable String agent,
                             LocalDate dueOn, String assignedBy, Instant createdAt, List<AgentStatus> agents) {
    }

    /**
     * One line of an agent's training: an assignment as it applies to that agent. {@code viaTeam} tells a
     * team assignment from a personal one; {@code status} is open, overdue or completed.
     */
    @Serdeable
    public record Item(long id, String module, String moduleTitle, String agent, String agentName, String team,
                       boolean viaTeam, LocalDate dueOn, String status, @Nullable Instant completedAt,
                       @Nullable Integer completedVersion, String assignedBy, Instant createdAt) {
    }

    /** A cell of the team training matrix. Status: overdue, open, completed, expired or none. */
    @Serdeable
    public record Cell(String module, String status, @Nullable LocalDate dueOn, @Nullable Instant completedAt) {
    }

    @Serdeable
    public record MatrixRow(String employeeNo, String name, List<Cell> cells) {

        /** Of this agent's assigned modules (a status other than none), the share completed, in percent; null when none. */
        public @Nullable java.math.BigDecimal completionPercent() {
            return completion(cells);
        }
    }

    /** Completed cells out of the assigned ones (status not none), in percent rounded to one decimal; null when none. */
    static @Nullable java.math.BigDecimal completion(List<Cell> cells) {
        long assigned = cells.stream().filter(c -> !"none".equals(c.status())).count();
        long completed = cells.stream().filter(c -> "completed".equals(c.status())).count();
        return com.servicecoach.scoring.Rounding.percent(completed, assigned);
    }

    @Serdeable
    public record MatrixModule(String code, String title) {
    }

    /** The training matrix of a team: its agents (rows) by the active modules (columns). */
    @Serdeable
    public record Matrix(String team, List<MatrixModule> modules, List<MatrixRow> rows) {

        /** For each module (in the columns' order), the share of its assigned agents who completed it. */
        public List<java.math.BigDecimal> moduleCompletion() {
            List<java.math.BigDecimal> out = new java.util.ArrayList<>();
            for (int i = 0; i < modules.size(); i++) {
                int column = i;
                out.add(completion(rows.stream().map(r -> r.cells().get(column)).toList()));
            }
            return out;
        }

        /** Of every assigned cell of the team, the share completed. */
        public @Nullable java.math.BigDecimal completionPercent() {
            return completion(rows.stream().flatMap(r -> r.cells().stream()).toList());
        }
    }
}
