package com.servicecoach.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The report as CSV (api.md "Reports"): a header row and one row per agent in ranking order, with the columns
 * of {@link AgentColumns}; numbers as in the JSON (dot decimal, same rounding), an absent figure empty, true and
 * false for yes and no. UTF-8 with a byte-order mark (so that Excel reads Chinese names correctly), RFC 4180
 * (CRLF line ends, quotes only where needed). Nothing in it depends on when it was made.
 */
final class ReportCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ReportCsv() {
    }

    static byte[] write(PerformanceReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096 + report.agents().size() * 300);
        bytes.writeBytes(BOM);
        try (Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180)) {
            csv.printRecord(AgentColumns.ALL.stream().map(AgentColumns.Column::header).toList());
            for (PerformanceReport.AgentRow a : report.agents()) {
                List<String> cells = new ArrayList<>(AgentColumns.ALL.size());
                for (AgentColumns.Column c : AgentColumns.ALL) {
                    cells.add(text(c.value().apply(a)));
                }
                csv.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
