package com.servicecoach.report;

import com.servicecoach.interaction.ImportInteractionsCommand;
import com.servicecoach.demo.InteractionGenerator;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** Interactions for the standard cast (N1, N2 in North; S1 in South), imported through the import command. */
@Singleton
public class ReportTestData {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ImportInteractionsCommand importer;

    ReportTestData(ImportInteractionsCommand importer) {
        this.importer = importer;
    }

    /** Generated contacts (seeded, so every run is the same) for N1, N2 and S1 from first to last. */
    public void generated(LocalDate first, LocalDate last, double perAgentPerDay, long seed) {
        List<InteractionGenerator.AgentProfile> agents = List.of(
                new InteractionGenerator.AgentProfile("N1", List.of("chat", "email"), 1.0),
                new InteractionGenerator.AgentProfile("N2", List.of("phone", "chat"), 2.2),
                new InteractionGenerator.AgentProfile("S1", List.of("chat", "social"), 0.6));
        StringWriter csv = new StringWriter();
        InteractionGenerator.write(agents, new InteractionGenerator.Options(seed, first, last, SHANGHAI,
                last.plusDays(2).atStartOfDay(SHANGHAI).toInstant(), perAgentPerDay, false, "G" + seed + "-"), csv);
        csv(csv.toString());
    }

    /** Imports a CSV text (header included); fails the test when the import does not succeed. */
    public void csv(String text) {
        try {
            Path file = Files.createTempFile("report-test-", ".csv");
            try {
                Files.writeString(file, text, StandardCharsets.UTF_8);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                int code = importer.run(List.of(file.toString()), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
                String printed = out.toString(StandardCharsets.UTF_8);
                if (code != 0 || !printed.contains("rejected 0")) {
                    throw new AssertionError("import failed (" + code + "): " + printed + err.toString(StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Instant at(String localShanghai) {
        return java.time.LocalDateTime.parse(localShanghai).atZone(SHANGHAI).toInstant();
    }

    /** The list under {@code key} in a JSON object read as maps. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> list(Map<String, Object> json, String key) {
        return (List<Map<String, Object>>) json.get(key);
    }

    /** The object under {@code key} in a JSON object read as maps. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, Object> json, String key) {
        return (Map<String, Object>) json.get(key);
    }
}
