package com.servicecoach.training;

import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestClock;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training pages: forms that re-render with their errors, the upload, the queue, the matrix, home pages. */
@MicronautTest(transactional = false)
class TrainingPagesTest {

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

    Api api;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        clock.reset();
        fixtures.standardCast();
        content.reload();
        api = new Api(http, mapper);
    }

    String today(int plusDays) {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(plusDays).toString();
    }

    Api.Reply page(String user, String path) {
        return api.send(user, HttpRequest.GET(path).accept(MediaType.TEXT_HTML));
    }

    Api.Reply form(String user, String path, Map<String, String> fields) {
        MutableHttpRequest<?> r = HttpRequest.POST(path, fields).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML);
        return api.send(user, r);
    }

    Api.Reply redirect(String user, String path, Map<String, String> fields) {
        MutableHttpRequest<?> r = HttpRequest.POST(path, fields).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML);
        r.bearerAuth(api.token(user));
        var response = http.toBlocking().exchange(r, String.class);
        assertEquals(303, response.code());
        return new Api.Reply(303, response.header("Location"), mapper, response.header("Location"));
    }

    @Test
    void supervisorAssignsATeamWithTheFormAndSeesItListed() {
        assertEquals(200, page("sup.north", "/assignments/new?module=greeting-attitude").status());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("module", "greeting-attitude");
        fields.put("target", "team");
        fields.put("team", "North");
        fields.put("dueOn", today(7));
        assertEquals("/assignments?done=created&module=greeting-attitude", redirect("sup.north", "/assignments", fields).body());
        String list = page("sup.north", "/assignments").body();
        assertTrue(list.contains("N1 · Li Na") && list.contains("N2 · 王芳"), list);
        assertTrue(list.contains(today(7)), list);

        Api.Reply again = form("sup.north", "/assignments", fields);
        assertEquals(409, again.status());
        assertTrue(again.body().contains("already assigned and not completed"), again.body());
    }

    @Test
    void assignmentFormComesBackWithTheFieldErrors() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("module", "greeting-attitude");
        fields.put("target", "agents");
        fields.put("agent_N1", "on");
        fields.put("dueOn", today(-1));
        Api.Reply r = form("sup.north", "/assignments", fields);
        assertEquals(422, r.status());
        assertTrue(r.body().contains("id=\"e-dueOn\" class=\"error\">The due date " + today(-1) + " is in the past"), r.body());
        assertTrue(r.body().contains("name=\"agent_N1\" checked"), "the chosen agents stay chosen");
        assertEquals(0, api.get("sup.north", "/api/assignments").content().size());
    }

    @Test
    void dueDateChangeAndCancelFromTheAssignmentPage() {
        api.post("sup.north", "/api/assignments", Map.of("module", "complaint-handling", "agents", List.of("N2"), "dueOn", today(3)));
        Object id = api.get("sup.north", "/api/assignments").content().get(0).get("id");
        assertTrue(page("sup.north", "/assignments/" + id).body().contains("王芳"));
        assertEquals(422, form("sup.north", "/assignments/" + id, Map.of("dueOn", "tomorrow")).status());
        assertEquals("/assignments/" + id + "?saved=1", redirect("sup.north", "/assignments/" + id, Map.of("dueOn", today(9))).body());
        assertEquals(today(9), api.get("sup.north", "/api/assignments/" + id).json().get("dueOn"));
        assertEquals(403, form("hr.lin", "/assignments/" + id + "/cancel", Map.of()).status());
        assertEquals("/assignments?done=cancelled", redirect("sup.north", "/assignments/" + id + "/cancel", Map.of()).body());
        assertEquals(0, api.get("sup.north", "/api/assignments").content().size());
    }

    @Test
    void giftUploadOnTheModulePageImportsOrShowsTheLinesInError() throws IOException {
        byte[] moodle = Files.readAllBytes(Path.of("../shared/testdata/gift/moodle-fixture-questions.gift.txt"));
        Api.Reply ok = upload("admin", "questions.gift", moodle);
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.body().contains("Imported 9 questions"), ok.body());
        Api.Reply bad = upload("admin", "broken.gift", "::a::Fine {T}\n\n::b::Broken {=x ~y\n".getBytes());
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("<td class=\"num\">3</td>"), bad.body());
        assertEquals(403, upload("hr.lin", "q.gift", moodle).status());
        assertEquals(403, upload("sup.north", "q.gift", moodle).status());
    }

    Api.Reply upload(String user, String name, byte[] bytes) {
        MultipartBody body = MultipartBody.builder().addPart("file", name, MediaType.TEXT_PLAIN_TYPE, bytes).build();
        return api.send(user, HttpRequest.POST("/modules/written-communication/import", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML));
    }

    @Test
    void agentQueueAndHomeShowOpenTrainingAndOthersCannotOpenTheQueue() {
        api.post("sup.north", "/api/assignments", Map.of("module", "order-status-logistics", "team", "North", "dueOn", today(4)));
        String queue = page("agent.north", "/my-training").body();
        int open = queue.indexOf("id=\"queue-open\"");
        int done = queue.indexOf("id=\"queue-completed\"");
        assertTrue(open > 0 && queue.indexOf("Order status and logistics", open) > open && queue.indexOf("Order status and logistics", open) < done, queue);
        assertTrue(page("agent.north", "/").body().contains("id=\"home-training\""));
        assertTrue(page("agent.north", "/").body().contains("Order status"));
        assertEquals(403, page("sup.north", "/my-training").status());
        String home = page("sup.north", "/").body();
        assertTrue(home.contains("id=\"tile-open\"><span class=\"big\">2</span>"), home);
    }

    @Test
    void matrixPageHasALegendAndColouredCellsForSupervisorsAndHrOnly() {
        api.post("sup.south", "/api/assignments", Map.of("module", "greeting-attitude", "team", "South", "dueOn", today(4)));
        String m = page("hr.lin", "/training-matrix?team=South").body();
        assertTrue(m.contains("class=\"legend\""), m);
        assertTrue(m.contains("data-status=\"open\""), m);
        assertTrue(m.contains(">Tom Baker</a> <small class=\"muted\">S1</small>"), m);
        String own = page("sup.north", "/training-matrix").body();
        assertTrue(own.contains(">Li Na</a>") && !own.contains("Tom Baker"), own);
        assertEquals(404, page("sup.north", "/training-matrix?team=South").status());
        assertEquals(403, page("agent.north", "/training-matrix").status());
    }

    @Test
    void menusOfferTrainingToEachRole() {
        String agent = page("agent.north", "/").body();
        assertTrue(agent.contains("href=\"/my-training\""));
        assertFalse(agent.contains("href=\"/assignments\""));
        String sup = page("sup.north", "/").body();
        assertTrue(sup.contains("href=\"/modules\"") && sup.contains("href=\"/assignments\"") && sup.contains("href=\"/training-matrix\""));
        String hr = page("hr.lin", "/").body();
        assertTrue(hr.contains("href=\"/modules\"") && hr.contains("href=\"/training-matrix\"") && !hr.contains("href=\"/assignments\""));
    }
}
