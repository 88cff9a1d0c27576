package com.servicecoach.interaction;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conversations as text: speakers in both languages, times, continued lines, plain exports, limits and compression. */
class TranscriptTest {

    @Test
    void speakerLinesStartMessagesAndOtherLinesContinueThem() {
        List<Transcript.Message> m = Transcript.parse("""
                [10:02] customer: Where is my parcel?
                It was due on Monday.
                [10:03] Agent: Let me check order 8812: it left the depot today.
                system: The customer rated the chat 9
                """);
        assertEquals(3, m.size());
        assertEquals(Transcript.Speaker.CUSTOMER, m.get(0).speaker());
        assertEquals("10:02", m.get(0).time());
        assertEquals("Where is my parcel?\nIt was due on Monday.", m.get(0).text());
        assertEquals(Transcript.Speaker.AGENT, m.get(1).speaker());
        assertEquals("Let me check order 8812: it left the depot today.", m.get(1).text(), "a colon inside a message stays in it");
        assertEquals(Transcript.Speaker.SYSTEM, m.get(2).speaker());
        assertNull(m.get(2).time());
    }

    @Test
    void chineseSpeakersAndFullWidthColonsAreRecognised() {
        List<Transcript.Message> m = Transcript.parse("客户：我的快递到哪了？\n客服 (10:05)：您好，我帮您查一下。\n买家: 谢谢");
        assertEquals(List.of(Transcript.Speaker.CUSTOMER, Transcript.Speaker.AGENT, Transcript.Speaker.CUSTOMER),
                m.stream().map(Transcript.Message::speaker).toList());
        assertEquals("10:05", m.get(1).time());
        assertEquals("您好，我帮您查一下。", m.get(1).text());
    }

    @Test
    void aHelpdeskExportWithoutSpeakersIsOneNoteAsItIs() {
        String export = "Li Na, Dec 2, 2026, 10:03\n\nHello, your refund was sent.\n";
        List<Transcript.Message> m = Transcript.parse(export);
        assertEquals(1, m.size());
        assertEquals(Transcript.Speaker.NOTE, m.get(0).speaker());
        assertEquals("Li Na, Dec 2, 2026, 10:03\n\nHello, your refund was sent.", m.get(0).text());
    }

    @Test
    void tooLongEmptyOrControlCharactersAreRefusedWithTheReason() {
        assertNull(Transcript.problem("customer: hi"));
        String big = "x".repeat(Transcript.MAX_BYTES + 1);
        assertEquals("is 65,537 bytes long; a transcript holds at most 65,536 bytes (64 KiB) of UTF-8 text", Transcript.problem(big));
        // 21,846 Chinese characters are 65,538 bytes of UTF-8: the limit is in bytes, not characters
        assertTrue(Transcript.problem("好".repeat(21_846)).startsWith("is 65,538 bytes long"));
        assertNull(Transcript.problem("好".repeat(21_845)));
        assertEquals("contains the control character U+0007 on its line 2", Transcript.problem("customer: hi\nagent: \u0007"));
        assertEquals("is empty", Transcript.problem("  \n "));
    }

    @Test
    void compressionRoundTripsAndShrinksATypicalConversation() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            s.append("customer: Where is my order ").append(i).append("?\nagent: 您好，订单 ").append(i).append(" 已发货。\n");
        }
        byte[] stored = Transcript.compress(s.toString());
        assertEquals(s.toString(), Transcript.decompress(stored));
        assertTrue(stored.length * 4 < s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                "stored " + stored.length + " bytes");
        assertThrows(IllegalStateException.class, () -> Transcript.decompress(new byte[]{1, 2, 3}));
    }
}
