package com.servicecoach.demo;

import com.servicecoach.account.Role;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.assessment.DemoAttempts;
import com.servicecoach.training.Assignment;
import com.servicecoach.training.AssignmentRepository;
import com.servicecoach.training.CatalogViews;
import com.servicecoach.training.TrainingCatalog;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * The demo's training history, so every training screen shows real content: lessons read, passed and failed
 * attempts, one attempt waiting for essay grading (agent.wang's), a certification expiring soon and one expired,
 * completed assignments and an overdue one. Everything goes through the services an agent's clicks use; only the
 * dates of two certifications and of one assignment are then moved into the past.
 */
@Singleton
@Requires(env = "demo")
class DemoTraining {

    private static final Logger LOG = LoggerFactory.getLogger(DemoTraining.class);

    private final DemoAttempts attempts;
    private final TrainingCatalog catalog;
    private final AgentRepository agents;
    private final TeamRepository teams;
    private final AssignmentRepository assignments;
    private final TrainingModuleRepository modules;
    private final Clock clock;

    DemoTraining(DemoAttempts attempts, TrainingCatalog catalog, AgentRepository agents, TeamRepository teams,
                 AssignmentRepository assignments, TrainingModuleRepository modules, Clock clock) {
        this.attempts = attempts;
        this.catalog = catalog;
        this.agents = agents;
        this.teams = teams;
        this.assignments = assignments;
        this.modules = modules;
        this.clock = clock;
    }

    void load() {
        try {
            LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).withNano(0);
            attempts.restartDraws();
            // Team A (A001, A004, ...) does greeting-attitude and complaint-handling; Team B order-status-logistics; Team C privacy
            readAndPass("A001", "greeting-attitude", Locale.SIMPLIFIED_CHINESE);
            readAndPass("A004", "greeting-attitude", Locale.ENGLISH);
            attempts.take("A007", "greeting-attitude", 6, false, Locale.ENGLISH);
            attempts.take("A013", "greeting-attitude", 4, false, Locale.SIMPLIFIED_CHINESE);
            if (pass("A010", "greeting-attitude", Locale.ENGLISH)) {
                attempts.backdateCertification(agent("A010").id(), "greeting-attitude", now.minusMonths(12).plusDays(12), now.plusDays(12));
            }
            if (pass("A016", "greeting-attitude", Locale.ENGLISH)) {
                attempts.backdateCertification(agent("A016").id(), "greeting-attitude", now.minusMonths(13), now.minusDays(20));
            }
            readAndPass("A002", "order-status-logistics", Locale.SIMPLIFIED_CHINESE);
            attempts.take("A005", "order-status-logistics", 5, false, Locale.ENGLISH);
            readAndPass("A003", "privacy-payment-security", Locale.ENGLISH);
            attempts.take("A006", "privacy-payment-security", 3, false, Locale.SIMPLIFIED_CHINESE);
            waitingForGrading(List.of("A001", "A004", "A019", "A022", "A025", "A028"), "complaint-handling");
            pastCompletions(HELPED, List.of("A020", "A021", "A023", "A024", "A026", "A027", "A029", "A030", "A031", "A032", "A033"), 8, now, 34);
            pastCompletions(NOT_HELPED, List.of("A034", "A035", "A036", "A037", "A038", "A039", "A040", "A041", "A042"), 7, now, 35);
            overdue("Team A", "greeting-attitude", LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(3));
            LOG.info("Loaded demo training: attempts, certifications and assignments");
        } catch (RuntimeException e) {
            LOG.warn("Demo training history left incomplete: {}", e.getMessage(), e);
        }
    }

    /** The module whose trained agents' returns ratings rise in the demo interactions ({@code DemoInteractions}). */
    static final String HELPED = "returns-refunds";
    /** A module completed as long ago whose figures do not change: the impact page shows no clear effect. */
    static final String NOT_HELPED = "order-status-logistics";

    /**
     * Training done weeks ago, so the training impact page has history: the first {@code wanted} candidates who pass
     * the module complete it {@code firstDaysAgo}, then 3, 6, ... days earlier (each a window of 28 days after it,
     * within the demo's three months of interactions).
     */
    private void pastCompletions(String module, List<String> candidates, int wanted, LocalDateTime now, int firstDaysAgo) {
        int done = 0;
        for (String employeeNo : candidates) {
            if (done == wanted) {
                return;
            }
            if (readAndPass(employeeNo, module, done % 2 == 0 ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH)) {
                LocalDateTime at = now.minusDays(firstDaysAgo + 3L * done).withHour(7).withMinute(0).withSecond(0);
                long agentId = agent(employeeNo).id();
                attempts.backdateCertification(agentId, module, at, at.plusMonths(12));
                attempts.backdateCompletion(agentId, module, at);
                done++;
            }
        }
    }

    private Agent agent(String employeeNo) {
        return agents.findByEmployeeNo(employeeNo).orElseThrow();
    }

    /** Reads every lesson of the module, then passes its assessment (completing the module and its assignment). */
    private boolean readAndPass(String employeeNo, String module, Locale locale) {
        Viewer viewer = new Viewer("demo." + employeeNo, Role.AGENT, employeeNo);
        CatalogViews.ModuleDetail detail = catalog.detail(viewer, module, locale);
        detail.lessons().forEach(l -> catalog.lesson(viewer, module, l.slug(), locale));
        return pass(employeeNo, module, locale);
    }

    /** Takes the assessment with every auto-graded answer right until it is passed (at most the attempts allowed). */
    private boolean pass(String employeeNo, String module, Locale locale) {
        for (int i = 0; i < 3; i++) {
            DemoAttempts.Taken t = attempts.take(employeeNo, module, 0, false, locale);
            if (Boolean.TRUE.equals(t.passed())) {
                return true;
            }
        }
        return false;
    }

    /** The first attempt of these agents (up to three each) that draws an essay leaves it waiting for the supervisor's grading. */
    private void waitingForGrading(List<String> candidates, String module) {
        for (String employeeNo : candidates) {
            for (int i = 0; i < 3; i++) {
                try {
                    if (attempts.take(employeeNo, module, 1, true, Locale.SIMPLIFIED_CHINESE).awaitingGrading()) {
                        return;
                    }
                } catch (RuntimeException usedUp) {
                    break;
                }
            }
        }
    }

    /** Moves the team's assignment of the module to a due date in the past: overdue for whoever has not completed it. */
    private void overdue(String teamName, String module, LocalDate dueOn) {
        Team team = teams.findAllOrderByName().stream().filter(t -> t.name().equals(teamName)).findFirst().orElseThrow();
        TrainingModule m = modules.findByCode(module).orElseThrow();
        for (Assignment a : assignments.findByCancelledAtIsNullAndTeamIdIn(List.of(team.id()))) {
            if (a.moduleId().equals(m.id())) {
                assignments.update(new Assignment(a.id(), a.moduleId(), a.agentId(), a.teamId(), dueOn, a.assignedBy(),
                        a.createdAt().minusDays(14), a.updatedAt(), a.cancelledAt(), a.cancelledBy()));
            }
        }
    }
}
