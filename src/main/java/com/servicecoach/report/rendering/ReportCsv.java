package com.servicecoach.report.rendering;

import com.servicecoach.csv.CsvCells;
import com.servicecoach.report.building.PerformanceReport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The report as CSV (api.md "Reports"): a header row and one row per agent in ranking order, with the columns
 * of {@link AgentColumns}; numbers as in the JSON (dot decimal, same rounding), an absent figure empty, true and
 * false for yes and no. UTF-8 with a byte-order mark (so that Excel reads Chinese names correctly), RFC 4180
 * (CRLF line ends, quotes only where needed). Text cells (names, teams: what users typed) are written with
 * {@link CsvCells#text}, so a name such as {@code =cmd|...} cannot run as a spreadsheet formula; figures are
 * written as they are. Nothing in it depends on when it was made.
 */
final class ReportCsv {

    static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private ReportCsv() {
    }

    static byte[] write(PerformanceReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096 + report.agents().size() * 300);
        write(report, bytes);
        return bytes.toByteArray();
    }

    /** Writes the CSV to {@code sink} line by line (the sink is left open). */
    static void write(PerformanceReport report, java.io.OutputStream sink) {
        try {
            sink.write(BOM);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Writer out = new java.io.BufferedWriter(new OutputStreamWriter(sink, StandardCharsets.UTF_8));
        try {
            List<AgentColumns.Column> columns = AgentColumns.ALL;
            StringBuilder line = new StringBuilder(512);
            for (int c = 0; c < columns.size(); c++) {
                line.append(c == 0 ? "" : ",").append(CsvCells.figure(columns.get(c).header()));
            }
            out.write(line.append("\r\n").toString());
            for (PerformanceReport.AgentRow a : report.agents()) {
                line.setLength(0);
                for (int c = 0; c < columns.size(); c++) {
                    line.append(c == 0 ? "" : ",").append(cell(columns.get(c).value().apply(a)));
                }
                out.write(line.append("\r\n").toString());
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Strings are text (neutralised when formula-like); numbers and booleans are figures. */
    static String cell(Object v) {
        return v instanceof String s ? CsvCells.text(s) : CsvCells.figure(text(v));
    }

    static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
