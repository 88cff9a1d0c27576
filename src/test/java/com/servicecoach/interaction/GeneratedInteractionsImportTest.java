package com.servicecoach.interaction;

import com.servicecoach.demo.InteractionGenerator;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo's and the benchmark's synthetic interactions pass the import's own reader, shaped as benchmarks.md says. */
class GeneratedInteractionsImportTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    static String generate(long seed, boolean utc) {
        List<String> nos = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            nos.add("G" + i);
        }
        List<InteractionGenerator.AgentProfile> agents = InteractionGenerator.profiles(nos, nos.stream().map(n -> List.<String>of()).toList(), seed);
        StringWriter out = new StringWriter();
        InteractionGenerator.write(agents, new InteractionGenerator.Options(seed, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                ZONE, NOW, 10, utc, "G-"), out);
        return out.toString();
    }

    @Test
    void everyGeneratedRowPassesTheImportsRulesAndNothingHappensAfterNow() {
        for (boolean utc : new boolean[]{false, true}) {
            List<RowResult> rows = new ArrayList<>();
            try (InteractionCsvReader r = new InteractionCsvReader(new StringReader(generate(3, utc)), ZONE, no -> null)) {
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
