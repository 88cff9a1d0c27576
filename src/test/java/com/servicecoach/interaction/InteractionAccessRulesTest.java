package com.servicecoach.interaction;

import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
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
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every route of the interaction, scorecard and settings features with every role, and anonymously: 401 (or the
 * sign-in page) anonymous, 403 for a role the route is not for, 404 for what the caller may not see (api.md, "Access").
 */
@MicronautTest(transactional = false)
class InteractionAccessRulesTest {

    static final List<String> CALLERS = Arrays.asList(null, "admin", "hr.lin", "sup.north", "agent.north");
    static final String PERIOD = "from=2026-03-01&to=2026-03-31";
    static final String CSV = ImportHttp.HEADER + "\nACC-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,\n";

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
    InteractionImporter importer;
    @Inject
    ScoringSettingsService settings;

    Api api;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        api = new Api(http, mapper);
    }

    record Route(String name, Supplier<MutableHttpRequest<?>> request, List<Integer> expected) {
    }

    /** Expected statuses: anonymous, admin, hr.lin, sup.north, agent.north. */
    static List<Integer> expect(int anon, int admin, int hr, int sup, int agent) {
        return List.of(anon, admin, hr, sup, agent);
    }

    /** An import registered by the administrator (waiting for its file). */
    private long adminsImport() {
        return importer.create(InteractionImporter.Scope.allAgents("admin"), "a.csv", StandardCharsets.UTF_8, null).id();
    }

    private static MutableHttpRequest<?> page(String path) {
        return HttpRequest.GET(path).accept(MediaType.TEXT_HTML);
    }

    List<Route> routes() {
        List<Route> r = new ArrayList<>();
        r.add(new Route("import", () -> HttpRequest.POST("/api/interactions/import", CSV).contentType("text/csv"),
                expect(401, 200, 403, 200, 403)));
        r.add(new Route("register an import", () -> HttpRequest.POST("/api/interactions/imports", Map.of("fileName", "x.csv")),
                expect(401, 201, 403, 201, 403)));
        r.add(new Route("list imports", () -> HttpRequest.GET("/api/interactions/imports"), expect(401, 200, 403, 200, 403)));
        r.add(new Route("an administrator's import", () -> HttpRequest.GET("/api/interactions/imports/" + adminsImport()),
                expect(401, 200, 403, 404, 403)));
        r.add(new Route("its errors", () -> HttpRequest.GET("/api/interactions/imports/" + adminsImport() + "/errors"),
                expect(401, 200, 403, 404, 403)));
        r.add(new Route("send its file", () -> HttpRequest.POST("/api/interactions/imports/" + adminsImport() + "/upload", CSV)
                .contentType("text/csv"), expect(401, 200, 403, 404, 403)));
        r.add(new Route("list interactions", () -> HttpRequest.GET("/api/interactions"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("own interactions", () -> HttpRequest.GET("/api/interactions?agent=N1"), expect(401, 200, 200, 200, 200)));
        r.add(new Route("team-mate's interactions", () -> HttpRequest.GET("/api/interactions?agent=N2"), expect(401, 200, 200, 200, 404)));
        r.add(new Route("other team's agent's interactions", () -> HttpRequest.GET("/api/interactions?agent=S1"),
                expect(401, 200, 200, 404, 404)));
        r.add(new Route("own team's interactions", () -> HttpRequest.GET("/api/interactions?team=North"), expect(401, 200, 200, 200, 403)));
        r.add(new Route("other team's interactions", () -> HttpRequest.GET("/api/interactions?team=South"), expect(401, 200, 200, 404, 403)));
        r.add(new Route("own scorecard", () -> HttpRequest.GET("/api/scorecards/agents/N1?" + PERIOD), expect(401, 200, 200, 200, 200)));
        r.add(new Route("team-mate's scorecard", () -> HttpRequest.GET("/api/scorecards/agents/N2?" + PERIOD), expect(401, 200, 200, 200, 404)));
        r.add(new Route("other team's agent's scorecard", () -> HttpRequest.GET("/api/scorecards/agents/S1?" + PERIOD),
                expect(401, 200, 200, 404, 404)));
        r.add(new Route("own team's scorecard", () -> HttpRequest.GET("/api/scorecards/teams/North?" + PERIOD), expect(401, 200, 200, 200, 403)));
        r.add(new Route("other team's scorecard", () -> HttpRequest.GET("/api/scorecards/teams/South?" + PERIOD), expect(401, 200, 200, 404, 403)));
        r.add(new Route("read settings", () -> HttpRequest.GET("/api/settings"), expect(401, 200, 403, 403, 403)));
        r.add(new Route("change settings", () -> HttpRequest.PUT("/api/settings", settings.defaultsDocument()), expect(401, 200, 403, 403, 403)));

        r.add(new Route("upload page", () -> page("/interactions/import"), expect(303, 200, 403, 200, 403)));
        r.add(new Route("upload form", () -> HttpRequest.POST("/interactions/import", MultipartBody.builder().addPart("charset", "UTF-8")
                .addPart("file", "x.csv", new MediaType("text/csv"), CSV.getBytes(StandardCharsets.UTF_8)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML), expect(303, 303, 403, 303, 403)));
        r.add(new Route("import result page", () -> page("/interactions/imports/" + adminsImport()), expect(303, 200, 403, 404, 403)));
        r.add(new Route("rejected rows", () -> HttpRequest.GET("/interactions/imports/" + adminsImport() + "/rejected.csv"),
                expect(401, 200, 403, 404, 403)));
        r.add(new Route("interactions page", () -> page("/interactions"), expect(303, 200, 200, 200, 200)));
        r.add(new Route("other team's interactions page", () -> page("/interactions?team=South"), expect(303, 200, 200, 404, 403)));
        r.add(new Route("scorecards page", () -> page("/scorecards"), expect(303, 200, 200, 200, 303)));
        r.add(new Route("my scorecard", () -> page("/scorecards/me"), expect(303, 404, 404, 404, 303)));
        r.add(new Route("own scorecard page", () -> page("/scorecards/agents/N1"), expect(303, 200, 200, 200, 200)));
        r.add(new Route("team-mate's scorecard page", () -> page("/scorecards/agents/N2"), expect(303, 200, 200, 200, 404)));
        r.add(new Route("own team's scorecard page", () -> page("/scorecards/teams/North"), expect(303, 200, 200, 200, 403)));
        r.add(new Route("other team's scorecard page", () -> page("/scorecards/teams/South"), expect(303, 200, 200, 404, 403)));
        r.add(new Route("how it is computed", () -> page("/scorecards/how"), expect(303, 200, 200, 200, 200)));
        r.add(new Route("settings page", () -> page("/admin/settings"), expect(303, 200, 403, 403, 403)));
        r.add(new Route("restore default settings", () -> HttpRequest.POST("/admin/settings/defaults", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML), expect(303, 303, 403, 403, 403)));
        return r;
    }

    @Test
    void everyRouteAnswersEachRoleAsApiMdSays() {
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                // every call starts from the standard cast; its users' sessions are new, so are the tokens
                TestDatabase.clean(dataSource);
                fixtures.standardCast();
                api.forgetTokens();
                int actual = api.send(caller, route.request().get()).status();
                int expected = route.expected().get(i);
                if (actual != expected) {
                    failures.add(route.name() + " as " + (caller == null ? "anonymous" : caller) + ": expected " + expected
                            + " but was " + actual);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theMenuOffersEachRoleItsScorecardAndImportPages() {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("agent.north", List.of("/scorecards/me"));
        expected.put("hr.lin", List.of("/scorecards", "/interactions"));
        expected.put("sup.north", List.of("/scorecards", "/interactions", "/interactions/import"));
        expected.put("admin", List.of("/scorecards", "/interactions", "/interactions/import", "/admin/settings"));
        List<String> all = List.of("/scorecards/me", "\"/scorecards\"", "\"/interactions\"", "/interactions/import", "/admin/settings");
        expected.forEach((user, hrefs) -> {
            String html = api.send(user, page("/scorecards/how")).body();
            String nav = html.substring(html.indexOf("<nav"), html.indexOf("</nav>"));
            for (String href : all) {
                String plain = href.replace("\"", "");
                boolean wanted = hrefs.contains(plain);
                boolean present = nav.contains("href=\"" + plain + "\"");
                assertEquals(wanted, present, user + " menu, " + plain + ": " + nav);
            }
        });
    }
}
