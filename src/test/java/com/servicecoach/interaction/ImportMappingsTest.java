package com.servicecoach.interaction;

import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Helpdesk exports imported as they come: a preset's file through {@code ?mapping=}, agents matched by the helpdesk
 * user id on their profile, a custom mapping saved and used, the preview, the pages and the rules of who may.
 */
@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class ImportMappingsTest extends HttpTest {

    @Inject
    AgentRepository agents;
    @Inject
    ImportInteractionsCommand command;

    /** The Zendesk sample names its agents Zhang Min and Wang Fang: their helpdesk user ids on N1's and N2's profiles. */
    @BeforeEach
    void helpdeskIds() {
        helpdeskId("N1", "Zhang Min");
        helpdeskId("N2", "Wang Fang");
    }

    void helpdeskId(String no, String id) {
        Agent a = agents.findByEmployeeNo(no).orElseThrow();
        agents.update(new Agent(a.id(), a.employeeNo(), a.name(), a.email(), id, a.teamId(), a.channels(), a.hiredOn(), a.status(),
                a.updatedAt()));
    }

    static byte[] sample(String name) {
        try (InputStream in = ImportMappingsTest.class.getResourceAsStream("/helpdesk-samples/" + name + ".csv")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    Api.Reply post(String user, String path, byte[] body) {
        return api.send(user, HttpRequest.POST(path, body).contentType("text/csv"));
    }

    static long n(Object o) {
        return ((Number) o).longValue();
    }

    @Test
    void aZendeskExportImportsThroughItsPresetWithoutEditing() {
        List<Map<String, Object>> list = api.get("sup.north", "/api/interactions/mappings").jsonList();
        assertEquals(List.of("Zendesk", "Freshdesk", "Zammad", "Chatwoot"), list.stream().map(m -> m.get("name")).toList());
        assertTrue(list.stream().allMatch(m -> Boolean.TRUE.equals(m.get("preset"))
                && !((String) ((Map<String, Object>) m.get("mapping")).get("format")).isBlank()), "each names its published format");

        Api.Reply r = post("admin", "/api/interactions/import?mapping=zendesk", sample("zendesk"));
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of(9L, 6L, 3L), List.of(n(r.json().get("received")), n(r.json().get("inserted")), n(r.json().get("rejected"))), r.body());
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
        assertEquals(List.of(7L, 8L, 9L), errors.stream().map(e -> n(e.get("line"))).toList(), "physical lines of the file");
        assertTrue(((String) errors.get(1).get("message")).contains("does not match the time format"), errors.toString());

        Map<String, Object> stored = api.get("admin", "/api/interactions?externalId=10485").content().get(0);
        assertEquals("zendesk", stored.get("source"));
        assertEquals("N2", stored.get("agent"), "Wang Fang is N2's helpdesk user id");
        assertEquals("email", stored.get("channel"));
        assertEquals("return_refund", stored.get("category"), "the Chinese tag 退款");
        assertEquals(1, n(stored.get("rating")), "Bad");
        // created 14:20:30 in the organization's zone, first reply 95 minutes later
        assertEquals("2026-03-04T06:20:30Z", stored.get("createdAt"));
        assertEquals("2026-03-04T07:55:30Z", stored.get("firstResponseAt"));

        // a re-import through the same mapping changes nothing
        Api.Reply again = post("admin", "/api/interactions/import?mapping=Zendesk", sample("zendesk"));
        assertEquals(6L, n(again.json().get("unchanged")), again.body());

        Api.Reply unknown = post("admin", "/api/interactions/import?mapping=Kayako", sample("zendesk"));
        assertEquals(404, unknown.status());
        assertTrue(unknown.body().contains("Zendesk") && unknown.body().contains("Chatwoot"), "names the mappings there are");
        assertEquals(403, post("hr.lin", "/api/interactions/import?mapping=Zendesk", sample("zendesk")).status());
    }

    @Test
    void aSupervisorsImportThroughAMappingKeepsToTheirTeams() {
        // N2 is North's as well; S1 (South) is named by email
        Api.Reply r = post("sup.south", "/api/interactions/import?mapping=Zendesk", sample("zendesk"));
        assertEquals(200, r.status(), r.body());
        assertEquals(0L, n(r.json().get("inserted")), "none of South's agents handled these");
        assertTrue(r.body().contains("is not an agent of a team you lead"), r.body());
    }

    @Test
    void aCustomMappingIsCheckedSavedAndUsed() {
        Map<String, Object> bad = new HashMap<>();
        bad.put("columns", Map.of("external_id", "Nr", "created_at", "Datum"));
        Api.Reply refused = api.put("sup.north", "/api/interactions/mappings/Shop%20desk", bad);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.body().contains("columns.agent") && refused.body().contains("columns.channel"), refused.body());
        assertEquals(422, api.put("sup.north", "/api/interactions/mappings/zendesk", Map.of("columns",
                Map.of("external_id", "Id", "agent", "A", "created_at", "C", "channel", "V"))).status(), "a preset's name");

        Map<String, Object> mapping = new HashMap<>();
        mapping.put("format", "our shop's own helpdesk, semicolon separated");
        mapping.put("columns", Map.of("external_id", "Nr", "agent", "Bearbeiter", "channel", "Kanal", "created_at", "Datum",
                "resolution_minutes", "Minuten bis gelöst", "rating", "Note"));
        mapping.put("values", Map.of("channel", Map.of("Telefon", "phone", "E-Mail", "email")));
        mapping.put("constants", Map.of("source", "shopdesk", "rating_scale", "5"));
        mapping.put("timeFormat", "dd.MM.yyyy HH:mm");
        mapping.put("timeZone", "Europe/Berlin");
        Api.Reply saved = api.put("sup.north", "/api/interactions/mappings/Shop%20desk", mapping);
        assertEquals(200, saved.status(), saved.body());
        assertEquals("Shop desk", saved.json().get("name"));

        helpdeskId("N1", "anna");
        String n2Email = agents.findByEmployeeNo("N2").orElseThrow().email().toUpperCase(java.util.Locale.ROOT);
        String file = "Nr;Bearbeiter;Kanal;Datum;Minuten bis gelöst;Note\n"
                + "SD-1;ANNA;Telefon;02.03.2026 09:15;30;4\n"
                + "SD-2;" + n2Email + ";E-Mail;02.03.2026 10:00;;\n"
                + "SD-3;anna;Fax;2026-03-02;;\n";
        Api.Reply r = post("admin", "/api/interactions/import?mapping=Shop%20desk", file.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.body());
        assertEquals(2L, n(r.json().get("inserted")), r.body());
        String error = (String) ((List<Map<String, Object>>) r.json().get("errors")).get(0).get("message");
        assertTrue(error.contains("channel: 'Fax'") && error.contains("created_at: \"2026-03-02\" does not match"), error);
        Map<String, Object> one = api.get("admin", "/api/interactions?externalId=SD-1").content().get(0);
        assertEquals("N1", one.get("agent"), "the helpdesk user id, case aside");
        assertEquals("2026-03-02T08:15:00Z", one.get("createdAt"), "09:15 in Berlin");
        assertEquals("2026-03-02T08:45:00Z", one.get("resolvedAt"), "30 minutes later");
        assertEquals(8, n(one.get("rating")), "4 of 5");
        assertEquals("shopdesk", one.get("source"));

        assertEquals(403, api.put("hr.lin", "/api/interactions/mappings/Other", mapping).status());
        assertEquals(204, api.send("sup.north", HttpRequest.DELETE("/api/interactions/mappings/Shop%20desk")).status());
        assertEquals(404, api.get("sup.north", "/api/interactions/mappings/Shop%20desk").status());
        assertEquals(422, api.send("admin", HttpRequest.DELETE("/api/interactions/mappings/Zendesk")).status());
    }

    @Test
    void aPreviewShowsTheFirstRowsAndStoresNothing() {
        helpdeskId("N1", "Min Zhang");
        helpdeskId("N2", "Fang Wang");
        Api.Reply r = post("sup.north", "/api/interactions/import/preview?mapping=Zammad", sample("zammad"));
        assertEquals(200, r.status(), r.body());
        List<Map<String, Object>> rows = r.jsonList();
        assertEquals(4, n(rows.get(0).get("line")), "the header is on line 3");
        assertTrue(rows.stream().anyMatch(x -> x.get("error") != null) && rows.stream().anyMatch(x -> x.get("interaction") != null));
        assertEquals(0, api.get("admin", "/api/interactions").content().size(), "nothing stored");
        Api.Reply header = post("sup.north", "/api/interactions/import/preview?mapping=Zendesk", sample("zammad"));
        assertEquals(422, header.status());
        assertTrue(header.body().contains("Zendesk") && header.body().contains("expects the columns")
                && header.body().contains("First reply time in minutes"), header.body());
    }

    @Test
    void thePagesOfferMappingsAndPreviewsInBothLanguages() {
        Api.BrowserSession sup = api.browser("sup.north");
        Api.Reply page = api.exchange(sup.on(HttpRequest.GET("/interactions/mappings").accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "zh-CN")));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("导入映射") && page.body().contains("data-mapping=\"Freshdesk\""), page.body());
        Api.Reply copy = api.exchange(sup.on(HttpRequest.GET("/interactions/mappings?from=Chatwoot").accept(MediaType.TEXT_HTML_TYPE)));
        assertTrue(copy.body().contains("value=\"Chatwoot (copy)\"") && copy.body().contains("Feedback Comment"), "a preset copied");
        Api.Reply bad = api.exchange(sup.on(HttpRequest.POST("/interactions/mappings", Map.of("name", "Broken", "document", "{not json",
                "_csrf", sup.csrf())).contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "zh-CN")));
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("不是有效的 JSON 映射"), bad.body());

        Api.Reply form = api.exchange(sup.on(HttpRequest.GET("/interactions/import").accept(MediaType.TEXT_HTML_TYPE)));
        assertTrue(form.body().contains("<option value=\"Zendesk\">") && form.body().contains("id=\"preview-form\""), "mapping and preview");

        MultipartBody body = MultipartBody.builder().addPart("mapping", "Freshdesk").addPart("charset", "UTF-8")
                .addPart("file", "freshdesk.csv", MediaType.TEXT_CSV_TYPE, sample("freshdesk")).build();
        Api.Reply preview = api.exchange(sup.on(HttpRequest.POST("/interactions/import/preview?_csrf=" + sup.csrf(), body)
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE)));
        assertEquals(200, preview.status(), preview.body());
        assertTrue(preview.body().contains("id=\"preview-table\"") && preview.body().contains("Ecommerce"), preview.body());
        assertFalse(preview.body().contains("Something went wrong"));
    }

    @Test
    void theCommandLineImportTakesAMapping() throws IOException {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("freshdesk-", ".csv");
        try {
            java.nio.file.Files.write(file, sample("freshdesk"));
            helpdeskId("N1", "Zhang Min");
            helpdeskId("N2", "Wang Fang");
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int code = command.run(List.of(file.toString(), "--mapping", "freshdesk"), new java.io.PrintStream(out, true, StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
            assertTrue(printed.contains("rejected 2") && printed.contains("line 7: channel: 'Ecommerce'"), printed);
            assertEquals("freshdesk", api.get("admin", "/api/interactions?externalId=5521").content().get(0).get("source"));
            assertEquals(2, command.run(List.of(file.toString(), "--mapping", "Kayako"), new java.io.PrintStream(out),
                    new java.io.PrintStream(err, true, StandardCharsets.UTF_8)));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("no import mapping \"Kayako\"; there are: Zendesk, Freshdesk"));
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }
}
