package com.servicecoach.interaction;

import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.servicecoach.interaction.ImportHttp.HEADER;
import static com.servicecoach.interaction.ImportHttp.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The import as the upload page and the command line use it: a registered import reports its progress and
 * keeps its rejected rows (paged, and as CSV with a reason column); the page's multipart form; bodies larger
 * than the 10 MB limit on the import routes only; {@code import-interactions FILE}.
 */
@MicronautTest(transactional = false)
class InteractionImportJobTest {

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
    ImportInteractionsCommand command;

    Api api;

    static final String FILE = HEADER + "\n"
            + "J-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,\n"
            + "J-2,N1,fax,logistics,2026-03-02T09:00:00,,,,,\"say \"\"hi\"\", please\"\n"
            + "J-3,N2,phone,payment,2026-03-02T09:00:00,,,11,,\n";

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        api = new Api(http, mapper);
    }

    private long register(String user, String body) {
        Api.Reply created = api.post(user, "/api/interactions/imports", body);
        assertEquals(201, created.status(), created.body());
        assertEquals("waiting", created.json().get("status"));
        return n(created.json().get("id"));
    }

    @Test
    void aRegisteredImportReportsItsCountsAndKeepsItsRejectedRows() {
        long id = register("sup.north", "{\"fileName\":\"march.csv\",\"charset\":\"UTF-8\"}");
        Api.Reply uploaded = api.send("sup.north", HttpRequest.POST("/api/interactions/imports/" + id + "/upload",
                FILE.getBytes(StandardCharsets.UTF_8)).contentType("text/csv"));
        assertEquals(200, uploaded.status(), uploaded.body());
        Map<String, Object> job = uploaded.json();
        assertEquals(List.of("done", 3L, 1L, 0L, 0L, 2L), List.of(job.get("status"), n(job.get("received")),
                n(job.get("inserted")), n(job.get("updated")), n(job.get("unchanged")), n(job.get("rejected"))));
        assertEquals("march.csv", job.get("fileName"));
        assertEquals(FILE.getBytes(StandardCharsets.UTF_8).length, n(job.get("bytesRead")));

        Map<String, Object> status = api.get("sup.north", "/api/interactions/imports/" + id).json();
        assertEquals("done", status.get("status"));
        assertEquals(2L, n(status.get("rejected")));

        Api.Reply errors = api.get("sup.north", "/api/interactions/imports/" + id + "/errors?size=1&page=1");
        assertEquals(200, errors.status());
        assertEquals(2L, n(errors.json().get("totalElements")));
        assertEquals(4L, n(errors.content().get(0).get("line")));

        Api.Reply csv = api.send("sup.north", HttpRequest.GET("/interactions/imports/" + id + "/rejected.csv"));
        assertEquals(200, csv.status());
        String text = csv.body().replace("\uFEFF", "");
        String[] lines = text.split("\r\n");
        assertEquals("line," + HEADER + ",reason", lines[0]);
        assertTrue(lines[1].startsWith("3,J-2,N1,fax,logistics,2026-03-02T09:00:00,,,,,\"say \"\"hi\"\", please\",\"channel: 'fax'"),
                lines[1]);
        assertTrue(lines[2].startsWith("4,J-3,N2,phone,payment,2026-03-02T09:00:00,,,11,,,rating: '11' is outside"), lines[2]);

        // the same import cannot take a second file
        Api.Reply again = api.send("sup.north", HttpRequest.POST("/api/interactions/imports/" + id + "/upload",
                FILE.getBytes(StandardCharsets.UTF_8)).contentType("text/csv"));
        assertEquals(409, again.status());
    }

    @Test
    void anImportIsVisibleToWhoeverRanItAndToAdministratorsOnly() {
        long id = register("sup.north", "{\"fileName\":\"a.csv\"}");
        assertEquals(200, api.get("sup.north", "/api/interactions/imports/" + id).status());
        assertEquals(200, api.get("admin", "/api/interactions/imports/" + id).status());
        assertEquals(404, api.get("sup.south", "/api/interactions/imports/" + id).status());
        assertEquals(404, api.get("sup.south", "/interactions/imports/" + id + "/rejected.csv").status());
        assertEquals(403, api.get("hr.lin", "/api/interactions/imports/" + id).status());
        assertEquals(403, api.get("agent.north", "/api/interactions/imports/" + id).status());
        assertEquals(1L, n(api.get("sup.north", "/api/interactions/imports").json().get("totalElements")));
        assertEquals(0L, n(api.get("sup.south", "/api/interactions/imports").json().get("totalElements")));
        assertEquals(1L, n(api.get("admin", "/api/interactions/imports").json().get("totalElements")));
    }

    @Test
    void aRegisteredImportWithAnUnusableHeaderIsMarkedRejected() {
        long id = register("admin", "{\"fileName\":\"bad.csv\",\"charset\":\"GBK\"}");
        Api.Reply uploaded = api.send("admin", HttpRequest.POST("/api/interactions/imports/" + id + "/upload",
                "external_id,agent\nA,N1\n".getBytes(Charset.forName("GBK"))).contentType("text/csv"));
        assertEquals(422, uploaded.status());
        assertEquals("rejected", uploaded.json().get("status"));
        assertTrue(uploaded.json().get("message").toString().startsWith("line 1: header lacks required columns channel, created_at"),
                uploaded.body());
        assertEquals(400, api.post("admin", "/api/interactions/imports", "{\"charset\":\"EBCDIC\"}").status());
    }

    @Test
    void theUploadFormPostsTheFileAsMultipartAndShowsTheResultPage() {
        MultipartBody body = MultipartBody.builder()
                .addPart("charset", "UTF-8")
                .addPart("source", "helpdesk")
                .addPart("file", "march.csv", new MediaType("text/csv"), FILE.getBytes(StandardCharsets.UTF_8))
                .build();
        Api.Reply posted = api.send("sup.north", HttpRequest.POST("/interactions/import", body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML));
        assertEquals(303, posted.status(), posted.body());
        Map<String, Object> job = api.get("sup.north", "/api/interactions/imports").content().get(0);
        assertEquals(List.of("done", "march.csv", "helpdesk", 1L, 2L), List.of(job.get("status"), job.get("fileName"),
                job.get("source"), n(job.get("inserted")), n(job.get("rejected"))));
        Api.Reply page = api.send("sup.north", HttpRequest.GET("/interactions/imports/" + n(job.get("id"))).accept(MediaType.TEXT_HTML));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("id=\"n-inserted\">1<"), page.body());
        assertTrue(page.body().contains("channel: &#39;fax&#39;") || page.body().contains("channel: 'fax'"), page.body());
        assertTrue(page.body().contains("/rejected.csv"));
    }

    @Test
    void onlyTheImportRoutesTakeBodiesOverTenMegabytes() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        String remark = "x".repeat(1990);
        int rows = 0;
        while (csv.length() < 11 * 1024 * 1024) {
            rows++;
            csv.append("BIG-").append(rows).append(",N1,chat,logistics,2026-03-02T09:00:00,,,,,").append(remark).append('\n');
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        Api.Reply imported = ImportHttp.post(api, "admin", body, "");
        ImportHttp.assertCounts(imported, rows, rows, 0, 0, 0);

        Api.Reply elsewhere = api.send("admin", HttpRequest.POST("/api/agents/import", body).contentType("text/csv"));
        assertEquals(413, elsewhere.status());
    }

    @Test
    void theCommandLineImportUsesTheSameRules() throws Exception {
        Path file = Files.createTempFile("interactions-", ".csv");
        try {
            Files.writeString(file, FILE.replace("J-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,", "J-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,客服"),
                    Charset.forName("GBK"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = command.run(List.of(file.toString(), "--charset", "GBK", "--source", "cli"),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertTrue(printed.contains("received 3, inserted 1, updated 0, unchanged 0, rejected 2"), printed);
            assertTrue(printed.contains("line 3: channel: 'fax'"), printed);
            Map<String, Object> row = api.get("admin", "/api/interactions").content().get(0);
            assertEquals(List.of("cli", "J-1", "客服"), List.of(row.get("source"), row.get("externalId"), row.get("comment")));

            assertEquals(2, command.run(List.of(), new PrintStream(out), new PrintStream(err)));
            assertEquals(2, command.run(List.of(file.toString(), "--charset", "latin1"), new PrintStream(out), new PrintStream(err)));
            assertEquals(1, command.run(List.of(file + ".missing"), new PrintStream(out), new PrintStream(err)));
            Files.writeString(file, "external_id\nA\n");
            assertEquals(1, command.run(List.of(file.toString()), new PrintStream(out), new PrintStream(err)));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
