package com.servicecoach.demo;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The synthetic data of the demo and the benchmark: seeded, valid for the import, and shaped as benchmarks.md says. */
public class InteractionGeneratorTest {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");

    /** A month of seeded interactions for 20 agents, about 10 per agent and day, as CSV. */
    public static String generate(long seed, boolean utc) {
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
    void theSameSeedGivesTheSameFile() {
        assertEquals(generate(7, false), generate(7, false));
        assertTrue(!generate(7, false).equals(generate(8, false)));
    }

    @Test
    void aFewAgentsAreMuchWeakerOrStrongerThanTheRest() {
        List<String> nos = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            nos.add("A" + i);
        }
        List<InteractionGenerator.AgentProfile> agents = InteractionGenerator.profiles(nos, nos.stream().map(n -> List.<String>of()).toList(), 1);
        assertEquals(4, agents.stream().filter(a -> a.skill() > 2).count());
        assertEquals(4, agents.stream().filter(a -> a.skill() < 0.6).count());
    }

    @Test
    void caseTypesAddPrioritiesOwnersAndReopensWithoutChangingAnythingElse() {
        List<String> nos = List.of("G1", "G2", "G3");
        List<InteractionGenerator.AgentProfile> agents = InteractionGenerator.profiles(nos, nos.stream().map(n -> List.<String>of()).toList(), 3);
        InteractionGenerator.Options plain = new InteractionGenerator.Options(3, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                ZONE, NOW, 10, false, "G-");
        StringWriter a = new StringWriter();
        StringWriter b = new StringWriter();
        InteractionGenerator.write(agents, plain, a);
        InteractionGenerator.write(agents, plain.withCaseTypes(), b);
        String[] without = a.toString().split("\n");
        String[] with = b.toString().split("\n");
        assertEquals(without.length, with.length);
        assertTrue(with[0].endsWith(",priority,owner,reopened"), with[0]);
        int handedOver = 0;
        int urgent = 0;
        for (int k = 1; k < with.length; k++) {
            String[] cells = with[k].split(",", -1);
            String[] base = without[k].split(",", -1);
            assertEquals(List.of(base), List.of(cells).subList(0, base.length), "line " + k);
            handedOver += cells[base.length + 1].isEmpty() ? 0 : 1;
            urgent += cells[base.length].equals("urgent") ? 1 : 0;
        }
        assertTrue(handedOver > with.length / 20 && handedOver < with.length / 6, "about 1 in 12 handed over: " + handedOver);
        assertTrue(urgent > 0, "some urgent contacts");
    }
}
