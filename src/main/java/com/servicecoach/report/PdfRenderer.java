package com.servicecoach.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Turns an XHTML document into PDF. Inline SVG (the server-drawn charts) is drawn as vectors, and the
 * bundled CJK font ({@code fonts/DroidSansFallbackFull.ttf}, family {@value #FONT_FAMILY}) is embedded as a
 * subset, so Chinese names render identically on any machine.
 */
@Singleton
public class PdfRenderer {

    public static final String FONT_FAMILY = "ServiceCoach Sans";
    private static final String FONT = "/fonts/DroidSansFallbackFull.ttf";

    public byte[] render(String xhtml) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useSVGDrawer(new BatikSVGDrawer());
            builder.useFont(PdfRenderer::font, FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(PdfRenderer::font, FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF", e);
        }
    }

    private static InputStream font() {
        InputStream in = PdfRenderer.class.getResourceAsStream(FONT);
        if (in == null) {
            throw new IllegalStateException("The PDF font " + FONT + " is missing from the application");
        }
        return in;
    }
}
