package com.servicecoach.interaction;

import com.servicecoach.csv.CsvHeaderException;

import static com.servicecoach.interaction.TestCsv.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionHeaderTest {

    private static CsvHeaderException headerError(String text) {
        return assertThrows(CsvHeaderException.class,
                () -> new InteractionCsvReader(new StringReader(text), SHANGHAI, TestCsv.AGENTS));
    }

    @Test
    void columnsInAnyOrderWithUnknownColumnsIgnored() {
        String text = "Notes, CREATED_AT ,Channel,ticket_url,Agent,External_Id\n"
                + "ignored,2026-03-02T09:15:00Z,Email,http://x,A001,T-1\n";
        try (InteractionCsvReader r = new InteractionCsvReader(new StringReader(text), SHANGHAI, TestCsv.AGENTS)) {
            assertEquals(List.of("Notes", "ticket_url"), r.header().ignoredColumns());
            assertEquals(1, r.header().indexOf("created_at"));
            assertEquals(-1, r.header().indexOf("rating"));
            assertTrue(r.hasNext());
            InteractionRow row = assertInstanceOf(InteractionRow.class, r.next());
            assertEquals(new InteractionRow(2, "default", "T-1", "A001", "email", "other",
                    Instant.parse("2026-03-02T09:15:00Z"), null, null, null, null), row);
            assertFalse(r.hasNext());
        }
    }

    @Test
    void aFileSavedWithSemicolonsOrTabsIsReadWithThatSeparator() {
        for (char sep : new char[]{';', '\t'}) {
            String text = String.join(String.valueOf(sep), "external_id", "agent", "channel", "created_at", "comment") + "\n"
                    + String.join(String.valueOf(sep), "T-1", "A001", "chat", "2026-03-02T09:15:00", "\"late, but kind; thanks\"") + "\n";
            try (InteractionCsvReader r = new InteractionCsvReader(new StringReader(text), SHANGHAI, TestCsv.AGENTS)) {
                assertEquals(sep, r.separator());
                InteractionRow row = assertInstanceOf(InteractionRow.class, r.next());
                assertEquals("T-1", row.externalId());
                assertEquals("late, but kind; thanks", row.comment(), "a quoted separator stays in the value");
            }
        }
    }

    @Test
    void aCommaInTheHeaderKeepsCommasEvenWhenSemicolonsAppearInQuotes() {
        String text = "external_id,agent,channel,created_at,\"note; with semicolons; here\"\nT-1,A001,chat,2026-03-02T09:15:00,x\n";
        try (InteractionCsvReader r = new InteractionCsvReader(new StringReader(text), SHANGHAI, TestCsv.AGENTS)) {
            assertEquals(',', r.separator());
            assertInstanceOf(InteractionRow.class, r.next());
        }
    }

    @Test
    void onlyRequiredColumnsGiveDefaultsForTheRest() {
        InteractionRow row = assertInstanceOf(InteractionRow.class,
                TestCsv.read("external_id,agent,channel,created_at\nT-9,A001,chat,2026-03-02T09:15:00\n").get(0));
        assertEquals("default", row.source());
        assertEquals("other", row.category());
        assertNull(row.rating10());
        assertNull(row.comment());
    }

    @Test
    void missingRequiredColumnsRejectTheFileAtLine1NamingThem() {
        CsvHeaderException e = headerError("external_id,channel,comment\nT-1,chat,hi\n");
        assertEquals(1, e.line());
        assertTrue(e.getMessage().startsWith("header lacks required columns agent, created_at "), e.getMessage());
    }

    @Test
    void duplicatedKnownColumnRejectsTheFile() {
        CsvHeaderException e = headerError("external_id,agent,channel,created_at,Agent\n");
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("agent"), e.getMessage());
    }

    @Test
    void emptyFileRejectsAtLine1() {
        CsvHeaderException e = headerError("");
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("header"), e.getMessage());
    }

    @Test
    void headerOnlyFileHasNoRows() {
        assertEquals(List.of(), TestCsv.read(TestCsv.HEADER + "\n"));
    }
}
