package com.servicecoach.attention;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.assessment.AttemptViews;
import com.servicecoach.assessment.Certifications;
import com.servicecoach.coaching.CoachingActivity;
import com.servicecoach.gaps.GapService;
import com.servicecoach.training.AssignmentService;
import com.servicecoach.training.AssignmentViews;
import com.servicecoach.web.ForbiddenException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * Who needs attention (issue 11): of the agents a viewer may see (a supervisor's teams; everyone for HR and
 * administrators; agents see no list, 403), those who have anything to follow up, each once: the largest gap of
 * the period ({@link GapService}, read for all of them in one pass), training assignments overdue, certifications
 * expiring within the assessments' warning days or expired, and coaching actions past their due date. Each item
 * links to where it is dealt with. Agents who have left are not listed.
 *
 * <p>Order ({@link #ATTENTION_FIRST}): the largest gap first (agents with only a knowledge gap, which has no size,
 * and then those without a gap after every sized one), then the most other items, then the most gaps, then by
 * employee number.
 */
@Singleton
public class AttentionService {

    /** The longest period asked for at once (as the gaps API). */
    public static final int MAX_DAYS = 366;

    /** The agent's largest gap: as {@link GapService.GapView} gives it, with the link to its row on the agent's page. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Gap(String figure, @Nullable String sliceKind, @Nullable String slice, @Nullable BigDecimal value, long n,
                      @Nullable BigDecimal target, @Nullable BigDecimal size, @Nullable String module,
                      @Nullable String moduleTitle, @Nullable String reason, String link, String evidence, @Nullable String text) {

        static Gap of(GapService.GapView g, String employeeNo) {
            String title = g.module() == null || g.modules().isEmpty() ? null : g.modules().get(0).title();
            return new Gap(g.figure(), g.sliceKind(), g.slice(), g.value(), g.n(), g.target(), g.size(), g.module(), title,
                    g.reason(), "/agents/" + enc(employeeNo) + "#" + g.anchor(), g.evidence(), g.text());
        }
    }

    /** A certification expiring soon ({@code expiring}) or {@code expired}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Certification(String module, String title, String status, @Nullable Instant expiresAt) {
    }

    /**
     * One agent who needs attention. {@code gap} is null without gaps, {@code gaps} counts them all; each list's
     * link is null when it has nothing; {@code otherItems} adds up the overdue assignments, the certifications and
     * the overdue coaching actions.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Row(String employeeNo, String name, String team, String status, @Nullable Gap gap, int gaps,
                      int overdueAssignments, @Nullable String assignmentsLink, int expiringCertifications,
                      int expiredCertifications, List<Certification> certifications, @Nullable String certificationsLink,
                      int overdueActions, List<CoachingActivity.OverdueSession> coaching, int otherItems) {

        /** The size of the largest gap for ordering: -1 for a knowledge gap (no size), -2 without gaps. */
        BigDecimal gapRank() {
            if (gap == null) {
                return BigDecimal.valueOf(-2);
            }
            return gap.size() == null ? BigDecimal.ONE.negate() : gap.size();
        }

        public int certificationCount() {
            return expiringCertifications + expiredCertifications;
        }
    }

    /** Attention first: the largest gap, then the most other items, then the most gaps, then by employee number. */
    public static final Comparator<Row> ATTENTION_FIRST = Comparator.comparing(Row::gapRank, Comparator.reverseOrder())
            .thenComparing(Comparator.comparingInt(Row::otherItems).reversed())
            .thenComparing(Comparator.comparingInt(Row::gaps).reversed())
            .thenComparing(Row::employeeNo);

    /** The list's sortable fields (api.md {@code sort=field,asc|desc}); {@code attention} is the order above. */
    public static final List<String> SORTABLE = List.of("attention", "agent", "employeeNo", "team", "gap", "assignments",
            "certifications", "coaching");

    /** The comparators of {@link #SORTABLE}, ties in attention order. */
    public static final Map<String, Comparator<Row>> ORDER = orders();

    private static Map<String, Comparator<Row>> orders() {
        Map<String, Comparator<Row>> m = new LinkedHashMap<>();
        m.put("attention", ATTENTION_FIRST);
        m.put("agent", Comparator.comparing(Row::name).thenComparing(ATTENTION_FIRST));
        m.put("employeeNo", Comparator.comparing(Row::employeeNo));
        m.put("team", Comparator.comparing(Row::team).thenComparing(ATTENTION_FIRST));
        m.put("gap", Comparator.comparing(Row::gapRank).thenComparing(ATTENTION_FIRST.reversed()));
        m.put("assignments", count(Row::overdueAssignments));
        m.put("certifications", count(Row::certificationCount));
        m.put("coaching", count(Row::overdueActions));
        return m;
    }

    /** Fewest first (the list reverses it for most first), ties the other way round so that attention order stays. */
    private static Comparator<Row> count(ToIntFunction<Row> n) {
        return Comparator.comparingInt(n).thenComparing(ATTENTION_FIRST.reversed());
    }

    private final AgentService agents;
    private final GapService gaps;
    private final AssignmentService assignments;
    private final Certifications certifications;
    private final CoachingActivity coaching;

    AttentionService(AgentService agents, GapService gaps, AssignmentService assignments, Certifications certifications,
                     CoachingActivity coaching) {
        this.agents = agents;
        this.gaps = gaps;
        this.assignments = assignments;
        this.certifications = certifications;
        this.coaching = coaching;
    }

    /**
     * The agents who need attention, in attention order: of every team the viewer may see, or of one
     * ({@code team}; a team the viewer may not see is 404). Gaps are those of from..to.
     */
    public List<Row> rows(Viewer viewer, @Nullable String team, LocalDate from, LocalDate to, Locale locale) {
        if (viewer.isAgent()) {
            throw new ForbiddenException("Agents see their own page, not who needs attention");
        }
        String teamName = team == null || team.isBlank() ? null : team.strip();
        Team only = teamName == null ? null : agents.visibleTeam(viewer, teamName);
        Map<Long, String> teamNames = new HashMap<>();
        agents.visibleTeams(viewer).forEach(t -> teamNames.put(t.id(), t.name()));
        List<Agent> scope = agents.visibleAgents(viewer).stream()
                .filter(a -> !"left".equals(a.status()) && (only == null || a.teamId().equals(only.id()))).toList();
        if (scope.isEmpty()) {
            return List.of();
        }

        Map<String, GapService.AgentGaps> gapsOf = new HashMap<>();
        gaps.ofAgents(viewer, scope, from, to, locale).forEach(g -> gapsOf.put(g.employeeNo(), g));
        Map<String, Integer> overdue = new HashMap<>();
        for (AssignmentViews.Item i : assignments.list(viewer, new AssignmentService.Filter(null, teamName, null, "overdue"), locale)) {
            overdue.merge(i.agent(), 1, Integer::sum);
        }
        Map<String, List<Certification>> certs = new HashMap<>();
        for (AttemptViews.CertificationView c : certifications.list(viewer, null, teamName, null, null, locale)) {
            if (c.status().equals("expiring") || c.status().equals("expired")) {
                certs.computeIfAbsent(c.agent(), k -> new ArrayList<>()).add(new Certification(c.module(), c.moduleTitle(), c.status(),
                        c.expiresAt()));
            }
        }
        Map<Long, List<CoachingActivity.OverdueSession>> sessions = coaching.overdueSessions(viewer);

        List<Row> out = new ArrayList<>();
        for (Agent a : scope) {
            String no = a.employeeNo();
            List<GapService.GapView> found = gapsOf.get(no).gaps();
            int assigned = overdue.getOrDefault(no, 0);
            List<Certification> certList = certs.getOrDefault(no, List.of());
            List<CoachingActivity.OverdueSession> late = sessions.getOrDefault(a.id(), List.of());
            int actions = late.stream().mapToInt(CoachingActivity.OverdueSession::overdueActions).sum();
            if (found.isEmpty() && assigned == 0 && certList.isEmpty() && actions == 0) {
                continue;
            }
            int expiring = (int) certList.stream().filter(c -> c.status().equals("expiring")).count();
            int expired = certList.size() - expiring;
            String certLink = certList.isEmpty() ? null : "/certifications?agent=" + enc(no)
                    + (expired == 0 ? "&status=expiring" : expiring == 0 ? "&status=expired" : "");
            out.add(new Row(no, a.name(), teamNames.getOrDefault(a.teamId(), ""), a.status(),
                    found.isEmpty() ? null : Gap.of(found.get(0), no), found.size(), assigned,
                    assigned == 0 ? null : "/assignments?agent=" + enc(no) + "&status=overdue", expiring, expired, certList, certLink,
                    actions, late, assigned + certList.size() + actions));
        }
        out.sort(ATTENTION_FIRST);
        return out;
    }

    /** The first rows of the list and how many there are in all (a supervisor's home page shows a few). */
    public record Top(List<Row> rows, int total) {
    }

    public Top top(Viewer viewer, LocalDate from, LocalDate to, Locale locale, int n) {
        List<Row> all = rows(viewer, null, from, to, locale);
        return new Top(all.subList(0, Math.min(n, all.size())), all.size());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
