package com.servicecoach.agent;

import com.servicecoach.scoring.Channel;
import com.servicecoach.account.EmployeeNumbers;
import com.servicecoach.account.Role;
import com.servicecoach.account.UserRepository;
import com.servicecoach.account.Viewer;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Agent profiles and teams, with the access rules of api.md: administrators and HR read every team,
 * supervisors read and manage their own team (without moving agents elsewhere), agents read only
 * themselves. What a caller may not see is answered as absent (404).
 */
@Singleton
public class AgentService implements EmployeeNumbers {

    public static final Pattern EMPLOYEE_NO = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    public static final List<String> CHANNELS = java.util.Arrays.stream(Channel.values()).map(Channel::code).toList();
    /** A hired_on before this year is a typing error (e.g. 0025 for 2025), not a date to keep. */
    static final int MIN_HIRED_YEAR = 1900;
    /** The longest helpdesk user id (the column's width). */
    public static final int HELPDESK_ID_MAX = 100;

    private final AgentRepository agents;
    private final TeamRepository teams;
    private final UserRepository users;
    private final Clock clock;

    AgentService(AgentRepository agents, TeamRepository teams, UserRepository users, Clock clock) {
        this.agents = agents;
        this.teams = teams;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public boolean exists(String employeeNo) {
        return agents.existsByEmployeeNo(employeeNo);
    }

    // ---- teams ---------------------------------------------------------------------------------

    /** The teams a viewer may read. Agents read none. */
    public List<Team> visibleTeams(Viewer viewer) {
        if (viewer.readsAllTeams()) {
            return teams.findAllOrderByName();
        }
        if (viewer.isSupervisor()) {
            return teams.findBySupervisorOrderByName(viewer.username());
        }
        throw new ForbiddenException("Agents do not see teams");
    }

    public Team visibleTeam(Viewer viewer, String name) {
        if (viewer.isAgent()) {
            throw new ForbiddenException("Agents do not see teams");
        }
        Team team = teams.findByName(name).orElseThrow(() -> new NotFoundException("No team " + name));
        if (viewer.readsAllTeams() || (viewer.isSupervisor() && viewer.username().equals(team.supervisor()))) {
            return team;
        }
        throw new NotFoundException("No team " + name);
    }

    public TeamView view(Team team) {
        return new TeamView(team.name(), team.supervisor(), agents.countByTeamId(team.id()));
    }

    @Transactional
    public Team createTeam(Viewer viewer, @Nullable String name, @Nullable String supervisor) {
        if (!viewer.isAdmin()) {
            throw new ForbiddenException("Only administrators create teams");
        }
        List<FieldError> errors = new ArrayList<>();
        String n = name == null ? "" : name.trim();
        if (n.isEmpty() || n.length() > 64) {
            errors.add(FieldError.of("name", "validation.team.name"));
        } else if (teams.findByName(n).isPresent()) {
            errors.add(FieldError.of("name", "validation.team.taken", n));
        }
        String s = checkSupervisor(supervisor, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return teams.save(new Team(null, n, s));
    }

    @Transactional
    public Team updateTeam(Viewer viewer, String name, @Nullable String supervisor) {
        if (!viewer.isAdmin()) {
            throw new ForbiddenException("Only administrators change teams");
        }
        Team team = teams.findByName(name).orElseThrow(() -> new NotFoundException("No team " + name));
        List<FieldError> errors = new ArrayList<>();
        String s = checkSupervisor(supervisor, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return teams.update(new Team(team.id(), team.name(), s));
    }

    private @Nullable String checkSupervisor(@Nullable String supervisor, List<FieldError> errors) {
        if (supervisor == null || supervisor.isBlank()) {
            return null;
        }
        String s = supervisor.trim();
        boolean ok = users.findByUsername(s).map(u -> u.role() == Role.SUPERVISOR).orElse(false);
        if (!ok) {
            errors.add(FieldError.of("supervisor", "validation.team.supervisor", s));
        }
        return s;
    }

    // ---- agents --------------------------------------------------------------------------------

    /** Filters for the agent list; null means any. */
    public record Filter(@Nullable String q, @Nullable String team, @Nullable String status, @Nullable String channel) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    public List<AgentView> list(Viewer viewer, Filter filter) {
        Map<Long, Team> teamById = teams.findAllOrderByName().stream().collect(Collectors.toMap(Team::id, t -> t));
        List<Agent> visible = visibleAgents(viewer, teamById.values());
        String q = filter.q() == null ? "" : filter.q().trim().toLowerCase(Locale.ROOT);
        return visible.stream()
                .filter(a -> q.isEmpty() || a.employeeNo().toLowerCase(Locale.ROOT).contains(q)
                        || a.name().toLowerCase(Locale.ROOT).contains(q) || a.email().toLowerCase(Locale.ROOT).contains(q))
                .filter(a -> blank(filter.team()) || teamById.get(a.teamId()).name().equals(filter.team()))
                .filter(a -> blank(filter.status()) || a.status().equals(filter.status()))
                .filter(a -> blank(filter.channel()) || a.channelList().contains(filter.channel()))
                .map(a -> toView(a, teamById.get(a.teamId())))
                .toList();
    }

    /**
     * The agent profiles a viewer may read, by employee number: every agent for administrators and HR, a
     * supervisor's teams' agents, an agent themselves (one read of the agents, whoever asks).
     */
    public List<Agent> visibleAgents(Viewer viewer) {
        return visibleAgents(viewer, viewer.isSupervisor() ? teams.findBySupervisorOrderByName(viewer.username()) : List.of());
    }

    private List<Agent> visibleAgents(Viewer viewer, java.util.Collection<Team> teamsKnown) {
        if (viewer.readsAllTeams()) {
            return agents.findAllOrderByEmployeeNo();
        }
        if (viewer.isSupervisor()) {
            List<Long> own = teamsKnown.stream().filter(t -> viewer.username().equals(t.supervisor())).map(Team::id).toList();
            return own.isEmpty() ? List.of() : agents.findByTeamIdInOrderByEmployeeNo(own);
        }
        return viewer.employeeNo() == null ? List.of()
                : agents.findByEmployeeNo(viewer.employeeNo()).map(List::of).orElse(List.of());
    }

    /** One agent, or 404 when it is absent or not the viewer's to see. */
    public AgentView get(Viewer viewer, String employeeNo) {
        Agent agent = visibleAgent(viewer, employeeNo);
        return toView(agent, teams.findById(agent.teamId()).orElseThrow());
    }

    public Agent visibleAgent(Viewer viewer, String employeeNo) {
        Agent agent = agents.findByEmployeeNo(employeeNo).orElseThrow(() -> new NotFoundException("No agent " + employeeNo));
        if (!canRead(viewer, agent)) {
            throw new NotFoundException("No agent " + employeeNo);
        }
        return agent;
    }

    public boolean canRead(Viewer viewer, Agent agent) {
        if (viewer.readsAllTeams()) {
            return true;
        }
        if (viewer.isSupervisor()) {
            return teams.findById(agent.teamId()).map(t -> viewer.username().equals(t.supervisor())).orElse(false);
        }
        return agent.employeeNo().equals(viewer.employeeNo());
    }

    @Transactional
    public AgentView create(Viewer viewer, AgentForm form) {
        requireManager(viewer);
        Validated v = validate(form, null);
        checkTeamScope(viewer, v.team());
        Agent saved = agents.save(new Agent(null, v.employeeNo(), v.name(), v.email(), v.helpdeskId(), v.team().id(),
                String.join(";", v.channels()), v.hiredOn(), v.status(), now()));
        return toView(saved, v.team());
    }

    @Transactional
    public AgentView update(Viewer viewer, String employeeNo, AgentForm form) {
        requireManager(viewer);
        Agent existing = visibleAgent(viewer, employeeNo);
        AgentForm merged = new AgentForm(employeeNo, form.name(), form.email(), form.helpdeskId(), form.team(),
                form.channels(), form.hiredOn(), form.status());
        Validated v = validate(merged, existing);
        if (viewer.isSupervisor() && !v.team().id().equals(existing.teamId())) {
            throw new ForbiddenException("Supervisors cannot move agents to another team");
        }
        Agent saved = agents.update(new Agent(existing.id(), existing.employeeNo(), v.name(), v.email(), v.helpdeskId(), v.team().id(),
                String.join(";", v.channels()), v.hiredOn(), v.status(), now()));
        return toView(saved, v.team());
    }

    /** Whether an import row may create or change this agent in this team (the import's own scope rule). */
    Optional<String> importScopeProblem(Viewer viewer, @Nullable Agent existing, Team team) {
        if (viewer.isAdmin()) {
            return Optional.empty();
        }
        if (existing != null && !canRead(viewer, existing)) {
            return Optional.of("employee_no: agent belongs to a team you do not lead");
        }
        if (!viewer.username().equals(team.supervisor())) {
            return Optional.of("team: you do not lead team '" + team.name() + "'");
        }
        if (existing != null && !existing.teamId().equals(team.id())) {
            return Optional.of("team: supervisors cannot move agents to another team");
        }
        return Optional.empty();
    }

    /** 403 for roles that never manage agents (HR, agents), checked before the agent is looked up. */
    void requireManager(Viewer viewer) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw new ForbiddenException("Only administrators and supervisors manage agents");
        }
    }

    private void checkTeamScope(Viewer viewer, Team team) {
        if (viewer.isSupervisor() && !viewer.username().equals(team.supervisor())) {
            throw new ForbiddenException("Supervisors add agents only to their own team");
        }
    }

    /** A form's values after checking; thrown as 422 with every field problem when invalid. */
    record Validated(String employeeNo, String name, String email, @Nullable String helpdeskId, Team team,
                     List<String> channels, @Nullable LocalDate hiredOn, String status) {
    }

    Validated validate(AgentForm form, @Nullable Agent existing) {
        List<FieldError> errors = new ArrayList<>();
        Validated v = check(form, existing, errors, name -> teams.findByName(name));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return v;
    }

    /** The field rules of api.md, shared by the API, the form and the CSV import. */
    Validated check(AgentForm form, @Nullable Agent existing, List<FieldError> errors, Function<String, Optional<Team>> teamByName) {
        String employeeNo = trim(form.employeeNo());
        if (existing == null) {
            if (employeeNo.isEmpty() || !EMPLOYEE_NO.matcher(employeeNo).matches()) {
                errors.add(FieldError.of("employeeNo", "validation.employeeNo.format"));
            } else if (agents.existsByEmployeeNo(employeeNo)) {
                errors.add(FieldError.of("employeeNo", "validation.employeeNo.taken", employeeNo));
            }
        }
        String name = trim(form.name());
        if (name.isEmpty() || name.length() > 100) {
            errors.add(FieldError.of("name", "validation.name"));
        }
        String email = trim(form.email());
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            errors.add(FieldError.of("email", "validation.email"));
        }
        String helpdeskId = checkHelpdeskId(form.helpdeskId(), existing, errors);
        String teamName = trim(form.team());
        Team team = null;
        if (teamName.isEmpty()) {
            errors.add(FieldError.of("team", "validation.team.required"));
        } else {
            team = teamByName.apply(teamName).orElse(null);
            if (team == null) {
                errors.add(FieldError.of("team", "validation.team.unknown", teamName));
            }
        }
        Set<String> channels = new LinkedHashSet<>();
        if (form.channels() == null || form.channels().isEmpty()) {
            errors.add(FieldError.of("channels", "validation.channels"));
        } else {
            for (String c : form.channels()) {
                String ch = trim(c).toLowerCase(Locale.ROOT);
                if (!CHANNELS.contains(ch)) {
                    errors.add(FieldError.of("channels", "validation.channels.unknown", trim(c)));
                } else {
                    channels.add(ch);
                }
            }
        }
        LocalDate hiredOn = null;
        String hired = trim(form.hiredOn());
        if (!hired.isEmpty()) {
            try {
                if (!hired.matches("\\d{4}-\\d{2}-\\d{2}")) {
                    throw new DateTimeParseException("format", hired, 0);
                }
                hiredOn = LocalDate.parse(hired);
                if (hiredOn.getYear() < MIN_HIRED_YEAR) {
                    errors.add(FieldError.of("hiredOn", "validation.hiredOn.early", hired, MIN_HIRED_YEAR));
                    hiredOn = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("hiredOn", "validation.date", hired));
            }
        }
        String status = trim(form.status()).toLowerCase(Locale.ROOT);
        if (status.isEmpty()) {
            status = existing == null ? "active" : existing.status();
        } else if (!AgentStatus.ALL.contains(status)) {
            errors.add(FieldError.of("status", "validation.status", form.status()));
        }
        return new Validated(existing == null ? employeeNo : existing.employeeNo(), name, email, helpdeskId, team,
                List.copyOf(channels), hiredOn, status);
    }

