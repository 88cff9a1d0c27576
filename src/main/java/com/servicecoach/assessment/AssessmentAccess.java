package com.servicecoach.assessment;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.NotFoundException;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Optional;

/**
 * Who may do what with assessments (api.md Access): only users linked to an agent profile take
 * assessments, and only the attempt's owner saves or submits it; the agent's supervisor, HR and
 * administrators read attempts; essays are graded by the supervisor of the agent's team or an
 * administrator. Objects the caller may not see are 404, roles that may not act 403.
 */
@Singleton
class AssessmentAccess {

    private final AgentRepository agents;
    private final TeamRepository teams;
    private final AgentService agentService;

    AssessmentAccess(AgentRepository agents, TeamRepository teams, AgentService agentService) {
        this.agents = agents;
        this.teams = teams;
        this.agentService = agentService;
    }

    /** The agent profile the viewer takes assessments as; 403 for users without one. */
    Agent taker(Viewer viewer) {
        Optional<Agent> agent = viewer.employeeNo() == null ? Optional.empty() : agents.findByEmployeeNo(viewer.employeeNo());
        if (agent.isEmpty()) {
            throw new ForbiddenException("Only users linked to an agent profile take assessments");
        }
        if ("left".equals(agent.get().status())) {
            throw new ForbiddenException("Agent " + agent.get().employeeNo() + " has left and takes no assessments");
        }
        return agent.get();
    }

    Optional<Agent> linkedAgent(Viewer viewer) {
        return viewer.employeeNo() == null ? Optional.empty() : agents.findByEmployeeNo(viewer.employeeNo());
    }

    boolean owns(Viewer viewer, Agent agent) {
        return viewer.employeeNo() != null && viewer.employeeNo().equals(agent.employeeNo());
    }

    boolean canRead(Viewer viewer, Agent agent) {
        return owns(viewer, agent) || agentService.canRead(viewer, agent);
    }

    /**
     * Grading is for administrators and supervisors: 403 for other roles, checked before any attempt is looked
     * up, so that the answer is the same whether the attempt exists or not.
     */
    void requireGraderRole(Viewer viewer) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw new ForbiddenException("Only supervisors and administrators grade answers");
        }
    }

    boolean canGrade(Viewer viewer, Agent agent) {
        return viewer.isAdmin() || (viewer.isSupervisor() && supervises(viewer, agent));
    }

    boolean supervises(Viewer viewer, Agent agent) {
        return teams.findById(agent.teamId()).map(t -> viewer.username().equals(t.supervisor())).orElse(false);
    }

    /** Roles that read other agents' results: administrators, HR and supervisors (agents: 403). */
    void requireStaff(Viewer viewer) {
        if (viewer.isAgent()) {
            throw new ForbiddenException("Agents see only their own assessments");
        }
    }

    /** The agents whose assessments the viewer may read. */
    List<Agent> scope(Viewer viewer) {
        if (viewer.readsAllTeams()) {
            return agents.findAllOrderByEmployeeNo();
        }
        if (viewer.isSupervisor()) {
            List<Long> own = teams.findBySupervisorOrderByName(viewer.username()).stream().map(Team::id).toList();
            return own.isEmpty() ? List.of() : agents.findByTeamIdInOrderByEmployeeNo(own);
        }
        return linkedAgent(viewer).map(List::of).orElse(List.of());
    }

    /** The agent named by employee number if the viewer may read it (404 otherwise). */
    Agent visibleAgent(Viewer viewer, String employeeNo) {
        return agentService.visibleAgent(viewer, employeeNo);
    }

    /** The team by name if the viewer may read it (agents 403, invisible teams 404). */
    Team visibleTeam(Viewer viewer, String name) {
        return agentService.visibleTeam(viewer, name);
    }

    Agent agent(long id) {
        return agents.findById(id).orElseThrow();
    }

    Optional<Team> team(long id) {
        return teams.findById(id);
    }
}
