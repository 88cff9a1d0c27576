package com.servicecoach.interaction;

import static com.servicecoach.interaction.TestCsv.SHANGHAI;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class InteractionEncodingTest {

    private static final String FILE = "external_id,agent,channel,created_at,comment\n"
            + "T-1,A001,chat,2026-03-02T09:15:00+08:00,客服态度很好，物流太慢\n";

    private static List<RowResult> read(byte[] bytes, Charset cs) {
        List<RowResult> out = new ArrayList<>();
        try (InteractionCsvReader r = new InteractionCsvReader(new ByteArrayInputStream(bytes), cs, SHANGHAI,
                TestCsv.AGENTS)) {
            r.forEach(out::add);
        }
        return out;
    }

    @Test
    void utf8WithoutBom() {
        List<RowResult> rows = read(FILE.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        InteractionRow row = assertInstanceOf(InteractionRow.class, rows.get(0));
        assertEquals("T-1", row.externalId());
        assertEquals("客服态度很好，物流太慢", row.comment());
    }

    @Test
    void utf8WithBomIsStrippedSoTheFirstColumnIsRecognised() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(FILE.getBytes(StandardCharsets.UTF_8));
        List<RowResult> rows = read(bytes.toByteArray(), StandardCharsets.UTF_8);
        assertEquals(1, rows.size());
        InteractionRow row = assertInstanceOf(InteractionRow.class, rows.get(0));
        assertEquals("T-1", row.externalId());
        assertEquals(2, row.line());
    }

    @Test
    void gbkBytesWithChineseCommentAreDecoded() {
        Charset gbk = Charset.forName("GBK");
        List<RowResult> rows = read(FILE.getBytes(gbk), gbk);
        InteractionRow row = assertInstanceOf(InteractionRow.class, rows.get(0));
        assertEquals("客服态度很好，物流太慢", row.comment());
    }

    @Test
    void gbkFileReadAsUtf8RejectsTheUndecodableField() {
        List<RowResult> rows = read(FILE.getBytes(Charset.forName("GBK")), StandardCharsets.UTF_8);
        RowError e = assertInstanceOf(RowError.class, rows.get(0));
        assertEquals(2, e.line());
        assertTrue(e.message().startsWith("comment: "), e.message());
        assertTrue(e.message().contains("UTF-8"), e.message());
    }
}
