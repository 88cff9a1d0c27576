package com.servicecoach.assessment;

import com.servicecoach.account.User;
import com.servicecoach.account.UserRepository;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.Team;
import com.servicecoach.notification.Notifications;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.training.Assignment;
import com.servicecoach.training.AssignmentRepository;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.web.BadRequestException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Certifications. When an attempt's result becomes final, the agent's result at the module by its grading
 * method is worked out over the attempts of the current round; reaching the pass mark grants one
 * certification for the round, valid for the module's certificationMonths (0: no expiry). A round starts
 * when the agent's latest certification of the module expires, so a renewal is judged on new attempts and
 * gets a fresh allowance of attempts.
 *
 * <p>{@link #review()} (run by {@link AssessmentJob}) warns the agent and their supervisor once when a
 * certification expires within {@link AssessmentConfig#expiringDays()}, and when it has expired assigns
 * the module to the agent again (an individual training assignment, due after
 * {@link AssessmentConfig#renewalDueDays()}), unless the module is already assigned to them since the
 * certification was granted.
 */
@Singleton
public class Certifications {

    public static final String SYSTEM = "system";

    private final CertificationRepository certifications;
    private final AttemptRepository attempts;
    private final TrainingModuleRepository modules;
    private final AssignmentRepository assignments;
    private final AssessmentAccess access;
    private final UserRepository users;
    private final Notifications notifications;
    private final AssessmentConfig config;
    private final Clock clock;

    Certifications(CertificationRepository certifications, AttemptRepository attempts, TrainingModuleRepository modules,
                   AssignmentRepository assignments, AssessmentAccess access, UserRepository users,
                   Notifications notifications, AssessmentConfig config, Clock clock) {
        this.certifications = certifications;
        this.attempts = attempts;
        this.modules = modules;
        this.assignments = assignments;
        this.access = access;
        this.users = users;
        this.notifications = notifications;
        this.config = config;
        this.clock = clock;
    }

    /** The start of the agent's current round at the module: the latest expiry passed, or null (all time). */
    @Nullable
    LocalDateTime roundStart(long agentId, long moduleId, LocalDateTime now) {
        return roundStart(certifications.findByAgentIdAndModuleIdOrderByGrantedAt(agentId, moduleId), now);
    }

    /** The start of the current round from an agent's certifications of one module: the latest expiry passed, or null. */
    @Nullable
    static LocalDateTime roundStart(List<Certification> ofModule, LocalDateTime now) {
        return ofModule.stream().map(Certification::expiresAt).filter(e -> e != null && !e.isAfter(now))
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /** Attempts of the current round, in the order made. */
    List<Attempt> roundAttempts(long agentId, long moduleId, LocalDateTime now) {
        return inRound(attempts.findByAgentIdAndModuleIdOrderByAttemptNo(agentId, moduleId), roundStart(agentId, moduleId, now));
    }

    /** Those of an agent's attempts at one module started since the round began ({@code start} null: all), in their order. */
    static List<Attempt> inRound(List<Attempt> ofModule, @Nullable LocalDateTime start) {
        return ofModule.stream().filter(a -> start == null || !a.startedAt().isBefore(start)).toList();
    }

    /** Every certification of these agents, oldest first. */
    List<Certification> ofAgents(java.util.Collection<Long> agentIds) {
        return agentIds.isEmpty() ? List.of() : certifications.findByAgentIdInOrderByGrantedAt(agentIds);
    }

    /** The result by the module's grading method over the round's final attempts (unrounded), or null. */
    @Nullable
    BigDecimal roundResult(List<Attempt> round, TrainingModule module) {
        return GradingMethod.of(module.gradingMethod()).grade(round.stream().filter(Attempt::counts)
                .map(Attempt::scorePercent).toList());
    }

    /** Called when an attempt's result has become final; grants a certification when the result passes. */
    Optional<Certification> onFinal(Attempt attempt, TrainingModule module, Agent agent) {
        LocalDateTime now = now();
        LocalDateTime start = roundStart(agent.id(), module.id(), now);
        boolean held = certifications.findByAgentIdAndModuleIdOrderByGrantedAt(agent.id(), module.id()).stream()
                .anyMatch(c -> start == null || !c.grantedAt().isBefore(start));
        if (held) {
            return Optional.empty();
        }
        BigDecimal result = roundResult(roundAttempts(agent.id(), module.id(), now), module);
        if (result == null || result.compareTo(BigDecimal.valueOf(attempt.passMark())) < 0) {
            return Optional.empty();
        }
        LocalDateTime expires = module.certificationMonths() == 0 ? null : now.plusMonths(module.certificationMonths());
        Certification c = certifications.save(new Certification(null, agent.id(), module.id(), attempt.id(), result, now,
                expires, null, null, null));
        for (User u : usersOf(agent)) {
            notifications.notify(u.username(), "assessment.certified", "assessment.certified:" + c.id(),
                    "/certifications", List.of(texts(module), expires == null ? "-" : expires.toLocalDate().toString()));
        }
        return Optional.of(c);
    }

    /**
     * Flags certifications expiring soon and renews expired ones (see the class comment).
     *
     * @return how many certifications were flagged or renewed
     */
    @Transactional
    public int review() {
        LocalDateTime now = now();
        int done = 0;
        List<Certification> open = certifications.findByExpiresAtIsNotNullAndRenewedAtIsNullOrderById();
        for (Certification c : open) {
            List<Certification> all = certifications.findByAgentIdAndModuleIdOrderByGrantedAt(c.agentId(), c.moduleId());
            Certification newest = all.get(all.size() - 1);
            if (!newest.id().equals(c.id())) {
                // superseded by a newer certification: nothing to warn about or renew
                certifications.update(with(c, c.expiringNotifiedAt(), now, null));
                continue;
            }
            Agent agent = access.agent(c.agentId());
            TrainingModule module = modules.findById(c.moduleId()).orElseThrow();
            if (!c.expiresAt().isAfter(now)) {
                Long assignmentId = null;
                if (module.active() && !"left".equals(agent.status())) {
                    assignmentId = existingAssignment(agent, module, c.grantedAt())
                            .orElseGet(() -> assignments.save(new Assignment(null, module.id(), agent.id(), null,
                                    today().plusDays(config.renewalDueDays()), SYSTEM, now, now, null, null)).id());
                }
                certifications.update(with(c, c.expiringNotifiedAt(), now, assignmentId));
                notifyBoth(agent, module, "assessment.certExpired", "assessment.certExpired:" + c.id(), c.expiresAt());
                done++;
            } else if (c.expiringNotifiedAt() == null && !c.expiresAt().isAfter(now.plusDays(config.expiringDays()))) {
                certifications.update(with(c, now, null, null));
                notifyBoth(agent, module, "assessment.certExpiring", "assessment.certExpiring:" + c.id(), c.expiresAt());
                done++;
            }
        }
        return done;
    }

    /** An uncancelled assignment of the module reaching the agent (theirs or their team's) made since {@code since}. */
    private Optional<Long> existingAssignment(Agent agent, TrainingModule module, LocalDateTime since) {
        List<Assignment> mine = new ArrayList<>(assignments.findByCancelledAtIsNullAndAgentIdIn(List.of(agent.id())));
        mine.addAll(assignments.findByCancelledAtIsNullAndTeamIdIn(List.of(agent.teamId())));
        return mine.stream().filter(a -> a.moduleId().equals(module.id()) && !a.createdAt().isBefore(since))
                .map(Assignment::id).findFirst();
    }

    private void notifyBoth(Agent agent, TrainingModule module, String kind, String dedupe, LocalDateTime expires) {
        String date = expires.toLocalDate().toString();
        for (User u : usersOf(agent)) {
            notifications.notify(u.username(), kind, dedupe, "/certifications", List.of(texts(module), date));
        }
        Optional<Team> team = access.team(agent.teamId());
        if (team.isPresent() && team.get().supervisor() != null) {
            notifications.notify(team.get().supervisor(), kind + "Team", dedupe, "/certifications?status=expiring",
                    List.of(texts(module), date, agent.name() + " (" + agent.employeeNo() + ")"));
        }
    }

    private static Certification with(Certification c, @Nullable LocalDateTime notified, @Nullable LocalDateTime renewed,
                                      @Nullable Long assignment) {
        return new Certification(c.id(), c.agentId(), c.moduleId(), c.attemptId(), c.scorePercent(), c.grantedAt(),
                c.expiresAt(), notified, renewed, assignment);
    }

    // ---- reading ---------------------------------------------------------------------------------

    public static final List<String> STATUSES = List.of("valid", "expiring", "expired");

    /** The latest certification of each agent and module the viewer may see, filtered; newest first. */
    public List<AttemptViews.CertificationView> list(Viewer viewer, @Nullable String agentNo, @Nullable String teamName,
                                                     @Nullable String module, @Nullable String status, Locale locale) {
        String st = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
        if (!st.isEmpty() && !STATUSES.contains(st)) {
            throw new BadRequestException("status must be one of " + String.join(", ", STATUSES));
        }
        List<Agent> scope = access.scope(viewer);
        if (agentNo != null && !agentNo.isBlank()) {
            Agent only = access.visibleAgent(viewer, agentNo.trim());
            scope = scope.stream().filter(a -> a.id().equals(only.id())).toList();
        }
        if (teamName != null && !teamName.isBlank()) {
            Team t = access.visibleTeam(viewer, teamName.trim());
            scope = scope.stream().filter(a -> a.teamId().equals(t.id())).toList();
        }
        if (scope.isEmpty()) {
            return List.of();
        }
        Map<Long, Agent> byId = scope.stream().collect(Collectors.toMap(Agent::id, a -> a));
        Map<Long, TrainingModule> moduleById = modules.findAllOrderByCode().stream()
                .collect(Collectors.toMap(TrainingModule::id, m -> m));
        Map<String, Certification> latest = new HashMap<>();
        for (Certification c : certifications.findByAgentIdInOrderByGrantedAt(byId.keySet())) {
            latest.put(c.agentId() + ":" + c.moduleId(), c);
        }
        LocalDateTime now = now();
        // each team's name read once, not once per certification
        Map<Long, String> teamNames = new HashMap<>();
        List<AttemptViews.CertificationView> out = new ArrayList<>();
        for (Certification c : latest.values()) {
            TrainingModule m = moduleById.get(c.moduleId());
            if (module != null && !module.isBlank() && !m.code().equals(module.trim())) {
                continue;
            }
            Agent agent = byId.get(c.agentId());
            String team = teamNames.computeIfAbsent(agent.teamId(), id -> access.team(id).map(Team::name).orElse(""));
            AttemptViews.CertificationView v = view(c, agent, m, now, locale, team);
            if (st.isEmpty() || v.status().equals(st)) {
                out.add(v);
            }
        }
        out.sort(Comparator.comparing((AttemptViews.CertificationView v) -> v.expiresAt() == null ? java.time.Instant.MAX : v.expiresAt())
                .thenComparing(AttemptViews.CertificationView::agent).thenComparing(AttemptViews.CertificationView::module));
        return out;
    }

    Optional<Certification> latest(long agentId, long moduleId) {
        List<Certification> all = certifications.findByAgentIdAndModuleIdOrderByGrantedAt(agentId, moduleId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    AttemptViews.CertificationView view(Certification c, Agent agent, TrainingModule m, LocalDateTime now, Locale locale) {
        return view(c, agent, m, now, locale, access.team(agent.teamId()).map(Team::name).orElse(""));
    }

    private AttemptViews.CertificationView view(Certification c, Agent agent, TrainingModule m, LocalDateTime now, Locale locale,
                                                String team) {
        String status;
        if (!c.validAt(now)) {
            status = "expired";
        } else if (c.expiresAt() != null && !c.expiresAt().isAfter(now.plusDays(config.expiringDays()))) {
            status = "expiring";
        } else {
            status = "valid";
        }
        return new AttemptViews.CertificationView(agent.employeeNo(), agent.name(), team, m.code(), m.title().in(locale),
                c.attemptId(), Rounding.percent(c.scorePercent()), c.grantedAt().toInstant(ZoneOffset.UTC),
                c.expiresAt() == null ? null : c.expiresAt().toInstant(ZoneOffset.UTC), status, c.renewalAssignmentId());
    }

    private List<User> usersOf(Agent agent) {
        return users.findByEmployeeNo(agent.employeeNo()).filter(User::enabled).map(List::of).orElse(List.of());
    }

    static Map<String, String> texts(TrainingModule m) {
        return Map.of("en", m.titleEn(), "zh-CN", m.titleZh());
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.SECONDS);
    }
}