    /**
     * The helpdesk user id to keep: trimmed, empty for none, null (not sent) keeps an existing agent's; at most
     * {@value #HELPDESK_ID_MAX} characters and no other agent's, ignoring case (imports match it ignoring case).
     */
    private @Nullable String checkHelpdeskId(@Nullable String value, @Nullable Agent existing, List<FieldError> errors) {
        if (value == null) {
            return existing == null ? null : existing.helpdeskId();
        }
        String id = value.trim();
        if (id.isEmpty()) {
            return null;
        }
        if (id.length() > HELPDESK_ID_MAX) {
            errors.add(FieldError.of("helpdeskId", "validation.helpdeskId", HELPDESK_ID_MAX));
            return null;
        }
        agents.findByHelpdeskIdEqualsIgnoreCase(id).stream()
                .filter(other -> existing == null || !other.id().equals(existing.id()))
                .findFirst()
                .ifPresent(other -> errors.add(FieldError.of("helpdeskId", "validation.helpdeskId.taken", id, other.employeeNo())));
        return id;
    }

    AgentView toView(Agent a, Team team) {
        return new AgentView(a.employeeNo(), a.name(), a.email(), a.helpdeskId(), team.name(), a.channelList(), a.hiredOn(), a.status());
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String trim(@Nullable String s) {
        return s == null ? "" : s.trim();
    }
}
