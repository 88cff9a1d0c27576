package com.servicecoach.report.rendering;

import com.servicecoach.agent.Team;
import com.servicecoach.report.ReportTestData;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Names that a spreadsheet would run as formulas ("CSV injection") reach the report's CSV neutralised (a
 * leading {@code '}, quoted), figures stay numbers, and the XLSX holds them as plain text, never formulas.
 */
@MicronautTest(transactional = false)
class ReportCsvInjectionTest extends HttpTest {

    static final String MARCH = "from=2026-03-01&to=2026-03-31";
    static final String CALC = "=cmd|' /C calc'!A0";
    static final String TEAM = "@SUM(1+1)*cmd|' /C calc'!A0";
    /** employee number -> name of the agents of the team {@link #TEAM}. */
    static final Map<String, String> NAMES = Map.of(
            "X1", CALC,
            "X2", "+1",
            "-3", "-2",
            "X4", "@SUM(A1:A9)",
            "X5", "\tTabbed",
            "X6", "\rReturn");

    @Inject
    ReportTestData data;

    @BeforeEach
    void agentsWithFormulaNames() {
        Team team = fixtures.team(TEAM, "sup.north");
        NAMES.forEach((no, name) -> fixtures.agent(no, name, team, "chat"));
        data.csv("external_id,agent,channel,created_at,first_response_at,rating\n"
                + "INJ-1,X1,chat,2026-03-10T10:00:00,2026-03-10T10:00:30,9\n"
                + "INJ-2,-3,chat,2026-03-11T10:00:00,2026-03-11T10:02:00,3\n");
    }

    private byte[] download(String user, String path) {
        return http.toBlocking().exchange(HttpRequest.GET(path).bearerAuth(api.token(user)), byte[].class).body();
    }

    @Test
    void formulaLikeNamesAndTeamsAreNeutralisedInTheCsvOfBothRoutes() throws Exception {
        for (String path : List.of("/api/reports/performance.csv?" + MARCH, "/reports/performance.csv?" + MARCH)) {
            byte[] bytes = download("hr.lin", path);
            String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
            assertTrue(text.contains(",\"'=cmd|' /C calc'!A0\",\"'@SUM(1+1)*cmd|' /C calc'!A0\","), path + ":\n" + text);
            List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(text)).getRecords();
            Map<String, CSVRecord> byNo = new HashMap<>();
            for (CSVRecord row : rows) {
                byNo.put(row.get("employee_no").startsWith("'") ? row.get("employee_no").substring(1) : row.get("employee_no"), row);
                for (String cell : row.toList()) {
                    assertFalse(cell.startsWith("=") || cell.startsWith("+") || cell.startsWith("@") || cell.startsWith("\t")
                            || cell.startsWith("\r") || cell.startsWith("-") && !isNumber(cell), path + ": a cell a spreadsheet would run: " + cell);
                }
            }
            NAMES.forEach((no, name) -> {
                CSVRecord row = byNo.get(no);
                assertEquals("'" + name, row.get("name"), path + " " + no);
                assertEquals("'" + TEAM, row.get("team"), path + " " + no);
            });
            assertEquals("'-3", byNo.get("-3").get("employee_no"), "an employee number is user text too");
            assertEquals("X1", byNo.get("X1").get("employee_no"), "ordinary text is written as it is");
            assertEquals("1", byNo.get("X1").get("interactions"), "figures stay numbers");
            assertEquals("Li Na", byNo.get("N1").get("name"));
        }
    }

    @Test
    void theNeutralisedCsvIsTheSameBytesOnRepeat() {
        byte[] first = download("hr.lin", "/api/reports/performance.csv?" + MARCH);
        byte[] second = download("admin", "/reports/performance.csv?" + MARCH);
        assertArrayEquals(first, second);
    }

    @Test
    void figuresTheApplicationWritesAreNotNeutralised() {
        assertEquals("-2.5", ReportCsv.cell(new BigDecimal("-2.5")), "a negative figure stays a number");
        assertEquals("-4", ReportCsv.cell(-4L));
        assertEquals("\"'-2.5\"", ReportCsv.cell("-2.5"), "but text that looks like one is user text");
        assertEquals("true", ReportCsv.cell(Boolean.TRUE));
        assertEquals("", ReportCsv.cell(null));
    }

    @Test
    void theWorkbookHoldsTheNamesAsPlainTextCellsNeverAsFormulas() throws Exception {
        byte[] xlsx = download("hr.lin", "/reports/performance.xlsx?" + MARCH);
        Path file = Files.createTempFile("report-", ".xlsx");
        try {
            Files.write(file, xlsx);
            int sheets = 0;
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    if (e.getName().startsWith("xl/worksheets/")) {
                        sheets++;
                        String xml = new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                        assertFalse(xml.contains("<f>") || xml.contains("<f "), e.getName() + " holds a formula");
                    }
                }
            }
            assertTrue(sheets >= 3, "the agents, teams and report sheets");
        } finally {
            Files.deleteIfExists(file);
        }
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = ReportFormatsTest.rows(wb.findSheet("Agents").orElseThrow());
            int name = AgentColumns.ALL.stream().map(AgentColumns.Column::header).toList().indexOf("name");
            List<String> names = rows.stream().skip(1).map(r -> r.getCellText(name)).toList();
            for (String n : NAMES.values()) {
                assertTrue(names.contains(n), "the name as typed, as a text cell: " + n + " in " + names);
            }
            for (Row r : rows) {
                r.forEach(cell -> {
                    if (cell != null) {
                        assertFalse(cell.getType() == org.dhatim.fastexcel.reader.CellType.FORMULA, "formula cell " + cell.getAddress());
                    }
                });
            }
        }
    }

    private static boolean isNumber(String s) {
        try {
            new BigDecimal(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
