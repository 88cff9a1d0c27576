package com.servicecoach.report.rendering;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The files a report is written as. */
public enum ReportFormat {
    PDF("pdf", "application/pdf"),
    CSV("csv", "text/csv; charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    HTML("html", "text/html; charset=UTF-8");

    private final String extension;
    private final String contentType;

    ReportFormat(String extension, String contentType) {
        this.extension = extension;
        this.contentType = contentType;
    }

    public String extension() {
        return extension;
    }

    public String contentType() {
        return contentType;
    }

    /** Parses {@code pdf,csv,xlsx,html} (any order, any case); throws IllegalArgumentException naming a bad one. */
    public static List<ReportFormat> parseList(String text) {
        List<ReportFormat> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.isEmpty()) {
                continue;
            }
            ReportFormat f = null;
            for (ReportFormat candidate : values()) {
                if (candidate.extension.equals(p)) {
                    f = candidate;
                }
            }
            if (f == null) {
                throw new IllegalArgumentException("unknown format '" + part.strip() + "': use pdf, csv, xlsx or html");
            }
            if (!out.contains(f)) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("no format given: use pdf, csv, xlsx or html");
        }
        return out;
    }
}
