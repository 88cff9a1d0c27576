package com.servicecoach.demo;

import com.servicecoach.interaction.ImportRecord;
import com.servicecoach.interaction.InteractionImporter;
import com.servicecoach.interaction.InteractionStore;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.settings.ScoringSettingsService;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Demo interactions: in the {@code demo} environment, when no interaction is stored yet, three months of
 * generated helpdesk contacts for the demo agents, ending now, imported through the ordinary import path.
 * Runs after the demo users, teams and agents are loaded.
 */
@Singleton
@Requires(env = "demo")
@Order(20)
class DemoInteractions implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoInteractions.class);
    static final long SEED = 20260301L;
    static final double PER_AGENT_PER_DAY = 12;
    /** How much the mean rating of returns rises for the agents who completed {@link DemoTraining#HELPED}. */
    static final double RETURNS_LIFT = 2.0;

    private final InteractionStore store;
    private final InteractionImporter importer;
    private final AgentRepository agents;
    private final ScoringSettingsService settings;
    private final Clock clock;
    private final com.servicecoach.training.CompletionRepository completions;
    private final com.servicecoach.training.TrainingModuleRepository modules;

    DemoInteractions(InteractionStore store, InteractionImporter importer, AgentRepository agents,
                     ScoringSettingsService settings, Clock clock, com.servicecoach.training.CompletionRepository completions,
                     com.servicecoach.training.TrainingModuleRepository modules) {
        this.completions = completions;
        this.modules = modules;
        this.store = store;
        this.importer = importer;
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    /** The agents who completed the module that helped: their returns are rated higher from the day after. */
    private java.util.Map<String, InteractionGenerator.Lift> lifts(List<Agent> all, ZoneId zone) {
        java.util.Map<Long, String> numbers = new java.util.HashMap<>();
        all.forEach(a -> numbers.put(a.id(), a.employeeNo()));
        java.util.Map<String, InteractionGenerator.Lift> out = new java.util.HashMap<>();
        modules.findByCode(DemoTraining.HELPED).ifPresent(m -> completions.findByModuleIdIn(List.of(m.id())).forEach(c -> {
            LocalDate day = LocalDate.ofInstant(c.completedAt().toInstant(java.time.ZoneOffset.UTC), zone);
            out.put(numbers.get(c.agentId()), new InteractionGenerator.Lift("return_refund", day, RETURNS_LIFT));
        }));
        return out;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        List<Agent> all = agents.findAllOrderByEmployeeNo();
        if (all.isEmpty() || !store.isEmpty()) {
            return;
        }
        ZoneId zone = settings.current().settings().orgZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<InteractionGenerator.AgentProfile> profiles = InteractionGenerator.profiles(
                all.stream().map(Agent::employeeNo).toList(), all.stream().map(Agent::channelList).toList(), SEED);
        try {
            Path file = Files.createTempFile("demo-interactions-", ".csv");
            try {
                try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                    InteractionGenerator.write(profiles, new InteractionGenerator.Options(SEED, today.minusMonths(3).plusDays(1),
                            today, zone, now, PER_AGENT_PER_DAY, false, "DEMO-", lifts(all, zone)).withCaseTypes(), out);
                }
                InteractionImporter.Scope scope = InteractionImporter.Scope.allAgents("demo");
                try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                    ImportRecord record = importer.create(scope, "demo-interactions.csv", StandardCharsets.UTF_8, "demo");
                    ImportRecord done = importer.run(record.id(), scope, in);
                    LOG.info("Loaded demo interactions: {} rows for {} agents ({} rejected)", done.inserted(), all.size(),
                            done.rejected());
                }
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
