package com.servicecoach.report.building;

import com.servicecoach.agent.Agent;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

    private final ReportStore store;

    TrainingCompliance(ReportStore store) {
        this.store = store;
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
        Map<Long, List<Agent>> byTeam = new HashMap<>();
        for (Agent a : agents) {
            if (!"left".equals(a.status())) {
                byTeam.computeIfAbsent(a.teamId(), k -> new ArrayList<>()).add(a);
            }
        }
        ReportStore.Training training = store.training(asOf);
        for (ReportStore.Assignment assignment : training.assignments()) {
            List<Long> reached = new ArrayList<>();
            if (assignment.agentId() != null) {
                if (out.containsKey(assignment.agentId())) {
                    reached.add(assignment.agentId());
                }
            } else {
                byTeam.getOrDefault(assignment.teamId(), List.of()).forEach(a -> reached.add(a.id()));
            }
            LocalDateTime earliest = assignment.certificationMonths() == 0 ? LocalDateTime.MIN
                    : assignment.createdAt().minusMonths(assignment.certificationMonths());
            for (Long agentId : reached) {
                boolean completed = training.completions().getOrDefault(new ReportStore.AgentModule(agentId, assignment.moduleId()), List.of())
                        .stream().anyMatch(done -> !done.isBefore(earliest));
                Counts one = completed ? new Counts(1, 1, 0, 0)
                        : day.isAfter(assignment.dueOn()) ? new Counts(1, 0, 0, 1) : new Counts(1, 0, 1, 0);
                out.merge(agentId, one, Counts::plus);
            }
        }
        return out;
    }
}
