package com.servicecoach.report.rendering;

import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.report.ReportTestData;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PDF's tables fit the page: no character of any page runs past its edge, and a table that runs onto the next
 * page repeats its header row there.
 */
@MicronautTest(transactional = false)
class ReportPdfLayoutTest extends HttpTest {

    @Inject
    ReportTestData data;
    @Inject
    TeamRepository teams;

    /** Every character's right edge beyond its page's width, as "page n: text". */
    static List<String> pastTheEdge(PDDocument pdf) throws IOException {
        List<String> out = new ArrayList<>();
        for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
            PDPage page = pdf.getPage(p - 1);
            float width = page.getMediaBox().getWidth();
            int pageNo = p;
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<TextPosition> positions) {
                    for (TextPosition t : positions) {
                        if (t.getXDirAdj() < 0 || t.getXDirAdj() + t.getWidthDirAdj() > width + 0.5f) {
                            out.add("page " + pageNo + ": " + text);
                            return;
                        }
                    }
                }
            };
            stripper.setStartPage(p);
            stripper.setEndPage(p);
            stripper.getText(pdf);
        }
        return out;
    }

    static final String APPENDIX = new com.servicecoach.web.Messages().get(java.util.Locale.ENGLISH, "report.appendix");

    static String pageText(PDDocument pdf, int page) throws IOException {
        PDFTextStripper s = new PDFTextStripper();
        s.setSortByPosition(true);
        s.setStartPage(page);
        s.setEndPage(page);
        return s.getText(pdf);
    }

    @Test
    void noTextRunsPastThePageEdgeAndTheRankingRepeatsItsHeaderOnEveryPage() throws Exception {
        data.generated(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), 4, 11);
        Team north = teams.findByName("North").orElseThrow();
        for (int i = 1; i <= 90; i++) {
            fixtures.agent(String.format("W%02d", i), String.format("Wide-table agent %02d with a long name", i), north, "chat");
        }
        byte[] body = http.toBlocking().exchange(HttpRequest.GET("/reports/performance.pdf?from=2026-03-01&to=2026-03-31")
                .bearerAuth(api.token("hr.lin")), byte[].class).body();
        java.nio.file.Files.write(java.nio.file.Path.of("target", "report-wide-sample.pdf"), body);
        try (PDDocument pdf = Loader.loadPDF(body)) {
            assertEquals(List.of(), pastTheEdge(pdf));
            List<Integer> rankingPages = new ArrayList<>();
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                String text = pageText(pdf, p);
                if (text.contains(APPENDIX)) {
                    break; // the agents' own pages follow
                }
                if (java.util.regex.Pattern.compile("\\bW\\d\\d\\b").matcher(text).find()) {
                    rankingPages.add(p);
                }
            }
            assertTrue(rankingPages.size() >= 2, "the ranking runs over pages: " + rankingPages);
            for (int p : rankingPages.subList(1, rankingPages.size())) {
                String top = pageText(pdf, p).strip();
                String firstLine = top.substring(0, top.indexOf('\n'));
                // the ranking's pages, and after them the agents' coaching, each start with their table's header row
                assertTrue(firstLine.startsWith("Agent") && (firstLine.contains("Composite") || firstLine.contains("Sessions held")),
                        "page " + p + " starts with the header: " + firstLine);
            }
        }
    }
}
