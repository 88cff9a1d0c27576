package com.servicecoach.interaction;

import com.servicecoach.scoring.Category;
import com.servicecoach.web.DateParams;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Priority;
import com.servicecoach.scoring.RatingBand;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.scoring.Sla;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.NotFoundException;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The interactions behind every figure ({@code GET /api/interactions}), with api.md's access rules: agents see
 * only their own, supervisors those of the teams they lead, HR and administrators all. Naming an agent or team
 * the caller may not see is 404 (a team, for an agent: 403, as for the team routes).
 */
@Singleton
public class InteractionService {

    public static final List<String> CATEGORIES = Category.CODES;
    public static final List<String> CHANNELS = Arrays.stream(Channel.values()).map(Channel::code).toList();
    public static final List<String> BANDS = Arrays.stream(RatingBand.values()).map(RatingBand::code).toList();
    public static final List<String> BREACHED = List.of(InteractionStore.BREACHED_FIRST_RESPONSE,
            InteractionStore.BREACHED_RESOLUTION);
    public static final List<String> HANDOVERS = List.of(InteractionStore.HANDOVER_GIVEN, InteractionStore.HANDOVER_RECEIVED);

    /** The list's filters as given (null or blank = any). */
    public record Filters(@Nullable String agent, @Nullable String team, @Nullable String from, @Nullable String to,
                          @Nullable String channel, @Nullable String category, @Nullable String breached,
                          @Nullable String band, @Nullable String externalId, @Nullable String priority,
                          @Nullable String handover) {

        public Filters(@Nullable String agent, @Nullable String team, @Nullable String from, @Nullable String to,
                       @Nullable String channel, @Nullable String category, @Nullable String breached,
                       @Nullable String band, @Nullable String externalId) {
            this(agent, team, from, to, channel, category, breached, band, externalId, null, null);
        }

        public Filters(@Nullable String agent, @Nullable String team, @Nullable String from, @Nullable String to,
                       @Nullable String channel, @Nullable String category, @Nullable String breached, @Nullable String band) {
            this(agent, team, from, to, channel, category, breached, band, null);
        }
    }

    private final InteractionStore store;
    private final AgentService agents;
    private final AgentRepository agentRepository;
    private final ScoringSettingsService settings;
    private final Clock clock;

    InteractionService(InteractionStore store, AgentService agents, AgentRepository agentRepository,
                       ScoringSettingsService settings, Clock clock) {
        this.store = store;
        this.agents = agents;
        this.agentRepository = agentRepository;
        this.settings = settings;
        this.clock = clock;
    }

    public PageResponse<InteractionView> list(Viewer viewer, Filters f, Paging paging) {
        ScoringSettings s = settings.current().settings();
        ZoneId zone = s.orgZone();
        Set<Long> scopeAgents = null;
        Set<Long> scopeTeams = null;
        if (viewer.isAgent()) {
            scopeAgents = viewer.employeeNo() == null ? Set.of()
                    : agentRepository.findByEmployeeNo(viewer.employeeNo()).map(a -> Set.of(a.id())).orElse(Set.of());
        } else if (viewer.isSupervisor()) {
            scopeTeams = agents.visibleTeams(viewer).stream().map(Team::id).collect(Collectors.toSet());
        }
        Long agentId = null;
        if (present(f.agent())) {
            Agent agent = agents.visibleAgent(viewer, f.agent().strip());
            agentId = agent.id();
        }
        Long teamId = null;
        if (present(f.team())) {
            teamId = agents.visibleTeam(viewer, f.team().strip()).id();
        }
        LocalDate from = DateParams.parse("from", f.from(), false);
        LocalDate to = DateParams.parse("to", f.to(), false);
        if (from != null && to != null && from.isAfter(to)) {
            throw new BadRequestException("from " + from + " is after to " + to);
        }
        Instant now = clock.instant();
        Instant evaluation = to == null ? now : Sla.evaluationInstant(to, zone, now);
        String channel = oneOf("channel", f.channel(), CHANNELS);
        String category = oneOf("category", f.category(), CATEGORIES);
        String breached = oneOf("breached", f.breached(), BREACHED);
        String band = oneOf("band", f.band(), BANDS);
        String priority = oneOf("priority", f.priority(), Priority.CODES);
        String handover = oneOf("handover", f.handover(), HANDOVERS);
        return store.list(new InteractionStore.ListQuery(scopeAgents, scopeTeams, agentId, teamId,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                channel, category, breached, band == null ? null : RatingBand.valueOf(band.toUpperCase(Locale.ROOT)),
                present(f.externalId()) ? f.externalId().strip() : null, evaluation, paging.sortField(), paging.ascending(), paging.page(), paging.size(),
                priority, handover), s);
    }

    /**
     * One interaction with its conversation, read without an access check: callers check {@link #canSee} (or grant
     * access of their own, as a calibration session does for its conversations). Empty when there is none.
     */
    public Optional<Detail> find(long id) {
        ScoringSettings s = settings.current().settings();
        return store.find(id, s, clock.instant()).map(f -> {
            List<Transcript.Message> messages = f.hasTranscript()
                    ? store.transcript(f.view().source(), f.view().externalId()).map(Transcript::parse).orElse(List.of())
                    : List.of();
            return new Detail(f.view(), f.agentId(), f.agentTeamId(), f.ownerId(), f.ownerTeamId(), messages);
        });
    }

    /** One interaction the viewer may see (api.md's rules, as for the list: handled or owned), else 404. */
    public Detail visible(Viewer viewer, long id) {
        Detail d = find(id).orElseThrow(() -> new NotFoundException("No interaction " + id));
        if (!canSee(viewer, d)) {
            throw new NotFoundException("No interaction " + id);
        }
        return d;
    }

    /** Whether the viewer may see the interaction: HR and administrators all, supervisors their teams', agents their own. */
    public boolean canSee(Viewer viewer, Detail d) {
        if (viewer.readsAllTeams()) {
            return true;
        }
        if (viewer.isSupervisor()) {
            Set<Long> teams = agents.visibleTeams(viewer).stream().map(Team::id).collect(Collectors.toSet());
            return teams.contains(d.agentTeamId()) || teams.contains(d.ownerTeamId());
        }
        Long own = viewer.employeeNo() == null ? null
                : agentRepository.findByEmployeeNo(viewer.employeeNo()).map(Agent::id).orElse(null);
        return own != null && (own == d.agentId() || own == d.ownerId());
    }

    /** An interaction as the list shows it, with whose it is and its conversation's messages (empty when it has none). */
    public record Detail(InteractionView view, long agentId, long agentTeamId, long ownerId, long ownerTeamId,
                         List<Transcript.Message> messages) {
        public boolean hasTranscript() {
            return !messages.isEmpty();
        }
    }

    private static @Nullable String oneOf(String name, @Nullable String value, List<String> allowed) {
        if (!present(value)) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw new BadRequestException(name + " must be one of " + String.join(", ", allowed));
        }
        return v;
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
