package com.servicecoach.promise;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.BadRequestException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The open promises (issue 15): the open contacts whose resolution is due within a window from now, or already
 * overdue, of the owners a viewer may see: a supervisor their teams' agents, administrators and HR every agent, an
 * agent only themselves (the same scope as {@link AgentService#visibleAgents}). A contact is its owner's (metrics.md
 * "Owners"); its due time is {@link Due}: the resolution target of its case type on its channel's calendar.
 *
 * <p>At most {@code servicecoach.promises.max-open} (default {@value #DEFAULT_MAX_OPEN}) open contacts are read per
 * request, the oldest first; when there are more, the answer says so ({@code truncated}).
 */
@Singleton
public class PromiseService {

    public static final int DEFAULT_MAX_OPEN = 20_000;
    public static final Duration DEFAULT_WITHIN = Duration.ofHours(24);
    public static final Duration MAX_WITHIN = Duration.ofDays(30);
    /** The windows the page offers. */
    public static final List<String> WITHIN_CHOICES = List.of("1h", "4h", "24h", "72h");

    /** An agent as a promise names it. */
    @Serdeable
    public record Person(String employeeNo, String name) {
    }

    /**
     * One open contact and its promise. {@code handedOver}: the owner is not the handling agent. {@code targetSource}
     * says which rule gave the resolution target ({@link com.servicecoach.scoring.CaseTargets.Source}, lower case),
     * {@code targetRule} that rule's case type (null for the channel's own target). {@code link} opens the contact in
     * the interaction list (null when the viewer may not see its handling agent's interactions).
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Contact(long id, String source, String externalId, Person owner, Person handler, boolean handedOver,
                          String channel, String category, String priority, Instant createdAt, Instant dueAt, boolean overdue,
                          long targetSeconds, String targetSource, @Nullable String targetRule, @Nullable String link) {

        int priorityRank() {
            return com.servicecoach.scoring.Priority.CODES.indexOf(priority);
        }
    }

    /** An owner's promises in the answer: overdue, and due soon (within the window, not yet overdue). */
    @Serdeable
    public record OwnerCount(String employeeNo, String name, String team, int overdue, int dueSoon) {
    }

    /**
     * The answer: the window, the instant it was computed at, whether open contacts were left out, when the latest
     * import finished (null before the first), the owners' counts (most overdue first) and the contacts.
     */
    public record Promises(Duration within, Instant now, boolean truncated, @Nullable Instant latestImport,
                           List<OwnerCount> owners, List<Contact> contacts) {
    }

    /** The contacts' sortable fields; {@code due} (oldest due first) is the default. */
    public static final List<String> SORTABLE = List.of("due", "created", "owner", "priority");

    private static final Comparator<Contact> DUE = Comparator.comparing(Contact::dueAt).thenComparingLong(Contact::id);

    /**
     * The comparators of {@link #SORTABLE}. Priority is lowest first and, within one, the oldest due last, so that
     * the list's "highest first" (descending) has the oldest due first within each priority.
     */
    public static final Map<String, Comparator<Contact>> ORDER = Map.of(
            "due", DUE,
            "created", Comparator.comparing(Contact::createdAt).thenComparingLong(Contact::id),
            "owner", Comparator.comparing((Contact c) -> c.owner().name()).thenComparing(c -> c.owner().employeeNo()).thenComparing(DUE),
            "priority", Comparator.comparingInt(Contact::priorityRank).thenComparing(DUE.reversed()));

    private static final Comparator<OwnerCount> MOST_OVERDUE = Comparator.comparingInt(OwnerCount::overdue).reversed()
            .thenComparing(Comparator.comparingInt(OwnerCount::dueSoon).reversed()).thenComparing(OwnerCount::employeeNo);

    private final PromiseStore store;
    private final AgentService agents;
    private final TeamRepository teams;
    private final ScoringSettingsService settings;
    private final Clock clock;
    private final int maxOpen;

    PromiseService(PromiseStore store, AgentService agents, TeamRepository teams, ScoringSettingsService settings, Clock clock,
                   @Value("${servicecoach.promises.max-open:" + DEFAULT_MAX_OPEN + "}") int maxOpen) {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("servicecoach.promises.max-open must be positive, was " + maxOpen);
        }
        this.store = store;
        this.agents = agents;
        this.teams = teams;
        this.settings = settings;
        this.clock = clock;
        this.maxOpen = maxOpen;
    }

    /**
     * The viewer's open promises due within {@code within} or overdue, oldest due first: of every owner the viewer may
     * see, of one team ({@code team}: 404 when not the viewer's, 403 for agents) or of one owner ({@code owner}, an
     * employee number: 404 when not the viewer's).
     */
    public Promises open(Viewer viewer, Duration within, @Nullable String team, @Nullable String owner) {
        List<Agent> visible = agents.visibleAgents(viewer);
        List<Agent> scope = visible;
        if (present(team)) {
            Team t = agents.visibleTeam(viewer, team.strip());
            scope = scope.stream().filter(a -> a.teamId().equals(t.id())).toList();
        }
        if (present(owner)) {
            Agent o = agents.visibleAgent(viewer, owner.strip());
            scope = scope.stream().filter(a -> a.id().equals(o.id())).toList();
        }
        Map<Long, Agent> owners = scope.stream().collect(Collectors.toMap(Agent::id, Function.identity()));
        Instant now = clock.instant();
        Instant latestImport = store.latestImport();
        if (owners.isEmpty()) {
            return new Promises(within, now, false, latestImport, List.of(), List.of());
        }

        PromiseStore.OpenContacts open = store.openOwnedBy(owners.keySet(), maxOpen);
        ScoringSettings s = settings.current().settings();
        List<Contact> contacts = new ArrayList<>();
        for (PromiseStore.OpenContact c : open.contacts()) {
            Due due = Due.of(s, c.channel(), c.category(), c.priority(), c.createdAt(), now);
            if (!due.dueWithin(now, within)) {
                continue;
            }
            Agent o = owners.get(c.ownerId());
            // an agent's interactions are those it handled or owns: the owner (always visible here) finds it
            String link = "/interactions?externalId=" + enc(c.externalId()) + "&agent=" + enc(o.employeeNo());
            contacts.add(new Contact(c.id(), c.source(), c.externalId(), new Person(o.employeeNo(), o.name()),
                    new Person(c.handlerNo(), c.handlerName()), c.ownerId() != c.handlerId(), c.channel().code(),
                    c.category().code(), c.priority().code(), c.createdAt(), due.dueAt(), due.overdue(), due.targetSeconds(),
                    due.sourceCode(), due.ruleText(), link));
        }
        contacts.sort(DUE);
        return new Promises(within, now, open.truncated(), latestImport, counts(contacts, owners), List.copyOf(contacts));
    }

    /** Per owner with any promise: overdue and due soon, most overdue first. */
    private List<OwnerCount> counts(List<Contact> contacts, Map<Long, Agent> owners) {
        Map<String, Agent> byNo = new HashMap<>();
        owners.values().forEach(a -> byNo.put(a.employeeNo(), a));
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Contact c : contacts) {
            counts.computeIfAbsent(c.owner().employeeNo(), k -> new int[2])[c.overdue() ? 0 : 1]++;
        }
        Map<Long, String> teamNames = new HashMap<>();
        teams.findAll().forEach(t -> teamNames.put(t.id(), t.name()));
        List<OwnerCount> out = new ArrayList<>();
        counts.forEach((no, n) -> {
            Agent a = byNo.get(no);
            out.add(new OwnerCount(no, a.name(), teamNames.getOrDefault(a.teamId(), ""), n[0], n[1]));
        });
        out.sort(MOST_OVERDUE);
        return out;
    }

    /** The most open contacts read per request. */
    public int maxOpen() {
        return maxOpen;
    }

    /** The teams whose owners the viewer may narrow the list to (none for agents). */
    public List<String> teamChoices(Viewer viewer) {
        return viewer.isAgent() ? List.of() : agents.visibleTeams(viewer).stream().map(Team::name).toList();
    }

    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([mhd])");

    /**
     * A window as asked for: a whole number of minutes, hours or days ({@code 90m}, {@code 24h}, {@code 3d}) or an
     * ISO-8601 duration ({@code PT24H}); absent is {@link #DEFAULT_WITHIN}. Anything else, 0 or less, or more than
     * 30 days is a 400.
     */
    public static Duration within(@Nullable String text) {
        if (!present(text)) {
            return DEFAULT_WITHIN;
        }
        String t = text.strip();
        Duration d;
        Matcher m = SHORT.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(t);
            } catch (DateTimeParseException e) {
                throw new BadRequestException("within must be a duration such as 1h, 4h, 24h, 72h, 90m, 3d or PT24H; '" + t
                        + "' is not one");
            }
        }
        if (d.isZero() || d.isNegative()) {
            throw new BadRequestException("within must be more than 0, was '" + t + "'");
        }
        if (d.compareTo(MAX_WITHIN) > 0) {
            throw new BadRequestException("within must be at most 30 days, was '" + t + "'");
        }
        return d;
    }

    /** A window as the page's select writes it (24h), or as ISO-8601 when it is not a whole number of hours. */
    public static String withinParam(Duration d) {
        return d.toSecondsPart() == 0 && d.toMinutesPart() == 0 ? d.toHours() + "h" : d.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }
}
