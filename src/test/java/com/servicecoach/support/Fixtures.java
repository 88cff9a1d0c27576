package com.servicecoach.support;

import com.servicecoach.account.AccountService;
import com.servicecoach.account.UserForm;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Small, explicit test data: two teams with a supervisor each, agents, and one user of every role.
 * Every user's password is {@link #PASSWORD}.
 */
@Singleton
public class Fixtures {

    public static final String PASSWORD = "correct-horse-battery";

    private final AccountService accounts;
    private final TeamRepository teams;
    private final AgentRepository agents;

    Fixtures(AccountService accounts, TeamRepository teams, AgentRepository agents) {
        this.accounts = accounts;
        this.teams = teams;
        this.agents = agents;
    }

    public void user(String username, String role, String employeeNo) {
        accounts.create(new UserForm(username, PASSWORD, role, employeeNo));
    }

    public Team team(String name, String supervisor) {
        return teams.save(new Team(null, name, supervisor));
    }

    public Agent agent(String employeeNo, String name, Team team, String channels) {
        return agents.save(new Agent(null, employeeNo, name, employeeNo.toLowerCase() + "@shop.test", null, team.id(), channels,
                LocalDate.of(2024, 3, 1), "active", LocalDateTime.of(2026, 1, 1, 0, 0)));
    }

    /**
     * The standard cast: admin, hr.lin, sup.north (leads North: N1, N2; N1 is user agent.north),
     * sup.south (leads South: S1; S1 is user agent.south).
     */
    public void standardCast() {
        user("admin", "ADMIN", null);
        user("hr.lin", "HR", null);
        user("sup.north", "SUPERVISOR", null);
        user("sup.south", "SUPERVISOR", null);
        Team north = team("North", "sup.north");
        Team south = team("South", "sup.south");
        agent("N1", "Li Na", north, "chat;email");
        agent("N2", "王芳", north, "phone");
        agent("S1", "Tom Baker", south, "chat");
        user("agent.north", "AGENT", "N1");
        user("agent.south", "AGENT", "S1");
    }
}
