package com.servicecoach.assessment;

import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The knowledge figure of scorecards (metrics.md "Knowledge"): the mean, over the assessments an agent
 * completed in the period, of the score (percent) that counts for each by its grading method.
 *
 * <p>Precisely: the attempts considered are the agent's <em>finished</em> attempts whose result is final
 * (no answer still waiting for a grader) and that were submitted (by the agent or automatically at the end
 * of the grace period) within the period, from 00:00 of {@code from} to 00:00 after {@code to} in
 * {@code zone}. Abandoned and unsubmitted attempts do not count; an attempt waiting for essay grading
 * counts for the period of its submission once it is graded. For each module with such attempts, its
 * grading method picks the score among them (highest, latest, first) or averages them; the figure is the
 * mean of those per-module scores, unrounded. A team's figure is the mean over every (agent, module)
 * pair of its agents. Null when there is nothing to average.
 */
@Singleton
public class KnowledgeScores {

    private final AttemptRepository attempts;
    private final TrainingModuleRepository modules;

    KnowledgeScores(AttemptRepository attempts, TrainingModuleRepository modules) {
        this.attempts = attempts;
        this.modules = modules;
    }

    public BigDecimal agentPercent(long agentId, LocalDate from, LocalDate to, ZoneId zone) {
        return teamPercent(List.of(agentId), from, to, zone);
    }

    /** Each agent's knowledge % for the period (absent: none), read in one query: what {@link #agentPercent} gives each. */
    public Map<Long, BigDecimal> agentPercents(Collection<Long> agentIds, LocalDate from, LocalDate to, ZoneId zone) {
        Map<Long, BigDecimal> out = new java.util.HashMap<>();
        if (agentIds.isEmpty() || to.isBefore(from)) {
            return out;
        }
        LocalDateTime start = from.atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        LocalDateTime end = to.plusDays(1).atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        Map<Long, List<Attempt>> byAgent = attempts.findByAgentIdInAndStateAndSubmittedAtGreaterThanEqualsAndSubmittedAtLessThan(
                agentIds, Attempt.FINISHED, start, end).stream().collect(Collectors.groupingBy(Attempt::agentId));
        if (byAgent.isEmpty()) {
            return out;
        }
        Map<Long, TrainingModule> moduleById = modules.findAllOrderByCode().stream()
                .collect(Collectors.toMap(TrainingModule::id, m -> m));
        byAgent.forEach((agent, found) -> {
            BigDecimal p = mean(found, id -> GradingMethod.of(moduleById.get(id).gradingMethod()));
            if (p != null) {
                out.put(agent, p);
            }
        });
        return out;
    }

    public BigDecimal teamPercent(Collection<Long> agentIds, LocalDate from, LocalDate to, ZoneId zone) {
        if (agentIds.isEmpty() || to.isBefore(from)) {
            return null;
        }
        LocalDateTime start = from.atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        LocalDateTime end = to.plusDays(1).atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        List<Attempt> found = attempts.findByAgentIdInAndStateAndSubmittedAtGreaterThanEqualsAndSubmittedAtLessThan(
                agentIds, Attempt.FINISHED, start, end);
        Map<Long, TrainingModule> moduleById = modules.findAllOrderByCode().stream()
                .collect(Collectors.toMap(TrainingModule::id, m -> m));
        return mean(found, id -> GradingMethod.of(moduleById.get(id).gradingMethod()));
    }

    /**
     * The mean over (agent, module) pairs of the score each pair's grading method picks among its counting
     * attempts. Plain Java.
     */
    static BigDecimal mean(List<Attempt> found, java.util.function.Function<Long, GradingMethod> methodOfModule) {
        Map<String, List<Attempt>> pairs = new LinkedHashMap<>();
        found.stream().filter(Attempt::counts).sorted(Comparator.comparing(Attempt::attemptNo))
                .forEach(a -> pairs.computeIfAbsent(a.agentId() + ":" + a.moduleId(), k -> new ArrayList<>()).add(a));
        if (pairs.isEmpty()) {
            return null;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (List<Attempt> list : pairs.values()) {
            sum = sum.add(methodOfModule.apply(list.get(0).moduleId()).grade(list.stream().map(Attempt::scorePercent).toList()));
        }
        return sum.divide(BigDecimal.valueOf(pairs.size()), GradingMethod.SCALE, RoundingMode.HALF_UP);
    }
}
