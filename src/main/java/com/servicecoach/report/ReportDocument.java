package com.servicecoach.report;

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

    /** The XHTML document, for print ({@code forPdf}: page size, page breaks) or for the screen. */
    public String xhtml(PerformanceReport report, Locale locale, boolean forPdf) {
        Map<String, Object> model = view.model(report, locale, false);
        model.put("msg", new ReportMessages(messages, locale));
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
        return pdf.render(xhtml(report, locale, true));
    }
}
