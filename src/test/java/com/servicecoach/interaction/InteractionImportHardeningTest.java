package com.servicecoach.interaction;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.servicecoach.interaction.ImportHttp.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Through the import route: files with CR line ends are read row by row with exact lines; timestamps before
 * 1900 and control characters in identifiers reject their row, with its line.
 */
@MicronautTest(transactional = false)
class InteractionImportHardeningTest extends HttpTest {

    static final String H = "source,external_id,agent,channel,created_at,comment";

    private List<String> storedIds() {
        return api.get("admin", "/api/interactions?size=100").content().stream().map(r -> (String) r.get("externalId")).sorted().toList();
    }

    @Test
    void aFileWithCarriageReturnLineEndsImportsEveryRowWithItsLine() {
        String csv = H + "\r"
                + "hd,CR-1,N1,chat,2026-03-02T09:00:00,one\r"
                + "hd,CR-2,N1,fax,2026-03-02T09:00:00,bad channel\r"
                + "\r"
                + "hd,CR-3,N1,chat,2026-03-02T09:00:00,\"two\rlines\"\r"
                + "hd,CR-4,N2,chat,2026-03-02T09:00:00,after\r\n"
                + "hd,CR-5,X9,chat,2026-03-02T09:00:00,unknown agent";
        Api.Reply r = ImportHttp.post(api, "admin", csv);
        ImportHttp.assertCounts(r, 5, 3, 0, 0, 2);
        assertEquals(List.of(3L, 8L), ImportHttp.errors(r).stream().map(e -> n(e.get("line"))).toList(), r.body());
        assertEquals(List.of("CR-1", "CR-3", "CR-4"), storedIds());
        Map<String, Object> multi = api.get("admin", "/api/interactions?size=100").content().stream()
                .filter(i -> i.get("externalId").equals("CR-3")).findFirst().orElseThrow();
        assertEquals("two\rlines", multi.get("comment"), "a CR inside quotes is data");
    }

    @Test
    void timestampsBefore1900AndControlCharactersInIdentifiersRejectTheirRow() {
        String csv = H + "\n"
                + "hd,OLD-1,N1,chat,1899-12-31T23:59:59Z,too old\n"                       // 2
                + "hd,NUL\u00002,N1,chat,2026-03-02T09:00:00,nul in the id\n"              // 3
                + "hd,OK-3,N1,chat,1900-01-01T00:00:00Z,the first year allowed\n"        // 4
                + "hd\u001b,ESC-4,N1,chat,2026-03-02T09:00:00,escape in the source\n"    // 5
                + "hd,DEL\u007f5,N1,chat,2026-03-02T09:00:00,delete\n"                   // 6
                + "hd,OLD-6,N1,chat,0001-01-01T00:00:00,year one\n";                     // 7
        Api.Reply r = ImportHttp.post(api, "admin", csv);
        ImportHttp.assertCounts(r, 6, 1, 0, 0, 5);
        List<Map<String, Object>> errors = ImportHttp.errors(r);
        assertEquals(List.of(2L, 3L, 5L, 6L, 7L), errors.stream().map(e -> n(e.get("line"))).toList(), r.body());
        assertEquals("created_at: '1899-12-31T23:59:59Z' is not a valid date-time: year 1899 is before 1900",
                errors.get(0).get("message"));
        assertTrue(errors.get(1).get("message").toString().startsWith("external_id: contains the control character U+0000 at position 4"),
                errors.get(1).toString());
        assertTrue(errors.get(2).get("message").toString().startsWith("source: contains the control character U+001B"),
                errors.get(2).toString());
        assertTrue(errors.get(3).get("message").toString().startsWith("external_id: contains the control character U+007F"),
                errors.get(3).toString());
        assertTrue(errors.get(4).get("message").toString().contains("year 0001 is before 1900"), errors.get(4).toString());
        assertEquals(List.of("OK-3"), storedIds());
    }

    @Test
    void timestampsAfter2199RejectTheirRow() {
        RowError late = assertInstanceOf(RowError.class, TestCsv.one(TestCsv.row("created_at", "2300-01-01T00:00:00Z",
                "first_response_at", "", "resolved_at", "")));
        assertTrue(late.message().contains("year 2300 is after 2199"), late.message());
        assertInstanceOf(InteractionRow.class, TestCsv.one(TestCsv.row("created_at", "2199-12-31T23:59:59Z",
                "first_response_at", "", "resolved_at", "")));
    }

    @Test
    void theReaderAppliesTheSameRulesToEveryTimestamp() {
        RowResult early = TestCsv.one(TestCsv.row("created_at", "1800-01-01T00:00:00Z", "first_response_at", "",
                "resolved_at", "1850-01-01T00:00:00Z"));
        RowError e = assertInstanceOf(RowError.class, early);
        assertTrue(e.message().contains("created_at: '1800-01-01T00:00:00Z' is not a valid date-time: year 1800 is before 1900")
                && e.message().contains("resolved_at: '1850-01-01T00:00:00Z'"), e.message());
        assertInstanceOf(InteractionRow.class, TestCsv.one(TestCsv.row("created_at", "1900-01-01T00:00:00+08:00",
                "first_response_at", "", "resolved_at", "")));
        RowError c1 = assertInstanceOf(RowError.class, TestCsv.one(TestCsv.row("external_id", "A\u0085B")));
        assertTrue(c1.message().startsWith("external_id: contains the control character U+0085"), c1.message());
    }
}
