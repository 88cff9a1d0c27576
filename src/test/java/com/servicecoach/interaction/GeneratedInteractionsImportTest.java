package com.servicecoach.interaction;

import com.servicecoach.demo.InteractionGeneratorTest;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's and the benchmark's synthetic interactions pass the import's own reader, shaped as benchmarks.md says. */
class GeneratedInteractionsImportTest {

    static final ZoneId ZONE = InteractionGeneratorTest.ZONE;
    static final Instant NOW = InteractionGeneratorTest.NOW;

    @Test
    void everyGeneratedRowPassesTheImportsRulesAndNothingHappensAfterNow() {
        for (boolean utc : new boolean[]{false, true}) {
            List<RowResult> rows = new ArrayList<>();
            try (InteractionCsvReader r = new InteractionCsvReader(new StringReader(InteractionGeneratorTest.generate(3, utc)), ZONE, no -> null)) {
                r.forEach(rows::add);
            }
            assertTrue(rows.size() > 4000, "about 10 per agent and day: " + rows.size());
            Map<String, Integer> channels = new TreeMap<>();
            int rated = 0;
            for (RowResult result : rows) {
                InteractionRow row = assertInstanceOf(InteractionRow.class, result, () -> result.toString());
                assertTrue(!row.createdAt().isAfter(NOW) && (row.resolvedAt() == null || !row.resolvedAt().isAfter(NOW)));
                channels.merge(row.channel(), 1, Integer::sum);
                rated += row.rating10() == null ? 0 : 1;
            }
            double chat = channels.get("chat") / (double) rows.size();
            assertTrue(chat > 0.45 && chat < 0.65, "mostly chat: " + channels);
            double share = rated / (double) rows.size();
            assertTrue(share > 0.5 && share < 0.7, "about 60% rated: " + share);
        }
    }

}
