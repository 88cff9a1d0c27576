package com.servicecoach.csv;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvCellsTest {

    @Test
    void textThatASpreadsheetWouldRunGetsAQuoteAndIsQuoted() {
        assertEquals("\"'=cmd|' /C calc'!A0\"", CsvCells.text("=cmd|' /C calc'!A0"));
        assertEquals("\"'+1\"", CsvCells.text("+1"));
        assertEquals("\"'-2\"", CsvCells.text("-2"));
        assertEquals("\"'@SUM(A1:A9)\"", CsvCells.text("@SUM(A1:A9)"));
        assertEquals("\"'\tx\"", CsvCells.text("\tx"));
        assertEquals("\"'\rx\"", CsvCells.text("\rx"));
        assertEquals("\"'=HYPERLINK(\"\"http://evil.test\"\")\"", CsvCells.text("=HYPERLINK(\"http://evil.test\")"));
    }

    @Test
    void ordinaryTextIsQuotedOnlyWhereRfc4180NeedsIt() {
        assertEquals("Li Na", CsvCells.text("Li Na"));
        assertEquals("王芳", CsvCells.text("王芳"));
        assertEquals("\"a,b\"", CsvCells.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvCells.text("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvCells.text("two\nlines"));
        assertEquals("\" padded \"", CsvCells.text(" padded "));
        assertEquals("x=1", CsvCells.text("x=1"), "only the first character matters");
        assertEquals("'=already", CsvCells.text("'=already"), "writing it again changes nothing");
        assertEquals("", CsvCells.text(null));
        assertEquals("", CsvCells.text(""));
    }

    @Test
    void figuresAreWrittenAsTheyAre() {
        assertEquals("-2.5", CsvCells.figure("-2.5"));
        assertEquals("+3", CsvCells.figure("+3"));
        assertEquals("", CsvCells.figure(null));
    }

    @Test
    void aLineOfTextCellsIsCommaSeparated() {
        assertEquals("a,\"'-1\",,\"b,c\"", CsvCells.textLine(Arrays.asList("a", "-1", null, "b,c")));
        assertEquals("", CsvCells.textLine(List.of()));
    }
}
