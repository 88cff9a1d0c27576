package com.servicecoach.scorecard;

import com.servicecoach.scoring.Scorecard;
import com.servicecoach.scoring.ScoringSettings.FigureTargets;
import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who needs attention first on an overview: the agents whose shown figures miss the most targets (first-response
 * SLA, resolution SLA, CSAT with enough ratings: below the figure targets of the scoring settings), then the
 * lowest composite, then agents without a composite, then by employee number.
 */
public final class Attention {

    private Attention() {
    }

    /** One agent's row with the targets it misses (in that order: first_response_sla, resolution_sla, csat). */
    public record Row(ScorecardService.RankRow agent, List<String> misses) {
    }

    public static List<String> misses(Scorecard card, FigureTargets targets) {
        List<String> out = new ArrayList<>();
        below("first_response_sla", card.firstResponseSla().percent(), targets.firstResponseSla(), out);
        below("resolution_sla", card.resolutionSla().percent(), targets.resolutionSla(), out);
        if (!card.insufficientRatings()) {
            below("csat", card.csatPercent(), targets.csat(), out);
        }
        return out;
    }

    public static List<Row> order(List<ScorecardService.RankRow> rows, FigureTargets targets) {
        return rows.stream().map(r -> new Row(r, misses(r.scorecard(), targets)))
                .sorted(Comparator.comparingInt((Row r) -> -r.misses().size())
                        .thenComparing(r -> r.agent().scorecard().composite().score(), Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(r -> r.agent().agent().employeeNo()))
                .toList();
    }

    private static void below(String figure, @Nullable BigDecimal value, @Nullable BigDecimal target, List<String> out) {
        if (value != null && target != null && value.compareTo(target) < 0) {
            out.add(figure);
        }
    }
}
