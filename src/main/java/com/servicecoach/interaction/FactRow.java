package com.servicecoach.interaction;

import com.servicecoach.scoring.InteractionFacts;

/** What scorecards read of one stored interaction: its agent, its category and the facts the figures need. */
public record FactRow(long agentId, String category, InteractionFacts facts) {
}
