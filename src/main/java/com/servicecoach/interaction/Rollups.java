package com.servicecoach.interaction;

import com.servicecoach.jobs.JobLeaseStore;
import com.servicecoach.scoring.InteractionFacts;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.scoring.Tally;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.settings.SettingsChanged;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The exact rollups of the interactions: one stored {@link Tally} per agent and day.
 * <ul>
 *   <li><b>Reading</b> ({@link #read}): a period's days come from the stored tallies when they are current for
 *   the settings in force, else from the rows themselves, so a figure is never stale.</li>
 *   <li><b>Import</b> ({@link #begin}): each batch changes the stored days of the contacts it adds, changes or
 *   moves, in the batch's own transaction.</li>
 *   <li><b>Rebuild</b> ({@link #rebuildIfNeeded}): the stored days depend on the organization's zone and the
 *   calendars; when they change (or no rollups exist yet beside stored rows) every agent's days are computed
 *   again from the rows, agent by agent, in the background, once across instances (a claim on the state row).
 *   Imports and the rebuild take turns per agent (both lock the agent's row).</li>
 * </ul>
 */
@Singleton
public class Rollups {

    private static final Logger LOG = LoggerFactory.getLogger(Rollups.class);
    private static final Duration CLAIM = Duration.ofMinutes(2);

    /** Receives a period's tallies day by day, agent by agent (days ascending within an agent). */
    @FunctionalInterface
    public interface DayTallies {
        void day(long agentId, LocalDate day, Tally tally);
    }

    private final InteractionStore store;
    private final ScoringSettingsService settings;
    private final Clock clock;
    private final ExecutorService executor;
    private final boolean rebuildJob;
    private final JobLeaseStore leases;
    private final Duration checkInterval;
    private final String instance = UUID.randomUUID().toString();
    private final ReentrantLock rebuilding = new ReentrantLock();

    Rollups(InteractionStore store, ScoringSettingsService settings, Clock clock,
            @Named(TaskExecutors.BLOCKING) ExecutorService executor,
            @Value("${servicecoach.rollups.job:true}") boolean rebuildJob, JobLeaseStore leases,
            @Value("${servicecoach.rollups.check-interval:1m}") Duration checkInterval) {
        this.leases = leases;
        this.checkInterval = checkInterval;
        this.store = store;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.rebuildJob = rebuildJob;
    }

    // ---- reading --------------------------------------------------------------------------------

    /** Whether the stored days are complete for these settings (else figures come from the rows). */
    public boolean current(ScoringSettingsService.Current current) {
        return store.rollupState().map(s -> s.isCurrentFor(current.rollupKey())).orElse(false);
    }

    public Optional<RollupState> state() {
        return store.rollupState();
    }

    /**
     * The tallies of these agents' days within from..to, agent by agent: stored ones when current for the
     * settings, else computed from the rows with the settings' calendars. Days without interactions are
     * left out.
     */
    public void read(Collection<Long> agentIds, LocalDate from, LocalDate to, ScoringSettingsService.Current current,
                     DayTallies consumer) {
        if (agentIds.isEmpty()) {
            return;
        }
        if (current(current)) {
            store.days(agentIds, from, to, (agentId, day, bytes) -> consumer.day(agentId, day, Tally.decode(bytes)));
            return;
        }
        ScoringSettings s = current.settings();
        ZoneId zone = s.orgZone();
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        // agent by agent, ascending: a day's tallies are handed on when the next agent's rows begin
        long[] agent = {-1};
        TreeMap<LocalDate, List<InteractionFacts>> byDay = new TreeMap<>();
        Runnable handOn = () -> {
            byDay.forEach((day, facts) -> consumer.day(agent[0], day, Tally.of(facts, s)));
            byDay.clear();
        };
        store.forEachFactOf(agentIds, start, end, (agentId, stored) -> {
            if (agentId != agent[0]) {
                handOn.run();
                agent[0] = agentId;
            }
            byDay.computeIfAbsent(LocalDate.ofInstant(stored.facts().createdAt(), zone), d -> new ArrayList<>()).add(stored.facts());
        });
        handOn.run();
    }

    // ---- import ---------------------------------------------------------------------------------

    /**
     * Starts keeping the stored days of one import batch in step, in the batch's transaction:
     * locks the batch's agents (old and new ones of moved contacts) and the state row. Call it before the
     * batch writes its rows, report each change, then {@link Batch#write} before committing.
     */
    public Batch begin(InteractionStore.Tx tx, Collection<Long> agentIds, ScoringSettingsService.Current current) {
        tx.lockAgents(agentIds);
        String key = current.rollupKey();
        Optional<RollupState> found = tx.rollupState(true);
        RollupState state;
        if (found.isPresent()) {
            state = found.get();
        } else if (!tx.anyInteraction()) {
            // nothing stored yet: the (empty) rollups are complete for the settings in force
            Instant now = clock.instant();
            state = new RollupState(key, RollupState.CURRENT, 0, 0, 0, now, now, null, null);
            tx.saveRollupState(state);
        } else {
            state = null;
        }
        return new Batch(tx, state, key, current.settings());
    }

    /** The changes of one import batch to the stored days. */
    public final class Batch {
        private final InteractionStore.Tx tx;
        private final RollupState state;
        private final String key;
        private final ScoringSettings settings;
        private final Map<InteractionStore.DayKey, List<Tally.Contribution>> added = new HashMap<>();
        private final Map<InteractionStore.DayKey, List<Tally.Contribution>> removed = new HashMap<>();

        private Batch(InteractionStore.Tx tx, RollupState state, String key, ScoringSettings settings) {
            this.tx = tx;
            this.state = state;
            this.key = key;
            this.settings = settings;
        }

        /** A stored interaction of {@code agentId} that this batch replaces (its earlier values). */
        public void removed(long agentId, InteractionFacts before) {
            collect(removed, agentId, before);
        }

        /** An interaction of {@code agentId} as this batch stores it. */
        public void added(long agentId, InteractionFacts now) {
            collect(added, agentId, now);
        }

        private void collect(Map<InteractionStore.DayKey, List<Tally.Contribution>> into, long agentId, InteractionFacts f) {
            if (state == null || !state.covers(agentId, key)) {
                return; // the rebuild has yet to reach this agent, or no rollups are kept: it reads the rows later
            }
            LocalDate day = LocalDate.ofInstant(f.createdAt(), settings.orgZone());
            into.computeIfAbsent(new InteractionStore.DayKey(agentId, day), k -> new ArrayList<>())
                    .add(Tally.Contribution.of(f, settings.calendar(f.channel())));
        }

        /**
         * Writes the changed days: the stored tally minus what was replaced plus what was added, stamped with
         * {@code changedAt} (the rows' updated_at) when the day gained or changed a contact, else with the
         * latest change of the contacts it keeps. Should a stored tally not hold what it should (it never does
         * unless edited by hand), that day is computed again from the rows, which this transaction has
         * already written.
         */
        public void write(LocalDateTime changedAt) {
            if (added.isEmpty() && removed.isEmpty()) {
                return;
            }
            Set<InteractionStore.DayKey> keys = new HashSet<>(added.keySet());
            keys.addAll(removed.keySet());
            Map<InteractionStore.DayKey, InteractionStore.StoredBytes> stored = tx.days(keys);
            Map<InteractionStore.DayKey, InteractionStore.StoredDay> out = new HashMap<>();
            for (InteractionStore.DayKey k : keys) {
                InteractionStore.StoredBytes bytes = stored.get(k);
                Tally t = bytes == null ? new Tally() : Tally.decode(bytes.tally());
                try {
                    removed.getOrDefault(k, List.of()).forEach(t::remove);
                    added.getOrDefault(k, List.of()).forEach(t::add);
                    out.put(k, new InteractionStore.StoredDay(t, added.containsKey(k) ? changedAt
                            : tx.latestUpdate(k.agentId(), dayStart(k.day()), dayStart(k.day().plusDays(1)))));
                } catch (IllegalStateException e) {
                    LOG.warn("The stored day {} of agent {} did not hold a replaced interaction; computing it again", k.day(), k.agentId());
                    out.put(k, dayFromRows(tx, k, settings));
                }
            }
            tx.writeDays(out);
        }

        private Instant dayStart(LocalDate day) {
            return day.atStartOfDay(settings.orgZone()).toInstant();
        }
    }

    private InteractionStore.StoredDay dayFromRows(InteractionStore.Tx tx, InteractionStore.DayKey k, ScoringSettings s) {
        ZoneId zone = s.orgZone();
        List<InteractionStore.StoredFact> rows = new ArrayList<>();
        tx.forEachFact(k.agentId(), k.day().atStartOfDay(zone).toInstant(), k.day().plusDays(1).atStartOfDay(zone).toInstant(),
                rows::add);
        return day(rows, s);
    }

    /** A day's tally and latest change from its rows. */
    private static InteractionStore.StoredDay day(List<InteractionStore.StoredFact> rows, ScoringSettings s) {
        List<InteractionFacts> facts = new ArrayList<>(rows.size());
        LocalDateTime latest = null;
        for (InteractionStore.StoredFact f : rows) {
            facts.add(f.facts());
            if (f.updatedAt() != null && (latest == null || f.updatedAt().isAfter(latest))) {
                latest = f.updatedAt();
            }
        }
        return new InteractionStore.StoredDay(Tally.of(facts, s), latest);
    }

    // ---- rebuild --------------------------------------------------------------------------------

    @io.micronaut.transaction.annotation.TransactionalEventListener(io.micronaut.transaction.annotation.TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onSettingsChanged(SettingsChanged event) {
        if (rebuildJob) {
            executor.submit(this::rebuildIfNeeded);
        }
    }

    static final String JOB = "rollup-rebuild";

    /**
     * The scheduled check, once across instances like every job (the lease of {@link JobLeaseStore}); a rebuild
     * that outlasts the lease stays this instance's through the claim on the state row.
     */
    @Scheduled(fixedDelay = "${servicecoach.rollups.check-interval:1m}", initialDelay = "${servicecoach.rollups.initial-delay:15s}")
    void check() {
        if (rebuildJob) {
            try {
                leases.runExclusively(JOB, checkInterval, this::rebuildIfNeeded);
            } catch (RuntimeException e) {
                LOG.error("Checking the interaction rollups failed", e);
            }
        }
    }

    /**
     * Registers a rebuild when the stored days were computed under other settings (or none exist beside
     * stored rows), then, unless another instance holds the claim, rebuilds every agent not yet done.
     * Answers the state at the end.
     */
    public Optional<RollupState> rebuildIfNeeded() {
        if (!rebuilding.tryLock()) {
            return state();
        }
        try {
            ScoringSettingsService.Current current = settings.current();
            String key = current.rollupKey();
            if (!register(key) || !claim(key)) {
                return state();
            }
            LOG.info("Rebuilding the interaction rollups for settings version {}", current.version());
            long started = System.nanoTime();
            List<Long> agents;
            agents = store.inTransaction(tx -> tx.agentIdsAfter(tx.rollupState(false).map(RollupState::builtThrough).orElse(0L)));
            for (long agentId : agents) {
                if (!rebuildAgent(agentId, key, current.settings())) {
                    LOG.info("The rollup rebuild stopped: the settings changed or another instance took over");
                    return state();
                }
            }
            finish(key, current.settings());
            LOG.info("Rebuilt the interaction rollups of {} agents in {} ms", agents.size(), (System.nanoTime() - started) / 1_000_000);
            return state();
        } finally {
            rebuilding.unlock();
        }
    }

    /** Starts a rebuild for {@code key} if needed; true when one is (now) under way for it. */
    private boolean register(String key) {
        return store.inTransaction(tx -> {
            Optional<RollupState> s = tx.rollupState(true);
            if (s.isPresent() && s.get().key().equals(key)) {
                return RollupState.BUILDING.equals(s.get().status());
            }
            if (s.isEmpty() && !tx.anyInteraction()) {
                Instant now = clock.instant();
                tx.saveRollupState(new RollupState(key, RollupState.CURRENT, 0, 0, 0, now, now, null, null));
                return false;
            }
            int total = tx.agentIdsAfter(0).size();
            tx.saveRollupState(new RollupState(key, RollupState.BUILDING, 0, 0, total, clock.instant(), null, null, null));
            return true;
        });
    }

    /** Takes (or renews) the claim on the rebuild, unless another instance holds a live one. */
    private boolean claim(String key) {
        return store.inTransaction(tx -> {
            RollupState s = tx.rollupState(true).orElse(null);
            if (s == null || !s.key().equals(key) || !RollupState.BUILDING.equals(s.status())) {
                return false;
            }
            Instant now = clock.instant();
            if (s.claimedBy() != null && !s.claimedBy().equals(instance) && s.claimedUntil() != null && s.claimedUntil().isAfter(now)) {
                return false;
            }
            tx.saveRollupState(new RollupState(s.key(), s.status(), s.builtThrough(), s.agentsDone(), s.agentsTotal(),
                    s.startedAt(), null, instance, now.plus(CLAIM)));
            return true;
        });
    }

    /** One agent's days computed again from the rows; false when the rebuild is no longer this instance's. */
    private boolean rebuildAgent(long agentId, String key, ScoringSettings s) {
        return store.inTransaction(tx -> {
            tx.lockAgents(List.of(agentId));
            RollupState state = tx.rollupState(true).orElse(null);
            if (state == null || !state.key().equals(key) || !RollupState.BUILDING.equals(state.status())
                    || !instance.equals(state.claimedBy())) {
                return false;
            }
            computeAgent(tx, agentId, s);
            tx.saveRollupState(new RollupState(key, RollupState.BUILDING, agentId, state.agentsDone() + 1,
                    Math.max(state.agentsTotal(), state.agentsDone() + 1), state.startedAt(), null, instance,
                    clock.instant().plus(CLAIM)));
            return true;
        });
    }

    /** Replaces all stored days of one agent with days computed from its rows. */
    private void computeAgent(InteractionStore.Tx tx, long agentId, ScoringSettings s) {
        ZoneId zone = s.orgZone();
        TreeMap<LocalDate, List<InteractionStore.StoredFact>> byDay = new TreeMap<>();
        tx.forEachFact(agentId, null, null, f -> byDay.computeIfAbsent(
                LocalDate.ofInstant(f.facts().createdAt(), zone), d -> new ArrayList<>()).add(f));
        tx.deleteDaysOf(agentId);
        Map<InteractionStore.DayKey, InteractionStore.StoredDay> days = new HashMap<>();
        byDay.forEach((day, rows) -> days.put(new InteractionStore.DayKey(agentId, day), day(rows, s)));
        tx.writeDays(days);
    }

    private void finish(String key, ScoringSettings settings) {
        store.inTransaction(tx -> {
            RollupState s = tx.rollupState(true).orElse(null);
            if (s != null && s.key().equals(key) && RollupState.BUILDING.equals(s.status()) && instance.equals(s.claimedBy())) {
                // agents created while the rebuild ran: imports left their days to the rebuild (beyond built_through)
                for (long agentId : tx.agentIdsAfter(s.builtThrough())) {
                    tx.lockAgents(List.of(agentId));
                    computeAgent(tx, agentId, settings);
                }
                Instant now = clock.instant();
                tx.saveRollupState(new RollupState(key, RollupState.CURRENT, s.builtThrough(), s.agentsDone(),
                        s.agentsTotal(), s.startedAt(), now, null, null));
            }
            return null;
        });
    }
}
