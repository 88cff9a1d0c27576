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

/** Who comes first on an overview: the most missed targets, then the lowest composite, then no composite. */
class AttentionTest {

    static final LocalDate DAY = LocalDate.of(2026, 3, 2);
    static final ScoringSettings.FigureTargets TARGETS = ScoringSettings.FigureTargets.defaults(); // 80, 85, 80

    /** {@code n} chats, {@code onTime} of them answered within the 60 s target; all resolved in time and rated 9. */
    static ScorecardService.RankRow row(String no, int n, int onTime) {
        List<InteractionFacts> facts = new ArrayList<>();
        Instant t = Instant.parse("2026-03-02T02:00:00Z");
        for (int i = 0; i < n; i++) {
            facts.add(new InteractionFacts(Channel.CHAT, t, t.plusSeconds(i < onTime ? 10 : 120), t.plusSeconds(100), 9));
        }
        ScorecardFigures f = ScorecardCalculator.figures(facts, DAY, DAY, ScoringSettings.defaults().withMinRated(3), null,
                Instant.parse("2026-04-01T00:00:00Z"));
        return new ScorecardService.RankRow(new Agent(1L, no, "Agent " + no, no + "@x.test", null, 1L, "chat", null, "active",
                LocalDateTime.now()), null, f, f.rounded());
    }

    @Test
    void aMissedTargetIsAShownFigureBelowItsThreshold() {
        assertEquals(List.of("first_response_sla"), Attention.misses(row("A", 10, 7).scorecard(), TARGETS), "70 % < 80 %");
        assertEquals(List.of(), Attention.misses(row("B", 10, 8).scorecard(), TARGETS), "80 % is on target");
        assertEquals(List.of(), Attention.misses(row("C", 0, 0).scorecard(), TARGETS), "no figures, nothing missed");
    }

    @Test
    void theAgentsMissingTargetsComeFirstThenTheLowestComposite() {
        List<Attention.Row> order = Attention.order(List.of(row("OK1", 10, 10), row("NONE", 0, 0), row("LOW", 10, 5),
                row("OK2", 10, 9), row("LOWER", 10, 2)), TARGETS);
        assertEquals(List.of("LOWER", "LOW", "OK2", "OK1", "NONE"), order.stream().map(r -> r.agent().agent().employeeNo()).toList());
    }
}
