package com.servicecoach.scorecard;

import com.servicecoach.agent.Agent;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.InteractionFacts;
import com.servicecoach.scoring.ScorecardCalculator;
import com.servicecoach.scoring.ScorecardFigures;
import com.servicecoach.scoring.ScoringSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The team page's ranking: by unrounded composite, ties sharing a rank, too few ratings shown but not ranked. */
class ScorecardRankingTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final Instant LATER = Instant.parse("2026-04-01T00:00:00Z");

    /** An agent with n chat contacts answered in 10 s and resolved in 100 s, rated as given. */
    static ScorecardService.RankRow row(String no, int... ratings) {
        List<InteractionFacts> facts = new ArrayList<>();
        Instant t = Instant.parse("2026-03-02T02:00:00Z");
        for (int r : ratings) {
            facts.add(new InteractionFacts(Channel.CHAT, t, t.plusSeconds(10), t.plusSeconds(100), r));
        }
        ScorecardFigures f = ScorecardCalculator.figures(facts, DAY, DAY, ScoringSettings.defaults().withMinRated(3), null, LATER);
        Agent agent = new Agent(1L, no, "Agent " + no, no + "@x.test", null, 1L, "chat", null, "active", LocalDateTime.now());
        return new ScorecardService.RankRow(agent, null, f, f.rounded());
    }

    @Test
    void ranksByCompositeWithTiesSharingARankAndLeavesSmallSamplesUnranked() {
        // A: 3 of 3 satisfied -> 100; B and C: 2 of 3 -> equal composites; D: only 2 ratings (min 3) -> unranked;
        // E: no interactions at all -> no composite -> unranked
        List<ScorecardService.RankRow> ranked = ScorecardService.rank(List.of(row("E"), row("C", 9, 9, 1), row("D", 10, 10),
                row("A", 9, 8, 7), row("B", 10, 7, 2)));
        assertEquals(List.of("A", "B", "C", "D", "E"), ranked.stream().map(r -> r.agent().employeeNo()).toList());
        assertEquals(java.util.Arrays.asList(1, 2, 2, null, null), ranked.stream().map(ScorecardService.RankRow::rank).toList());
    }

    @Test
    void anyColumnSortsWithAbsentValuesLast() {
        List<ScorecardService.RankRow> ranked = ScorecardService.rank(List.of(row("E"), row("C", 9, 9, 1), row("A", 9, 8, 7),
                row("B", 10, 7, 2)));
        assertEquals(List.of("A", "B", "C", "E"), ScorecardPageController.sorted(ranked, "rank", true).stream()
                .map(r -> r.agent().employeeNo()).toList());
        // averages: A 24/3 = 8, B and C 19/3; E none (last whatever the direction); ties keep the rank order
        assertEquals(List.of("A", "B", "C", "E"), ScorecardPageController.sorted(ranked, "averageRating", false).stream()
                .map(r -> r.agent().employeeNo()).toList());
        assertEquals(List.of("B", "C", "A", "E"), ScorecardPageController.sorted(ranked, "averageRating", true).stream()
                .map(r -> r.agent().employeeNo()).toList());
        assertEquals(List.of("A", "B", "C", "E"), ScorecardPageController.sorted(ranked, "csat", false).stream()
                .map(r -> r.agent().employeeNo()).toList());
        assertEquals(List.of("E", "A", "B", "C"), ScorecardPageController.sorted(ranked, "interactions", true).stream()
                .map(r -> r.agent().employeeNo()).toList());
        assertEquals(List.of("E", "C", "B", "A"), ScorecardPageController.sorted(ranked, "employeeNo", false).stream()
                .map(r -> r.agent().employeeNo()).toList());
    }
}
