package com.servicecoach.report;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A report of many agents is written within a small heap: a JVM of its own with {@code -Xmx128m} fills an
 * H2 file database with 240 agents' month of interactions and writes the all-teams report as PDF, CSV and
 * XLSX. Building it from stored days and rendering the PDF in parts keeps memory bounded; one document of
 * every agent's page at once does not fit.
 */
class ReportMemoryTest {

    @TempDir
    Path dir;

    @Test
    void theAllTeamsReportOfTwoHundredFortyAgentsIsWrittenWithinA128MegabyteHeap() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-XX:+ExitOnOutOfMemoryError", "-Duser.timezone=UTC",
                "-cp", System.getProperty("java.class.path"), com.servicecoach.interaction.BoundedReportMain.class.getName(), dir.toString(), "6", "40", "3"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;NON_KEYWORDS=VALUE,YEAR,MONTH,DAY,USER";
        pb.environment().put("JDBC_URL", url);
        pb.environment().put("JDBC_USER", "sa");
        pb.environment().put("JDBC_PASSWORD", "");
        Process p = pb.start();
        boolean finished = p.waitFor(5, TimeUnit.MINUTES);
        String out = Files.readString(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        if (!finished) {
            p.destroyForcibly();
        }
        assertTrue(finished, "the report was written within five minutes");
        assertEquals(0, p.exitValue(), "the forked JVM wrote the report within 128 MB: " + tail(out));
        assertTrue(out.contains("written 3 files"), tail(out));
        File pdf = dir.resolve("reports").resolve("performance-2026-03-all-teams.pdf").toFile();
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertTrue(d.getNumberOfPages() >= 240, "a page per agent at least: " + d.getNumberOfPages());
        }
        List<String> csv = Files.readAllLines(dir.resolve("reports").resolve("performance-2026-03-all-teams.csv"));
        assertEquals(241, csv.size(), "a header and a row per agent");
    }

    static String tail(String out) {
        return out.length() > 3000 ? out.substring(out.length() - 3000) : out;
    }
}
