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
        java.util.List<PerformanceReport.AgentRow> none = java.util.List.of();
        return xhtml(report, locale, forPdf, new Part(true, report.agents(), false, true, report.agents(), none, true,
                report.agents(), true));
    }

    /**
     * What one document or PDF part holds: {@code front} the heading, facts, headline, teams and flagged agents;
     * {@code ranking} these ranking rows ({@code continued}: not the first share, so without the section's
     * heading); {@code back} the charts, training, certifications and the coaching section with
     * {@code coachingRows} as its agents' rows; {@code coachingPart} a share of the coaching agents' rows on their
     * own; {@code tail} the assessments and settings; then these agents' pages.
     */
    private record Part(boolean front, java.util.List<PerformanceReport.AgentRow> ranking, boolean continued, boolean back,
                        java.util.List<PerformanceReport.AgentRow> coachingRows,
                        java.util.List<PerformanceReport.AgentRow> coachingPart, boolean tail,
                        java.util.List<PerformanceReport.AgentRow> pageAgents, boolean appendixTitle) {
    }

    private String xhtml(PerformanceReport report, Locale locale, boolean forPdf, Part part) {
        Map<String, Object> model = view.model(report, locale, false);
        model.put("front", part.front());
        model.put("rankingRows", part.ranking());
        model.put("rankingContinued", part.continued());
        model.put("back", part.back());
        model.put("coachingRows", part.coachingRows());
        model.put("coachingPart", part.coachingPart());
        model.put("tail", part.tail());
        model.put("pageAgents", part.pageAgents());
        model.put("appendixTitle", part.appendixTitle());
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
     * the charts, training, certifications and coaching, the coaching of each agent as many rows at a time, the
     * assessments and settings, then the agents' pages {@value #AGENTS_PER_PART} at a time, each part rendered on its
     * own and the parts joined (pages numbered across the whole document), so memory does not grow with the agents.
     */
    public void pdf(PerformanceReport report, Locale locale, java.io.OutputStream out) {
        java.util.List<PerformanceReport.AgentRow> agents = report.agents();
        java.util.List<java.util.function.Supplier<String>> parts = new java.util.ArrayList<>();
        java.util.List<PerformanceReport.AgentRow> none = java.util.List.of();
        parts.add(() -> xhtml(report, locale, true, new Part(true, none, false, false, none, none, false, none, false)));
        for (int from = 0; from < agents.size(); from += RANKING_ROWS_PER_PART) {
            java.util.List<PerformanceReport.AgentRow> rows = agents.subList(from, Math.min(agents.size(), from + RANKING_ROWS_PER_PART));
            boolean continued = from > 0;
            parts.add(() -> xhtml(report, locale, true, new Part(false, rows, continued, false, none, none, false, none, false)));
        }
        parts.add(() -> xhtml(report, locale, true, new Part(false, none, false, true, none, none, false, none, false)));
        for (int from = 0; from < agents.size(); from += RANKING_ROWS_PER_PART) {
            java.util.List<PerformanceReport.AgentRow> rows = agents.subList(from, Math.min(agents.size(), from + RANKING_ROWS_PER_PART));
            parts.add(() -> xhtml(report, locale, true, new Part(false, none, false, false, none, rows, false, none, false)));
        }
        parts.add(() -> xhtml(report, locale, true, new Part(false, none, false, false, none, none, true, none, false)));
        for (int from = 0; from < agents.size(); from += AGENTS_PER_PART) {
            java.util.List<PerformanceReport.AgentRow> chunk = agents.subList(from, Math.min(agents.size(), from + AGENTS_PER_PART));
            boolean first = from == 0;
            parts.add(() -> xhtml(report, locale, true, new Part(false, none, false, false, none, none, false, chunk, first)));
        }
        pdf.render(parts, out);
    }
}
