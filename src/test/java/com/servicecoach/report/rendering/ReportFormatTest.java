package com.servicecoach.report.rendering;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportFormatTest {

    @Test
    void formatsAreParsedFromACommaListAndAnUnknownOneIsNamed() {
        assertEquals(List.of(ReportFormat.XLSX, ReportFormat.PDF), ReportFormat.parseList(" xlsx, PDF ,xlsx"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportFormat.parseList("pdf,docx"));
        assertTrue(e.getMessage().contains("'docx'"));
        assertThrows(IllegalArgumentException.class, () -> ReportFormat.parseList(" , "));
    }
}
