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
    }

    @Serdeable
    public record MatrixModule(String code, String title) {
    }

    /** The training matrix of a team: its agents (rows) by the active modules (columns). */
    @Serdeable
    public record Matrix(String team, List<MatrixModule> modules, List<MatrixRow> rows) {
    }
}
