package com.servicecoach.interaction;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The rows LOAD DATA receives: its default format, with escapes, NULLs and exact instants. */
class LoadDataRowsTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 8, 0, 0, 123_456_000);

    @Test
    void encodesEveryColumnInLoadDataDefaultFormat() {
        Map<InteractionStore.Key, InteractionStore.Values> row = row("shop", "T-1", 7, "chat", "logistics",
                Instant.parse("2026-03-02T01:15:00.123456789Z"), Instant.parse("2026-03-02T01:15:30Z"), null, 8,
                "tab\there, line\nbreak, back\\slash, 中文");
        String text = new String(LoadDataRows.encode(row, 42, NOW), StandardCharsets.UTF_8);
        assertEquals("shop\tT-1\t7\tchat\tlogistics\t2026-03-02 01:15:00.123456\t789\t2026-03-02 01:15:30.000000\t0\t\\N\t0\t8\t"
                + "tab\\there, line\\nbreak, back\\\\slash, 中文\tnormal\t7\t0\t42\t2026-03-10 08:00:00.123456\n", text);
    }

    @Test
    void absentRatingAndCommentAreNull() {
        Map<InteractionStore.Key, InteractionStore.Values> row = row("default", "T-2", 1, "email", "other",
                Instant.parse("2026-03-02T01:15:00Z"), null, null, null, null);
        String text = new String(LoadDataRows.encode(row, 1, NOW), StandardCharsets.UTF_8);
        assertEquals("default\tT-2\t1\temail\tother\t2026-03-02 01:15:00.000000\t0\t\\N\t0\t\\N\t0\t\\N\t\\N\tnormal\t1\t0\t1\t2026-03-10 08:00:00.123456\n",
                text);
    }

    @Test
    void yearsMysqlCannotHoldAreLeftToAnInsertToReport() {
        Map<InteractionStore.Key, InteractionStore.Values> row = row("default", "T-3", 1, "chat", "other",
                Instant.parse("0999-12-31T00:00:00Z"), null, null, null, null);
        assertNull(LoadDataRows.encode(row, 1, NOW));
    }

    private static Map<InteractionStore.Key, InteractionStore.Values> row(String source, String externalId, long agentId,
            String channel, String category, Instant created, Instant responded, Instant resolved, Integer rating, String comment) {
        return Map.of(new InteractionStore.Key(source, externalId),
                new InteractionStore.Values(agentId, channel, category, created, responded, resolved, rating, comment, "normal", agentId, 0));
    }
}
