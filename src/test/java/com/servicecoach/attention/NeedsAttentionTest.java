package com.servicecoach.attention;

import com.servicecoach.account.Role;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.gaps.GapService;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.NotFoundException;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who needs attention: N1 has a CSAT gap of 40 points and a coaching action past its date; N2 an overdue training
 * assignment and a certification expiring in ten days; S1 an expired certification (a knowledge gap without a
 * size) and an overdue coaching action. Each viewer sees their own agents, in attention order, with the links.
 */
@MicronautTest(transactional = false)
class NeedsAttentionTest extends HttpTest {

    static final Viewer SUP_NORTH = new Viewer("sup.north", Role.SUPERVISOR, null);
    static final Viewer SUP_SOUTH = new Viewer("sup.south", Role.SUPERVISOR, null);
    static final Viewer HR = new Viewer("hr.lin", Role.HR, null);

    @Inject
    AttentionService attention;
    @Inject
    GapService gaps;
    @Inject
    AssessmentFixtures modules;
    @Inject
    AgentRepository agents;

    LocalDate today;
    LocalDate from;
    long n1Session;
    long s1Session;

    @BeforeEach
    void data() throws SQLException {
        today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        from = today.minusDays(29);
        // N1: 20 rated chats on returns, 8 satisfied: CSAT 40 %, a gap of 40 points overall, on chat and on returns
        StringBuilder csv = new StringBuilder("external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n");
        LocalDate day = today.minusDays(3);
        for (int i = 0; i < 20; i++) {
            String t = day + "T" + String.format("%02d", 1 + i / 2) + (i % 2 == 0 ? ":00" : ":30");
            csv.append("A-").append(i).append(",N1,chat,return_refund,").append(t).append(":00,").append(t).append(":20,")
                    .append(t).append(":50,").append(i < 8 ? 9 : 3).append(",10,\n");
        }
        assertEquals(200, api.send("admin", HttpRequest.POST("/api/interactions/import", csv.toString()).contentType("text/csv")).status());
        TrainingModule rr = modules.standard("rr", AssessmentFixtures.Settings.plain());

        // N2: an assignment that fell due three days ago, and a certification that ends in ten days
        Api.Reply assigned = api.post("sup.north", "/api/assignments", Map.of("module", "rr", "agents", List.of("N2"),
                "dueOn", today.plusDays(5).toString()));
        assertEquals(201, assigned.status(), assigned.body());
        LocalDate utcToday = LocalDate.now(ZoneOffset.UTC);
        sql("update training_assignment set due_on = ?", utcToday.minusDays(3));
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        certify(agent("N2"), rr, 1, now.minusDays(300), now.plusDays(10));
        // S1: a certification that expired yesterday (the result still passes: a knowledge gap without a size)
        certify(agent("S1"), rr, 1, now.minusDays(400), now.minusDays(1));

        // coaching actions past their date: N1's (one of two) and S1's
        n1Session = session("sup.north", "N1", List.of(action("Use the return template", today.minusDays(2)),
                action("Listen to two calls", today.plusDays(5))));
        s1Session = session("sup.south", "S1", List.of(action("Read the refund policy", today.minusDays(1))));
    }

    Agent agent(String no) {
        return agents.findByEmployeeNo(no).orElseThrow();
    }

    static Map<String, Object> action(String text, LocalDate due) {
        return Map.of("text", text, "owner", "agent", "dueOn", due.toString());
    }

    long session(String supervisor, String agent, List<Map<String, Object>> actions) {
        Api.Reply r = api.post(supervisor, "/api/agents/" + agent + "/coaching", Map.of("heldOn", today.minusDays(7).toString(),
                "focus", "Returns", "actions", actions));
        assertEquals(201, r.status(), r.body());
        return ((Number) r.json().get("id")).longValue();
    }

