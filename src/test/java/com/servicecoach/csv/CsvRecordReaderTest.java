package com.servicecoach.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordReaderTest {

    /** One entry per record: "line:field|field|..." or "line:ERROR(fieldIndex)". */
    private static List<String> records(String text) throws IOException {
        return records(new StringReader(text), CsvRecordReader.DEFAULT_MAX_RECORD_CHARS);
    }

    private static List<String> records(Reader in, int max) throws IOException {
        List<String> out = new ArrayList<>();
        try (CsvRecordReader r = new CsvRecordReader(in, max)) {
            while (r.next()) {
                out.add(r.error() != null ? r.line() + ":ERROR(" + r.errorField() + ")"
                        : r.line() + ":" + String.join("|", r.fields()));
            }
        }
        return out;
    }

    @Test
    void plainRecordsReportTheirLines() throws IOException {
        assertEquals(List.of("1:a|b|c", "2:d|e|f"), records("a,b,c\nd,e,f\n"));
    }

    @Test
    void lastRecordWithoutLineBreakIsRead() throws IOException {
        assertEquals(List.of("1:a|b", "2:c|d"), records("a,b\nc,d"));
    }

    @Test
    void emptyFieldsAreKept() throws IOException {
        assertEquals(List.of("1:|a||", "2:|"), records(",a,,\n,\n"));
    }

    @Test
    void quotedFieldsMayContainCommasDoubledQuotesAndLineBreaks() throws IOException {
        assertEquals(List.of("1:x|a,b|say \"hi\"", "2:y|line1\nline2\r\nline3|z", "5:next|row|"),
                records("x,\"a,b\",\"say \"\"hi\"\"\"\ny,\"line1\nline2\r\nline3\",z\nnext,row,\"\"\n"));
    }

    @Test
    void crlfEndsALineAndIsNotPartOfTheField() throws IOException {
        assertEquals(List.of("1:a|b", "2:c|\"d\"", "3:e|f"), records("a,b\r\nc,\"\"\"d\"\"\"\r\ne,f\r\n"));
    }

    @Test
    void aLoneCarriageReturnEndsALineLikeLf() throws IOException {
        assertEquals(List.of("1:a", "2:b|c"), records("a\rb,c\n"));
        assertEquals(List.of("1:a|b", "2:c|d", "3:e|f"), records("a,b\rc,d\re,f\r"), "a file with old Mac line ends");
        assertEquals(List.of("1:a|b", "2:c|d", "3:e|f", "4:g|h"), records("a,b\r\nc,d\re,f\ng,h"), "mixed line ends");
    }

    @Test
    void aCarriageReturnInsideQuotesIsDataButStillEndsAPhysicalLine() throws IOException {
        assertEquals(List.of("1:x|l1\rl2|y", "3:next|\"q\"", "4:last|row"),
                records("x,\"l1\rl2\",y\rnext,\"\"\"q\"\"\"\rlast,row\r"));
        assertEquals(List.of("1:x|a\r\nb|y", "3:z|w"), records("x,\"a\r\nb\",y\rz,w"), "CRLF inside quotes counts once");
    }

    @Test
    void blankLinesWithCarriageReturnsAreSkippedButCounted() throws IOException {
        assertEquals(List.of("2:a|b", "5:c|d"), records("\ra,b\r\r  \rc,d\r\r"));
        assertEquals(List.of("2:a|b", "4:c|d"), records("\r\na,b\r\n\r\nc,d\r\n"));
    }

    @Test
    void malformedRecordsInACarriageReturnFileCostOneLine() throws IOException {
        assertEquals(List.of("1:a|b", "2:ERROR(1)", "3:c|d"), records("a,b\rx,\"great\" service,y\rc,d\r"));
        assertEquals(List.of("1:a|b", "2:ERROR(1)", "3:c|d"), records("a,b\r\nx,\"great\" service,y\r\nc,d\r\n"));
        assertEquals(List.of("1:h|h", "2:ERROR(1)", "3:c|d", "4:e|f \"g\"", "5:i|j"),
                records("h,h\ra,\"oops\rc,d\re,f \"g\"\ri,j\r"));
        assertEquals(List.of("1:h|h", "2:ERROR(1)", "3:c|d", "4:e|f \"g\"", "5:i|j"),
                records("h,h\r\na,\"oops\r\nc,d\r\ne,f \"g\"\r\ni,j\r\n"));
        assertEquals(List.of("1:a|b", "2:ERROR(1)", "3:c|d", "4:e|f"), records("a,b\rx,\"open\rc,d\re,f\r"));
        assertEquals(List.of("1:a|b", "2:ERROR(1)", "3:c|d"),
                records(new StringReader("a,b\rx," + "y".repeat(100) + "\rc,d\r"), 50));
    }

    @Test
    void lineEndsSplitAcrossReadsAreOneLineEnd() throws IOException {
        // a reader that hands out one character per read: every CR is at the end of a buffer fill
        String text = "a,b\r\nc,\"q\r\nr\"\r\ne,f\rg,\"h\ri\"\r\n\r\nj,k";
        Reader oneByOne = new Reader() {
            int pos;

            @Override
            public int read(char[] cbuf, int off, int len) {
                if (pos >= text.length()) {
                    return -1;
                }
                cbuf[off] = text.charAt(pos++);
                return 1;
            }

            @Override
            public void close() {
            }
        };
        List<String> expected = List.of("1:a|b", "2:c|q\r\nr", "4:e|f", "5:g|h\ri", "8:j|k");
        assertEquals(expected, records(text));
        assertEquals(expected, records(oneByOne, CsvRecordReader.DEFAULT_MAX_RECORD_CHARS));
    }

    @Test
    void blankLinesAreSkippedButStillCounted() throws IOException {
        assertEquals(List.of("2:a|b", "5:c|d", "7:e|f"), records("\na,b\n\r\n   \nc,d\n\t\ne,f\n\n"));
    }

    @Test
    void lineOfCommasIsNotBlank() throws IOException {
        assertEquals(List.of("1:||"), records(",,\n"));
    }

    @Test
    void byteOrderMarkAtStartIsDropped() throws IOException {
        assertEquals(List.of("1:a|b"), records("\uFEFFa,b\n"));
    }

    @Test
    void spacesAroundQuotedFieldAreIgnoredAndUnquotedSpacesKept() throws IOException {
        assertEquals(List.of("1:a, b| c |d"), records("  \"a, b\"  , c ,d\n"));
    }

    @Test
    void quoteInsideUnquotedFieldIsLiteral() throws IOException {
        assertEquals(List.of("1:5\" screen|x"), records("5\" screen,x\n"));
    }

    @Test
    void textAfterClosingQuoteIsAnErrorAndReadingContinuesOnTheNextLine() throws IOException {
        assertEquals(List.of("1:a|b", "2:ERROR(1)", "3:c|d"), records("a,b\nx,\"great\" service,y\nc,d\n"));
    }

    @Test
    void strayQuoteSpanningLinesCostsOneRecordAndLaterLinesAreReRead() throws IOException {
        // the quote opened on line 2 is closed by the quote on line 4: text follows it -> error at line 2,
        // and lines 3 and 4 are read again as records of their own
        assertEquals(List.of("1:h|h", "2:ERROR(1)", "3:c|d", "4:e|f \"g\"", "5:i|j"),
                records("h,h\na,\"oops\nc,d\ne,f \"g\"\ni,j\n"));
    }

    @Test
    void unterminatedQuoteAtEndOfFileIsAnErrorAndFollowingLinesAreReRead() throws IOException {
        assertEquals(List.of("1:a|b", "2:ERROR(1)", "3:c|d", "4:e|f"), records("a,b\nx,\"open\nc,d\ne,f\n"));
    }

    @Test
    void unterminatedQuoteOnTheLastLineEndsReading() throws IOException {
        assertEquals(List.of("1:a|b", "2:ERROR(0)"), records("a,b\n\"open"));
    }

    @Test
    void overlongRecordIsAnErrorWithBoundedMemory() throws IOException {
        String longField = "y".repeat(100);
        assertEquals(List.of("1:a|b", "2:ERROR(1)", "3:c|d"),
                records(new StringReader("a,b\nx," + longField + "\nc,d\n"), 50));
        assertEquals(List.of("1:ERROR(0)", "2:c|d"),
                records(new StringReader("\"" + longField + "\nc,d\n"), 50));
    }

    @Test
    void recordsSpanningReadBufferBoundariesAreIntact() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            sb.append(i).append(",\"q").append(i).append("\nz\",tail").append(i).append("\r\n");
        }
        try (CsvRecordReader r = new CsvRecordReader(new StringReader(sb.toString()))) {
            for (int i = 0; i < 5000; i++) {
                assertTrue(r.next());
                assertNull(r.error());
                assertEquals(1 + 2 * i, r.line());
                assertEquals(List.of(String.valueOf(i), "q" + i + "\nz", "tail" + i), r.fields());
            }
            assertFalse(r.next());
        }
    }

    @Test
    void errorMessageExplainsTheProblem() throws IOException {
        try (CsvRecordReader r = new CsvRecordReader(new StringReader("\"a\"b\n"))) {
            assertTrue(r.next());
            assertNotNull(r.error());
            assertTrue(r.error().contains("closing quote"), r.error());
        }
    }
}
