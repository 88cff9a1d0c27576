package com.servicecoach.assessment;

import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.report.building.AssessmentFacts;
import com.servicecoach.report.building.CertificationFacts;
import com.servicecoach.scoring.KnowledgeSource;
import com.servicecoach.settings.ScoringSettingsService;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What scorecards and reports learn from assessments: knowledge % (by {@link KnowledgeScores}), results
 * per module, and certification status on a day. Periods are dates in the organization's zone.
 */
@Singleton
class AssessmentFigures implements KnowledgeSource, AssessmentFacts, CertificationFacts {

    private final KnowledgeScores knowledge;
    private final AgentRepository agents;
    private final TeamRepository teams;
    private final AttemptRepository attempts;
    private final CertificationRepository certifications;
    private final TrainingModuleRepository modules;
    private final ScoringSettingsService settings;

    AssessmentFigures(KnowledgeScores knowledge, AgentRepository agents, TeamRepository teams, AttemptRepository attempts,
                      CertificationRepository certifications, TrainingModuleRepository modules, ScoringSettingsService settings) {
        this.knowledge = knowledge;
        this.agents = agents;
        this.teams = teams;
        this.attempts = attempts;
        this.certifications = certifications;
        this.modules = modules;
        this.settings = settings;
    }

    private ZoneId zone() {
        return settings.current().settings().orgZone();
    }

    @Override
    public BigDecimal agentPercent(String employeeNo, LocalDate from, LocalDate to) {
        return agents.findByEmployeeNo(employeeNo).map(a -> knowledge.agentPercent(a.id(), from, to, zone())).orElse(null);
    }

    @Override
    public Map<String, BigDecimal> agentPercents(Collection<String> employeeNos, LocalDate from, LocalDate to) {
        Map<String, Agent> byNumber = agentsByNumber();
        Map<Long, String> numberOf = new HashMap<>();
        employeeNos.stream().map(byNumber::get).filter(java.util.Objects::nonNull).forEach(a -> numberOf.put(a.id(), a.employeeNo()));
        Map<String, BigDecimal> out = new HashMap<>();
        knowledge.agentPercents(numberOf.keySet(), from, to, zone()).forEach((id, p) -> out.put(numberOf.get(id), p));
        return out;
    }

    @Override
    public BigDecimal teamPercent(String team, LocalDate from, LocalDate to) {
        return teams.findByName(team)
                .map(t -> knowledge.teamPercent(agents.findByTeamIdInOrderByEmployeeNo(List.of(t.id())).stream().map(Agent::id).toList(),
                        from, to, zone()))
                .orElse(null);
    }

    @Override
    public BigDecimal knowledgePercent(Collection<String> employeeNos, LocalDate from, LocalDate to) {
        return knowledge.teamPercent(ids(employeeNos), from, to, zone());
    }

    @Override
    public Optional<List<ModuleResult>> results(Collection<String> employeeNos, LocalDate from, LocalDate to) {
        List<Long> ids = ids(employeeNos);
        if (ids.isEmpty()) {
            return Optional.of(List.of());
        }
        ZoneId zone = zone();
        LocalDateTime start = from.atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        LocalDateTime end = to.plusDays(1).atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        Map<Long, List<Attempt>> byModule = new HashMap<>();
        for (Attempt a : attempts.findByAgentIdInAndStateAndSubmittedAtGreaterThanEqualsAndSubmittedAtLessThan(ids, Attempt.FINISHED, start, end)) {
            if (a.counts()) {
                byModule.computeIfAbsent(a.moduleId(), k -> new ArrayList<>()).add(a);
            }
        }
        Map<Long, TrainingModule> moduleById = modules.findAllOrderByCode().stream().collect(Collectors.toMap(TrainingModule::id, m -> m));
        TreeMap<String, ModuleResult> results = new TreeMap<>();
        byModule.forEach((moduleId, list) -> {
            TrainingModule m = moduleById.get(moduleId);
            BigDecimal sum = list.stream().map(Attempt::scorePercent).reduce(BigDecimal.ZERO, BigDecimal::add);
            int passed = (int) list.stream().filter(a -> Boolean.TRUE.equals(a.passed())).count();
            results.put(m.code(), new ModuleResult(m.code(), m.titleEn(), m.titleZh(), list.size(), passed,
                    sum.divide(BigDecimal.valueOf(list.size()), 10, RoundingMode.HALF_UP)));
        });
        return Optional.of(List.copyOf(results.values()));
    }

    @Override
    public Optional<Map<String, Counts>> onDay(Collection<String> employeeNos, LocalDate day) {
        Map<Long, String> numberById = new HashMap<>();
        Map<String, Agent> byNumber = agentsByNumber();
        for (String no : employeeNos) {
            Agent a = byNumber.get(no);
            if (a != null) {
                numberById.put(a.id(), no);
            }
        }
        if (numberById.isEmpty()) {
            return Optional.of(Map.of());
        }
        ZoneId zone = zone();
        // the latest certification of each (agent, module) granted on or before the day counts
        Map<String, Certification> latest = new LinkedHashMap<>();
        LocalDateTime endOfDay = day.plusDays(1).atStartOfDay(zone).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        certifications.findByAgentIdInOrderByGrantedAt(numberById.keySet()).stream()
                .filter(c -> c.grantedAt().isBefore(endOfDay))
                .sorted(Comparator.comparing(Certification::grantedAt))
                .forEach(c -> latest.put(c.agentId() + ":" + c.moduleId(), c));
        Map<String, Counts> out = new TreeMap<>();
        for (Certification c : latest.values()) {
            out.merge(numberById.get(c.agentId()), status(c, day, zone), Counts::plus);
        }
        return Optional.of(out);
    }

    /** Valid beyond 30 days after the day, expiring within them, or expired on or before the day. */
    static Counts status(Certification c, LocalDate day, ZoneId zone) {
        if (c.expiresAt() == null) {
            return new Counts(1, 0, 0);
        }
        LocalDate ends = c.expiresAt().atOffset(ZoneOffset.UTC).atZoneSameInstant(zone).toLocalDate();
        if (!ends.isAfter(day)) {
            return new Counts(0, 0, 1);
        }
        return ends.isAfter(day.plusDays(EXPIRING_DAYS)) ? new Counts(1, 0, 0) : new Counts(0, 1, 0);
    }

    private List<Long> ids(Collection<String> employeeNos) {
        Map<String, Agent> byNumber = agentsByNumber();
        return employeeNos.stream().map(byNumber::get).filter(java.util.Objects::nonNull).map(Agent::id).toList();
    }

    /** All agents by employee number, in one query (reports ask about whole teams at once). */
    private Map<String, Agent> agentsByNumber() {
        return agents.findAllOrderByEmployeeNo().stream().collect(Collectors.toMap(Agent::employeeNo, a -> a));
    }

}
