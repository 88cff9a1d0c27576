package com.servicecoach.report.rendering;

import com.servicecoach.web.SvgCharts;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PdfRendererTest {

    @Test
    void chineseTextEndsUpInThePdfWithASubsetOfTheBundledFont() throws Exception {
        String chart = SvgCharts.bars("Rating bands", List.of(new SvgCharts.Bar("9-10", 12, "#1a7f37"),
                new SvgCharts.Bar("1-2", 3, "#cf222e")), "");
        String html = "<html><head><style>body{font-family:'" + PdfRenderer.FONT_FAMILY + "';}</style></head><body>"
                + "<h1>Performance 2026-03</h1><p>王芳 CSAT 83.3</p>" + chart + "</body></html>";
        byte[] pdf = new PdfRenderer().render(html);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("王芳"), text);
            assertTrue(text.contains("83.3"), text);
            PDPage page = doc.getPage(0);
            boolean subset = false;
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                subset |= font.getName() != null && font.getName().matches("[A-Z]{6}\\+.*");
            }
            assertTrue(subset, "the CJK font is embedded as a subset");
            assertTrue(pdf.length < 1_000_000, "a subset, not the whole 4 MB font: " + pdf.length);
        }
    }

    @Test
    void boldTextIsDrawnStrokedFromTheOneRegularFace() throws Exception {
        String html = "<html><head><style>body{font-family:'" + PdfRenderer.FONT_FAMILY + "';}</style></head><body>"
                + "<p>plain 普通</p><p style=\"font-weight:bold\">total 合计</p></body></html>";
        byte[] pdf = new PdfRenderer().render(html);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDPage page = doc.getPage(0);
            assertEquals(1, names(page).stream().filter(n -> n.endsWith("+DroidSansFallback")).count(),
                    "one embedded subset of the bundled font serves regular and bold text: " + names(page));
            String content;
            try (var in = page.getContents()) {
                content = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
            }
            assertTrue(content.contains("2 Tr"), "bold text is filled and stroked (text rendering mode 2): " + content);
        }
    }

    private static List<String> names(PDPage page) throws java.io.IOException {
        List<String> names = new java.util.ArrayList<>();
        for (var name : page.getResources().getFontNames()) {
            names.add(page.getResources().getFont(name).getName());
        }
        return names;
    }
}
