package com.servicecoach.training;

import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestClock;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Assignment rules: team assignments reach later joiners, open/overdue/completed follow the clock and the
 * completions, due dates change, assignments cancel, bad input is 422 and duplicates 409. Passing an
 * assessment is simulated with a stand-in {@link AssessmentResults}.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class AssignmentRulesTest {

    /** Passes by "agentId:moduleCode". */
    static final Map<String, LocalDateTime> PASSES = new ConcurrentHashMap<>();

    @MockBean(AssessmentResults.class)
    AssessmentResults results() {
        return (agentId, code) -> Optional.ofNullable(PASSES.get(agentId + ":" + code));
    }

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;
    @Inject
    TestClock clock;
    @Inject
    TrainingContent content;
    @Inject
    TrainingProgress progress;
    @Inject
    AssignmentService service;
    @Inject
    TrainingCatalog catalog;
    @Inject
    AgentRepository agents;
    @Inject
    TeamRepository teams;

    Api api;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        clock.reset();
        PASSES.clear();
        fixtures.standardCast();
        content.reload();
        api = new Api(http, mapper);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    Api.Reply assign(String user, Map<String, Object> body) {
        return api.post(user, "/api/assignments", body);
    }

    List<Map<String, Object>> lines(String user, String query) {
        Api.Reply r = api.get(user, "/api/assignments" + query);
        assertEquals(200, r.status(), r.body());
        return r.content();
    }

    void readAllLessons(String user, String module) {
        for (String slug : List.of("01-first-reply", "02-tone-and-empathy", "03-closing-the-conversation")) {
            assertEquals(200, api.get(user, "/api/modules/" + module + "/lessons/" + slug).status());
        }
    }

    long agentId(String employeeNo) {
        return agents.findByEmployeeNo(employeeNo).orElseThrow().id();
    }

    @Test
    void teamAssignmentReachesTheTeamAndAgentsWhoJoinLaterButNotThoseWhoLeft() {
        Api.Reply r = assign("sup.north", Map.of("module", "greeting-attitude", "team", "North", "dueOn", today().plusDays(10).toString()));
        assertEquals(201, r.status(), r.body());
        Map<String, Object> created = (Map<String, Object>) readList(r).get(0);
        assertEquals("North", created.get("team"));
        assertNull(created.get("agent"));
        assertEquals("greeting-attitude", created.get("module"));
        assertEquals(List.of("N1", "N2"), ((List<Map<String, Object>>) created.get("agents")).stream().map(a -> a.get("employeeNo")).toList());

        Map<String, Object> seenByAgent = api.get("agent.north", "/api/assignments/" + created.get("id")).json();
        assertEquals(List.of("N1"), ((List<Map<String, Object>>) seenByAgent.get("agents")).stream().map(a -> a.get("employeeNo")).toList(),
                "an agent does not see team-mates' progress");

        fixtures.agent("N3", "New Joiner", teams.findByName("North").orElseThrow(), "chat");
        fixtures.user("agent.n3", "AGENT", "N3");
        List<Map<String, Object>> n3 = lines("agent.n3", "");
        assertEquals(1, n3.size());
        assertEquals(Boolean.TRUE, n3.get(0).get("viaTeam"));
        assertEquals("open", n3.get(0).get("status"));
        assertEquals(created.get("id"), n3.get(0).get("id"));

        // the reminder job announces it to the later joiner once
        service.sendReminders();
        service.sendReminders();
        List<Map<String, Object>> notes = api.get("agent.n3", "/api/notifications").content();
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).get("message").toString().startsWith("New training assigned to you: Service attitude and greeting"));

        Agent n2 = agents.findByEmployeeNo("N2").orElseThrow();
        agents.update(new Agent(n2.id(), n2.employeeNo(), n2.name(), n2.email(), n2.helpdeskId(), n2.teamId(), n2.channels(), n2.hiredOn(), "left", n2.updatedAt()));
        assertEquals(List.of("N1", "N3"), lines("sup.north", "?sort=agent").stream().map(l -> l.get("agent")).toList());
    }

    List<Object> readList(Api.Reply r) {
        try {
            return mapper.readValue(r.body(), io.micronaut.core.type.Argument.listOf(Object.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void statusIsOpenUntilTheDueDateThenOverdue() {
        assertEquals(201, assign("sup.north", Map.of("module", "complaint-handling", "agents", List.of("N1"),
                "dueOn", today().plusDays(2).toString())).status());
        assertEquals(List.of("open"), lines("agent.north", "").stream().map(l -> l.get("status")).toList());
        clock.advance(Duration.ofDays(2));
        assertEquals(List.of("open"), lines("agent.north", "").stream().map(l -> l.get("status")).toList(), "due today is still open");
        clock.advance(Duration.ofDays(1));
        assertEquals(List.of("overdue"), lines("agent.north", "").stream().map(l -> l.get("status")).toList());
        assertEquals(1, lines("sup.north", "?status=overdue").size());
        assertEquals(0, lines("sup.north", "?status=open").size());
        assertEquals(400, api.get("sup.north", "/api/assignments?status=late").status());
    }

    @Test
    void moduleIsCompletedWhenAllLessonsAreReadAndTheAssessmentPassedWithTheVersionRecorded() {
        assertEquals(201, assign("sup.north", Map.of("module", "greeting-attitude", "agents", List.of("N1"),
                "dueOn", today().plusDays(5).toString())).status());
        long n1 = agentId("N1");
        PASSES.put(n1 + ":greeting-attitude", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).plusNanos(123));
        api.get("agent.north", "/api/modules/greeting-attitude/lessons/01-first-reply");
        api.get("agent.north", "/api/modules/greeting-attitude/lessons/02-tone-and-empathy");
        assertEquals("open", lines("agent.north", "").get(0).get("status"), "passed but one lesson unread");

        api.get("agent.north", "/api/modules/greeting-attitude/lessons/03-closing-the-conversation");
        Map<String, Object> line = lines("agent.north", "").get(0);
        assertEquals("completed", line.get("status"));
        assertEquals(1, line.get("completedVersion"));
        Map<String, Object> p = (Map<String, Object>) api.get("agent.north", "/api/modules/greeting-attitude").json().get("progress");
        assertEquals(1, p.get("completedVersion"));

        // the same pass does not complete the module twice
        assertTrue(progress.evaluate(n1, "greeting-attitude").isEmpty());
        readAllLessons("agent.north", "greeting-attitude");
        assertEquals(1, progress.completions(n1, catalog.module("greeting-attitude")).size());
    }

    @Test
    void aPassAfterTheLessonsCompletesTheModuleWhenAssessmentsReportIt() {
        assertEquals(201, assign("admin", Map.of("module", "greeting-attitude", "team", "South",
                "dueOn", today().plusDays(5).toString())).status());
        readAllLessons("agent.south", "greeting-attitude");
        long s1 = agentId("S1");
        assertTrue(progress.evaluate(s1, "greeting-attitude").isEmpty(), "no pass yet");
        PASSES.put(s1 + ":greeting-attitude", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        Completion c = progress.evaluate(s1, "greeting-attitude").orElseThrow();
        assertEquals(1, c.moduleVersion());
        assertEquals("completed", lines("agent.south", "").get(0).get("status"));
    }

    @Test
    void assigningAModuleCompletedWithinItsCertificationPeriodShowsItCompleted() {
        long n1 = agentId("N1");
        PASSES.put(n1 + ":greeting-attitude", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        readAllLessons("agent.north", "greeting-attitude");
        clock.advance(Duration.ofDays(30));
        assign("sup.north", Map.of("module", "greeting-attitude", "agents", List.of("N1"), "dueOn", today().plusDays(5).toString()));
        assertEquals("completed", lines("agent.north", "").get(0).get("status"));

        clock.advance(Duration.ofDays(400));
        assign("sup.north", Map.of("module", "greeting-attitude", "team", "North", "dueOn", today().plusDays(5).toString()));
        List<Map<String, Object>> viaTeam = lines("agent.north", "").stream().filter(l -> Boolean.TRUE.equals(l.get("viaTeam"))).toList();
        assertEquals("open", viaTeam.get(0).get("status"), "a completion older than 12 months does not count");
    }

    @Test
    void dueDateChangesAndCancelledAssignmentsDisappear() {
        Api.Reply r = assign("sup.north", Map.of("module", "returns-refunds", "agents", List.of("N1", "N2"), "dueOn", today().plusDays(1).toString()));
        List<Object> created = readList(r);
        assertEquals(2, created.size());
        Object id = ((Map<String, Object>) created.get(0)).get("id");
        clock.advance(Duration.ofDays(3));
        assertEquals("overdue", lines("sup.north", "?agent=N1").get(0).get("status"));

        Api.Reply changed = api.put("sup.north", "/api/assignments/" + id, Map.of("dueOn", today().plusDays(7).toString()));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(today().plusDays(7).toString(), changed.json().get("dueOn"));
        assertEquals("open", lines("sup.north", "?agent=N1").get(0).get("status"));
        assertEquals(422, api.put("sup.north", "/api/assignments/" + id, Map.of("dueOn", today().minusDays(1).toString())).status());

        assertEquals(204, api.send("sup.north", HttpRequest.DELETE("/api/assignments/" + id)).status());
        assertEquals(404, api.get("sup.north", "/api/assignments/" + id).status());
        assertEquals(List.of("N2"), lines("sup.north", "").stream().map(l -> l.get("agent")).toList());
        assertEquals(404, api.send("sup.north", HttpRequest.DELETE("/api/assignments/" + id)).status());
    }

    @Test
    void badInputIs422WithTheFieldAndNothingIsStored() {
        String due = today().plusDays(3).toString();
        assertField(Map.of("module", "greeting-attitude", "team", "North", "dueOn", today().minusDays(1).toString()), "dueOn");
        assertField(Map.of("module", "greeting-attitude", "team", "North", "dueOn", "31/12/2030"), "dueOn");
        assertField(Map.of("module", "greeting-attitude", "team", "North"), "dueOn");
        assertField(Map.of("module", "nothing-like-it", "team", "North", "dueOn", due), "module");
        assertField(Map.of("module", "greeting-attitude", "dueOn", due), "agents");
        assertField(Map.of("module", "greeting-attitude", "team", "North", "agents", List.of("N1"), "dueOn", due), "team");
        assertField(Map.of("module", "greeting-attitude", "agents", List.of("N1", "NOBODY"), "dueOn", due), "agents");
        assertField(Map.of("module", "greeting-attitude", "team", "Nowhere", "dueOn", due), "team");
        assertEquals(0, lines("admin", "").size());
    }

    void assertField(Map<String, Object> body, String field) {
        Api.Reply r = assign("admin", body);
        assertEquals(422, r.status(), body + " -> " + r.body());
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
        assertEquals(field, errors.get(0).get("field"), r.body());
    }

    @Test
    void anUnfinishedAssignmentOfTheSameModuleIsAConflict() {
        String due = today().plusDays(3).toString();
        assertEquals(201, assign("sup.north", Map.of("module", "greeting-attitude", "agents", List.of("N1"), "dueOn", due)).status());
        Api.Reply again = assign("sup.north", Map.of("module", "greeting-attitude", "agents", List.of("N1", "N2"), "dueOn", due));
        assertEquals(409, again.status(), again.body());
        assertTrue(again.body().contains("N1"), again.body());
        assertEquals(1, lines("sup.north", "").size(), "nothing stored");
        assertEquals(201, assign("sup.north", Map.of("module", "greeting-attitude", "team", "North", "dueOn", due)).status());
        assertEquals(409, assign("admin", Map.of("module", "greeting-attitude", "team", "North", "dueOn", due)).status());
    }

    @Test
    void matrixShowsEachAgentByModuleColouredByStatus() {
        assign("sup.north", Map.of("module", "greeting-attitude", "agents", List.of("N1"), "dueOn", today().plusDays(1).toString()));
        assign("sup.north", Map.of("module", "returns-refunds", "team", "North", "dueOn", today().plusDays(9).toString()));
        PASSES.put(agentId("N1") + ":greeting-attitude", LocalDateTime.now(clock.withZone(ZoneOffset.UTC)));
        readAllLessons("agent.north", "greeting-attitude");
        clock.advance(Duration.ofDays(10));

        Api.Reply r = api.get("hr.lin", "/api/training-matrix?team=North");
        assertEquals(200, r.status(), r.body());
        Map<String, Object> m = r.json();
        assertEquals(8, ((List<?>) m.get("modules")).size());
        List<Map<String, Object>> rows = (List<Map<String, Object>>) m.get("rows");
        assertEquals(List.of("N1", "N2"), rows.stream().map(x -> x.get("employeeNo")).toList());
        assertEquals("completed", cell(rows.get(0), "greeting-attitude").get("status"));
        assertEquals("overdue", cell(rows.get(0), "returns-refunds").get("status"));
        assertEquals(today().minusDays(1).toString(), cell(rows.get(1), "returns-refunds").get("dueOn"));
        assertEquals("none", cell(rows.get(1), "greeting-attitude").get("status"));
        assertEquals(404, api.get("sup.south", "/api/training-matrix?team=North").status());
        assertEquals(403, api.get("agent.north", "/api/training-matrix?team=North").status());
    }

    static Map<String, Object> cell(Map<String, Object> row, String module) {
        return ((List<Map<String, Object>>) row.get("cells")).stream().filter(c -> c.get("module").equals(module)).findFirst().orElseThrow();
    }
}
