package com.servicecoach;

import com.servicecoach.assessment.AssessmentFixtures;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.TestDatabase;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every route the router knows, called by every kind of caller, against the access rules of api.md.
 * The routes come from the router itself: a route added without a line here fails the test.
 *
 * <p>Callers: anonymous; an administrator; HR; the supervisor of the objects' team (North); the
 * supervisor of another team (South); North's agent N1; a former administrator demoted in the
 * database to the supervisor of a third team (their token was issued while they were an administrator,
 * so they must be treated as what they are now); and a user disabled in the database after signing in.
 *
 * <p>Each probe's expectation is one letter per caller in the order anonymous, admin, HR, sup.north,
 * sup.south, agent.north: {@code U} not signed in (401, or 303 to the sign-in page), {@code O} allowed
 * (any answer that is not 401, 403, 404 or 5xx: a form may still say 400, 409 or 422), {@code F} 403,
 * {@code H} 404, {@code P} public (anything but 5xx). The demoted user must answer as sup.south, the
 * disabled one as anonymous.
 */
@MicronautTest(transactional = false)
class AccessRulesTest extends HttpTest {

    static final List<String> CALLERS = java.util.Arrays.asList(null, "admin", "hr.lin", "sup.north", "sup.south", "agent.north");
    static final String DEMOTED = "admin.two";
    static final String DISABLED = "hr.gone";
    static final String PERIOD = "from=2026-03-01&to=2026-03-31";

    @Inject
    Router router;
    @Inject
    AssessmentFixtures modules;
    @Inject
    ScoringSettingsService settings;

    /** Ids of the objects the probes name: all of them North's (agent N1's or sup.north's). */
    record World(long attempt, long essay, long assignment, long notification, long northImport, long bankImport,
                 long importedQuestion, long coaching, long coachingAction, String surveyToken, long email, long interaction,
                 long review, long calibration) {
    }

    record Probe(HttpMethod method, String template, Function<World, MutableHttpRequest<?>> request, String expected) {
    }

    final List<Probe> probes = new ArrayList<>();

    void probe(HttpMethod method, String template, Function<World, MutableHttpRequest<?>> request, String expected) {
        probes.add(new Probe(method, template, request, expected.replace(" ", "")));
    }

    void get(String template, Function<World, String> path, String expected) {
        probe(HttpMethod.GET, template, w -> page(HttpRequest.GET(path.apply(w))), expected);
    }

    void get(String path, String expected) {
        get(path, w -> path, expected);
    }

