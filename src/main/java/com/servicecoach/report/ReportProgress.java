package com.servicecoach.report;

import com.servicecoach.report.building.PerformanceReportService;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The progress of reports being prepared for download, so the page can show it while it waits: the page
 * names a download with a random token ({@code progress=...}) and polls {@code GET /api/reports/progress/{token}}.
 * Kept in memory on the node that prepares the file, per user, for ten minutes; a token another user made is
 * unknown (404).
 */
@Singleton
public class ReportProgress {

    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    static final Duration KEEP = Duration.ofMinutes(10);

    /** What the page shows: the step (teams, interactions, previous, training, rendering, done), a percentage, and the end. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record State(String step, int done, int total, int percent, boolean finished, boolean failed) {
    }

    private record Entry(String owner, State state, Instant touched) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    ReportProgress(Clock clock) {
        this.clock = clock;
    }

    /** A progress that records into the token's state; nothing is kept for an absent or malformed token. */
    PerformanceReportService.Progress track(String owner, @Nullable String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            return PerformanceReportService.Progress.NONE;
        }
        purge();
        put(owner, token, new State("teams", 0, 0, 0, false, false));
        return (step, done, total) -> put(owner, token, new State(step, done, total, percent(step, done, total), false, false));
    }

    /** Computing the teams takes most of the time (to 60 %), then the scope's interactions, training, training impact and the file. */
    static int percent(String step, int done, int total) {
        return switch (step) {
            case "teams" -> total == 0 ? 60 : (int) (60L * done / total);
            case "interactions" -> 65;
            case "previous" -> 72;
            case "training" -> 76;
            case "survey", "quality", "impact", "done" -> 80;
            default -> 0;
        };
    }

    void rendering(String owner, @Nullable String token) {
        update(owner, token, new State("rendering", 0, 0, 85, false, false));
    }

    void finished(String owner, @Nullable String token) {
        update(owner, token, new State("done", 0, 0, 100, true, false));
    }

    void failed(String owner, @Nullable String token) {
        update(owner, token, new State("done", 0, 0, 100, true, true));
    }

    /** The state of one of the owner's downloads. */
    public Optional<State> get(String owner, String token) {
        Entry e = entries.get(token);
        return e == null || !e.owner().equals(owner) ? Optional.empty() : Optional.of(e.state());
    }

    private void update(String owner, @Nullable String token, State state) {
        if (token != null && TOKEN.matcher(token).matches()) {
            put(owner, token, state);
        }
    }

    private void put(String owner, String token, State state) {
        Entry old = entries.get(token);
        if (old != null && !old.owner().equals(owner)) {
            return;
        }
        entries.put(token, new Entry(owner, state, clock.instant()));
    }

    private void purge() {
        Instant limit = clock.instant().minus(KEEP);
        entries.values().removeIf(e -> e.touched().isBefore(limit));
    }
}
