package com.servicecoach.report.rendering;

import com.servicecoach.report.building.PerformanceReport;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** Writes a built report in one of its file formats: PDF and HTML through {@link ReportDocument}, CSV, XLSX. */
@Singleton
public class ReportWriter {

    private final ReportDocument document;

    ReportWriter(ReportDocument document) {
        this.document = document;
    }

    /**
     * Writes a report in one format to {@code out} as it is produced ({@code locale}: the language of the PDF and
     * HTML; the stream is left open).
     */
    public void write(PerformanceReport report, ReportFormat format, Locale locale, OutputStream out) {
        switch (format) {
            case PDF -> document.pdf(report, locale, out);
            case HTML -> {
                try {
                    out.write(document.html(report, locale));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case CSV -> ReportCsv.write(report, out);
            case XLSX -> ReportXlsx.write(report, out);
        }
    }
}
