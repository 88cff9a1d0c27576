package com.servicecoach.interaction;

import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.servicecoach.interaction.ImportHttp.HEADER;
import static com.servicecoach.interaction.ImportHttp.assertCounts;
import static com.servicecoach.interaction.ImportHttp.errors;
import static com.servicecoach.interaction.ImportHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/interactions/import} over HTTP: encodings, column order, bad rows, re-imports, the header rule. */
@MicronautTest(transactional = false)
class InteractionImportApiTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;

    Api api;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        api = new Api(http, mapper);
    }

    private List<Map<String, Object>> stored() {
        Api.Reply r = api.get("admin", "/api/interactions?sort=externalId,asc&size=200");
        assertEquals(200, r.status(), r.body());
        return r.content();
    }

    private Map<String, Object> stored(String externalId) {
        return stored().stream().filter(i -> i.get("externalId").equals(externalId)).findFirst()
                .orElseThrow(() -> new AssertionError("not stored: " + externalId));
    }

    @Test
    void utf8FileWithByteOrderMarkIsImportedWithItsChineseText() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        body.writeBytes((HEADER + "\nT-1,N1,chat,logistics,2026-03-02T09:15:00,2026-03-02T09:15:40,,9,,物流很快，谢谢\n")
                .getBytes(StandardCharsets.UTF_8));
        Api.Reply reply = post(api, "admin", body.toByteArray(), "");
        assertCounts(reply, 1, 1, 0, 0, 0);
        assertEquals(List.of(), errors(reply));
        Map<String, Object> row = stored("T-1");
        assertEquals("物流很快，谢谢", row.get("comment"));
        assertEquals("2026-03-02T01:15:00Z", row.get("createdAt"));
        assertEquals(40, ((Number) row.get("firstResponseSeconds")).intValue());
    }

    @Test
    void gbkFileIsImportedWithCharsetGbk() {
        String csv = HEADER + "\nT-2,N2,phone,complaint,2026-03-02T10:00:00,2026-03-02T10:00:05,2026-03-02T10:30:00,3,5,客服态度很好，物流太慢\n";
        Api.Reply reply = post(api, "admin", csv, Charset.forName("GBK"), "?charset=GBK");
        assertCounts(reply, 1, 1, 0, 0, 0);
        Map<String, Object> row = stored("T-2");
        assertEquals("客服态度很好，物流太慢", row.get("comment"));
        assertEquals(6, ((Number) row.get("rating")).intValue(), "3 of 5 is stored as 6 of 10");
    }

    @Test
    void gbkFileSentAsUtf8IsRejectedRowByRowWithAHint() {
        String csv = HEADER + "\nT-3,N2,phone,complaint,2026-03-02T10:00:00,,,,,客服态度很好\n";
        Api.Reply reply = post(api, "admin", csv, Charset.forName("GBK"), "");
        assertCounts(reply, 1, 0, 0, 0, 1);
        Map<String, Object> error = errors(reply).get(0);
        assertEquals(2, ((Number) error.get("line")).intValue());
        assertTrue(error.get("message").toString().startsWith("comment: contains bytes that are not valid UTF-8"),
                error.toString());
        assertTrue(stored().isEmpty());
    }

    @Test
    void unknownCharsetIsABadRequest() {
        Api.Reply reply = post(api, "admin", HEADER + "\n", StandardCharsets.UTF_8, "?charset=latin1");
        assertEquals(400, reply.status());
    }

    @Test
    void columnsMayComeInAnyOrderAndUnknownColumnsAreIgnored() {
        String csv = "rating,Notes,created_at,AGENT,channel,external_id,source\n"
                + "7,ignored text,2026-03-02T09:00:00Z,S1,Social,Q-1,shop-b\n";
        Api.Reply reply = post(api, "admin", csv);
        assertCounts(reply, 1, 1, 0, 0, 0);
        Map<String, Object> row = stored("Q-1");
        assertEquals("shop-b", row.get("source"));
        assertEquals("S1", row.get("agent"));
        assertEquals("social", row.get("channel"));
        assertEquals("other", row.get("category"), "category defaults to other");
        assertEquals(7, ((Number) row.get("rating")).intValue());
        assertEquals(null, row.get("firstResponseAt"));
    }

    @Test
    void everyKindOfBadRowIsRejectedOnceAtTheLineWhereItStarts() {
        String csv = HEADER + "\n"
                + "OK-1,N1,chat,logistics,2026-03-02T09:00:00,2026-03-02T09:00:30,2026-03-02T09:10:00,9,,\"a remark\n"
                + "over two lines\"\n"                                                           // lines 2-3: stored
                + ",N1,chat,logistics,2026-03-02T09:00:00,,,,,\n"                                // 4: external_id missing
                + "B-2,N1,chat,logistics,2026-03-02 09:00:00,,,,,\n"                             // 5: space instead of T
                + "B-3,N1,chat,logistics,2026-03-02T09:00:00,2026-03-02T08:59:59,,,,\n"          // 6: response before creation
                + "B-4,N1,chat,logistics,2026-03-02T09:00:00,,2026-03-02T08:00:00,,,\n"          // 7: resolved before creation
                + "B-5,N1,chat,logistics,2026-03-02T09:00:00,2026-03-02T09:30:00,2026-03-02T09:10:00,,,\n" // 8: resolved before response
                + "B-6,N1,chat,logistics,2026-03-02T09:00:00,,,11,,\n"                            // 9: rating above 10
                + "B-7,N1,chat,logistics,2026-03-02T09:00:00,,,6,5,\n"                            // 10: 6 on the 5-point scale
                + "B-8,N1,chat,logistics,2026-03-02T09:00:00,,,7.5,,\n"                           // 11: not a whole number
                + "B-9,N1,fax,logistics,2026-03-02T09:00:00,,,,,\n"                               // 12: unknown channel
                + "B-10,N1,chat,shipping,2026-03-02T09:00:00,,,,,\n"                              // 13: unknown category
                + "B-11,ZZ9,chat,logistics,2026-03-02T09:00:00,,,,,\n"                            // 14: unknown agent
                + "B-12,N1,chat,logistics,2026-03-02T09:00:00,,,\n"                               // 15: too few fields
                + "B-13,N1,chat,logistics,\"2026-03-02T09:00:00\"x,,,,,\n"                        // 16: text after a quote
                + "B-14,N1,fax,shipping,2026-03-02,,,0,,\n"                                       // 17: several problems, one error
                + "OK-2,N2,email,payment,2026-03-02T09:00:00+08:00,,,,,\n";                       // 18: stored
        Api.Reply reply = post(api, "admin", csv);
        assertCounts(reply, 16, 2, 0, 0, 14);
        List<Map<String, Object>> errors = errors(reply);
        assertEquals(List.of(4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17),
                errors.stream().map(e -> ((Number) e.get("line")).intValue()).toList());
        String[] starts = {"external_id: is required", "created_at: '2026-03-02 09:00:00'", "first_response_at:",
                "resolved_at: '2026-03-02T08:00:00' is before created_at", "resolved_at: '2026-03-02T09:10:00' is before first_response_at",
                "rating: '11' is outside the 1-10 scale", "rating: '6' is outside the 1-5 scale", "rating: '7.5' is not a whole number",
                "channel: 'fax'", "category: 'shipping'", "agent: unknown employee number 'ZZ9'", "row has 8 fields but the header has 10",
                "created_at: not valid CSV", "channel: 'fax'"};
        for (int i = 0; i < starts.length; i++) {
            String message = errors.get(i).get("message").toString();
            assertTrue(message.startsWith(starts[i]), "line " + errors.get(i).get("line") + ": " + message);
        }
        String several = errors.get(13).get("message").toString();
        assertTrue(several.contains("category: 'shipping'") && several.contains("created_at: '2026-03-02'")
                && several.contains("rating: '0'"), several);
        assertEquals(List.of("OK-1", "OK-2"), stored().stream().map(i -> i.get("externalId")).toList());
        assertEquals("a remark\nover two lines", stored("OK-1").get("comment"));
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndCountsUnchanged() {
        String csv = HEADER + "\n"
                + "R-1,N1,chat,logistics,2026-03-02T09:00:00,2026-03-02T09:00:30,2026-03-02T09:10:00,4,5,\n"
                + "R-2,N1,email,payment,2026-03-02T09:00:00.123456789+08:00,,,,,\n";
        assertCounts(post(api, "admin", csv), 2, 2, 0, 0, 0);
        assertCounts(post(api, "admin", csv), 2, 0, 0, 2, 0);
        // the same values written differently are unchanged after normalisation: the same UTC instant, 4 of 5 = 8 of 10,
        // an empty column = an absent one, channel in capitals
        String same = "external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n"
                + "R-1,N1,CHAT,logistics,2026-03-02T01:00:00Z,2026-03-02T01:00:30.000Z,2026-03-02T09:10:00+08:00,8,10,\n"
                + "R-2,N1,email,payment,2026-03-02T01:00:00.123456789Z,,,,,\n";
        assertCounts(post(api, "admin", same), 2, 0, 0, 2, 0);
        assertEquals("2026-03-02T01:00:00.123456789Z", stored("R-2").get("createdAt"), "nanoseconds are kept");
        String changed = HEADER + "\n"
                + "R-1,N1,chat,logistics,2026-03-02T09:00:00,2026-03-02T09:00:30,2026-03-02T09:10:00,5,5,\n"
                + "R-2,N1,email,payment,2026-03-02T09:00:00.123456788+08:00,,,,,\n"
                + "R-3,N2,phone,other,2026-03-03T10:00:00,,,,,\n";
        assertCounts(post(api, "admin", changed), 3, 1, 2, 0, 0);
        assertEquals(10, ((Number) stored("R-1").get("rating")).intValue());
        assertEquals("2026-03-02T01:00:00.123456788Z", stored("R-2").get("createdAt"));
        assertEquals(3, stored().size());
    }

    @Test
    void aKeyRepeatedInOneFileIsAReimportOfTheEarlierRow() {
        String csv = HEADER + "\n"
                + "D-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,\n"
                + "D-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,\n"      // the same again: unchanged
                + "D-1,N1,chat,logistics,2026-03-02T09:00:00,,,7,,\n"     // now rated: updated
                + "D-1,N2,chat,logistics,2026-03-02T09:00:00,,,7,,\n"     // another agent: updated
                + "D-1,N2,chat,logistics,2026-03-02T09:00:00,,,7,,\n";    // unchanged
        assertCounts(post(api, "admin", csv), 5, 1, 2, 2, 0);
        Map<String, Object> row = stored("D-1");
        assertEquals("N2", row.get("agent"));
        assertEquals(7, ((Number) row.get("rating")).intValue());
        assertEquals(1, stored().size());
        // the same key in another source is another interaction
        assertCounts(post(api, "admin", "source," + HEADER + "\nother,D-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,\n"),
                1, 1, 0, 0, 0);
        assertEquals(2, stored().size());
    }

    @Test
    void aHeaderWithoutARequiredColumnRejectsTheWholeFile() {
        String csv = "external_id,agent,created_at\nH-1,N1,2026-03-02T09:00:00\nH-2,N1,2026-03-02T10:00:00\n";
        Api.Reply reply = post(api, "admin", csv);
        assertEquals(422, reply.status());
        assertEquals(0, ImportHttp.n(reply.json().get("received")));
        List<Map<String, Object>> errors = errors(reply);
        assertEquals(1, errors.size());
        assertEquals(1, ((Number) errors.get(0).get("line")).intValue());
        assertTrue(errors.get(0).get("message").toString().contains("channel"), errors.toString());
        assertTrue(stored().isEmpty());
        Api.Reply empty = post(api, "admin", "");
        assertEquals(422, empty.status());
        assertEquals(1, ((Number) errors(empty).get(0).get("line")).intValue());
    }

    @Test
    void aMixedFileStoresItsGoodRowsAndListsItsBadOnes() {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 30; i++) {
            csv.append("M-").append(i).append(",N1,chat,logistics,2026-03-02T09:").append(String.format("%02d", i))
                    .append(":00,,,").append(i % 3 == 0 ? "12" : "8").append(",,\n");
        }
        Api.Reply reply = post(api, "admin", csv.toString());
        assertCounts(reply, 30, 20, 0, 0, 10);
        assertEquals(List.of(4, 7, 10, 13, 16, 19, 22, 25, 28, 31),
                errors(reply).stream().map(e -> ((Number) e.get("line")).intValue()).toList());
        assertEquals(20, stored().size());
    }

    @Test
    void sourceParameterNamesTheSourceOfRowsWithoutOne() {
        String csv = "source," + HEADER + "\n"
                + ",S-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,\n"
                + "crm,S-2,N1,chat,logistics,2026-03-02T09:00:00,,,,,\n";
        assertCounts(post(api, "admin", csv.getBytes(StandardCharsets.UTF_8), "?source=tmall"), 2, 2, 0, 0, 0);
        assertEquals("tmall", stored("S-1").get("source"));
        assertEquals("crm", stored("S-2").get("source"));
    }

    @Test
    void supervisorsImportOnlyTheirOwnAgentsAndCannotTakeOverAnotherTeamsInteraction() {
        assertCounts(post(api, "admin", HEADER + "\nSOUTH-1,S1,chat,logistics,2026-03-02T09:00:00,,,,,\n"), 1, 1, 0, 0, 0);
        String csv = HEADER + "\n"
                + "P-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,\n"
                + "P-2,S1,chat,logistics,2026-03-02T09:00:00,,,,,\n"
                + "P-3,NOBODY,chat,logistics,2026-03-02T09:00:00,,,,,\n"
                + "SOUTH-1,N2,chat,logistics,2026-03-02T09:00:00,,,,,\n";
        Api.Reply reply = post(api, "sup.north", csv);
        assertCounts(reply, 4, 1, 0, 0, 3);
        List<Map<String, Object>> errors = errors(reply);
        assertEquals(List.of(3, 4, 5), errors.stream().map(e -> ((Number) e.get("line")).intValue()).toList());
        assertEquals("agent: 'S1' is not an agent of a team you lead", errors.get(0).get("message"));
        assertEquals("agent: unknown employee number 'NOBODY'", errors.get(1).get("message"),
                "an agent of another team and no agent at all are told apart");
        assertEquals("external_id: 'SOUTH-1' (source 'default') is an interaction of an agent of a team you do not lead",
                errors.get(2).get("message"));
        assertEquals("S1", stored("SOUTH-1").get("agent"), "the other team's interaction is untouched");
    }

    @Test
    void hrAndAgentsMayNotImport() {
        String csv = HEADER + "\nX-1,N1,chat,logistics,2026-03-02T09:00:00,,,,,\n";
        assertEquals(403, post(api, "hr.lin", csv).status());
        assertEquals(403, post(api, "agent.north", csv).status());
        assertEquals(401, post(api, null, csv).status());
        assertTrue(stored().isEmpty());
    }
}
