package com.servicecoach.report.rendering;

import com.servicecoach.report.ReportTestData;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV, XLSX and PDF hold the JSON's figures, and the CSV is the same bytes for the same data. */
@MicronautTest(transactional = false)
class ReportFormatsTest extends HttpTest {

    static final String MARCH = "from=2026-03-01&to=2026-03-31";

    @Inject
    ReportTestData data;

    @BeforeEach
    void interactions() {
        data.generated(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 31), 4, 11);
    }

    HttpResponse<byte[]> download(String user, String path) {
        return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(api.token(user)), byte[].class);
    }

    /** Where each CSV column's value is in an agent of the JSON report (independently of the application's column list). */
    static Map<String, Function<Map<String, Object>, Object>> expectedColumns() {
        Map<String, Function<Map<String, Object>, Object>> c = new LinkedHashMap<>();
        c.put("employee_no", a -> a.get("employeeNo"));
        c.put("name", a -> a.get("name"));
        c.put("team", a -> a.get("team"));
        c.put("status", a -> a.get("status"));
        c.put("rank", a -> a.get("rank"));
        for (String k : List.of("interactions", "responded", "resolved", "rated")) {
            c.put(k, a -> card(a).get(k));
        }
        c.put("frt_median_seconds", a -> card(a).get("frtMedianSeconds"));
        c.put("frt_p90_seconds", a -> card(a).get("frtP90Seconds"));
        c.put("resolution_median_seconds", a -> card(a).get("resolutionMedianSeconds"));
        c.put("resolution_p90_seconds", a -> card(a).get("resolutionP90Seconds"));
        for (String sla : List.of("first_response", "resolution")) {
            String key = sla.equals("first_response") ? "firstResponseSla" : "resolutionSla";
            for (String part : List.of("met", "breached", "pending")) {
                c.put(sla + "_" + part, a -> sub(card(a), key).get(part));
            }
            c.put(sla + "_sla_percent", a -> sub(card(a), key).get("percent"));
        }
        c.put("csat_percent", a -> card(a).get("csatPercent"));
        c.put("csat_low95", a -> card(a).get("csatLow95"));
        c.put("csat_high95", a -> card(a).get("csatHigh95"));
        c.put("average_rating", a -> card(a).get("averageRating"));
        for (String[] band : new String[][]{{"very_satisfied", "verySatisfied"}, {"satisfied", "satisfied"}, {"neutral", "neutral"},
                {"dissatisfied", "dissatisfied"}, {"very_dissatisfied", "veryDissatisfied"}}) {
            c.put(band[0], a -> sub(card(a), "bands").get(band[1]));
        }
        c.put("insufficient_ratings", a -> card(a).get("insufficientRatings"));
        c.put("knowledge_percent", a -> card(a).get("knowledgePercent"));
        c.put("composite_score", a -> sub(card(a), "composite").get("score"));
        // a component's effective weight, empty when it is not among the composite's (quality, until weighted)
        for (String name : List.of("responsiveness", "resolution", "satisfaction", "knowledge", "quality")) {
            c.put(name + "_effective_weight", a -> components(a).stream().filter(x -> name.equals(x.get("name"))).findFirst()
                    .map(x -> x.get("effectiveWeight")).orElse(null));
        }
        for (String k : List.of("assigned", "completed", "open", "overdue")) {
            c.put("training_" + k, a -> sub(a, "training").get(k));
        }
        for (String k : List.of("valid", "expiring", "expired")) {
            c.put("certifications_" + k, a -> a.get("certifications") == null ? null : sub(a, "certifications").get(k));
        }
        c.put("coaching_sessions_held", a -> sub(a, "coaching").get("sessionsHeld"));
        c.put("coaching_actions_done", a -> sub(a, "coaching").get("actionsDone"));
        c.put("coaching_actions_overdue", a -> sub(a, "coaching").get("actionsOverdue"));
        c.put("qa_reviews", a -> sub(a, "quality").get("reviews"));
        c.put("qa_score_percent", a -> sub(a, "quality").get("scorePercent"));
        c.put("survey_returned", a -> sub(a, "survey").get("returned"));
        c.put("survey_agent_driven_index_percent", a -> sub(a, "survey").get("agentDrivenIndex"));
        c.put("survey_company_driven_index_percent", a -> sub(a, "survey").get("companyDrivenIndex"));
        c.put("handed_over", a -> sub(a, "owners").get("handedOver"));
        c.put("received", a -> sub(a, "owners").get("received"));
        c.put("reopened", a -> sub(a, "owners").get("reopened"));
        c.put("reopen_rate_percent", a -> sub(a, "owners").get("reopenRate"));
        c.put("flags", a -> String.join(";", ReportTestData.list(a, "flags").stream().map(f -> (String) f.get("reason")).toList()));
        return c;
    }

    @Test
    void theCsvHasOneRowPerAgentWithEveryFigureAsTheJsonHasIt() throws Exception {
        Map<String, Object> report = api.get("hr.lin", "/api/reports/performance?" + MARCH).json();
        HttpResponse<byte[]> response = download("hr.lin", "/api/reports/performance.csv?" + MARCH);
        assertEquals("text/csv; charset=UTF-8", response.getContentType().orElseThrow().toString());
        assertTrue(response.header("Content-Disposition").contains("performance-2026-03-all-teams.csv"), response.header("Content-Disposition"));
        byte[] bytes = response.body();
        assertArrayEquals(ReportCsv.BOM, Arrays.copyOf(bytes, 3), "UTF-8 with a byte-order mark, for Excel");
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("employee_no,name,team,"), text);
        assertTrue(text.contains("\r\n"), "RFC 4180 line ends");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text)).getRecords();
        List<Map<String, Object>> agents = ReportTestData.list(report, "agents");
        assertEquals(agents.size(), rows.size());
        Map<String, Function<Map<String, Object>, Object>> expected = expectedColumns();
        try (CSVParser header = CSVFormat.RFC4180.parse(new StringReader(text))) {
            assertEquals(new ArrayList<>(expected.keySet()), header.getRecords().get(0).toList(), "every column, in this order");
        }
        boolean sawChinese = false;
        for (int i = 0; i < rows.size(); i++) {
            CSVRecord row = rows.get(i);
            Map<String, Object> agent = agents.get(i);
            for (Map.Entry<String, Function<Map<String, Object>, Object>> column : expected.entrySet()) {
                assertSame(column.getValue().apply(agent), row.get(column.getKey()), agent.get("employeeNo") + " " + column.getKey());
            }
            sawChinese |= row.get("name").equals("王芳");
            assertScale(row.get("csat_percent"), 1);
            assertScale(row.get("first_response_sla_percent"), 1);
            assertScale(row.get("average_rating"), 2);
        }
        assertTrue(sawChinese, "Chinese names survive the CSV");
    }

    @Test
    void theCsvIsTheSameBytesEveryTimeFromTheSameData() {
        byte[] first = download("hr.lin", "/api/reports/performance.csv?" + MARCH + "&team=North").body();
        byte[] second = download("admin", "/reports/performance.csv?" + MARCH + "&team=North").body();
        assertArrayEquals(first, second);
        data.csv("external_id,agent,channel,created_at,first_response_at,rating\nNEW-1,N1,chat,2026-03-20T10:00:00,2026-03-20T10:00:30,2\n");
        byte[] third = download("hr.lin", "/api/reports/performance.csv?" + MARCH + "&team=North").body();
        assertTrue(!Arrays.equals(first, third), "a new interaction changes the figures");
    }

    @Test
    void theWorkbookHoldsTheAgentsTeamsAndWhatTheReportWasComputedWith() throws Exception {
        Map<String, Object> report = api.get("hr.lin", "/api/reports/performance?" + MARCH).json();
        HttpResponse<byte[]> response = download("hr.lin", "/reports/performance.xlsx?" + MARCH);
        assertEquals(ReportFormat.XLSX.contentType(), response.getContentType().orElseThrow().toString());
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(response.body()))) {
            List<Row> rows = rows(wb.findSheet("Agents").orElseThrow());
            Map<String, Function<Map<String, Object>, Object>> expected = expectedColumns();
            List<String> headers = new ArrayList<>();
            rows.get(0).forEach(cell -> headers.add(cell.getText()));
            assertEquals(new ArrayList<>(expected.keySet()), headers);
            List<Map<String, Object>> agents = ReportTestData.list(report, "agents");
            assertEquals(agents.size() + 1, rows.size());
            for (int i = 0; i < agents.size(); i++) {
                Row row = rows.get(i + 1);
                int col = 0;
                for (Map.Entry<String, Function<Map<String, Object>, Object>> column : expected.entrySet()) {
                    Object want = column.getValue().apply(agents.get(i));
                    String at = agents.get(i).get("employeeNo") + " " + column.getKey();
                    if (want instanceof Number n) {
                        assertEquals(0, new BigDecimal(n.toString()).compareTo(row.getCellAsNumber(col).orElseThrow()), at);
                    } else if (want instanceof Boolean b) {
                        assertEquals(b, row.getCellAsBoolean(col).orElseThrow(), at);
                    } else if (want == null || "".equals(want)) {
                        assertTrue(!row.hasCell(col) || row.getCellText(col).isEmpty(), at + " is empty");
                    } else {
                        assertEquals(want, row.getCellText(col), at);
                    }
                    col++;
                }
            }
            List<Row> teams = rows(wb.findSheet("Teams").orElseThrow());
            assertEquals(List.of("North", "South"), teams.stream().skip(1).map(r -> r.getCellText(0)).toList());
            Map<String, Object> north = ReportTestData.list(report, "teams").get(0);
            assertEquals(0, new BigDecimal(ReportTestData.map(ReportTestData.map(north, "scorecard"), "composite").get("score").toString())
                    .compareTo(teams.get(1).getCellAsNumber(ReportXlsx.TEAM_COLUMNS.indexOf("composite_score")).orElseThrow()));
            Map<String, String> about = new LinkedHashMap<>();
            rows(wb.findSheet("Report").orElseThrow()).stream().skip(1).forEach(r -> about.put(r.getCellText(0), r.getCellText(1)));
            assertEquals("2026-03", about.get("period"));
            assertEquals("all teams", about.get("team"));
            assertEquals(report.get("dataCutoff"), about.get("data_cutoff_utc"));
            assertEquals(ReportTestData.map(report, "settings").get("hash"), about.get("settings_hash"));
            assertEquals(0, new BigDecimal("70").compareTo(new BigDecimal(about.get("threshold_csat_min"))));
        }
    }

    @Test
    void thePdfHoldsEveryAgentsNameChineseIncludedAndTheirFigures() throws Exception {
        Map<String, Object> report = api.get("hr.lin", "/api/reports/performance?" + MARCH).json();
        HttpResponse<byte[]> response = download("hr.lin", "/reports/performance.pdf?" + MARCH);
        assertEquals("application/pdf", response.getContentType().orElseThrow().toString());
        assertTrue(response.header("Content-Disposition").contains("filename=\"performance-2026-03-all-teams.pdf\""));
        String text;
        int pages;
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            text = new PDFTextStripper().getText(pdf);
            pages = pdf.getNumberOfPages();
        }
        assertTrue(text.contains("Performance report: All teams, 2026-03"), text);
        for (Map<String, Object> a : ReportTestData.list(report, "agents")) {
            assertTrue(text.contains((String) a.get("name")), a.get("name") + " in the PDF");
            String composite = String.valueOf(ReportTestData.map(card(a), "composite").get("score"));
            String csat = String.valueOf(card(a).get("csatPercent"));
            assertTrue(text.contains(composite), "composite " + composite + " of " + a.get("employeeNo"));
            assertTrue(text.contains(csat + " %"), "CSAT " + csat + " of " + a.get("employeeNo"));
        }
        assertTrue(text.contains("王芳"));
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.write(java.nio.file.Path.of("target", "report-sample.pdf"), response.body());
        assertTrue(pages >= 4, "the report, then one appendix page per agent: " + pages);

        HttpResponse<byte[]> chinese = http.toBlocking().exchange(HttpRequest.GET("/api/reports/performance.pdf?" + MARCH + "&team=North")
                .bearerAuth(api.token("hr.lin")).header("Accept-Language", "zh-CN"), byte[].class);
        java.nio.file.Files.write(java.nio.file.Path.of("target", "report-sample-zh.pdf"), chinese.body());
        try (PDDocument pdf = Loader.loadPDF(chinese.body())) {
            String zh = new PDFTextStripper().getText(pdf);
            assertTrue(zh.contains("绩效报告") && zh.contains("团队对比") && zh.contains("王芳"), zh);
        }
    }

    static void assertSame(Object json, String csv, String what) {
        if (json == null) {
            assertEquals("", csv, what);
        } else if (json instanceof Number n) {
            assertEquals(0, new BigDecimal(n.toString()).compareTo(new BigDecimal(csv)), what + ": " + json + " vs " + csv);
        } else {
            assertEquals(String.valueOf(json), csv, what);
        }
    }

    static void assertScale(String value, int scale) {
        if (!value.isEmpty()) {
            assertEquals(scale, new BigDecimal(value).scale(), value + " has " + scale + " decimal(s), as in the JSON");
        }
    }

    static List<Row> rows(Sheet sheet) throws Exception {
        try (Stream<Row> s = sheet.openStream()) {
            return s.toList();
        }
    }

    static Map<String, Object> card(Map<String, Object> agent) {
        return ReportTestData.map(agent, "scorecard");
    }

    static Map<String, Object> sub(Map<String, Object> m, String key) {
        return ReportTestData.map(m, key);
    }

    static List<Map<String, Object>> components(Map<String, Object> agent) {
        return ReportTestData.list(sub(card(agent), "composite"), "components");
    }
}
