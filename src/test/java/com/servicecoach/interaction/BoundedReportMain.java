package com.servicecoach.interaction;

import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.report.ReportFiles;
import com.servicecoach.report.building.ReportPeriod;
import com.servicecoach.report.rendering.ReportFormat;
import io.micronaut.context.ApplicationContext;

import java.io.BufferedWriter;
import java.io.FileInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Run by {@code report.ReportMemoryTest} in a JVM of its own with a small heap: fills a database with many agents'
 * interactions, then writes the all-teams month report in every format. It exits 0 only when all of it
 * fits in that heap.
 *
 * <p>Arguments: a working directory, the number of teams, agents per team, and contacts per agent and day.
 */
public final class BoundedReportMain {

    private static final java.time.format.DateTimeFormatter ISO = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private BoundedReportMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int teams = Integer.parseInt(args[1]);
        int perTeam = Integer.parseInt(args[2]);
        int perDay = Integer.parseInt(args[3]);
        try (ApplicationContext context = ApplicationContext.builder().environments("test").start()) {
            TeamRepository teamRepository = context.getBean(TeamRepository.class);
            AgentRepository agentRepository = context.getBean(AgentRepository.class);
            for (int t = 0; t < teams; t++) {
                Team team = teamRepository.save(new Team(null, "Team " + t, null));
                for (int a = 0; a < perTeam; a++) {
                    agentRepository.save(new Agent(null, "M" + t + "_" + a, "Agent 客服 " + t + "-" + a, "m" + t + a + "@shop.test", null,
                            team.id(), "chat;email", LocalDate.of(2024, 1, 1), "active", LocalDateTime.of(2026, 1, 1, 0, 0)));
                }
            }
            Path csv = dir.resolve("interactions.csv");
            Random random = new Random(7);
            try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                out.write("external_id,agent,channel,category,created_at,first_response_at,resolved_at,rating,rating_scale,comment\n");
                long id = 0;
                for (int day = 1; day <= 31; day++) {
                    for (int t = 0; t < teams; t++) {
                        for (int a = 0; a < perTeam; a++) {
                            for (int k = 0; k < perDay; k++) {
                                LocalDateTime created = LocalDateTime.of(2026, 3, day, 8 + random.nextInt(12), random.nextInt(60), random.nextInt(60));
                                String response = random.nextInt(20) == 0 ? "" : ISO.format(created.plusSeconds(random.nextInt(600)));
                                String resolved = random.nextInt(10) == 0 ? "" : ISO.format(created.plusSeconds(600 + random.nextInt(90_000)));
                                String rating = random.nextInt(10) < 6 ? String.valueOf(1 + random.nextInt(10)) : "";
                                out.write("B" + (id++) + ",M" + t + "_" + a + "," + (random.nextInt(4) == 0 ? "email" : "chat") + ",other,"
                                        + ISO.format(created) + "," + response + "," + resolved + "," + rating + ",,\n");
                            }
                        }
                    }
                }
            }
            InteractionImporter importer = context.getBean(InteractionImporter.class);
            InteractionImporter.Scope scope = InteractionImporter.Scope.allAgents("admin");
            ImportRecord record = importer.create(scope, "interactions.csv", StandardCharsets.UTF_8, null);
            try (InputStream in = new FileInputStream(csv.toFile())) {
                ImportRecord done = importer.run(record.id(), scope, in);
                if (done.rejected() != 0) {
                    throw new IllegalStateException("rows were rejected: " + done.rejected());
                }
            }
            List<Path> written = context.getBean(ReportFiles.class).write("memory-test", ReportPeriod.parse("2026-03"), null,
                    List.of(ReportFormat.PDF, ReportFormat.CSV, ReportFormat.XLSX), dir.resolve("reports"), Locale.ENGLISH);
            System.out.println("written " + written.size() + " files; peak heap "
                    + java.lang.management.ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024) + " MB");
        }
    }
}