    void form(String template, Function<World, String> path, Map<String, String> fields, String expected) {
        probe(HttpMethod.POST, template, w -> HttpRequest.POST(path.apply(w), fields)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE), expected);
    }

    void json(HttpMethod method, String template, Function<World, String> path, Object body, String expected) {
        probe(method, template, w -> HttpRequest.create(method, path.apply(w)).body(body).contentType(MediaType.APPLICATION_JSON_TYPE),
                expected);
    }

    /**
     * Pages are asked for as a browser would (Accept: text/html), so anonymous callers are sent to sign
     * in; downloads (and the redirect to one) accept anything.
     */
    static MutableHttpRequest<?> page(MutableHttpRequest<?> request) {
        String path = request.getPath();
        boolean download = path.matches(".*\\.(csv|pdf|xlsx)") || path.endsWith("/last-month");
        return path.startsWith("/api/") || download ? request : request.accept(MediaType.TEXT_HTML_TYPE);
    }

    static String csv() {
        return "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n"
                + "ACC-9,N1,chat,logistics,2026-03-02T09:00:00,,,,,\n";
    }

    static String surveyCsv() {
        return "external_id,attitude,answered_at\nACC-9,9,2026-03-03T09:00:00\n";
    }

    static Map<String, Object> agentBody(String team) {
        return Map.of("employeeNo", "N9", "name", "New Person", "email", "n9@shop.test", "team", team, "channels", List.of("chat"));
    }

    void routes() {
        String due = LocalDate.now().plusDays(30).toString();
        // public
        get("/login", "P P P P P P");
        get("/health", "P P P P P P");
        get("/favicon.ico", "P P P P P P");
        get("/health/{selector}", w -> "/health/liveness", "P P P P P P");
        form("/login", w -> "/login", Map.of("username", "nobody", "password", "wrong-password"), "P P P P P P");
        form("/logout", w -> "/logout", Map.of(), "P P P P P P");
        form("/language", w -> "/language", Map.of("lang", "zh-CN"), "P P P P P P");
        json(HttpMethod.POST, "/api/login", w -> "/api/login", Map.of("username", "nobody", "password", "wrong-password"), "P P P P P P");
        // home, people and teams
        get("/", "U O O O O O");
        get("/me", "U H H H H O");
        get("/agents", "U O O O O F");
        get("/agents/new", "U O F O O F");
        get("/agents.csv", "U O O O O F");
        get("/agents/import", "U O F O O F");
        get("/agents/{employeeNo}", w -> "/agents/N1", "U O O O H O");
        get("/agents/{employeeNo}", w -> "/agents/N2", "U O O O H H");
        get("/agents/{employeeNo}/edit", w -> "/agents/N2/edit", "U O F O H F");
        form("/agents", w -> "/agents", Map.of("employeeNo", "N9", "name", "New Person", "email", "n9@shop.test", "team", "North",
                "channel_chat", "on", "status", "active"), "U O F O F F");
        form("/agents/{employeeNo}", w -> "/agents/N2", Map.of("name", "王芳", "email", "n2@shop.test", "team", "North",
                "channel_phone", "on", "status", "active"), "U O F O H F");
        probe(HttpMethod.POST, "/agents/import", w -> HttpRequest.POST("/agents/import", MultipartBody.builder()
                .addPart("file", "agents.csv", MediaType.TEXT_CSV_TYPE, "employee_no,name,email,team,channels\nN2,王芳,n2@shop.test,North,phone\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE), "U O F O O F");
        get("/api/agents", "U O O O O O");
        get("/api/agents/{employeeNo}", w -> "/api/agents/N1", "U O O O H O");
        get("/api/agents/{employeeNo}/gaps", w -> "/api/agents/N1/gaps?" + PERIOD, "U O O O H O");
        get("/api/agents/{employeeNo}/coaching", w -> "/api/agents/N1/coaching", "U O O O H O");
        json(HttpMethod.POST, "/api/agents/{employeeNo}/coaching", w -> "/api/agents/N1/coaching",
                Map.of("heldOn", LocalDate.now().minusDays(1).toString(), "focus", "Access"), "U O F O H F");
        get("/agents/{employeeNo}/coaching/new", w -> "/agents/N1/coaching/new", "U O F O H F");
        form("/agents/{employeeNo}/coaching", w -> "/agents/N1/coaching", Map.of("heldOn", LocalDate.now().minusDays(1).toString(),
                "focus", "Access"), "U O F O H F");
        get("/coaching/{id}", w -> "/coaching/" + w.coaching(), "U O O O H O");
        get("/api/coaching/{id}", w -> "/api/coaching/" + w.coaching(), "U O O O H O");
        form("/coaching/{id}/acknowledge", w -> "/coaching/" + w.coaching() + "/acknowledge", Map.of("comment", "ok"), "U F F F H O");
        json(HttpMethod.POST, "/api/coaching/{id}/acknowledge", w -> "/api/coaching/" + w.coaching() + "/acknowledge", Map.of(),
                "U F F F H O");
        form("/coaching/actions/{id}/done", w -> "/coaching/actions/" + w.coachingAction() + "/done", Map.of(), "U O F O H O");
        json(HttpMethod.POST, "/api/coaching/actions/{id}/done", w -> "/api/coaching/actions/" + w.coachingAction() + "/done",
                Map.of(), "U O F O H O");
        get("/api/coaching/activity", w -> "/api/coaching/activity?" + PERIOD, "U O O O O F");
        get("/api/coaching/activity", w -> "/api/coaching/activity?" + PERIOD + "&team=North", "U O O O H F");
        // who needs attention: supervisors their teams' agents, HR and administrators everyone, agents none
        get("/attention", "U O O O O F");
        get("/attention", w -> "/attention?" + PERIOD + "&team=North", "U O O O H F");
        get("/api/attention", "U O O O O F");
        get("/api/attention", w -> "/api/attention?" + PERIOD + "&team=North", "U O O O H F");
        // open promises: supervisors their teams' owners, HR and administrators every agent, agents their own contacts
        get("/promises", "U O O O O O");
        get("/promises", w -> "/promises?within=4h&team=North", "U O O O H F");
        get("/promises", w -> "/promises?owner=N2", "U O O O H H");
        get("/api/promises", "U O O O O O");
        get("/api/promises", w -> "/api/promises?within=72h&team=North", "U O O O H F");
        get("/api/promises", w -> "/api/promises?owner=N1", "U O O O H O");
        get("/api/agents/{employeeNo}", w -> "/api/agents/N2", "U O O O H H");
        get("/api/agents/{employeeNo}", w -> "/api/agents/NOPE", "U H H H H H");
        json(HttpMethod.POST, "/api/agents", w -> "/api/agents", agentBody("North"), "U O F O F F");
        json(HttpMethod.PUT, "/api/agents/{employeeNo}", w -> "/api/agents/N2", Map.of("name", "王芳", "email", "n2@shop.test",
                "team", "North", "channels", List.of("phone")), "U O F O H F");
        probe(HttpMethod.POST, "/api/agents/import", w -> HttpRequest.POST("/api/agents/import",
                "employee_no,name,email,team,channels\nN2,王芳,n2@shop.test,North,phone\n").contentType("text/csv"), "U O F O O F");
        get("/teams", "U O O O O F");
        form("/teams", w -> "/teams", Map.of("name", "West", "supervisor", "sup.north"), "U O F F F F");
        form("/teams/{name}/supervisor", w -> "/teams/North/supervisor", Map.of("supervisor", "sup.north"), "U O F F F F");
        get("/api/teams", "U O O O O F");
        get("/api/teams/{name}", w -> "/api/teams/North", "U O O O H F");
        json(HttpMethod.POST, "/api/teams", w -> "/api/teams", Map.of("name", "West", "supervisor", "sup.north"), "U O F F F F");
        json(HttpMethod.PUT, "/api/teams/{name}", w -> "/api/teams/North", Map.of("name", "North", "supervisor", "sup.north"), "U O F F F F");
        // users and settings
        get("/admin/users", "U O F F F F");
        get("/admin/users/new", "U O F F F F");
        get("/admin/users/{username}", w -> "/admin/users/hr.lin", "U O F F F F");
        form("/admin/users", w -> "/admin/users", Map.of("username", "new.user", "password", "a-long-enough-password", "role", "HR"), "U O F F F F");
        form("/admin/users/{username}", w -> "/admin/users/hr.lin", Map.of("role", "HR", "enabled", "on"), "U O F F F F");
        get("/api/users", "U O F F F F");
        get("/api/users/{username}", w -> "/api/users/hr.lin", "U O F F F F");
        json(HttpMethod.POST, "/api/users", w -> "/api/users", Map.of("username", "new.user", "password", "a-long-enough-password",
                "role", "ADMIN"), "U O F F F F");
        json(HttpMethod.PUT, "/api/users/{username}", w -> "/api/users/hr.lin", Map.of("role", "ADMIN"), "U O F F F F");
        get("/admin/settings", "U O F F F F");
        form("/admin/settings/defaults", w -> "/admin/settings/defaults", Map.of(), "U O F F F F");
        form("/admin/settings", w -> "/admin/settings", Map.of(), "U O F F F F");
        get("/api/settings", "U O F F F F");
        probe(HttpMethod.PUT, "/api/settings", w -> HttpRequest.PUT("/api/settings", settings.defaultsDocument()), "U O F F F F");
        get("/prometheus", "U O F F F F");
        get("/api/rollups", "U O F F F F");
        json(HttpMethod.POST, "/api/rollups/rebuild", w -> "/api/rollups/rebuild", Map.of(), "U O F F F F");
        get("/admin/rollups", "U O F F F F");
        form("/admin/rollups/rebuild", w -> "/admin/rollups/rebuild", Map.of(), "U O F F F F");
        // training
        get("/modules", "U O O O O O");
        get("/modules/{code}", w -> "/modules/acc", "U O O O O O");
        get("/modules/{code}", w -> "/modules/nope", "U H H H H H");
        get("/modules/{code}/lessons/{slug}", w -> "/modules/acc/lessons/01-only", "U O O O O O");
        get("/api/modules", "U O O O O O");
        get("/api/modules/{code}", w -> "/api/modules/acc", "U O O O O O");
        get("/api/modules/{code}/lessons/{slug}", w -> "/api/modules/acc/lessons/01-only", "U O O O O O");
        probe(HttpMethod.POST, "/api/modules/{code}/questions/import", w -> HttpRequest.POST("/api/modules/acc/questions/import",
                "::x::Fine? {T}\n").contentType(MediaType.TEXT_PLAIN_TYPE), "U O F F F F");
        probe(HttpMethod.POST, "/modules/{code}/import", w -> HttpRequest.POST("/modules/acc/import", MultipartBody.builder()
                .addPart("file", "bank.gift", MediaType.TEXT_PLAIN_TYPE, "::x::Fine? {T}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE), "U O F F F F");
        get("/api/modules/{code}/imports", w -> "/api/modules/acc/imports", "U O F F F F");
        get("/api/modules/{code}/imported-questions", w -> "/api/modules/acc/imported-questions", "U O F F F F");
        probe(HttpMethod.DELETE, "/api/modules/{code}/questions/{id}", w -> HttpRequest.DELETE("/api/modules/acc/questions/"
                + w.importedQuestion()), "U O F F F F");
        probe(HttpMethod.DELETE, "/api/modules/{code}/imports/{importId}", w -> HttpRequest.DELETE("/api/modules/acc/imports/"
                + w.bankImport()), "U O F F F F");
        get("/modules/{code}/questions/{id}/remove", w -> "/modules/acc/questions/" + w.importedQuestion() + "/remove", "U O F F F F");
        form("/modules/{code}/questions/{id}/remove", w -> "/modules/acc/questions/" + w.importedQuestion() + "/remove", Map.of(),
                "U O F F F F");
        get("/modules/{code}/imports/{importId}/remove", w -> "/modules/acc/imports/" + w.bankImport() + "/remove", "U O F F F F");
        form("/modules/{code}/imports/{importId}/remove", w -> "/modules/acc/imports/" + w.bankImport() + "/remove", Map.of(),
                "U O F F F F");
        get("/api/modules/{code}/questions", w -> "/api/modules/acc/questions", "U O F F F F");
        get("/api/modules/{code}/questions.gift", w -> "/api/modules/acc/questions.gift", "U O F F F F");
        get("/modules/{code}/questions", w -> "/modules/acc/questions", "U O F F F F");
        get("/modules/{code}/questions.gift", w -> "/modules/acc/questions.gift", "U O F F F F");
        probe(HttpMethod.DELETE, "/api/modules/{code}/questions/{id}", w -> HttpRequest.DELETE("/api/modules/acc/questions/99999999"),
                "U H F F F F");
        probe(HttpMethod.DELETE, "/api/modules/{code}/imports/{importId}", w -> HttpRequest.DELETE("/api/modules/acc/imports/99999999"),
                "U H F F F F");
        get("/modules/{code}/questions/{id}/remove", w -> "/modules/acc/questions/99999999/remove", "U H F F F F");
        get("/modules/{code}/imports/{importId}/remove", w -> "/modules/acc/imports/99999999/remove", "U H F F F F");
        form("/modules/{code}/questions/{id}/remove", w -> "/modules/acc/questions/99999999/remove", Map.of(), "U H F F F F");
        form("/modules/{code}/imports/{importId}/remove", w -> "/modules/acc/imports/99999999/remove", Map.of(), "U H F F F F");
        get("/assignments", "U O O O O O");
        get("/assignments/new", "U O F O O F");
        get("/assignments/{id}", w -> "/assignments/" + w.assignment(), "U O O O H O");
        form("/assignments", w -> "/assignments", Map.of("module", "acc", "team", "North", "dueOn", due), "U O F O F F");
        form("/assignments/{id}", w -> "/assignments/" + w.assignment(), Map.of("dueOn", due), "U O F O H F");
        form("/assignments/{id}/cancel", w -> "/assignments/" + w.assignment() + "/cancel", Map.of(), "U O F O H F");
        get("/api/assignments", "U O O O O O");
        get("/assignments.csv", "U O O O O O");
        probe(HttpMethod.POST, "/assignments/bulk", w -> HttpRequest.POST("/assignments/bulk",
                Map.of("action", "due_date", "dueOn", due, "id_" + w.assignment(), "on"))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE), "U O F O H F");
        probe(HttpMethod.POST, "/api/assignments/bulk", w -> HttpRequest.POST("/api/assignments/bulk",
                Map.of("action", "due_date", "dueOn", due, "ids", List.of(w.assignment()))).contentType(MediaType.APPLICATION_JSON_TYPE),
                "U O F O H F");
        get("/api/assignments/{id}", w -> "/api/assignments/" + w.assignment(), "U O O O H O");
        get("/api/assignments/{id}", w -> "/api/assignments/99999999", "U H H H H H");
        json(HttpMethod.POST, "/api/assignments", w -> "/api/assignments", Map.of("module", "acc", "team", "North", "dueOn", due), "U O F O F F");
        json(HttpMethod.PUT, "/api/assignments/{id}", w -> "/api/assignments/" + w.assignment(), Map.of("dueOn", due), "U O F O H F");
        probe(HttpMethod.DELETE, "/api/assignments/{id}", w -> HttpRequest.DELETE("/api/assignments/" + w.assignment()), "U O F O H F");
        get("/my-training", "U F F F F O");
        get("/training-matrix", "U O O O O F");
        get("/api/training-matrix", w -> "/api/training-matrix?team=North", "U O O O H F");
        get("/training/impact", "U O O O O F");
        get("/api/training/impact", w -> "/api/training/impact?" + PERIOD, "U O O O O F");
        // customer surveys: the report (agents read theirs on their scorecard), remarks (an agent their own), the definition
        get("/surveys", "U O O O O F");
        get("/surveys/remarks", "U O O O O O");
        get("/api/surveys/figures", w -> "/api/surveys/figures?" + PERIOD, "U O O O O F");
        get("/api/surveys/figures", w -> "/api/surveys/figures?team=North&" + PERIOD, "U O O O H F");
        get("/api/agents/{employeeNo}/survey", w -> "/api/agents/N1/survey?" + PERIOD, "U O O O H O");
        get("/api/surveys/remarks", w -> "/api/surveys/remarks?" + PERIOD, "U O O O O O");
        get("/api/surveys/remarks", w -> "/api/surveys/remarks?agent=N1&" + PERIOD, "U O O O H O");
        get("/api/surveys/definition", "U O O O O O");
        json(HttpMethod.PUT, "/api/surveys/definition", w -> "/api/surveys/definition",
                com.servicecoach.survey.SurveyDefinition.reference(), "U O F F F F");
        get("/admin/survey", "U O F F F F");
        form("/admin/survey", w -> "/admin/survey", Map.of(), "U O F F F F");
        form("/admin/survey/reference", w -> "/admin/survey/reference", Map.of(), "U O F F F F");
        get("/notifications", "U O O O O O");
        form("/notifications/read-all", w -> "/notifications/read-all", Map.of(), "U O O O O O");
        form("/notifications/{id}/read", w -> "/notifications/" + w.notification() + "/read", Map.of(), "U H H H H O");
        get("/api/notifications", "U O O O O O");
        get("/api/notifications/unread", "U O O O O O");
        get("/notifications/email", "U O O O O O");
        form("/notifications/email", w -> "/notifications/email", Map.of("address", "me@shop.test"), "U O O O O O");
        get("/api/notifications/email", "U O O O O O");
        json(HttpMethod.PUT, "/api/notifications/email", w -> "/api/notifications/email", Map.of(), "U O O O O O");
        get("/api/notifications/email/messages", "U O O O O O");
        get("/admin/email", "U O F F F F");
        get("/admin/email/{id}", w -> "/admin/email/" + w.email(), "U O F F F F");
        form("/admin/email/{id}/retry", w -> "/admin/email/" + w.email() + "/retry", Map.of(), "U O F F F F");
        form("/admin/email/test", w -> "/admin/email/test", Map.of("address", "ops@shop.test"), "U O F F F F");
        get("/admin/email/users/{username}", w -> "/admin/email/users/agent.north", "U O F F F F");
        form("/admin/email/users/{username}", w -> "/admin/email/users/agent.north", Map.of("address", "n1@shop.test"), "U O F F F F");
        get("/api/email/status", "U O F F F F");
        get("/api/email/messages", "U O F F F F");
        get("/api/email/messages/{id}", w -> "/api/email/messages/" + w.email(), "U O F F F F");
        json(HttpMethod.POST, "/api/email/messages/{id}/retry", w -> "/api/email/messages/" + w.email() + "/retry", Map.of(), "U O F F F F");
        json(HttpMethod.POST, "/api/email/test", w -> "/api/email/test", Map.of("address", "ops@shop.test"), "U O F F F F");
        get("/api/email/settings/{username}", w -> "/api/email/settings/agent.north", "U O F F F F");
        json(HttpMethod.PUT, "/api/email/settings/{username}", w -> "/api/email/settings/agent.north", Map.of(), "U O F F F F");
        json(HttpMethod.POST, "/api/notifications/read-all", w -> "/api/notifications/read-all", Map.of(), "U O O O O O");
        json(HttpMethod.POST, "/api/notifications/{id}/read", w -> "/api/notifications/" + w.notification() + "/read", Map.of(), "U H H H H O");
        // one interaction with its conversation, and the transcript import
        get("/api/interactions/{id:[0-9]+}", w -> "/api/interactions/" + w.interaction(), "U O O O H O");
        get("/interactions/{id:[0-9]+}", w -> "/interactions/" + w.interaction(), "U O O O H O");
        get("/interactions/transcripts", "U O F O O F");
        probe(HttpMethod.POST, "/interactions/transcripts", w -> HttpRequest.POST("/interactions/transcripts", MultipartBody.builder()
                .addPart("file", "t.csv", MediaType.TEXT_CSV_TYPE, "external_id,transcript\nACC-9,customer: hello\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE), "U O F O O F");
        probe(HttpMethod.POST, "/api/interactions/transcripts", w -> HttpRequest.POST("/api/interactions/transcripts",
                "external_id,transcript\nACC-9,customer: hello\n").contentType("text/csv"), "U O F O O F");
        // quality reviews: reviewers are supervisors (their teams') and administrators; agents see reviews of their conversations
        get("/quality/queue", "U O F O O F");
        get("/api/quality/queue", "U O F O O F");
        get("/api/quality/queue", w -> "/api/quality/queue?agent=N1", "U O F O H F");
        form("/quality/queue/sample", w -> "/quality/queue/sample", Map.of("week", "2026-03-02"), "U O F O O F");
        json(HttpMethod.POST, "/api/quality/queue/sample", w -> "/api/quality/queue/sample", Map.of("week", "2026-03-02"), "U O F O O F");
        form("/quality/queue/{interactionId}/state", w -> "/quality/queue/" + w.interaction() + "/state", Map.of("state", "skipped"),
                "U H F H H F");
        json(HttpMethod.PUT, "/api/quality/queue/{interactionId}", w -> "/api/quality/queue/" + w.interaction(), Map.of("state", "skipped"),
                "U H F H H F");
        get("/quality/reviews", "U O O O O O");
        get("/quality/reviews", w -> "/quality/reviews?agent=N1", "U O O O H O");
        get("/api/quality/reviews", "U O O O O O");
        get("/api/quality/reviews", w -> "/api/quality/reviews?agent=N1", "U O O O H O");
        probe(HttpMethod.POST, "/quality/reviews", w -> HttpRequest.POST("/quality/reviews", Map.of("interactionId",
                String.valueOf(w.interaction()))).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE),
                "U O F O H F");
        probe(HttpMethod.POST, "/api/quality/reviews", w -> HttpRequest.POST("/api/quality/reviews", Map.of("interactionId", w.interaction()))
                .contentType(MediaType.APPLICATION_JSON_TYPE), "U O F O H F");
        get("/quality/reviews/{id}", w -> "/quality/reviews/" + w.review(), "U O O O H O");
        get("/quality/reviews/{id}", w -> "/quality/reviews/99999999", "U H H H H H");
        get("/api/quality/reviews/{id}", w -> "/api/quality/reviews/" + w.review(), "U O O O H O");
        form("/quality/reviews/{id}", w -> "/quality/reviews/" + w.review(), Map.of("action", "save"), "U F F O H F");
        json(HttpMethod.PUT, "/api/quality/reviews/{id}", w -> "/api/quality/reviews/" + w.review(), Map.of("submit", false), "U F F O H F");
        form("/quality/reviews/{id}/dispute", w -> "/quality/reviews/" + w.review() + "/dispute", Map.of("reason", "It was fine"),
                "U F F F H O");
        json(HttpMethod.POST, "/api/quality/reviews/{id}/dispute", w -> "/api/quality/reviews/" + w.review() + "/dispute",
                Map.of("reason", "It was fine"), "U F F F H O");
        form("/quality/reviews/{id}/resolve", w -> "/quality/reviews/" + w.review() + "/resolve",
                Map.of("decision", "upheld", "resolutionNote", "As reviewed"), "U O F O H F");
        json(HttpMethod.POST, "/api/quality/reviews/{id}/resolve", w -> "/api/quality/reviews/" + w.review() + "/resolve",
                Map.of("decision", "upheld", "note", "As reviewed"), "U O F O H F");
        get("/quality/settings", "U O F O O F");
        form("/quality/settings", w -> "/quality/settings", Map.of("randomPerWeek", "2", "targetedPerWeek", "3"), "U O F F F F");
        get("/api/quality/sampling", "U O F O O F");
        json(HttpMethod.PUT, "/api/quality/sampling", w -> "/api/quality/sampling", Map.of("randomPerWeek", 2, "targetedPerWeek", 3),
                "U O F F F F");
        get("/api/quality/rubrics", "U O O O O O");
        get("/api/quality/figures/agents/{employeeNo}", w -> "/api/quality/figures/agents/N1?" + PERIOD, "U O O O H O");
        get("/api/quality/figures/agents/{employeeNo}", w -> "/api/quality/figures/agents/N2?" + PERIOD, "U O O O H H");
        get("/api/quality/figures/teams/{team}", w -> "/api/quality/figures/teams/North?" + PERIOD, "U O O O H F");
        // calibration sessions: supervisors and administrators; a session is its creator's (sup.north, also invited), its
        // invitees' (and admin) and administrators'; the new-session probes lack conversations and invitees (422)
        get("/quality/calibrations", "U O F O O F");
        get("/api/quality/calibrations", "U O F O O F");
        form("/quality/calibrations", w -> "/quality/calibrations", Map.of("title", "Probe", "rubric", "chat"), "U O F O O F");
        json(HttpMethod.POST, "/api/quality/calibrations", w -> "/api/quality/calibrations", Map.of("title", "Probe", "rubric", "chat"),
                "U O F O O F");
        get("/quality/calibrations/{id}", w -> "/quality/calibrations/" + w.calibration(), "U O F O H F");
        get("/quality/calibrations/{id}", w -> "/quality/calibrations/99999999", "U H F H H F");
        get("/api/quality/calibrations/{id}", w -> "/api/quality/calibrations/" + w.calibration(), "U O F O H F");
        form("/quality/calibrations/{id}/scores/{interactionId}", w -> "/quality/calibrations/" + w.calibration() + "/scores/"
                + w.interaction(), Map.of("mark.greeting", "5"), "U O F O H F");
        json(HttpMethod.PUT, "/api/quality/calibrations/{id}/scores/{interactionId}", w -> "/api/quality/calibrations/" + w.calibration()
                + "/scores/" + w.interaction(), Map.of("marks", List.of(Map.of("criterion", "greeting", "points", 5))), "U O F O H F");
        form("/quality/calibrations/{id}/submit", w -> "/quality/calibrations/" + w.calibration() + "/submit", Map.of(), "U O F O H F");
        json(HttpMethod.POST, "/api/quality/calibrations/{id}/submit", w -> "/api/quality/calibrations/" + w.calibration() + "/submit",
                Map.of(), "U O F O H F");
        // assessments
        get("/my-assessments", "U O O O O O");
        get("/assessments/{code}", w -> "/assessments/acc?agent=N1", "U O O O H O");
        form("/assessments/{code}/start", w -> "/assessments/acc/start", Map.of(), "U F F F F O");
        get("/attempts/{id}", w -> "/attempts/" + w.attempt(), "U O O O H O");
        get("/attempts/{id}", w -> "/attempts/99999999", "U H H H H H");
        form("/attempts/{id}/submit", w -> "/attempts/" + w.attempt() + "/submit", Map.of(), "U H H H H O");
        get("/grading", "U O O O O F");
        get("/grading/{attemptId}/{questionId}", w -> "/grading/" + w.attempt() + "/" + w.essay(), "U O O O H F");
        form("/grading/{attemptId}/{questionId}", w -> "/grading/" + w.attempt() + "/" + w.essay(),
                Map.of("points_1", "1", "points_2", "1"), "U O F O H F");
        get("/certifications", "U O O O O O");
        get("/item-analysis", w -> "/item-analysis?module=acc", "U O O O O F");
        get("/api/assessments", "U O O O O O");
        get("/api/assessments/{code}", w -> "/api/assessments/acc?agent=N1", "U O O O H O");
        get("/api/assessments/{code}/item-analysis", w -> "/api/assessments/acc/item-analysis", "U O O O O F");
        json(HttpMethod.POST, "/api/assessments/{code}/attempts", w -> "/api/assessments/acc/attempts", Map.of(), "U F F F F O");
        get("/api/attempts", "U O O O O O");
        get("/api/attempts/{id}", w -> "/api/attempts/" + w.attempt(), "U O O O H O");
        json(HttpMethod.PUT, "/api/attempts/{id}/answers/{questionId}", w -> "/api/attempts/" + w.attempt() + "/answers/" + w.essay(),
                Map.of("answer", "Sorry again."), "U H H H H O");
        json(HttpMethod.POST, "/api/attempts/{id}/submit", w -> "/api/attempts/" + w.attempt() + "/submit", Map.of(), "U H H H H O");
        json(HttpMethod.POST, "/api/attempts/{id}/questions/{questionId}/grade",
                w -> "/api/attempts/" + w.attempt() + "/questions/" + w.essay() + "/grade", Map.of("points", List.of(2, 1)), "U O F O H F");
        json(HttpMethod.POST, "/api/attempts/{id}/questions/{questionId}/grade",
                w -> "/api/attempts/99999999/questions/" + w.essay() + "/grade", Map.of("points", List.of(2, 1)), "U H F H H F");
        get("/api/grading-queue", "U O O O O F");
        get("/api/certifications", "U O O O O O");
        // interactions and scorecards
        get("/interactions", "U O O O O O");
        get("/interactions.csv", "U O O O O O");
        get("/interactions/import", "U O F O O F");
        probe(HttpMethod.POST, "/interactions/import", w -> HttpRequest.POST("/interactions/import", MultipartBody.builder()
                .addPart("charset", "UTF-8").addPart("file", "i.csv", MediaType.TEXT_CSV_TYPE, csv().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE), "U O F O O F");
        get("/interactions/imports/{id}", w -> "/interactions/imports/" + w.northImport(), "U O F O H F");
        get("/interactions/imports/{id}/rejected.csv", w -> "/interactions/imports/" + w.northImport() + "/rejected.csv", "U O F O H F");
        get("/api/interactions", "U O O O O O");
        get("/api/interactions", w -> "/api/interactions?team=North", "U O O O H F");
        probe(HttpMethod.POST, "/api/interactions/import", w -> HttpRequest.POST("/api/interactions/import", csv()).contentType("text/csv"),
                "U O F O O F");
        json(HttpMethod.POST, "/api/interactions/imports", w -> "/api/interactions/imports", Map.of("fileName", "x.csv"), "U O F O O F");
        get("/api/interactions/imports", "U O F O O F");
        get("/api/interactions/imports/{id}", w -> "/api/interactions/imports/" + w.northImport(), "U O F O H F");
        get("/api/interactions/imports/{id}/errors", w -> "/api/interactions/imports/" + w.northImport() + "/errors", "U O F O H F");
        probe(HttpMethod.POST, "/api/interactions/imports/{id}/upload", w -> HttpRequest.POST("/api/interactions/imports/" + w.northImport()
                + "/upload", csv()).contentType("text/csv"), "U O F O H F");
        // column mappings of helpdesk exports: kept by those who import (a preset can be read, not removed)
        get("/api/interactions/mappings", "U O F O O F");
        get("/api/interactions/mappings/{name}", w -> "/api/interactions/mappings/Zendesk", "U O F O O F");
        json(HttpMethod.PUT, "/api/interactions/mappings/{name}", w -> "/api/interactions/mappings/Access", Map.of("columns",
                Map.of("external_id", "Id", "agent", "Agent", "channel", "Channel", "created_at", "Created")), "U O F O O F");
        probe(HttpMethod.DELETE, "/api/interactions/mappings/{name}", w -> HttpRequest.DELETE("/api/interactions/mappings/Nope"),
                "U H F H H F");
        probe(HttpMethod.POST, "/api/interactions/import/preview", w -> HttpRequest.POST("/api/interactions/import/preview", csv())
                .contentType("text/csv"), "U O F O O F");
        get("/interactions/mappings", "U O F O O F");
        form("/interactions/mappings", w -> "/interactions/mappings", Map.of("name", "x"), "U O F O O F");
        form("/interactions/mappings/{name}/delete", w -> "/interactions/mappings/Nope/delete", Map.of(), "U H F H H F");
        probe(HttpMethod.POST, "/interactions/import/preview", w -> HttpRequest.POST("/interactions/import/preview", MultipartBody.builder()
                .addPart("charset", "UTF-8").addPart("file", "i.csv", MediaType.TEXT_CSV_TYPE, csv().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE), "U O F O O F");
        // survey responses imported: administrators for all interactions, supervisors for their teams' (a row of another
        // team's interaction is a rejected row, not a refusal)
        get("/surveys/import", "U O F O O F");
        probe(HttpMethod.POST, "/surveys/import", w -> HttpRequest.POST("/surveys/import", MultipartBody.builder()
                .addPart("charset", "UTF-8").addPart("file", "s.csv", MediaType.TEXT_CSV_TYPE, surveyCsv().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .build()).contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE), "U O F O O F");
        probe(HttpMethod.POST, "/api/surveys/import", w -> HttpRequest.POST("/api/surveys/import", surveyCsv()).contentType("text/csv"),
                "U O F O O F");
        get("/scorecards", "U O O O O O");
        get("/scorecards/how", "U O O O O O");
        get("/scorecards/me", "U H H H H O");
        get("/scorecards/agents/{employeeNo}", w -> "/scorecards/agents/N1?" + PERIOD, "U O O O H O");
        get("/scorecards/agents/{employeeNo}", w -> "/scorecards/agents/N2?" + PERIOD, "U O O O H H");
        get("/scorecards/teams/{team}", w -> "/scorecards/teams/North?" + PERIOD, "U O O O H F");
        get("/scorecards/teams/{team}/ranking.csv", w -> "/scorecards/teams/North/ranking.csv?" + PERIOD, "U O O O H F");
        get("/api/scorecards/agents/{employeeNo}", w -> "/api/scorecards/agents/N1?" + PERIOD, "U O O O H O");
        get("/api/scorecards/agents/{employeeNo}", w -> "/api/scorecards/agents/N2?" + PERIOD, "U O O O H H");
        get("/api/scorecards/teams/{team}", w -> "/api/scorecards/teams/North?" + PERIOD, "U O O O H F");
        // reports
        get("/reports", "U O O O O F");
        get("/reports/last-month", "U O O O O F");
        for (String format : new String[]{"", ".csv", ".pdf", ".xlsx"}) {
            get("/reports/performance" + format, w -> "/reports/performance" + format + "?" + PERIOD + "&team=North", "U O O O H F");
            get("/api/reports/performance" + format, w -> "/api/reports/performance" + format + "?" + PERIOD + "&team=North", "U O O O H F");
            get("/api/reports/performance" + format, w -> "/api/reports/performance" + format + "?" + PERIOD, "U O O F F F");
        }
        get("/api/reports/progress/{token}", w -> "/api/reports/progress/abcdefgh12", "U H H H H H");
        get("/reports/thresholds", "U O O O O F");
        form("/reports/thresholds", w -> "/reports/thresholds", Map.of("csatMin", "75", "firstResponseMin", "80", "resolutionMin", "80",
                "knowledgeMin", "60"), "U O O F F F");
        get("/api/reports/thresholds", "U O O O O F");
        json(HttpMethod.PUT, "/api/reports/thresholds", w -> "/api/reports/thresholds", thresholds(), "U O O F F F");
        get("/admin/audit", "U O F F F F");
        get("/api/reports/audit", "U O F F F F");
        // hosted surveys: the customer's page is public (its one-use token instead of a CSRF token); links for
        // supervisors' teams and administrators to issue, HR to read
        get("/survey/{token}", w -> "/survey/" + w.surveyToken(), "P P P P P P");
        form("/survey/{token}", w -> "/survey/" + w.surveyToken(), Map.of("score_attitude", "9", "remark", "Quick"), "P P P P P P");
        get("/api/surveys/links", w -> "/api/surveys/links?" + PERIOD, "U O O O O F");
        json(HttpMethod.POST, "/api/surveys/links", w -> "/api/surveys/links", Map.of("from", "2026-03-01", "to", "2026-03-31",
                "language", "zh"), "U O F O O F");
        get("/surveys/links", w -> "/surveys/links?" + PERIOD, "U O O O O F");
        form("/surveys/links", w -> "/surveys/links", Map.of("from", "2026-03-01", "to", "2026-03-31", "language", "en"), "U O F O O F");
        get("/surveys/links.csv", w -> "/surveys/links.csv?" + PERIOD, "U O O O O F");
    }

    static Map<String, Object> thresholds() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("csatMin", 75);
        t.put("firstResponseMin", 80);
        t.put("resolutionMin", 80);
        t.put("knowledgeMin", 60);
        return t;
    }

    /** The standard cast plus a module, N1's submitted attempt with an essay waiting, an assignment, a notification and an import. */
    World world() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        fixtures.user(DEMOTED, "ADMIN", null);
        fixtures.team("East", DEMOTED); // once demoted, they lead a team of their own, as sup.south does
        fixtures.user(DISABLED, "HR", null);
        api.forgetTokens();
        modules.standard("acc", AssessmentFixtures.Settings.plain());
        Map<String, Object> started = api.post("agent.north", "/api/assessments/acc/attempts", Map.of()).json();
        long attempt = ((Number) started.get("attempt")).longValue();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> questions = (List<Map<String, Object>>) started.get("questions");
        long essay = questions.stream().filter(q -> "essay".equals(q.get("type"))).map(q -> ((Number) q.get("id")).longValue())
                .findFirst().orElseThrow();
        api.put("agent.north", "/api/attempts/" + attempt + "/answers/" + essay, Map.of("answer", "Sorry."));
        api.post("agent.north", "/api/attempts/" + attempt + "/submit", Map.of());
        Api.Reply assigned = api.post("sup.north", "/api/assignments", Map.of("module", "acc", "agents", List.of("N1"),
                "dueOn", LocalDate.now().plusDays(10).toString()));
        long assignment = ((Number) ((Map<?, ?>) readList(assigned.body()).get(0)).get("id")).longValue();
        long notification = ((Number) api.get("agent.north", "/api/notifications").content().get(0).get("id")).longValue();
        long northImport = ((Number) api.post("sup.north", "/api/interactions/imports", Map.of("fileName", "n.csv")).json().get("id")).longValue();
        Api.Reply imported = api.send("admin", HttpRequest.POST("/api/modules/acc/questions/import", "::extra::Also fine? {T}\n")
                .contentType(MediaType.TEXT_PLAIN_TYPE));
        long bankImport = ((Number) imported.json().get("importId")).longValue();
        long importedQuestion = ((Number) api.get("admin", "/api/modules/acc/imported-questions").content().get(0).get("id")).longValue();
        Api.Reply session = api.post("sup.north", "/api/agents/N1/coaching", Map.of("heldOn", LocalDate.now().minusDays(1).toString(),
                "focus", "Access", "actions", List.of(Map.of("text", "Read the policy", "owner", "agent",
                        "dueOn", LocalDate.now().plusDays(7).toString()))));
        long coaching = ((Number) session.json().get("id")).longValue();
        @SuppressWarnings("unchecked")
        long coachingAction = ((Number) ((List<Map<String, Object>>) session.json().get("actions")).get(0).get("id")).longValue();
        api.send("admin", HttpRequest.POST("/api/interactions/import", csv()).contentType("text/csv"));
        api.post("admin", "/api/surveys/links", Map.of("from", "2026-03-01", "to", "2026-03-31", "language", "en"));
        String surveyToken = (String) api.get("admin", "/api/surveys/links?" + PERIOD).content().get(0).get("token");
        long email = ((Number) api.post("admin", "/api/email/test", Map.of("address", "ops@shop.test")).json().get("id")).longValue();
        long interaction = ((Number) api.get("admin", "/api/interactions?externalId=ACC-9").content().get(0).get("id")).longValue();
        long review = ((Number) api.post("sup.north", "/api/quality/reviews", Map.of("interactionId", interaction)).json().get("id")).longValue();
        Api.Reply submitted = api.put("sup.north", "/api/quality/reviews/" + review, Map.of("submit", true, "marks", List.of(
                Map.of("criterion", "greeting", "points", 5), Map.of("criterion", "understood-issue", "points", 15),
                Map.of("criterion", "accurate-information", "points", 20), Map.of("criterion", "identity-verified", "na", true),
                Map.of("criterion", "policy-followed", "na", true), Map.of("criterion", "tone-empathy", "points", 10),
                Map.of("criterion", "next-steps", "points", 15), Map.of("criterion", "closing", "points", 10))));
        assertEquals(200, submitted.status(), submitted.body());
        api.send("admin", HttpRequest.POST("/api/interactions/import", csv().replace("ACC-9", "ACC-8")).contentType("text/csv"));
        long second = ((Number) api.get("admin", "/api/interactions?externalId=ACC-8").content().get(0).get("id")).longValue();
        Api.Reply calibration = api.post("sup.north", "/api/quality/calibrations", Map.of("title", "Probe session", "rubric", "chat",
                "interactions", List.of(interaction, second), "invitees", List.of("sup.north", "admin")));
        assertEquals(201, calibration.status(), calibration.body());
        for (String caller : CALLERS) {
            if (caller != null) {
                api.token(caller);
            }
        }
        api.token(DEMOTED);
        api.token(DISABLED);
        sql("update app_user set role = 'SUPERVISOR' where username = '" + DEMOTED + "'");
        sql("update app_user set enabled = false where username = '" + DISABLED + "'");
        return new World(attempt, essay, assignment, notification, northImport, bankImport, importedQuestion, coaching,
                coachingAction, surveyToken, email, interaction, review, ((Number) calibration.json().get("id")).longValue());
    }

    List<?> readList(String json) {
        try {
            return mapper.readValue(json, io.micronaut.core.type.Argument.listOf(Map.class));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(json, e);
        }
    }

    void sql(String statement) {
        try (var c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var s = c.createStatement()) {
            s.executeUpdate(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyRouteOfTheRouterHasItsAccessRules() {
        routes();
        Set<String> covered = probes.stream().map(p -> p.method() + " " + p.template()).collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>();
        router.uriRoutes().filter(r -> !r.getHttpMethod().equals(HttpMethod.HEAD))
                .map(r -> r.getHttpMethodName() + " " + template(r)).filter(r -> !covered.contains(r)).forEach(missing::add);
        assertEquals(Set.of(), missing, "routes without access rules in this test");
    }

    static String template(UriRouteInfo<?, ?> route) {
        return route.getUriMatchTemplate().toString();
    }

    @Test
    void everyRouteAnswersEveryCallerAsTheAccessRulesSay() {
        routes();
        List<String> failures = new ArrayList<>();
        World world = world();
        for (Probe probe : probes) {
            List<String> callers = new ArrayList<>(CALLERS);
            callers.add(DEMOTED);
            callers.add(DISABLED);
            for (int i = 0; i < callers.size(); i++) {
                String caller = callers.get(i);
                char expected = i < CALLERS.size() ? probe.expected().charAt(i)
                        : caller.equals(DEMOTED) ? probe.expected().charAt(4) : probe.expected().charAt(0);
                MutableHttpRequest<?> request = probe.request().apply(world);
                String label = probe.method() + " " + request.getPath() + " as " + (caller == null ? "anonymous" : caller);
                Api.Reply reply = api.send(caller, request);
                String problem = check(expected, reply);
                if (problem != null) {
                    failures.add(label + ": " + problem);
                }
                if (probe.method() != HttpMethod.GET && reply.status() < 400) {
                    world = world();
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Why the reply breaks the expectation, or null. */
    static String check(char expected, Api.Reply reply) {
        int s = reply.status();
        if (s >= 500) {
            return "answered " + s;
        }
        boolean toSignIn = s == 401 || (s == 303 && reply.location() != null && reply.location().startsWith("/login"));
        return switch (expected) {
            case 'P' -> null;
            case 'U' -> toSignIn ? null : "expected to be sent to sign in, but was " + s;
            case 'F' -> s == 403 ? null : "expected 403 but was " + s;
            case 'H' -> s == 404 ? null : "expected 404 but was " + s;
            case 'O' -> !toSignIn && s != 403 && s != 404 ? null : "expected to be allowed but was " + s + " " + abbreviate(reply.body());
            default -> throw new IllegalArgumentException("expectation " + expected);
        };
    }

    static String abbreviate(String body) {
        return body == null ? "" : body.length() > 160 ? body.substring(0, 160) : body;
    }
}
