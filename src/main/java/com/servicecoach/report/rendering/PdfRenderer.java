package com.servicecoach.report.rendering;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import jakarta.inject.Singleton;

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

    /** One XHTML document as PDF, its pages numbered. */
    public byte[] render(String xhtml) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        render(java.util.List.of(() -> xhtml), out);
        return out.toByteArray();
    }

    /**
     * Renders each part (an XHTML document) on its own into a temporary file, numbers the pages across all
     * parts ("n / N" at the bottom right) and joins them into {@code out}. Memory holds one part at a time and
     * PDFBox joins through temporary files, so it does not grow with the number of parts.
     */
    public void render(java.util.List<java.util.function.Supplier<String>> parts, java.io.OutputStream out) {
        java.util.List<java.nio.file.Path> files = new java.util.ArrayList<>();
        try {
            int total = 0;
            java.util.List<Integer> pages = new java.util.ArrayList<>();
            for (java.util.function.Supplier<String> part : parts) {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("servicecoach-report-", ".pdf");
                files.add(file);
                try (java.io.OutputStream o = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file))) {
                    PdfRendererBuilder builder = builder();
                    builder.withHtmlContent(part.get(), null);
                    builder.toStream(o);
                    builder.run();
                }
                try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
                    pages.add(d.getNumberOfPages());
                    total += d.getNumberOfPages();
                }
            }
            org.apache.pdfbox.multipdf.PDFMergerUtility merger = new org.apache.pdfbox.multipdf.PDFMergerUtility();
            int first = 1;
            for (int i = 0; i < files.size(); i++) {
                number(files.get(i), first, total);
                first += pages.get(i);
                merger.addSource(files.get(i).toFile());
            }
            merger.setDestinationStream(out);
            merger.mergeDocuments(org.apache.pdfbox.io.IOUtils.createTempFileOnlyStreamCache());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the PDF", e);
        } finally {
            for (java.nio.file.Path f : files) {
                try {
                    java.nio.file.Files.deleteIfExists(f);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the temporary folder
                }
            }
        }
    }

    /** Writes "n / N" at the bottom right of each page of one part, its first page being number {@code first}. */
    private static void number(java.nio.file.Path file, int first, int total) throws IOException {
        org.apache.pdfbox.pdmodel.font.PDFont font = new org.apache.pdfbox.pdmodel.font.PDType1Font(
                org.apache.pdfbox.pdmodel.font.Standard14Fonts.FontName.HELVETICA);
        java.nio.file.Path numbered = java.nio.file.Files.createTempFile("servicecoach-report-", ".pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
            int n = first;
            for (org.apache.pdfbox.pdmodel.PDPage page : d.getPages()) {
                String text = n++ + " / " + total;
                float width = font.getStringWidth(text) / 1000 * 8;
                org.apache.pdfbox.pdmodel.common.PDRectangle box = page.getMediaBox();
                try (org.apache.pdfbox.pdmodel.PDPageContentStream cs = new org.apache.pdfbox.pdmodel.PDPageContentStream(d, page,
                        org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode.APPEND, true, true)) {
                    cs.beginText();
                    cs.setFont(font, 8);
                    cs.setNonStrokingColor(0x57 / 255f, 0x60 / 255f, 0x6a / 255f);
                    cs.newLineAtOffset(box.getUpperRightX() - MARGIN_POINTS - width, MARGIN_POINTS / 2);
                    cs.showText(text);
                    cs.endText();
                }
            }
            d.save(numbered.toFile());
        }
        java.nio.file.Files.move(numbered, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The page's right margin (12 mm) in points, where the page number ends. */
    private static final float MARGIN_POINTS = 12 / 25.4f * 72;

    private static PdfRendererBuilder builder() {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useSVGDrawer(new BatikSVGDrawer());
        // One weight only: the font has no bold face, and bold text asked of a regular face is drawn stroked
        // (a visible bold) where a second registration of the same file would parse the font twice per part.
        builder.useFont(fontFile(), FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
        return builder;
    }

    private static java.io.File fontFile;

    /**
     * The font copied once out of the application into a temporary file. PDFBox reads a font file on demand,
     * where a stream is read whole into memory for each weight of each document: with the 4 MB CJK font that
     * alone took more heap than a report part.
     */
    private static synchronized java.io.File fontFile() {
        if (fontFile == null || !fontFile.isFile()) {
            try (InputStream in = PdfRenderer.class.getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException("The PDF font " + FONT + " is missing from the application");
                }
                java.nio.file.Path file = java.nio.file.Files.createTempFile("servicecoach-font-", ".ttf");
                java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                file.toFile().deleteOnExit();
                fontFile = file.toFile();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not prepare the PDF font", e);
            }
        }
        return fontFile;
    }
}
