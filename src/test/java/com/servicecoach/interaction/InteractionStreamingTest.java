package com.servicecoach.interaction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class InteractionStreamingTest {

    /** Synthesises a CSV file of {@code rows} data rows on the fly, never holding it in memory. */
    static final class SyntheticCsv extends Reader {
        private final int rows;
        private int next = -1; // -1 = header
        private String current = "";
        private int pos;

        SyntheticCsv(int rows) {
            this.rows = rows;
        }

        @Override
        public int read(char[] cbuf, int off, int len) {
            if (pos == current.length()) {
                if (next >= rows) {
                    return -1;
                }
                current = next < 0
                        ? "external_id,source,agent,channel,category,created_at,first_response_at,resolved_at,"
                                + "rating,rating_scale,comment\r\n"
                        : "T-" + next + ",zendesk,A" + (next % 50) + ",chat,logistics,2026-03-02T09:15:00,"
                                + "2026-03-02T09:15:30.250,2026-03-02T10:00:00+08:00," + (1 + next % 5) + ",5,"
                                + (next % 10 == 0 ? "\"good, \"\"fast\"\"\nservice\"" : "thanks") + "\r\n";
                pos = 0;
                next++;
            }
            int n = Math.min(len, current.length() - pos);
            current.getChars(pos, pos + n, cbuf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void streamsTwoHundredThousandSynthesisedRows() {
        int rows = 200_000;
        long[] counts = new long[3];
        try (InteractionCsvReader r = new InteractionCsvReader(new SyntheticCsv(rows), ZoneId.of("Asia/Shanghai"),
                no -> null)) {
            r.forEach(result -> {
                counts[0]++;
                if (result instanceof InteractionRow row) {
                    counts[1]++;
                    counts[2] = row.line();
                }
            });
        }
        assertEquals(rows, counts[0]);
        assertEquals(rows, counts[1]);
        assertEquals(1 + rows + rows / 10, counts[2]); // every 10th row spans two lines
    }
}
