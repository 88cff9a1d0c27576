package com.servicecoach.survey;

import com.servicecoach.account.Role;
import com.servicecoach.account.Viewer;
import com.servicecoach.scoring.SurveyFigures;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.multipart.MultipartBody;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/surveys/import} and the page {@code /surveys/import}: responses to imported interactions, with the
 * interaction import's line rules, idempotency and access (supervisors their teams' interactions only).
 */
@MicronautTest(transactional = false)
class SurveyImportTest extends HttpTest {

    /** Every dimension of the reference survey, in its order. */
    static final String ALL = "attitude,product_quality,price,complaint_handling,problem_solving,return_handling,improvement,"
            + "communication,logistics";
    static final Viewer ADMIN = new Viewer("admin", Role.ADMIN, null);
    static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    static final LocalDate TO = LocalDate.of(2026, 3, 31);

    @Inject
    SurveyService surveys;

    /** North's N1 (T-1, T-4 from shop-b), N2 (T-2), South's S1 (T-3): all created in March 2026. */
    @BeforeEach
    void interactions() {
        String csv = "external_id,source,agent,channel,category,created_at\n"
                + "T-1,,N1,chat,logistics,2026-03-02T09:00:00\n"
                + "T-2,,N2,email,complaint,2026-03-02T10:00:00\n"
                + "T-3,,S1,chat,other,2026-03-03T11:00:00\n"
                + "T-4,shop-b,N1,phone,payment,2026-03-04T12:00:00\n";
        Api.Reply r = api.send("admin", HttpRequest.POST("/api/interactions/import", csv).contentType("text/csv"));
        assertEquals(200, r.status(), r.body());
        assertEquals(4L, n(r.json().get("inserted")), r.body());
    }

    // ---------------------------------------------------------------------------------------------- helpers

    Api.Reply post(String user, String csv) {
        return post(user, csv, "");
    }

    Api.Reply post(String user, String csv, String query) {
        return api.send(user, HttpRequest.POST("/api/surveys/import" + query, csv.getBytes(StandardCharsets.UTF_8))
                .contentType("text/csv"));
    }

    static void assertCounts(Api.Reply reply, long received, long inserted, long updated, long unchanged, long rejected) {
        assertEquals(200, reply.status(), reply.body());
        Map<String, Object> json = reply.json();
        assertEquals(List.of(received, inserted, updated, unchanged, rejected), List.of(n(json.get("received")),
                n(json.get("inserted")), n(json.get("updated")), n(json.get("unchanged")), n(json.get("rejected"))), reply.body());
    }

    /** The errors as line -> message, in the order answered. */
    @SuppressWarnings("unchecked")
    static Map<Integer, String> errors(Api.Reply reply) {
        Map<Integer, String> out = new LinkedHashMap<>();
        for (Map<String, Object> e : (List<Map<String, Object>>) reply.json().get("errors")) {
            out.put((int) n(e.get("line")), (String) e.get("message"));
        }
        return out;
    }

    static long n(Object o) {
        return ((Number) o).longValue();
    }

