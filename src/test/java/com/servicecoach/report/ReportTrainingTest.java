package com.servicecoach.report;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.training.TrainingContent;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Training compliance in a report is as it stood at the end of the period: assignments made and not yet
 * cancelled then, completions made by then, due dates passed by then; overdue training flags the agent.
 * Certifications and assessments say "no data yet" until the assessments feature records them.
 */
@MicronautTest(transactional = false)
class ReportTrainingTest extends HttpTest {

    static final String MARCH = "from=2026-03-01&to=2026-03-31";

    @Inject
    TrainingContent content;
    @Inject
    ReportTestData data;

    long teamAssignment;
    long personal;
    long cancelledInMarch;
    long cancelledInApril;
    long madeInApril;

    @BeforeEach
    void assignments() throws SQLException {
        content.reload();
        data.generated(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 4, 30), 1, 3);
        teamAssignment = assign(Map.of("module", "greeting-attitude", "team", "North", "dueOn", "2099-01-01"));
        personal = assign(Map.of("module", "returns-refunds", "agents", List.of("S1"), "dueOn", "2099-01-01"));
        cancelledInMarch = assign(Map.of("module", "complaint-handling", "agents", List.of("N1"), "dueOn", "2099-01-01"));
        cancelledInApril = assign(Map.of("module", "written-communication", "agents", List.of("S1"), "dueOn", "2099-01-01"));
        madeInApril = assign(Map.of("module", "product-knowledge-faq", "agents", List.of("N2"), "dueOn", "2099-01-01"));
        made(teamAssignment, "2026-02-10T08:00:00", "2026-03-15", null);
        made(personal, "2026-03-05T08:00:00", "2026-04-30", null);
        made(cancelledInMarch, "2026-03-01T08:00:00", "2026-03-10", "2026-03-20T08:00:00");
        made(cancelledInApril, "2026-03-01T08:00:00", "2026-03-10", "2026-04-20T08:00:00");
        made(madeInApril, "2026-04-10T08:00:00", "2026-04-12", null);
        completed("N1", "greeting-attitude", "2026-03-10T08:00:00");
        completed("N2", "greeting-attitude", "2026-04-05T08:00:00");
    }

    long assign(Map<String, Object> body) {
        Api.Reply r = api.post("admin", "/api/assignments", body);
        assertEquals(201, r.status(), r.body());
        Object json = r.body().startsWith("[") ? ((List<?>) fromJson(r.body())).get(0) : r.json();
        return ((Number) ((Map<?, ?>) json).get("id")).longValue();
    }

    Object fromJson(String body) {
        try {
            return mapper.readValue(body, Object.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    void made(long id, String createdAt, String dueOn, String cancelledAt) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("update training_assignment set created_at = ?, due_on = ?, cancelled_at = ?, "
                     + "cancelled_by = ? where id = ?")) {
            ps.setObject(1, LocalDateTime.parse(createdAt));
            ps.setObject(2, LocalDate.parse(dueOn));
            ps.setObject(3, cancelledAt == null ? null : LocalDateTime.parse(cancelledAt));
            ps.setString(4, cancelledAt == null ? null : "admin");
            ps.setLong(5, id);
            assertEquals(1, ps.executeUpdate());
        }
    }

    void completed(String employeeNo, String module, String at) throws SQLException {
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("insert into training_completion (agent_id, module_id, module_version, passed_at, "
                     + "completed_at) select a.id, m.id, m.version, ?, ? from agent a, training_module m where a.employee_no = ? and m.code = ?")) {
            ps.setObject(1, LocalDateTime.parse(at));
            ps.setObject(2, LocalDateTime.parse(at));
            ps.setString(3, employeeNo);
            ps.setString(4, module);
            assertEquals(1, ps.executeUpdate());
        }
    }

    static Map<String, Object> training(Map<String, Object> row) {
        return ReportTestData.map(row, "training");
    }

    static String counts(Map<String, Object> t) {
        return t.get("assigned") + " assigned, " + t.get("completed") + " completed, " + t.get("open") + " open, " + t.get("overdue") + " overdue";
    }

    @Test
    void complianceIsAsItStoodAtTheEndOfThePeriod() {
        Map<String, Object> march = api.get("hr.lin", "/api/reports/performance?" + MARCH).json();
        assertEquals("2026-03-31", ReportTestData.map(march, "training").get("asOf"));
        Map<String, Map<String, Object>> agents = new java.util.HashMap<>();
        ReportTestData.list(march, "agents").forEach(a -> agents.put((String) a.get("employeeNo"), a));
        assertEquals("1 assigned, 1 completed, 0 open, 0 overdue", counts(training(agents.get("N1"))),
                "completed on 10 March; the assignment cancelled on 20 March no longer counts");
        assertEquals("1 assigned, 0 completed, 0 open, 1 overdue", counts(training(agents.get("N2"))),
                "due 15 March, completed only in April; April's assignment not made yet");
        assertEquals("2 assigned, 0 completed, 1 open, 1 overdue", counts(training(agents.get("S1"))),
                "due 30 April: open; the one cancelled in April was still there, and overdue");
        List<Map<String, Object>> teams = ReportTestData.list(march, "teams");
        assertEquals("2 assigned, 1 completed, 0 open, 1 overdue", counts(training(teams.get(0))));
        assertEquals("50.0", String.valueOf(training(teams.get(0)).get("completedPercent")));
        assertEquals("4 assigned, 1 completed, 1 open, 2 overdue", counts(ReportTestData.map(ReportTestData.map(march, "training"), "total")));

        Map<String, Object> april = api.get("hr.lin", "/api/reports/performance?from=2026-04-01&to=2026-04-30&team=North").json();
        Map<String, Object> n2 = ReportTestData.list(april, "agents").stream().filter(a -> a.get("employeeNo").equals("N2")).findFirst().orElseThrow();
        assertEquals("2 assigned, 1 completed, 0 open, 1 overdue", counts(training(n2)), "completed on 5 April; April's assignment due on the 12th");
    }

    @Test
    void overdueTrainingFlagsTheAgentAndTheCsvCarriesTheCounts() {
        Map<String, Object> march = api.get("hr.lin", "/api/reports/performance?" + MARCH + "&team=North").json();
        Map<String, Object> flagged = ReportTestData.list(march, "flagged").stream().filter(f -> f.get("employeeNo").equals("N2"))
                .findFirst().orElseThrow();
        assertTrue(ReportTestData.list(flagged, "reasons").stream().anyMatch(r -> r.get("reason").equals("overdue_training")
                && ((Number) r.get("count")).intValue() == 1), flagged.toString());
        assertFalse(ReportTestData.list(march, "flagged").stream().anyMatch(f -> f.get("employeeNo").equals("N1")
                && ReportTestData.list(f, "reasons").stream().anyMatch(r -> r.get("reason").equals("overdue_training"))));
        String csv = api.get("hr.lin", "/api/reports/performance.csv?" + MARCH + "&team=North").body();
        String n2 = csv.lines().filter(l -> l.startsWith("N2,")).findFirst().orElseThrow();
        assertTrue(n2.contains(",1,0,0,1,0,0,0,") && n2.contains("overdue_training"), n2);
        String page = api.get("hr.lin", "/reports/performance?" + MARCH + "&team=North").body();
        assertTrue(page.contains("1 overdue training assignment"), "the page says why");
    }

    @Test
    void certificationsAndAssessmentsComeFromTheAssessmentsFeature() {
        Map<String, Object> march = api.get("hr.lin", "/api/reports/performance?" + MARCH).json();
        Map<String, Object> certs = ReportTestData.map(march, "certifications");
        assertEquals(true, certs.get("available"));
        assertEquals(30, ((Number) certs.get("expiringDays")).intValue());
        assertEquals(Map.of("available", true, "modules", List.of()), march.get("assessments"), "no attempts in March");
        assertTrue(ReportTestData.list(march, "agents").stream().allMatch(a -> a.get("certifications") != null));
        String page = api.get("hr.lin", "/reports/performance?" + MARCH).body();
        assertTrue(!page.contains("id=\"certifications-none\""), "the certification section has data");
    }
}
