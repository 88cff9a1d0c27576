package com.servicecoach.interaction;

import com.servicecoach.web.Messages;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.servicecoach.interaction.TestCsv.error;
import static com.servicecoach.interaction.TestCsv.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rejected rows' reasons in the reader's language: every reason the reader and the importer write, told again
 * in English, reads exactly as stored (so the table of shapes misses none), and in Chinese keeps no English
 * words but the column names and the file's own values.
 */
class RowErrorTextTest {

    static final Messages MESSAGES = new Messages();
    static final RowErrorText ENGLISH = new RowErrorText(MESSAGES, Locale.ENGLISH);
    static final RowErrorText CHINESE = new RowErrorText(MESSAGES, Messages.CHINESE);

    /** One stored reason of every shape, written by the reader itself. */
    static List<String> reasons() {
        List<String> r = new ArrayList<>();
        r.add(error(row("agent", "")).message());
        r.add(error(row("agent", "X9")).message());
        r.add(error(row("channel", "fax", "category", "weather")).message());
        r.add(error(row("rating", "7.5")).message());
        r.add(error(row("rating_scale", "7")).message());
        r.add(error(row("rating", "11")).message());
        r.add(error(row("rating", "6", "rating_scale", "5")).message());
        for (String t : List.of("2026-03-02", "2026-03-02 09:15:00", "2026-03-02t09:15:00", "2026-03-02T09:15", "03/02/2026",
                "2026-13-02T09:15:00", "2026-02-30T09:15:00", "2026-03-02T24:00:00", "2026-03-02T09:60:00",
                "2026-03-02T09:15:60", "2026-03-02T09:15:00+19:00", "1850-03-02T09:15:00", "2250-03-02T09:15:00")) {
            r.add(error(row("created_at", t, "first_response_at", "", "resolved_at", "")).message());
        }
        r.add(error(row("first_response_at", "2026-03-02T09:00:00")).message());
        r.add(error(row("resolved_at", "2026-03-02T09:15:30")).message());
        r.add(error(row("external_id", "T\u00011")).message());
        r.add(error(row("comment", "x".repeat(2001))).message());
        r.add(error("T-1,A001,chat").message());
        r.add(error("T-1,A001,chat,logistics,2026-03-02T09:15:00,,,,,\"fine\"x").message());
        r.add(TestCsv.read(TestCsv.HEADER + "\nT-1,A001,chat,logistics,2026-03-02T09:15:00,,,,,\"open").stream()
                .map(x -> assertInstanceOf(RowError.class, x).message()).findFirst().orElseThrow());
        byte[] gbk = (TestCsv.HEADER + "\nT-1,A001,chat,logistics,2026-03-02T09:15:00,,,,,").getBytes(StandardCharsets.UTF_8);
        byte[] bad = new byte[gbk.length + 2];
        System.arraycopy(gbk, 0, bad, 0, gbk.length);
        bad[gbk.length] = (byte) 0xC4;
        bad[gbk.length + 1] = (byte) 0xE3;
        try (InteractionCsvReader reader = new InteractionCsvReader(new ByteArrayInputStream(bad), StandardCharsets.UTF_8,
                TestCsv.SHANGHAI, TestCsv.AGENTS)) {
            r.add(assertInstanceOf(RowError.class, reader.next()).message());
        }
        // what the importer adds for a supervisor's file
        r.add("agent: 'S1' is not an agent of a team you lead");
        r.add("external_id: 'T-7' (source 'shop') is an interaction of an agent of a team you do not lead");
        return r;
    }

    @Test
    void everyStoredReasonToldInEnglishReadsExactlyAsStored() {
        for (String reason : reasons()) {
            assertEquals(reason, ENGLISH.text(reason));
        }
    }

    @Test
    void inChineseNoEnglishWordsAreLeftButColumnNamesAndTheFilesValues() {
        for (String reason : reasons()) {
            String zh = CHINESE.text(reason);
            String words = zh.replaceAll("'[^']*'|“[^”]*”|[a-z_]+(?=：| 早于)|(created_at|first_response_at)(?= )"
                            + "|rating_scale|CSV|UTF-8|GBK|ISO-8601|Excel|Windows|U\\+[0-9A-F]{4}|YYYY-MM-DDTHH:MM:SS[^）]*|\\b[a-z_]+(, [a-z_]+)+", "");
            assertTrue(!words.matches("(?s).*[A-Za-z]{3,}.*"), reason + " -> " + zh + " (left: " + words + ")");
            assertTrue(!zh.equals(reason), reason);
        }
    }

    @Test
    void theSeveralProblemsOfOneRowAreEachToldAndJoined() {
        String stored = error(row("channel", "fax", "rating", "0")).message();
        assertEquals("channel: 'fax' is not one of chat, email, phone, social; rating: '0' is outside the 1-10 scale", stored);
        assertEquals("channel：“fax”不在以下取值之中：chat, email, phone, social；rating：“0”超出 1-10 分的量表", CHINESE.text(stored));
    }

    @Test
    void aReasonOfNoKnownShapeIsShownAsStored() {
        assertEquals("something new happened", CHINESE.text("something new happened"));
        assertEquals("agent: a reason of tomorrow", CHINESE.text("agent: a reason of tomorrow"));
    }
}