    /** Rows of a query on the survey tables, each its columns as text. */
    List<List<String>> rows(String sql) {
        List<List<String>> out = new ArrayList<>();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                out.add(row);
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    long responses() {
        return Long.parseLong(rows("select count(*) from survey where answered_at is not null").get(0).get(0));
    }

    String score(String externalId, String dimension) {
        List<List<String>> r = rows("select a.score from survey_answer a join interaction i on i.id = a.interaction_id "
                + "where i.external_id = '" + externalId + "' and a.dimension = '" + dimension + "'");
        return r.isEmpty() ? null : r.get(0).get(0);
    }

    /** The upload page, posted as a signed-in browser in a language. */
    Api.Reply page(String user, String csv, String language) {
        Api.BrowserSession browser = api.browser(user);
        return api.exchange(browser.on(HttpRequest.POST("/surveys/import?_csrf=" + URLEncoder.encode(browser.csrf(),
                        StandardCharsets.UTF_8), MultipartBody.builder().addPart("charset", "UTF-8").addPart("source", "")
                        .addPart("file", "answers.csv", MediaType.TEXT_CSV_TYPE, csv.getBytes(StandardCharsets.UTF_8)).build())
                .contentType(MediaType.MULTIPART_FORM_DATA_TYPE).accept(MediaType.TEXT_HTML_TYPE).header("Accept-Language", language)));
    }

    // ---------------------------------------------------------------------------------------------- tests

    @Test
    void goodFileIsStoredAndCountsInTheAgentsFigures() {
        String csv = "external_id,source," + ALL + ",remark,answered_at,ignored\n"
                + "T-1,,9,8,7,10,9,6,8,9,7,物流很快，客服很耐心,2026-03-05T10:00:00,x\n"
                + "T-2,,3,,,,,,,,,,2026-03-05T11:00:00Z,y\n"
                + "T-4,shop-b,10,,,,,,,,5,,2026-03-06T08:30:00.5+08:00,z\n";
        Api.Reply r = post("admin", csv);
        assertCounts(r, 3, 3, 0, 0, 0);
        assertEquals(Map.of(), errors(r));

        SurveyFigures n1 = surveys.agent(ADMIN, "N1", FROM, TO);
        assertEquals(2, n1.sent());
        assertEquals(2, n1.returned());
        assertEquals(1, n1.complete(), "T-1 rates every dimension, T-4 two of them");
        assertEquals(2, n1.dimension("attitude").answers());
        assertEquals(2, n1.dimension("attitude").satisfied());
        assertEquals(2, n1.dimension("logistics").answers());
        assertEquals(1, n1.dimension("logistics").satisfied(), "7 and 5");
        assertEquals(0, n1.dimension("return_handling").satisfied(), "6 is not satisfied");
        SurveyFigures n2 = surveys.agent(ADMIN, "N2", FROM, TO);
        assertEquals(1, n2.returned());
        assertEquals(0, n2.complete());
        assertEquals(1, n2.dimension("attitude").answers());
        assertEquals(0, n2.dimension("price").answers());

        List<List<String>> stored = rows("select i.external_id, s.source, s.origin, s.version, s.complete, s.remark, s.answered_at "
                + "from survey s join interaction i on i.id = s.interaction_id order by i.external_id");
        assertEquals(3, stored.size());
        assertEquals(List.of("T-1", "default", "import", "0"), stored.get(0).subList(0, 4));
        assertEquals("物流很快，客服很耐心", stored.get(0).get(5));
        assertTrue(stored.get(0).get(6).startsWith("2026-03-05 02:00:00"), "local time of Asia/Shanghai, stored in UTC: " + stored.get(0));
        assertNull(stored.get(1).get(5), "an empty remark is none");
        assertTrue(stored.get(1).get(6).startsWith("2026-03-05 11:00:00"), stored.get(1).toString());
        assertEquals("shop-b", stored.get(2).get(1));
        assertTrue(stored.get(2).get(6).startsWith("2026-03-06 00:30:00.5"), stored.get(2).toString());
        assertEquals("10", score("T-4", "attitude"));
        assertEquals("5", score("T-4", "logistics"));
        assertNull(score("T-4", "price"), "an empty cell is not answered");
    }

    @Test
    void rowsWithoutSourceTakeTheSourceOfTheRequestAndASemicolonFileIsRead() {
        Api.Reply r = post("admin", "external_id;attitude;answered_at\nT-4;8;2026-03-05T10:00:00\nT-1;8;2026-03-05T10:00:00\n",
                "?source=shop-b");
        assertCounts(r, 2, 1, 0, 0, 1);
        assertEquals(Map.of(3, "no interaction with source 'shop-b' and external_id 'T-1'"), errors(r));
        assertEquals("8", score("T-4", "attitude"));
    }

    @Test
    void rejectedRowsHaveOneErrorAtThePhysicalLineWhereTheyStart() {
        String csv = "external_id,attitude,price,remark,answered_at\n"
                + "T-1,0,,,2026-03-05T10:00:00\n"                          // 2
                + "T-2,11,5,,2026-03-05T10:00:00\n"                        // 3
                + "T-3,x,7.5,,2026-03-05T10:00:00\n"                       // 4
                + "\n"                                                     // 5: blank, skipped but counted
                + "T-1,8,,,2026-03-05 10:00:00\n"                          // 6
                + "NOPE,8,,,2026-03-05T10:00:00\n"                         // 7
                + "T-2,,,only words,2026-03-05T10:00:00\n"                 // 8
                + "T-3,,12,\"a remark\non two lines\",2026-02-30T10:00:00\n" // 9-10
                + ",8,,,\n"                                                // 11
                + "T-1,8,9\n"                                              // 12
                + "T-4,9,9,fine,2026-03-05T10:00:00\n";                    // 13: no such interaction in source default
        Api.Reply r = post("admin", csv);
        assertCounts(r, 10, 0, 0, 0, 10);
        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(2, "attitude: '0' is outside the 1-10 scale");
        expected.put(3, "attitude: '11' is outside the 1-10 scale");
        expected.put(4, "attitude: 'x' is not a whole number; price: '7.5' is not a whole number");
        expected.put(6, "answered_at: '2026-03-05 10:00:00' is not an ISO-8601 date-time (YYYY-MM-DDTHH:MM:SS[.fff][Z|+HH:MM]): "
                + "a space instead of 'T'");
        expected.put(7, "no interaction with source 'default' and external_id 'NOPE'");
        expected.put(8, "no dimension answered (at least one of attitude, price needs a score from 1 to 10)");
        expected.put(9, "price: '12' is outside the 1-10 scale; answered_at: '2026-02-30T10:00:00' is not a valid date-time: "
                + "day 30 does not exist in 2026-02");
        expected.put(11, "external_id: is required but empty; answered_at: is required but empty");
        expected.put(12, "row has 3 fields but the header has 5 columns");
        expected.put(13, "no interaction with source 'default' and external_id 'T-4'");
        assertEquals(expected, errors(r));
        assertEquals(0, responses(), "nothing stored");
    }

    @Test
    void aRowWithSeveralProblemsAndAnUnknownInteractionListsThemAll() {
        Api.Reply r = post("admin", "external_id,attitude,answered_at\nNOPE,0,2026-03-05\n");
        assertCounts(r, 1, 0, 0, 0, 1);
        assertEquals(Map.of(2, "attitude: '0' is outside the 1-10 scale; answered_at: '2026-03-05' is not an ISO-8601 date-time "
                + "(YYYY-MM-DDTHH:MM:SS[.fff][Z|+HH:MM]): a date alone needs a time; no interaction with source 'default' and "
                + "external_id 'NOPE'"), errors(r));
    }

    @Test
    void aHeaderWithoutARequiredColumnOrAnyDimensionRejectsTheWholeFile() {
        Api.Reply missing = post("admin", "external_id,attitude,remark\nT-1,9,good\n");
        assertEquals(422, missing.status(), missing.body());
        assertEquals(Map.of(1, "the header lacks the required columns answered_at (required: external_id, answered_at)"),
                errors(missing));
        assertEquals(0L, n(missing.json().get("received")));

        Api.Reply noDimension = post("admin", "external_id,answered_at,remark,score\nT-1,2026-03-05T10:00:00,good,9\n");
        assertEquals(422, noDimension.status(), noDimension.body());
        assertEquals(Map.of(1, "the header has no dimension column (at least one of: " + ALL.replace(",", ", ") + ")"),
                errors(noDimension));

        Api.Reply twice = post("admin", "external_id,Attitude,attitude,answered_at\nT-1,9,9,2026-03-05T10:00:00\n");
        assertEquals(422, twice.status(), twice.body());
        assertEquals(Map.of(1, "the header names the columns attitude more than once"), errors(twice));

        Api.Reply empty = post("admin", "");
        assertEquals(422, empty.status(), empty.body());
        assertEquals(0, responses(), "nothing stored");
    }

    @Test
    void reImportingTheSameResponsesChangesNothingAndAChangedOneIsUpdated() {
        String csv = "external_id,attitude,price,remark,answered_at\n"
                + "T-1,9,8,good,2026-03-05T10:00:00\n"
                + "T-2,4,,slow,2026-03-05T11:00:00\n";
        assertCounts(post("admin", csv), 2, 2, 0, 0, 0);
        assertCounts(post("admin", csv), 2, 0, 0, 2, 0);
        assertCounts(post("admin", "answered_at,attitude,external_id,remark\n2026-03-05T10:00:00,9,T-1,good\n"), 1, 0, 1, 0, 0);
        assertNull(score("T-1", "price"), "the later response replaces the earlier, answers included");
        assertCounts(post("admin", "external_id,attitude,remark,answered_at\nT-2,4,slow,2026-03-05T03:00:00Z\n"), 1, 0, 0, 1, 0);
        assertEquals(2, responses());
    }

    @Test
    void aKeyRepeatedInTheFileIsAReImportOfTheEarlierRow() {
        String csv = "external_id,attitude,answered_at\n"
                + "T-1,3,2026-03-05T10:00:00\n"
                + "T-2,5,2026-03-05T10:00:00\n"
                + "T-1,9,2026-03-05T12:00:00\n"
                + "T-1,9,2026-03-05T12:00:00\n";
        assertCounts(post("admin", csv), 4, 2, 1, 1, 0);
        assertEquals("9", score("T-1", "attitude"), "the later row wins");
        assertEquals(2, responses());
    }

    @Test
    void aFileOfSeveralBatchesIsStoredWhole() {
        int count = SurveyImport.BATCH_ROWS * 2 + 100;
        StringBuilder interactions = new StringBuilder("external_id,agent,channel,created_at\n");
        StringBuilder answers = new StringBuilder("external_id,attitude,answered_at\n");
        for (int i = 0; i < count; i++) {
            interactions.append("B-").append(i).append(i % 2 == 0 ? ",N1" : ",N2").append(",chat,2026-03-10T09:00:00\n");
            answers.append("B-").append(i).append(',').append(1 + i % 10).append(",2026-03-11T09:00:00\n");
        }
        answers.append("B-0,10,2026-03-11T09:00:00\n");
        Api.Reply imported = api.send("admin", HttpRequest.POST("/api/interactions/import", interactions.toString()).contentType("text/csv"));
        assertEquals(count, n(imported.json().get("inserted")), imported.body());
        assertCounts(post("admin", answers.toString()), count + 1, count, 1, 0, 0);
        assertEquals(count, responses());
        assertEquals("10", score("B-0", "attitude"), "the repeated key's later row wins");
        assertEquals(count / 2, surveys.agent(ADMIN, "N2", FROM, TO).returned());
    }

    @Test
    void aSupervisorImportsForTheirTeamsInteractionsOnly() {
        String csv = "external_id,attitude,answered_at\nT-1,9,2026-03-05T10:00:00\nT-3,9,2026-03-05T10:00:00\n";
        Api.Reply north = post("sup.north", csv);
        assertCounts(north, 2, 1, 0, 0, 1);
        assertEquals(Map.of(3, "interaction 'T-3' (source 'default') is not of your teams"), errors(north));
        assertEquals("9", score("T-1", "attitude"));
        assertNull(score("T-3", "attitude"));
        Api.Reply admin = post("admin", csv);
        assertCounts(admin, 2, 1, 0, 1, 0);
    }

    @Test
    void hrAndAgentsMayNotImport() {
        String csv = "external_id,attitude,answered_at\nT-1,9,2026-03-05T10:00:00\n";
        assertEquals(403, post("hr.lin", csv).status());
        assertEquals(403, post("agent.north", csv).status());
        assertEquals(403, api.send("hr.lin", HttpRequest.GET("/surveys/import").accept(MediaType.TEXT_HTML_TYPE)).status());
        assertEquals(0, responses());
    }

    @Test
    void gbkFileIsReadWithCharsetGbk() {
        String csv = "external_id,attitude,remark,answered_at\nT-1,9,客服态度很好,2026-03-05T10:00:00\n";
        Api.Reply r = api.send("admin", HttpRequest.POST("/api/surveys/import?charset=GBK", csv.getBytes(Charset.forName("GBK")))
                .contentType("text/csv"));
        assertCounts(r, 1, 1, 0, 0, 0);
        assertEquals("客服态度很好", rows("select remark from survey").get(0).get(0));
        Api.Reply asUtf8 = api.send("admin", HttpRequest.POST("/api/surveys/import", csv.getBytes(Charset.forName("GBK")))
                .contentType("text/csv"));
        assertCounts(asUtf8, 1, 0, 0, 0, 1);
        assertTrue(errors(asUtf8).get(2).startsWith("remark: contains bytes that are not valid UTF-8"), asUtf8.body());
    }

    @Test
    void theFormListsTheDimensionsInTheReadersLanguage() {
        Api.Reply zh = api.send("sup.north", HttpRequest.GET("/surveys/import").accept(MediaType.TEXT_HTML_TYPE)
                .header("Accept-Language", "zh-CN"));
        assertEquals(200, zh.status(), zh.body());
        assertTrue(zh.body().contains("导入问卷答卷"), "title in Chinese");
        assertTrue(zh.body().contains("<code>attitude</code> · 服务态度"), "the dimensions with their Chinese wording");
        assertTrue(zh.body().contains("enctype=\"multipart/form-data\""));
        assertTrue(zh.body().contains("action=\"/surveys/import?_csrf="));
    }

    @Test
    void thePageShowsTheResultWithTheRejectedRowsInChinese() {
        String csv = "external_id,attitude,answered_at\nT-1,9,2026-03-05T10:00:00\nNOPE,0,2026-03-05T10:00:00\n";
        Api.Reply zh = page("admin", csv, "zh-CN");
        assertEquals(200, zh.status(), zh.body());
        assertTrue(zh.body().contains("id=\"n-inserted\">1<"), zh.body());
        assertTrue(zh.body().contains("id=\"n-rejected\">1<"), zh.body());
        assertTrue(zh.body().contains("attitude：“0”超出 1-10 分的量表；没有来源为“default”且 external_id 为“NOPE”的接触记录"),
                "the reason in Chinese: " + zh.body());

        Api.Reply en = page("admin", csv, "en");
        assertEquals(200, en.status(), en.body());
        assertTrue(en.body().contains("id=\"n-unchanged\">1<"), en.body());
        assertTrue(en.body().contains("attitude: &#39;0&#39; is outside the 1-10 scale; no interaction with source "
                + "&#39;default&#39; and external_id &#39;NOPE&#39;"), en.body());
    }

    @Test
    void thePageSaysWhyAFileIsRejected() {
        Api.Reply zh = page("sup.north", "external_id,attitude\nT-1,9\n", "zh-CN");
        assertEquals(422, zh.status(), zh.body());
        assertTrue(zh.body().contains("文件被拒绝，未保存任何内容"), zh.body());
        assertTrue(zh.body().contains("表头缺少必填列 answered_at"), zh.body());
        assertFalse(zh.body().contains("id=\"n-received\""));
        assertEquals(0, responses());
    }
}
