package com.servicecoach.interaction;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static com.servicecoach.interaction.ImportHttp.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rejected-rows CSV gives back what the file held: cells a spreadsheet would run as formulas (in the
 * header, the rows and the reasons) come back neutralised, and a corrected file imports as the original would.
 */
@MicronautTest(transactional = false)
class RejectedRowsCsvInjectionTest extends HttpTest {

    static final String FILE = "external_id,agent,channel,created_at,rating,comment,\"=HYPERLINK(\"\"http://evil.test\"\")\"\n"
            + "=cmd|' /C calc'!A0,N1,fax,2026-03-02T09:00:00,,hello,x\n"
            + "R-2,+1,chat,2026-03-02T09:00:00,-2,@SUM(A1:A9),\"\tTabbed\"\n";

    private long importFile(String csv) {
        Api.Reply created = api.post("admin", "/api/interactions/imports", "{\"fileName\":\"evil.csv\",\"charset\":\"UTF-8\"}");
        long id = n(created.json().get("id"));
        Api.Reply uploaded = api.send("admin", HttpRequest.POST("/api/interactions/imports/" + id + "/upload",
                csv.getBytes(StandardCharsets.UTF_8)).contentType("text/csv"));
        assertEquals(200, uploaded.status(), uploaded.body());
        return id;
    }

    private String rejectedCsv(long id) {
        Api.Reply csv = api.get("admin", "/interactions/imports/" + id + "/rejected.csv");
        assertEquals(200, csv.status(), csv.body());
        return csv.body().replace("\uFEFF", "");
    }

    @Test
    void formulaLikeCellsOfTheRejectedRowsComeBackNeutralised() throws Exception {
        String text = rejectedCsv(importFile(FILE));
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
        assertEquals(3, records.size(), text);
        assertEquals(List.of("line", "external_id", "agent", "channel", "created_at", "rating", "comment",
                "'=HYPERLINK(\"http://evil.test\")", "reason"), records.get(0).toList());
        assertEquals(List.of("2", "'=cmd|' /C calc'!A0", "N1", "fax", "2026-03-02T09:00:00", "", "hello", "x"),
                records.get(1).toList().subList(0, 8));
        assertEquals(List.of("3", "R-2", "'+1", "chat", "2026-03-02T09:00:00", "'-2", "'@SUM(A1:A9)", "'\tTabbed"),
                records.get(2).toList().subList(0, 8));
        assertTrue(records.get(2).get(8).startsWith("agent: unknown employee number '+1'"), records.get(2).get(8));
        assertTrue(text.contains(",\"'=cmd|' /C calc'!A0\","), "neutralised cells are quoted: " + text);
        for (CSVRecord r : records) {
            for (String cell : r.toList()) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, "a cell a spreadsheet would run: " + cell);
            }
        }
    }

    @Test
    void theCorrectedRejectedRowsImportAsTheOriginalWould() {
        String text = rejectedCsv(importFile(FILE));
        String corrected = text.replace(",fax,", ",chat,");
        Api.Reply again = ImportHttp.post(api, "admin", corrected);
        ImportHttp.assertCounts(again, 2, 1, 0, 0, 1);
        List<Map<String, Object>> rows = api.get("admin", "/api/interactions").content();
        assertEquals(List.of("=cmd|' /C calc'!A0"), rows.stream().map(r -> r.get("externalId")).toList(),
                "the quote the CSV added is dropped again");
        assertTrue(ImportHttp.errors(again).get(0).get("message").toString().contains("'+1'"), again.body());
    }
}