    /** A final, passed attempt (90 %) and the certification it granted. */
    void certify(Agent agent, TrainingModule m, int attemptNo, LocalDateTime granted, LocalDateTime expires) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("insert into assessment_attempt (module_id, agent_id, attempt_no, language, state, "
                    + "pass_mark, review, layout, started_at, deadline, submitted_at, auto_submitted, awaiting, points_earned, points_possible, "
                    + "score_percent, passed, final_at) values (?, ?, ?, 'en', 'finished', ?, 'after_submit', 'all_on_one', ?, ?, ?, false, 0, 9, 10, 90, true, ?)")) {
                ps.setLong(1, m.id());
                ps.setLong(2, agent.id());
                ps.setInt(3, attemptNo);
                ps.setInt(4, m.passMark());
                ps.setObject(5, granted.minusMinutes(20));
                ps.setObject(6, granted);
                ps.setObject(7, granted.minusMinutes(1));
                ps.setObject(8, granted);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into assessment_certification (agent_id, module_id, attempt_id, score_percent, "
                    + "granted_at, expires_at) values (?, ?, (select id from assessment_attempt where agent_id = ? and module_id = ? and attempt_no = ?), 90, ?, ?)")) {
                ps.setLong(1, agent.id());
                ps.setLong(2, m.id());
                ps.setLong(3, agent.id());
                ps.setLong(4, m.id());
                ps.setInt(5, attemptNo);
                ps.setObject(6, granted);
                ps.setObject(7, expires);
                ps.executeUpdate();
            }
        }
    }

    void sql(String statement, Object value) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement(statement)) {
            ps.setObject(1, value);
            ps.executeUpdate();
        }
    }

    List<AttentionService.Row> rows(Viewer viewer) {
        return attention.rows(viewer, null, from, today, Locale.ENGLISH);
    }

    static AttentionService.Row row(List<AttentionService.Row> rows, String no) {
        return rows.stream().filter(r -> r.employeeNo().equals(no)).findFirst().orElseThrow();
    }

    @Test
    void aSupervisorSeesTheirAgentsWithTheLargestGapFirstAndEveryItemLinked() {
        List<AttentionService.Row> rows = rows(SUP_NORTH);
        assertEquals(List.of("N1", "N2"), rows.stream().map(AttentionService.Row::employeeNo).toList(), "South's S1 is not listed");

        AttentionService.Row n1 = rows.get(0);
        assertEquals("csat", n1.gap().figure());
        assertNull(n1.gap().slice(), "the overall figure first (same size and n as its slices)");
        assertEquals(0, new java.math.BigDecimal("40.0").compareTo(n1.gap().size()));
        assertEquals("/agents/N1#gap-csat", n1.gap().link());
        assertEquals("/interactions?agent=N1&from=" + from + "&to=" + today + "&sort=rating,asc", n1.gap().evidence());
        assertEquals(3, n1.gaps(), "overall, on chat and on returns");
        assertEquals(0, n1.overdueAssignments());
        assertNull(n1.assignmentsLink());
        assertEquals(1, n1.overdueActions(), "the action due in five days is not overdue");
        assertEquals(List.of("/coaching/" + n1Session), n1.coaching().stream().map(s -> s.link()).toList());
        assertEquals(today.minusDays(2), n1.coaching().get(0).oldestDue());
        assertEquals(1, n1.otherItems());

        AttentionService.Row n2 = rows.get(1);
        assertNull(n2.gap(), "no interactions and a passing result: no gap");
        assertEquals(1, n2.overdueAssignments());
        assertEquals("/assignments?agent=N2&status=overdue", n2.assignmentsLink());
        assertEquals(1, n2.expiringCertifications());
        assertEquals(0, n2.expiredCertifications());
        assertEquals("/certifications?agent=N2&status=expiring", n2.certificationsLink());
        assertEquals("rr", n2.certifications().get(0).module());
        assertEquals(List.of(), n2.coaching());
        assertEquals(2, n2.otherItems());
    }

    @Test
    void hrSeesEveryTeamAKnowledgeGapComesAfterTheSizedOnesAndAgentsSeeNoList() {
        List<AttentionService.Row> all = rows(HR);
        assertEquals(List.of("N1", "S1", "N2"), all.stream().map(AttentionService.Row::employeeNo).toList(),
                "the sized gap, then the knowledge gap, then the agent without a gap");
        AttentionService.Row s1 = row(all, "S1");
        assertEquals("knowledge", s1.gap().figure());
        assertEquals("certification_expired", s1.gap().reason());
        assertNull(s1.gap().size());
        assertEquals("/agents/S1#gap-knowledge-rr", s1.gap().link());
        assertEquals(1, s1.expiredCertifications());
        assertEquals("/certifications?agent=S1&status=expired", s1.certificationsLink());
        assertEquals(List.of("/coaching/" + s1Session), s1.coaching().stream().map(s -> s.link()).toList());
        assertEquals(List.of("S1"), rows(SUP_SOUTH).stream().map(AttentionService.Row::employeeNo).toList());
        assertEquals(List.of("N1", "N2"), attention.rows(HR, "North", from, today, Locale.ENGLISH).stream()
                .map(AttentionService.Row::employeeNo).toList(), "narrowed to one team");
        assertThrows(NotFoundException.class, () -> attention.rows(SUP_SOUTH, "North", from, today, Locale.ENGLISH));
        assertThrows(ForbiddenException.class, () -> rows(new Viewer("agent.north", Role.AGENT, "N1")));
    }

    @Test
    void theGapsReadForManyAgentsAtOnceAreThoseReadOneByOne() throws Exception {
        List<Agent> all = agents.findAllOrderByEmployeeNo();
        List<GapService.AgentGaps> together = gaps.ofAgents(HR, all, from, today, Locale.ENGLISH);
        assertEquals(all.size(), together.size());
        for (int i = 0; i < all.size(); i++) {
            GapService.AgentGaps one = gaps.of(HR, all.get(i).employeeNo(), from, today, Locale.ENGLISH);
            assertEquals(mapper.writeValueAsString(one), mapper.writeValueAsString(together.get(i)), all.get(i).employeeNo());
        }
        assertTrue(together.stream().anyMatch(g -> g.gaps().stream().anyMatch(v -> v.figure().equals("knowledge"))),
                "the comparison covers a knowledge gap");
        assertThrows(NotFoundException.class, () -> gaps.ofAgents(SUP_SOUTH, all, from, today, Locale.ENGLISH),
                "only agents the viewer may see");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theApiPagesAndSortsTheListAndRefusesAgentsAndOverlongPeriods() {
        Api.Reply r = api.get("hr.lin", "/api/attention");
        assertEquals(200, r.status(), r.body());
        assertEquals(3, ((Number) r.json().get("totalElements")).intValue());
        assertEquals(List.of("N1", "S1", "N2"), r.content().stream().map(m -> m.get("employeeNo")).toList(), "the last 30 days by default");
        Map<String, Object> gap = (Map<String, Object>) r.content().get(0).get("gap");
        assertEquals("/agents/N1#gap-csat", gap.get("link"));
        assertTrue(r.content().get(2).containsKey("gap") && r.content().get(2).get("gap") == null, "every key present, null without a gap");

        Api.Reply sorted = api.get("hr.lin", "/api/attention?sort=assignments,desc&size=1");
        assertEquals(List.of("N2"), sorted.content().stream().map(m -> m.get("employeeNo")).toList());
        assertEquals(3, ((Number) sorted.json().get("totalElements")).intValue());
        assertEquals(List.of("S1", "N2"), api.get("hr.lin", "/api/attention?sort=certifications,desc").content().stream()
                .map(m -> m.get("employeeNo")).toList().subList(0, 2), "most certifications first, ties in attention order");
        assertEquals(List.of("N1", "N2"), api.get("sup.north", "/api/attention?from=" + from + "&to=" + today).content().stream()
                .map(m -> m.get("employeeNo")).toList());

        assertEquals(403, api.get("agent.north", "/api/attention").status());
        assertEquals(404, api.get("sup.south", "/api/attention?team=North").status());
        assertEquals(400, api.get("sup.north", "/api/attention?from=2025-01-01&to=2026-06-30").status(), "at most 366 days");
        assertEquals(400, api.get("sup.north", "/api/attention?from=" + from).status(), "both ends or neither");
        assertEquals(400, api.get("sup.north", "/api/attention?sort=mood,asc").status());
    }

    @Test
    void thePageShowsEachItemWithItsLinkAndOnlySupervisorsAndAdministratorsGetTheCoachButton() {
        String page = page("sup.north", "/attention");
        String n1 = rowOf(page, "N1");
        assertTrue(n1.contains("href=\"/agents/N1#gap-csat\"") && n1.contains("40.0 points"), n1);
        assertTrue(n1.contains("href=\"/coaching/" + n1Session + "\""), n1);
        assertTrue(n1.contains("/agents/N1/coaching/new?focus="), "a supervisor coaches from the list");
        String n2 = rowOf(page, "N2");
        assertTrue(n2.contains("href=\"/assignments?agent=N2&amp;status=overdue\"") && n2.contains("1 expiring"), n2);
        assertFalse(page.contains("data-agent=\"S1\""));
        assertTrue(page.indexOf("data-agent=\"N1\"") < page.indexOf("data-agent=\"N2\""));

        String hr = page("hr.lin", "/attention?sort=agent,asc");
        assertTrue(hr.contains("data-agent=\"S1\"") && !hr.contains("/coaching/new"), "HR reads the list and coaches nobody");
        assertTrue(hr.indexOf("data-agent=\"N1\"") < hr.indexOf("data-agent=\"S1\"") && hr.indexOf("data-agent=\"S1\"") < hr.indexOf("data-agent=\"N2\""),
                "by name: Li Na, Tom Baker, 王芳");
        Api.Reply bad = api.exchange(api.browser("sup.north").on(HttpRequest.GET("/attention?from=2026-13-01&to=" + today)
                .accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("id=\"e-from\""), "the field's error shown");
        assertEquals(403, api.exchange(api.browser("agent.north").on(HttpRequest.GET("/attention").accept(MediaType.TEXT_HTML_TYPE))).status());

        String zh = api.exchange(api.browser("sup.north").on(HttpRequest.GET("/attention").accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "zh-CN"))).body();
        assertTrue(zh.contains("需要关注"), "in Chinese too");
    }

    @Test
    void theSupervisorsHomeShowsTheFirstAgentsAndLinksToTheListAndTheAgentsPageAnchorsTheGap() {
        String home = page("sup.north", "/");
        int at = home.indexOf("id=\"home-attention\"");
        assertTrue(at > 0, home);
        String block = home.substring(at, home.indexOf("</section>", at));
        assertTrue(block.contains("href=\"/attention\"") && block.contains("All 2 agents who need attention"), block);
        assertTrue(block.indexOf("data-agent=\"N1\"") < block.indexOf("data-agent=\"N2\""), block);
        assertTrue(block.contains("1 assignment overdue") && block.contains("1 certification to renew"), block);
        assertTrue(page("sup.north", "/agents/N1").contains("id=\"gap-csat\""), "the link's target exists on the agent's page");
    }

    String page(String user, String path) {
        return api.exchange(api.browser(user).on(HttpRequest.GET(path).accept(MediaType.TEXT_HTML_TYPE))).body();
    }

    static String rowOf(String page, String agent) {
        int at = page.indexOf("<tr data-agent=\"" + agent + "\"");
        assertTrue(at > 0, "no row of " + agent + ": " + page);
        return page.substring(at, page.indexOf("</tr>", at));
    }
}
