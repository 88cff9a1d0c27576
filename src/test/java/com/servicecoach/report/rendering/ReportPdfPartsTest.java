package com.servicecoach.report.rendering;

import com.servicecoach.account.Role;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.report.building.PerformanceReportService;
import com.servicecoach.report.building.ReportPeriod;
import com.servicecoach.support.HttpTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The PDF is rendered in parts (front matter, then the agents' pages a few dozen at a time) and joined: no
 * page is lost or blank, every agent has their page, and the pages are numbered across the whole document.
 */
@MicronautTest(transactional = false)
class ReportPdfPartsTest extends HttpTest {

    @Inject
    PerformanceReportService reports;
    @Inject
    ReportDocument document;
    @Inject
    TeamRepository teams;

    @Test
    void aReportOfMoreAgentsThanOnePartHoldsEachAgentsPageNumberedAcrossTheParts() throws Exception {
        Team north = teams.findByName("North").orElseThrow();
        int extra = ReportDocument.AGENTS_PER_PART * 2 + 3;
        for (int i = 0; i < extra; i++) {
            fixtures.agent(String.format("P%03d", i), "Agent 代理 " + i, north, "chat");
        }
        PerformanceReport report = reports.build(new Viewer("hr.lin", Role.HR, null), ReportPeriod.parse("2026-03"), null,
                PerformanceReportService.Progress.NONE);
        int agents = report.agents().size();
        assertEquals(extra + 3, agents, "the standard cast's three agents and the extra ones");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        document.pdf(report, Locale.ENGLISH, out);
        try (PDDocument pdf = Loader.loadPDF(out.toByteArray())) {
            int pages = pdf.getNumberOfPages();
            PDFTextStripper stripper = new PDFTextStripper();
            int agentPages = 0;
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(pdf);
                assertTrue(text.strip().length() > 20, "page " + p + " is not blank");
                assertTrue(text.contains(p + " / " + pages), "page " + p + " carries its number: " + text);
                if (text.contains("Agent 代理 ") || text.contains("Li Na") || text.contains("Tom Baker") || text.contains("王芳")) {
                    agentPages++;
                }
            }
            String all = new PDFTextStripper().getText(pdf);
            for (int i = 0; i < extra; i++) {
                String no = String.format("P%03d", i);
                assertTrue(all.contains(no), "agent " + no + " is in the PDF");
            }
            assertTrue(agentPages >= agents, "every agent has a page of their own: " + agentPages + " of " + pages);
        }
    }
}
