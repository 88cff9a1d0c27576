package com.servicecoach.training;

import com.servicecoach.account.User;
import com.servicecoach.account.UserRepository;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.notification.Notifications;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.ConflictException;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Assignments of modules to agents or whole teams, with the access rules of api.md: administrators assign
 * anything to anyone; supervisors assign to their own teams and their agents and manage those assignments;
 * HR reads everything; agents read their own. Dates are calendar days in UTC.
 *
 * <p>Status of an assignment for one agent: <em>completed</em> when the agent holds a completion of the
 * module made after the assignment was created, or one that was still within the module's certification
 * period then (so assigning a module an agent has just completed shows it completed); otherwise
 * <em>overdue</em> after the due date and <em>open</em> until then.
 */
@Singleton
public class AssignmentService {

    public static final List<String> STATUSES = List.of("open", "overdue", "completed");
    /** Reminders go out for assignments due within this many days. */
    public static final int DUE_SOON_DAYS = 3;
    static final String LINK = "/my-training";

    private final AssignmentRepository assignments;
    private final TrainingModuleRepository modules;
    private final CompletionRepository completions;
    private final AgentRepository agents;
    private final TeamRepository teams;
    private final AgentService agentService;
    private final UserRepository users;
    private final Notifications notifications;
    private final Clock clock;

    AssignmentService(AssignmentRepository assignments, TrainingModuleRepository modules, CompletionRepository completions,
                      AgentRepository agents, TeamRepository teams, AgentService agentService, UserRepository users,
                      Notifications notifications, Clock clock) {
        this.assignments = assignments;
        this.modules = modules;
        this.completions = completions;
        this.agents = agents;
        this.teams = teams;
        this.agentService = agentService;
        this.users = users;
        this.notifications = notifications;
        this.clock = clock;
    }

    // ---- create, change, cancel ----------------------------------------------------------------

