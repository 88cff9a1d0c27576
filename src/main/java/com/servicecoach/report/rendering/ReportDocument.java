package com.servicecoach.report.rendering;

import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.web.Messages;
import io.micronaut.views.ViewsRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * The report as one self-contained XHTML document ({@code views/report/document.ftlh}: inline CSS, the
 * server-drawn SVG charts, an appendix page per agent), written either as an HTML file or, through
 * {@link PdfRenderer}, as a PDF with the CJK font embedded. Both hold the same content as the report page.
 */
@Singleton
public class ReportDocument {

    private final ViewsRenderer<Object, Object> views;
    private final ReportView view;
    private final Messages messages;
    private final PdfRenderer pdf;

    ReportDocument(ViewsRenderer<Object, Object> views, ReportView view, Messages messages, PdfRenderer pdf) {
        this.views = views;
        this.view = view;
        this.messages = messages;
        this.pdf = pdf;
    }

    /** Agents' pages per PDF part: each part is rendered on its own, so memory does not grow with the agents. */
    static final int AGENTS_PER_PART = 20;

    /** Ranking rows per PDF part: the ranking, like the agents' pages, is rendered a share at a time. */
    static final int RANKING_ROWS_PER_PART = 100;

    /** The XHTML document, for print ({@code forPdf}: page size, page breaks) or for the screen. */
    public String xhtml(PerformanceReport report, Locale locale, boolean forPdf) {
        return xhtml(report, locale, forPdf, true, report.agents(), false, true, report.agents(), true);
    }

    /**
     * One document or part: {@code front} the heading, facts, headline, teams and flagged agents; {@code ranking}
     * these ranking rows ({@code continued}: not the first share, so without the section's heading); {@code back}
     * the charts, training, certifications, assessments and settings; then these agents' pages.
     */
    private String xhtml(PerformanceReport report, Locale locale, boolean forPdf, boolean front,
                         java.util.List<PerformanceReport.AgentRow> ranking, boolean continued, boolean back,
                         java.util.List<PerformanceReport.AgentRow> pageAgents, boolean appendixTitle) {
        Map<String, Object> model = view.model(report, locale, false);
        model.put("front", front);
        model.put("rankingRows", ranking);
        model.put("rankingContinued", continued);
        model.put("back", back);
        model.put("pageAgents", pageAgents);
        model.put("appendixTitle", appendixTitle);
        model.put("msg", new com.servicecoach.web.MessageMethod(messages, locale));
        model.put("lang", Messages.tag(locale));
        model.put("forPdf", forPdf);
        model.put("fontFamily", PdfRenderer.FONT_FAMILY);
        StringWriter out = new StringWriter(65_536);
        try {
            views.render("report/document", model, null).writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public byte[] html(PerformanceReport report, Locale locale) {
        return xhtml(report, locale, false).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] pdf(PerformanceReport report, Locale locale) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        pdf(report, locale, out);
        return out.toByteArray();
    }

    /**
     * The PDF written to {@code out}: the front matter, the ranking {@value #RANKING_ROWS_PER_PART} rows at a time,
     * the charts and the rest, then the agents' pages {@value #AGENTS_PER_PART} at a time, each part rendered on its
     * own and the parts joined (pages numbered across the whole document), so memory does not grow with the agents.
     */
    public void pdf(PerformanceReport report, Locale locale, java.io.OutputStream out) {
        java.util.List<PerformanceReport.AgentRow> agents = report.agents();
        java.util.List<java.util.function.Supplier<String>> parts = new java.util.ArrayList<>();
        java.util.List<PerformanceReport.AgentRow> none = java.util.List.of();
        parts.add(() -> xhtml(report, locale, true, true, none, false, false, none, false));
        for (int from = 0; from < agents.size(); from += RANKING_ROWS_PER_PART) {
            java.util.List<PerformanceReport.AgentRow> rows = agents.subList(from, Math.min(agents.size(), from + RANKING_ROWS_PER_PART));
            boolean continued = from > 0;
            parts.add(() -> xhtml(report, locale, true, false, rows, continued, false, none, false));
        }
        parts.add(() -> xhtml(report, locale, true, false, none, false, true, none, false));
        for (int from = 0; from < agents.size(); from += AGENTS_PER_PART) {
            java.util.List<PerformanceReport.AgentRow> chunk = agents.subList(from, Math.min(agents.size(), from + AGENTS_PER_PART));
            boolean first = from == 0;
            parts.add(() -> xhtml(report, locale, true, false, none, false, false, chunk, first));
        }
        pdf.render(parts, out);
    }
}
