package com.servicecoach.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionLineNumberTest {

    private static final String H = "external_id,agent,channel,created_at,comment";

    private static List<Integer> lines(List<RowResult> results) {
        return results.stream().map(RowResult::line).toList();
    }

    private static List<Integer> errorLines(List<RowResult> results) {
        return results.stream().filter(r -> r instanceof RowError).map(RowResult::line).toList();
    }

    @Test
    void quotedFieldWithNewlinesShiftsTheFollowingLines() {
        String text = H + "\n"
                + "T-1,A001,chat,2026-03-02T09:15:00,\"first line\nsecond line\nthird, with comma\"\n"
                + "T-2,A001,fax,2026-03-02T09:15:00,x\n"
                + "T-3,A001,chat,2026-03-02T09:15:00,\"a\"\"b\"\n";
        List<RowResult> results = TestCsv.read(text);
        assertEquals(List.of(2, 5, 6), lines(results));
        assertEquals("first line\nsecond line\nthird, with comma",
                assertInstanceOf(InteractionRow.class, results.get(0)).comment());
        assertInstanceOf(RowError.class, results.get(1));
        assertEquals("a\"b", assertInstanceOf(InteractionRow.class, results.get(2)).comment());
    }

    @Test
    void crlfLineEndsCountLikeLf() {
        String text = H + "\r\n"
                + "T-1,A001,chat,2026-03-02T09:15:00,\"multi\r\nline\"\r\n"
                + "T-2,A001,chat,2026-03-02 09:15:00,x\r\n"
                + "T-3,A001,chat,2026-03-02T09:15:00,last\r\n";
        List<RowResult> results = TestCsv.read(text);
        assertEquals(List.of(2, 4, 5), lines(results));
        assertEquals("multi\r\nline", ((InteractionRow) results.get(0)).comment());
        assertEquals("last", ((InteractionRow) results.get(2)).comment());
        assertEquals(List.of(4), errorLines(results));
    }

    @Test
    void blankLinesAreSkippedWithoutShiftingLines() {
        String text = H + "\n\n"
                + "T-1,A001,chat,2026-03-02T09:15:00,x\n"
                + "   \n\r\n"
                + "T-2,A001,chat,2026-03-02T09:15:00,y\n\n";
        assertEquals(List.of(3, 6), lines(TestCsv.read(text)));
    }

    @Test
    void mixedGoodAndBadRowsGiveTheExactErrorLines() {
        String text = H + "\n"                                                  // 1
                + "T-1,A001,chat,2026-03-02T09:15:00,ok\n"                      // 2
                + "T-2,A001,chat,2026-03-02,date only\n"                        // 3
                + "T-3,A001,email,2026-03-02T09:15:00,\"spans\n\ntwo more\"\n"  // 4-6
                + "T-4,X9,chat,2026-03-02T09:15:00,unknown agent\n"             // 7
                + "\n"                                                          // 8
                + "T-5,A001,chat,2026-03-02T09:15:00\n"                         // 9 (too few fields)
                + "T-6,A001,social,2026-03-02T09:15:00Z,\"quoted\" junk\n"      // 10 (malformed)
                + ",A001,chat,2026-03-02T09:15:00,no id\n"                     // 11
                + "T-8,A001,phone,2026-03-02T09:15:00+08:00,ok\n"               // 12
                + "T-9,A001,chat,2026-03-02T09:15:00,\"never closed\n"          // 13 (unterminated)
                + "T-10,A001,chat,2026-03-02T09:15:00,after\n";                 // 14
        List<RowResult> results = TestCsv.read(text);
        assertEquals(List.of(2, 3, 4, 7, 9, 10, 11, 12, 13, 14), lines(results));
        assertEquals(List.of(3, 7, 9, 10, 11, 13), errorLines(results));
        assertEquals("T-10", ((InteractionRow) results.get(9)).externalId());
    }
}