    /** Creates one assignment per agent listed, or one for the team; answers them as created. */
    @Transactional
    public List<AssignmentViews.Assignment> create(Viewer viewer, AssignmentViews.Request request, Locale locale) {
        requireManager(viewer);
        List<FieldError> errors = new ArrayList<>();
        TrainingModule module = null;
        String code = trim(request.module());
        if (code.isEmpty()) {
            errors.add(FieldError.of("module", "training.validation.module.required"));
        } else {
            module = modules.findByCode(code).filter(TrainingModule::active).orElse(null);
            if (module == null) {
                errors.add(FieldError.of("module", "training.validation.module.unknown", code));
            }
        }
        LocalDate due = dueOn(request.dueOn(), errors);
        List<String> numbers = request.agents() == null ? List.of()
                : request.agents().stream().map(AssignmentService::trim).filter(s -> !s.isEmpty()).distinct().toList();
        String teamName = trim(request.team());
        boolean hasAgents = request.agents() != null && !request.agents().isEmpty();
        if (hasAgents == !teamName.isEmpty()) {
            errors.add(FieldError.of(hasAgents ? "team" : "agents", "training.validation.target"));
        } else if (hasAgents && numbers.isEmpty()) {
            errors.add(FieldError.of("agents", "training.validation.target"));
        }
        List<Agent> targets = new ArrayList<>();
        Team team = null;
        if (!teamName.isEmpty() && !hasAgents) {
            team = teams.findByName(teamName).orElse(null);
            if (team == null) {
                errors.add(FieldError.of("team", "training.validation.team.unknown", teamName));
            }
        } else {
            for (String no : numbers) {
                Agent a = agents.findByEmployeeNo(no).orElse(null);
                if (a == null) {
                    errors.add(FieldError.of("agents", "training.validation.agent.unknown", no));
                } else if ("left".equals(a.status())) {
                    errors.add(FieldError.of("agents", "training.validation.agent.left", no));
                } else {
                    targets.add(a);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LocalDateTime now = now();
        List<Assignment> created = new ArrayList<>();
        if (team != null) {
            if (viewer.isSupervisor() && !viewer.username().equals(team.supervisor())) {
                throw new ForbiddenException("Supervisors assign training only to their own teams");
            }
            Context ctx = context(List.of(team), List.of());
            for (Assignment a : ctx.assignments) {
                if (Objects.equals(a.teamId(), team.id()) && a.moduleId().equals(module.id()) && ctx.running(a)) {
                    throw new ConflictException("Team " + team.name() + " already has an unfinished assignment of "
                            + module.code() + " (id " + a.id() + "): change its due date instead");
                }
            }
            created.add(assignments.save(new Assignment(null, module.id(), null, team.id(), due, viewer.username(), now, now, null, null)));
        } else {
            Map<Long, Team> teamById = teams.findAllOrderByName().stream().collect(Collectors.toMap(Team::id, t -> t));
            if (viewer.isSupervisor()) {
                for (Agent a : targets) {
                    Team t = teamById.get(a.teamId());
                    if (t == null || !viewer.username().equals(t.supervisor())) {
                        throw new ForbiddenException("Supervisors assign training only to agents of their own teams");
                    }
                }
            }
            Context ctx = context(List.of(), targets);
            List<String> busy = new ArrayList<>();
            for (Agent agent : targets) {
                for (Assignment a : ctx.assignments) {
                    if (Objects.equals(a.agentId(), agent.id()) && a.moduleId().equals(module.id()) && ctx.running(a)) {
                        busy.add(agent.employeeNo());
                    }
                }
            }
            if (!busy.isEmpty()) {
                throw new ConflictException("Already assigned " + module.code() + " and not completed yet: "
                        + String.join(", ", busy) + " (change the due date of that assignment instead)");
            }
            for (Agent agent : targets) {
                created.add(assignments.save(new Assignment(null, module.id(), agent.id(), null, due, viewer.username(), now, now, null, null)));
            }
        }
        List<AssignmentViews.Assignment> views = new ArrayList<>();
        for (Assignment a : created) {
            Context ctx = contextOf(a);
            for (Reach r : ctx.reach(a)) {
                announce(a, r.agent(), ctx.module(a));
            }
            views.add(ctx.view(a, locale));
        }
        return views;
    }

    /** Changes the due date. */
    @Transactional
    public AssignmentViews.Assignment changeDueDate(Viewer viewer, long id, @Nullable String dueOn, Locale locale) {
        Assignment a = manageable(viewer, id);
        List<FieldError> errors = new ArrayList<>();
        LocalDate due = dueOn(dueOn, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Assignment saved = assignments.update(a.withDueOn(due, now()));
        return contextOf(saved).view(saved, locale);
    }

    /** Cancels the assignment: it disappears from every list; the row is kept. */
    @Transactional
    public void cancel(Viewer viewer, long id) {
        Assignment a = manageable(viewer, id);
        assignments.update(a.cancelled(viewer.username(), now()));
    }

    /** The actions that apply to several assignments at once (the list's bulk actions). */
    public static final List<String> BULK_ACTIONS = List.of("due_date", "cancel", "remind");

    /** What a bulk action did: how many assignments it changed, and how many reminders it sent. */
    @io.micronaut.serde.annotation.Serdeable
    public record BulkResult(String action, int assignments, int reminded) {
    }

    /**
     * One action on several assignments, all or nothing: a new due date, cancelling, or a reminder now to each
     * of their agents who has not completed them (once a day per agent and assignment). Every assignment must be
     * one the viewer manages (else 404 and nothing changes); an unknown action, no assignment or a bad date is a
     * 422 naming the field.
     */
    @Transactional
    public BulkResult bulk(Viewer viewer, @Nullable String action, List<Long> ids, @Nullable String dueOn) {
        requireManager(viewer);
        List<FieldError> errors = new ArrayList<>();
        String act = action == null ? "" : action.trim();
        if (!BULK_ACTIONS.contains(act)) {
            errors.add(FieldError.of("action", "training.bulk.action", String.join(", ", BULK_ACTIONS)));
        }
        if (ids.isEmpty()) {
            errors.add(FieldError.of("ids", "training.bulk.none"));
        }
        LocalDate due = act.equals("due_date") ? dueOn(dueOn, errors) : null;
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Assignment> chosen = ids.stream().distinct().map(id -> manageable(viewer, id)).toList();
        LocalDateTime now = now();
        int reminded = 0;
        Context ctx = act.equals("remind") ? context(null, null) : null;
        for (Assignment a : chosen) {
            switch (act) {
                case "due_date" -> assignments.update(a.withDueOn(due, now));
                case "cancel" -> assignments.update(a.cancelled(viewer.username(), now));
                default -> {
                    TrainingModule m = ctx.module(a);
                    for (Reach r : ctx.reach(a)) {
                        if (ctx.status(a, r.agent()).equals("completed")) {
                            continue;
                        }
                        for (User u : usersOf(r.agent())) {
                            if (notifications.notify(u.username(), "assignment.reminder",
                                    "assignment.reminder:" + a.id() + ":" + today(), LINK, List.of(texts(m), a.dueOn().toString()))) {
                                reminded++;
                            }
                        }
                    }
                }
            }
        }
        return new BulkResult(act, chosen.size(), reminded);
    }

    /** One assignment; an agent sees only their own line of a team assignment, not their team-mates'. */
    public AssignmentViews.Assignment get(Viewer viewer, long id, Locale locale) {
        Assignment a = visible(viewer, id);
        AssignmentViews.Assignment view = contextOf(a).view(a, locale);
        if (!viewer.isAgent()) {
            return view;
        }
        return new AssignmentViews.Assignment(view.id(), view.module(), view.moduleTitle(), view.team(), view.agent(),
                view.dueOn(), view.assignedBy(), view.createdAt(),
                view.agents().stream().filter(s -> s.employeeNo().equals(viewer.employeeNo())).toList());
    }

    // ---- reading -------------------------------------------------------------------------------

    /** Filters of the assignment list; null means any. */
    public record Filter(@Nullable String agent, @Nullable String team, @Nullable String module, @Nullable String status) {
        public static final Filter NONE = new Filter(null, null, null, null);
    }

    /** Every (assignment, agent) line the viewer may see, filtered. */
    public List<AssignmentViews.Item> list(Viewer viewer, Filter filter, Locale locale) {
        String status = trim(filter.status()).toLowerCase(Locale.ROOT);
        if (!status.isEmpty() && !STATUSES.contains(status)) {
            throw new BadRequestException("status must be one of " + String.join(", ", STATUSES));
        }
        List<Agent> scope = visibleAgents(viewer);
        if (!trim(filter.agent()).isEmpty()) {
            Agent only = agentService.visibleAgent(viewer, trim(filter.agent()));
            scope = scope.stream().filter(a -> a.id().equals(only.id())).toList();
        }
        if (!trim(filter.team()).isEmpty()) {
            Team t = agentService.visibleTeam(viewer, trim(filter.team()));
            scope = scope.stream().filter(a -> a.teamId().equals(t.id())).toList();
        }
        Context ctx = context(teamsOf(scope), scope);
        Set<Long> inScope = scope.stream().map(Agent::id).collect(Collectors.toSet());
        String module = trim(filter.module());
        List<AssignmentViews.Item> out = new ArrayList<>();
        for (Assignment a : ctx.assignments) {
            if (!module.isEmpty() && !ctx.module(a).code().equals(module)) {
                continue;
            }
            for (Reach r : ctx.reach(a)) {
                if (!inScope.contains(r.agent().id())) {
                    continue;
                }
                AssignmentViews.Item item = ctx.item(a, r, locale);
                if (status.isEmpty() || item.status().equals(status)) {
                    out.add(item);
                }
            }
        }
        return out;
    }

    /** The signed-in agent's own lines (their queue). */
    public List<AssignmentViews.Item> queue(Viewer viewer, Locale locale) {
        if (viewer.employeeNo() == null) {
            return List.of();
        }
        return list(viewer, new Filter(viewer.employeeNo(), null, null, null), locale).stream()
                .sorted(Comparator.comparing(AssignmentViews.Item::dueOn).thenComparing(AssignmentViews.Item::module))
                .toList();
    }

    /** The training matrix of a team the viewer may see: its agents who have not left, by every active module. */
    public AssignmentViews.Matrix matrix(Viewer viewer, String teamName, Locale locale) {
        Team team = agentService.visibleTeam(viewer, teamName);
        List<Agent> members = agents.findByTeamIdInOrderByEmployeeNo(List.of(team.id())).stream()
                .filter(a -> !"left".equals(a.status())).toList();
        Context ctx = context(List.of(team), members);
        List<TrainingModule> active = modules.findByActiveOrderByCode(true);
        LocalDateTime now = now();
        List<AssignmentViews.MatrixRow> rows = new ArrayList<>();
        for (Agent agent : members) {
            List<AssignmentViews.Cell> cells = new ArrayList<>();
            for (TrainingModule m : active) {
                List<AssignmentViews.Item> items = new ArrayList<>();
                for (Assignment a : ctx.assignments) {
                    if (a.moduleId().equals(m.id())) {
                        ctx.reach(a).stream().filter(r -> r.agent().id().equals(agent.id()))
                                .forEach(r -> items.add(ctx.item(a, r, locale)));
                    }
                }
                cells.add(cell(m, items, ctx.completionsOf(agent.id(), m.id()), now));
            }
            rows.add(new AssignmentViews.MatrixRow(agent.employeeNo(), agent.name(), cells));
        }
        return new AssignmentViews.Matrix(team.name(), active.stream()
                .map(m -> new AssignmentViews.MatrixModule(m.code(), m.title().in(locale))).toList(), rows);
    }

    private static AssignmentViews.Cell cell(TrainingModule m, List<AssignmentViews.Item> items, List<Completion> done,
                                             LocalDateTime now) {
        Optional<AssignmentViews.Item> pending = items.stream().filter(i -> !i.status().equals("completed"))
                .min(Comparator.comparing((AssignmentViews.Item i) -> i.status().equals("overdue") ? 0 : 1)
                        .thenComparing(AssignmentViews.Item::dueOn));
        if (pending.isPresent()) {
            return new AssignmentViews.Cell(m.code(), pending.get().status(), pending.get().dueOn(), null);
        }
        if (done.isEmpty()) {
            return new AssignmentViews.Cell(m.code(), "none", null, null);
        }
        Completion last = done.get(done.size() - 1);
        boolean valid = m.certificationMonths() == 0 || last.completedAt().plusMonths(m.certificationMonths()).isAfter(now);
        return new AssignmentViews.Cell(m.code(), valid ? "completed" : "expired", null,
                last.completedAt().toInstant(ZoneOffset.UTC));
    }

    /** Counts by status over the lines the viewer may see (the home page tiles). */
    public Map<String, Long> counts(Viewer viewer) {
        Map<String, Long> counts = new HashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        list(viewer, Filter.NONE, Locale.ENGLISH).forEach(i -> counts.merge(i.status(), 1L, Long::sum));
        return counts;
    }

    // ---- reminders -----------------------------------------------------------------------------

    /**
     * Announces assignments to agents who have not heard of them yet (team assignments reach agents who
     * joined later), reminds agents of unfinished assignments due within {@value #DUE_SOON_DAYS} days, and tells
     * them once when an unfinished assignment is past its due date. Each notification is made once per user
     * (per due date for reminders and overdue notices).
     *
     * @return the number of notifications created
     */
    @Transactional
    public int sendReminders() {
        Context ctx = context(null, null);
        LocalDate today = today();
        int made = 0;
        for (Assignment a : ctx.assignments) {
            for (Reach r : ctx.reach(a)) {
                String status = ctx.status(a, r.agent());
                if (status.equals("completed")) {
                    continue;
                }
                TrainingModule m = ctx.module(a);
                if (announce(a, r.agent(), m)) {
                    made++;
                }
                long days = ChronoUnit.DAYS.between(today, a.dueOn());
                if (days >= 0 && days <= DUE_SOON_DAYS) {
                    for (User u : usersOf(r.agent())) {
                        if (notifications.notify(u.username(), "assignment.dueSoon",
                                "assignment.dueSoon:" + a.id() + ":" + a.dueOn(), LINK, List.of(texts(m), a.dueOn().toString()))) {
                            made++;
                        }
                    }
                } else if (days < 0) {
                    for (User u : usersOf(r.agent())) {
                        if (notifications.notify(u.username(), "assignment.overdue",
                                "assignment.overdue:" + a.id() + ":" + a.dueOn(), LINK, List.of(texts(m), a.dueOn().toString()))) {
                            made++;
                        }
                    }
                }
            }
        }
        return made;
    }

    private boolean announce(Assignment a, Agent agent, TrainingModule m) {
        boolean made = false;
        for (User u : usersOf(agent)) {
            made |= notifications.notify(u.username(), "assignment.new", "assignment.new:" + a.id(), LINK,
                    List.of(texts(m), a.dueOn().toString()));
        }
        return made;
    }

    /** The module's title in both languages, as notification arguments. */
    private static Map<String, String> texts(TrainingModule m) {
        return Map.of("en", m.titleEn(), "zh-CN", m.titleZh());
    }

    private List<User> usersOf(Agent agent) {
        return users.findByEmployeeNo(agent.employeeNo()).filter(User::enabled).map(List::of).orElse(List.of());
    }

    // ---- access --------------------------------------------------------------------------------

    private void requireManager(Viewer viewer) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw new ForbiddenException("Only administrators and supervisors assign training");
        }
    }

    /** The assignment if the viewer may see it, else 404. Cancelled assignments are gone. */
    Assignment visible(Viewer viewer, long id) {
        Assignment a = assignments.findById(id).filter(x -> x.cancelledAt() == null)
                .orElseThrow(() -> new NotFoundException("No assignment " + id));
        if (viewer.readsAllTeams()) {
            return a;
        }
        if (a.teamId() != null) {
            Team t = teams.findById(a.teamId()).orElseThrow();
            boolean ok = viewer.isSupervisor() ? viewer.username().equals(t.supervisor())
                    : viewer.employeeNo() != null && agents.findByEmployeeNo(viewer.employeeNo())
                    .map(me -> me.teamId().equals(t.id()) && !"left".equals(me.status())).orElse(false);
            if (ok) {
                return a;
            }
        } else if (agentService.canRead(viewer, agents.findById(a.agentId()).orElseThrow())) {
            return a;
        }
        throw new NotFoundException("No assignment " + id);
    }

    /** The assignment if the viewer manages it: roles that never manage assignments 403 whatever the id, else as {@link #visible}. */
    private Assignment manageable(Viewer viewer, long id) {
        requireManager(viewer);
        return visible(viewer, id);
    }

    private List<Agent> visibleAgents(Viewer viewer) {
        if (viewer.readsAllTeams()) {
            return agents.findAllOrderByEmployeeNo();
        }
        if (viewer.isSupervisor()) {
            List<Long> own = teams.findBySupervisorOrderByName(viewer.username()).stream().map(Team::id).toList();
            return own.isEmpty() ? List.of() : agents.findByTeamIdInOrderByEmployeeNo(own);
        }
        return viewer.employeeNo() == null ? List.of()
                : agents.findByEmployeeNo(viewer.employeeNo()).map(List::of).orElse(List.of());
    }

    private List<Team> teamsOf(List<Agent> scope) {
        Set<Long> ids = scope.stream().map(Agent::teamId).collect(Collectors.toSet());
        return ids.isEmpty() ? List.of() : teams.findAllOrderByName().stream().filter(t -> ids.contains(t.id())).toList();
    }

    // ---- the data behind statuses --------------------------------------------------------------

    /** An agent reached by an assignment. */
    record Reach(Agent agent, boolean viaTeam) {
    }

    /** The context of one assignment (its team or agent). */
    private Context contextOf(Assignment a) {
        if (a.teamId() != null) {
            return context(List.of(teams.findById(a.teamId()).orElseThrow()), List.of());
        }
        return context(List.of(), List.of(agents.findById(a.agentId()).orElseThrow()));
    }

    /**
     * Loads the uncancelled assignments of these teams and agents (null, null: all of them), with the agents
     * they reach, the modules and the completions needed to tell their status.
     */
    private Context context(@Nullable List<Team> forTeams, @Nullable List<Agent> forAgents) {
        Map<Long, Team> teamById = teams.findAllOrderByName().stream().collect(Collectors.toMap(Team::id, t -> t));
        List<Assignment> list;
        Map<Long, Agent> agentById = new HashMap<>();
        if (forTeams == null) {
            list = assignments.findByCancelledAtIsNullOrderById();
            agents.findAllOrderByEmployeeNo().forEach(a -> agentById.put(a.id(), a));
        } else {
            Set<Long> teamIds = new LinkedHashSet<>();
            forTeams.forEach(t -> teamIds.add(t.id()));
            forAgents.forEach(a -> teamIds.add(a.teamId()));
            list = new ArrayList<>();
            if (!teamIds.isEmpty()) {
                list.addAll(assignments.findByCancelledAtIsNullAndTeamIdIn(teamIds));
                agents.findByTeamIdInOrderByEmployeeNo(teamIds).forEach(a -> agentById.put(a.id(), a));
            }
            forAgents.forEach(a -> agentById.put(a.id(), a));
            if (!forAgents.isEmpty()) {
                list.addAll(assignments.findByCancelledAtIsNullAndAgentIdIn(forAgents.stream().map(Agent::id).toList()));
            }
            list.sort(Comparator.comparing(Assignment::id));
        }
        Map<Long, TrainingModule> moduleById = modules.findAllOrderByCode().stream()
                .collect(Collectors.toMap(TrainingModule::id, Function.identity()));
        Map<Long, List<Agent>> members = new HashMap<>();
        agentById.values().stream().sorted(Comparator.comparing(Agent::employeeNo))
                .forEach(a -> members.computeIfAbsent(a.teamId(), k -> new ArrayList<>()).add(a));
        Map<String, List<Completion>> done = new HashMap<>();
        if (!agentById.isEmpty()) {
            completions.findByAgentIdInOrderByCompletedAt(agentById.keySet())
                    .forEach(c -> done.computeIfAbsent(c.agentId() + ":" + c.moduleId(), k -> new ArrayList<>()).add(c));
        }
        return new Context(list, teamById, agentById, members, moduleById, done, today());
    }

    private final class Context {
        final List<Assignment> assignments;
        final Map<Long, Team> teamById;
        final Map<Long, Agent> agentById;
        final Map<Long, List<Agent>> members;
        final Map<Long, TrainingModule> moduleById;
        final Map<String, List<Completion>> done;
        final LocalDate today;

        Context(List<Assignment> assignments, Map<Long, Team> teamById, Map<Long, Agent> agentById,
                Map<Long, List<Agent>> members, Map<Long, TrainingModule> moduleById, Map<String, List<Completion>> done,
                LocalDate today) {
            this.assignments = assignments;
            this.teamById = teamById;
            this.agentById = agentById;
            this.members = members;
            this.moduleById = moduleById;
            this.done = done;
            this.today = today;
        }

        TrainingModule module(Assignment a) {
            return moduleById.get(a.moduleId());
        }

        List<Completion> completionsOf(Long agentId, Long moduleId) {
            return done.getOrDefault(agentId + ":" + moduleId, List.of());
        }

        /** Agents the assignment reaches now: its agent, or its team's agents who have not left. */
        List<Reach> reach(Assignment a) {
            if (a.agentId() != null) {
                Agent agent = agentById.get(a.agentId());
                return agent == null ? List.of() : List.of(new Reach(agent, false));
            }
            return members.getOrDefault(a.teamId(), List.of()).stream().filter(x -> !"left".equals(x.status()))
                    .map(x -> new Reach(x, true)).toList();
        }

        /** The completion that completes the assignment for the agent, if any. */
        Completion completion(Assignment a, Agent agent) {
            TrainingModule m = module(a);
            LocalDateTime from = m.certificationMonths() == 0 ? LocalDateTime.MIN
                    : a.createdAt().minusMonths(m.certificationMonths());
            return completionsOf(agent.id(), m.id()).stream().filter(c -> !c.completedAt().isBefore(from))
                    .findFirst().orElse(null);
        }

        String status(Assignment a, Agent agent) {
            if (completion(a, agent) != null) {
                return "completed";
            }
            return today.isAfter(a.dueOn()) ? "overdue" : "open";
        }

        /** Unfinished: someone it reaches has not completed it (a team without agents counts as unfinished). */
        boolean running(Assignment a) {
            List<Reach> reach = reach(a);
            return reach.isEmpty() || reach.stream().anyMatch(r -> !status(a, r.agent()).equals("completed"));
        }

        AssignmentViews.Item item(Assignment a, Reach r, Locale locale) {
            TrainingModule m = module(a);
            Completion c = completion(a, r.agent());
            Team t = teamById.get(r.agent().teamId());
            return new AssignmentViews.Item(a.id(), m.code(), m.title().in(locale), r.agent().employeeNo(), r.agent().name(),
                    t == null ? "" : t.name(), r.viaTeam(), a.dueOn(), status(a, r.agent()),
                    c == null ? null : c.completedAt().toInstant(ZoneOffset.UTC), c == null ? null : c.moduleVersion(),
                    a.assignedBy(), a.createdAt().toInstant(ZoneOffset.UTC));
        }

        AssignmentViews.Assignment view(Assignment a, Locale locale) {
            TrainingModule m = module(a);
            List<AssignmentViews.AgentStatus> statuses = new ArrayList<>();
            for (Reach r : reach(a)) {
                Completion c = completion(a, r.agent());
                statuses.add(new AssignmentViews.AgentStatus(r.agent().employeeNo(), r.agent().name(), status(a, r.agent()),
                        c == null ? null : c.completedAt().toInstant(ZoneOffset.UTC), c == null ? null : c.moduleVersion()));
            }
            Agent agent = a.agentId() == null ? null : agentById.get(a.agentId());
            return new AssignmentViews.Assignment(a.id(), m.code(), m.title().in(locale),
                    a.teamId() == null ? null : teamById.get(a.teamId()).name(), agent == null ? null : agent.employeeNo(),
                    a.dueOn(), a.assignedBy(), a.createdAt().toInstant(ZoneOffset.UTC), statuses);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------

    private LocalDate dueOn(@Nullable String value, List<FieldError> errors) {
        String v = trim(value);
        if (v.isEmpty()) {
            errors.add(FieldError.of("dueOn", "training.validation.dueOn.required"));
            return null;
        }
        LocalDate d;
        try {
            if (!v.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("format", v, 0);
            }
            d = LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("dueOn", "training.validation.dueOn.format", v));
            return null;
        }
        if (d.isBefore(today())) {
            errors.add(FieldError.of("dueOn", "training.validation.dueOn.past", v, today().toString()));
            return null;
        }
        return d;
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }

    private static String trim(@Nullable String s) {
        return s == null ? "" : s.trim();
    }
}
