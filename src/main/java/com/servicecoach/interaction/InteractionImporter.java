package com.servicecoach.interaction;

import com.servicecoach.csv.CsvHeaderException;
import com.servicecoach.interaction.InteractionStore.AgentRef;
import com.servicecoach.interaction.InteractionStore.Key;
import com.servicecoach.interaction.InteractionStore.Rejection;
import com.servicecoach.interaction.InteractionStore.Values;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.DatabaseUnavailable;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The one import path for interactions (API, upload page, command line, demo data and benchmark): streams
 * a CSV file through {@link InteractionCsvReader} and stores its rows in batches with plain JDBC, one
 * transaction per batch, so that a file of any size is imported in bounded memory.
 *
 * <p>Rules (metrics.md, "Interactions"; api.md): every data row ends up counted exactly once as inserted,
 * updated, unchanged or rejected; a row is matched on (source, external_id), and a repeated key, in the
 * database or earlier in the same file, replaces the earlier values (updated), or changes nothing when the
 * normalised values are equal (unchanged). A rejected row changes nothing and is kept with its line, reason
 * and fields (for the page's download). An unusable header rejects the whole file before anything is stored.
 * A supervisor's rows may only hold the agents of the teams they lead, and may not take over an interaction
 * that belongs to another team's agent. The import's progress is written to its {@link ImportRecord} with each
 * batch, so any node can report it.
 *
 * <p>Imports run one at a time in this process (a second waits), so counts are not blurred by concurrent
 * writers; a batch that still meets a key inserted meanwhile by another process is retried once.
 *
 * <p>When the database becomes unavailable during an import, {@link #run} stops at once with an
 * {@link ImportInterruptedException} holding the counts of the batches committed before; the record is marked
 * failed as soon as the database can be reached again (the next import or look at the imports).
 */
@Singleton
public class InteractionImporter {

    private static final Logger LOG = LoggerFactory.getLogger(InteractionImporter.class);

    /**
     * Rows per batch: one transaction, a lookup of its keys and one bulk insert each. Measured on MariaDB: 5,000 rows
     * per batch stored at half the speed of 20,000 (each statement has a fixed cost); 50,000 was no faster and
     * needed more heap. At most three batches are in memory (one read, two waiting).
     */
    static final int BATCH_ROWS = 20_000;
    /** A batch is also stored when this much time passed since the last one, so progress shows for slow uploads. */
    /** At most this many characters of transcripts wait in one batch (a batch is about 16 MB then at most). */
    static final long BATCH_TRANSCRIPT_CHARS = 8_000_000;
    static final long FLUSH_NANOS = TimeUnit.SECONDS.toNanos(1);
    /**
     * Who imports and which agents their rows may hold: every agent (administrators, the command line) or
     * those of the teams a supervisor leads.
     */
    public record Scope(String username, boolean allAgents, Set<Long> teamIds) {
        public Scope {
            Objects.requireNonNull(username, "username");
            teamIds = Set.copyOf(teamIds);
        }

        public static Scope allAgents(String username) {
            return new Scope(username, true, Set.of());
        }

        boolean allows(long teamId) {
            return allAgents || teamIds.contains(teamId);
        }
    }

    private final InteractionStore store;
    private final ImportRecordRepository records;
    private final ScoringSettingsService settings;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    /** Imports interrupted by an outage whose record still says running: marked failed once the database is back. */
    private final java.util.concurrent.ConcurrentMap<Long, String> interrupted = new java.util.concurrent.ConcurrentHashMap<>();

    private final Rollups rollups;

    private final ImportMappings mappings;
    private final com.servicecoach.agent.AgentMatcher agentMatcher;

    InteractionImporter(InteractionStore store, ImportRecordRepository records, ScoringSettingsService settings, Clock clock,
                        Rollups rollups, ImportMappings mappings, com.servicecoach.agent.AgentMatcher agentMatcher) {
        this.mappings = mappings;
        this.agentMatcher = agentMatcher;
        this.rollups = rollups;
        this.store = store;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    /** Registers an import that will read its file later ({@link #run}); the upload page polls it meanwhile. */
    public ImportRecord create(Scope scope, @Nullable String fileName, Charset charset, @Nullable String defaultSource) {
        return create(scope, fileName, charset, defaultSource, null);
    }

    /** As {@link #create(Scope, String, Charset, String)}, the file to be read through the mapping named (null: none). */
    public ImportRecord create(Scope scope, @Nullable String fileName, Charset charset, @Nullable String defaultSource,
                               @Nullable String mapping) {
        settleInterrupted();
        String name = fileName == null || fileName.isBlank() ? null : shorten(fileName.strip(), 255);
        String source = defaultSource == null || defaultSource.isBlank() ? null : defaultSource.strip();
        if (source != null && source.length() > InteractionCsvReader.MAX_ID_CHARS) {
            throw new IllegalArgumentException("source: at most " + InteractionCsvReader.MAX_ID_CHARS + " characters");
        }
        return records.save(new ImportRecord(null, scope.username(), name, charset.name(), source, ImportRecord.WAITING,
                0, 0, 0, 0, 0, 0, null, null, now(), null, null, mapping));
    }

    /**
     * Imports a file into the waiting import {@code importId}. Returns the finished record (status done).
     *
     * @throws CsvHeaderException when the header is unusable (the record is marked rejected, nothing stored)
     * @throws UncheckedIOException when reading the input fails (the record is marked failed)
     */
    public ImportRecord run(long importId, Scope scope, InputStream input) {
        ImportRecord record;
        try {
            settleInterrupted();
            record = records.findById(importId).orElseThrow(() -> new NotFoundException("No import " + importId));
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throw new ImportInterruptedException(importId, 0, 0, 0, 0, e);
            }
            throw e;
        }
        if (!record.status().equals(ImportRecord.WAITING)) {
            throw new ConflictException("Import " + importId + " has already received its file");
        }
        try {
            oneAtATime.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for another import to finish", e);
        }
        Run run = null;
        try {
            record = records.update(copy(record, ImportRecord.RUNNING, null, null, now(), null));
            run = new Run(record, scope, new CountingInputStream(input));
            run.execute();
            ImportRecord done = finish(run, ImportRecord.DONE, null);
            LOG.info("Import {}: {} rows; writing thread {}", record.id(), run.received, Phase.describe(run.spent));
            return done;
        } catch (CsvHeaderException e) {
            finish(run, record, ImportRecord.REJECTED, "line " + e.line() + ": " + e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throw interrupted(record, run, e);
            }
            String why = e instanceof UncheckedIOException ? "reading the file failed: " + e.getCause().getMessage()
                    : "stopped by an error: " + e.getMessage();
            LOG.warn("Interaction import {} {}", importId, why, e instanceof UncheckedIOException ? null : e);
            finish(run, record, ImportRecord.FAILED, why);
            throw e;
        } finally {
            oneAtATime.unlock();
        }
    }

    /**
     * The import stopped because the database is unavailable: nothing more can be written now, so the record is
     * marked failed later ({@link #settleInterrupted}); the batches committed so far are counted in {@code run}.
     */
    private ImportInterruptedException interrupted(ImportRecord record, @Nullable Run run, RuntimeException e) {
        ImportInterruptedException stop = run == null
                ? new ImportInterruptedException(record.id(), record.inserted(), record.updated(), record.unchanged(),
                        record.rejected(), e)
                : new ImportInterruptedException(record.id(), run.inserted, run.updated, run.unchanged, run.rejected, e);
        interrupted.put(record.id(), "interrupted: the database became unavailable after " + stop.received()
                + " rows were stored; import the file again to complete it");
        LOG.warn("Interaction import {} interrupted: the database is unavailable ({}); {} rows were stored before",
                record.id(), e.toString(), stop.received());
        return stop;
    }

    /** Marks the imports that an outage interrupted as failed, once the database can be reached (best effort). */
    void settleInterrupted() {
        for (Map.Entry<Long, String> e : interrupted.entrySet()) {
            ImportRecord r = records.findById(e.getKey()).orElse(null);
            if (r != null && r.status().equals(ImportRecord.RUNNING)) {
                records.update(new ImportRecord(r.id(), r.username(), r.fileName(), r.charset(), r.defaultSource(),
                        ImportRecord.FAILED, r.bytesRead(), r.received(), r.inserted(), r.updated(), r.unchanged(),
                        r.rejected(), r.header(), e.getValue(), r.createdAt(), r.startedAt(), now(), r.mapping()));
            }
            interrupted.remove(e.getKey());
        }
    }

    private ImportRecord finish(Run run, String status, String message) {
        return finish(run, run.record, status, message);
    }

    private ImportRecord finish(@Nullable Run run, ImportRecord record, String status, @Nullable String message) {
        ImportRecord current = records.findById(record.id()).orElse(record);
        ImportRecord done = new ImportRecord(current.id(), current.username(), current.fileName(), current.charset(),
                current.defaultSource(), status,
                run == null ? current.bytesRead() : run.in.count(),
                run == null ? current.received() : run.received,
                run == null ? current.inserted() : run.inserted,
                run == null ? current.updated() : run.updated,
                run == null ? current.unchanged() : run.unchanged,
                run == null ? current.rejected() : run.rejected,
                run == null ? current.header() : run.headerText, message == null ? null : shorten(message, 2000),
                current.createdAt(), current.startedAt(), now(), current.mapping());
        return records.update(done);
    }

    private static ImportRecord copy(ImportRecord r, String status, @Nullable String header, @Nullable String message,
                                     @Nullable LocalDateTime startedAt, @Nullable LocalDateTime finishedAt) {
        return new ImportRecord(r.id(), r.username(), r.fileName(), r.charset(), r.defaultSource(), status, r.bytesRead(),
                r.received(), r.inserted(), r.updated(), r.unchanged(), r.rejected(), header, message, r.createdAt(),
                startedAt, finishedAt, r.mapping());
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    // ------------------------------------------------------------------------------------------

    /** A valid row waiting in the batch, with its fields as the file held them (in case it is rejected later). */
    private record Pending(int line, Key key, Values values, String rowText, String transcript) {
    }

    /** What a key holds while a batch is applied: the stored values or those of an earlier row of the file. */
    private static final class State {
        final Long id;
        /** As stored before this batch (null for a new interaction). */
        final Values stored;
        Values values;
        boolean changed;

        State(Long id, Values values) {
            this.id = id;
            this.stored = id == null ? null : values;
            this.values = values;
        }
    }

    /** Rows handed from the reading thread to the writing thread. */
    private record Batch(List<Pending> rows, List<Rejection> rejections, long receivedSoFar, long bytesSoFar) {
    }

    private static final Batch END = new Batch(List.of(), List.of(), 0, 0);

    /**
     * One import in progress. The request's thread reads and validates the file; a second thread stores the
     * batches, in order, so that reading the next batch overlaps with the database storing the previous one.
     * At most two batches wait between them, so memory stays bounded.
     */
    private final class Run {
        final ImportRecord record;
        final Scope scope;
        final CountingInputStream in;
        final Map<String, AgentRef> agents;
        final Map<Long, Long> teamOfAgent;
        String headerText;
        long received;
        // written by the writing thread only; read after it has ended
        long inserted;
        long updated;
        long unchanged;
        long rejected;
        /** Where the writing thread's time went, in nanoseconds (logged when the import ends). */
        final long[] spent = new long[Phase.values().length];
        private List<Pending> batch = new ArrayList<>(BATCH_ROWS);
        private List<Rejection> rejections = new ArrayList<>();
        /** The transcripts' characters in {@link #batch}: a batch of long conversations is handed off early. */
        private long transcriptChars;
        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(2);
        private volatile Throwable writerFailure;

        Run(ImportRecord record, Scope scope, CountingInputStream in) {
            this.record = record;
            this.scope = scope;
            this.in = in;
            this.agents = loadAgents();
            this.teamOfAgent = new HashMap<>();
            if (!scope.allAgents()) {
                agents.values().forEach(a -> teamOfAgent.put(a.id(), a.teamId()));
            }
        }

        void execute() {
            ZoneId zone = settings.current().settings().orgZone();
            // a helpdesk's export is read through its mapping, its agents found by employee number, helpdesk user id or email
            ImportMapping mapping = record.mapping() == null ? null : mappings.get(record.mapping());
            Function<String, String> agentOf = mapping == null ? a -> null : matched(agentMatcher.snapshot());
            InteractionCsvReader reader = new InteractionCsvReader(in, Charset.forName(record.charset()), zone, agentCheck(),
                    mapping, agentOf);
            Thread writer = new Thread(this::write, "interaction-import-" + record.id());
            writer.setDaemon(true);
            boolean handedEnd = false;
            try (reader) {
                headerText = CsvText.line(reader.header().names());
                if (record.defaultSource() != null) {
                    reader.defaultSource(record.defaultSource());
                }
                writer.start();
                long lastHandOff = System.nanoTime();
                while (reader.hasNext()) {
                    if (writerFailure != null) {
                        failIfWriterFailed();
                    }
                    RowResult result = reader.next();
                    received++;
                    if (result instanceof RowError error) {
                        rejections.add(new Rejection(error.line(), error.message(), CsvText.line(reader.rawFields())));
                    } else {
                        InteractionRow row = (InteractionRow) result;
                        AgentRef agent = agents.get(row.agent());
                        AgentRef owner = agents.get(row.owner());
                        batch.add(new Pending(row.line(), new Key(row.source(), row.externalId()),
                                new Values(agent.id(), row.channel(), row.category(), row.createdAt(), row.firstResponseAt(),
                                        row.resolvedAt(), row.rating10(), row.comment(), row.priority(), owner.id(), row.reopened()),
                                // only a supervisor's valid row can still be rejected when it is stored
                                scope.allAgents() ? null : CsvText.line(reader.rawFields()), row.transcript()));
                        if (row.transcript() != null) {
                            transcriptChars += row.transcript().length();
                        }
                    }
                    if (batch.size() + rejections.size() >= BATCH_ROWS || transcriptChars > BATCH_TRANSCRIPT_CHARS
                            || System.nanoTime() - lastHandOff > FLUSH_NANOS) {
                        handOff();
                        lastHandOff = System.nanoTime();
                    }
                }
                handOff();
                put(END);
                handedEnd = true;
                join(writer);
            } finally {
                if (!handedEnd && writer.isAlive()) {
                    writer.interrupt();
                    join(writer);
                }
            }
            if (writerFailure != null) {
                throw writerFailure instanceof RuntimeException e ? e : new IllegalStateException(writerFailure);
            }
        }

        private void handOff() {
            if (batch.isEmpty() && rejections.isEmpty()) {
                return;
            }
            put(new Batch(batch, rejections, received, in.count()));
            transcriptChars = 0;
            batch = new ArrayList<>(BATCH_ROWS);
            rejections = new ArrayList<>();
        }

        /** Waits for room in the queue; stops when the writing thread has failed. */
        private void put(Batch b) {
            try {
                while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    failIfWriterFailed();
                }
                failIfWriterFailed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while importing", e);
            }
        }

        private void failIfWriterFailed() {
            Throwable f = writerFailure;
            if (f != null) {
                throw f instanceof RuntimeException e ? e : new IllegalStateException(f);
            }
        }

        private void join(Thread writer) {
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while importing", e);
            }
        }

        /** The writing thread: stores the batches in the order they were read. */
        private void write() {
            try {
                long waited = System.nanoTime();
                for (Batch b = queue.take(); b != END; b = queue.take()) {
                    spent[Phase.WAITING_FOR_ROWS.ordinal()] += System.nanoTime() - waited;
                    long t = System.nanoTime();
                    flush(b);
                    spent[Phase.TRANSACTION.ordinal()] += System.nanoTime() - t;
                    waited = System.nanoTime();
                }
            } catch (InterruptedException e) {
                // the reading side stopped
            } catch (Throwable t) {
                writerFailure = t;
            }
        }

        private Function<String, String> agentCheck() {
            return InteractionImporter.agentCheck(agents, scope);
        }

        /** Stores a batch and its rejections in one transaction; retried once if a key appeared meanwhile. */
        void flush(Batch b) {
            long[] delta;
            try {
                delta = store.inTransaction(tx -> apply(tx, b));
            } catch (InteractionStore.KeyTaken e) {
                LOG.info("Import {}: a key of this batch was stored meanwhile elsewhere; retrying the batch", record.id());
                try {
                    delta = store.inTransaction(tx -> apply(tx, b));
                } catch (InteractionStore.KeyTaken again) {
                    throw new IllegalStateException("Storing interactions failed: " + again.getMessage(), again);
                }
            }
            inserted += delta[0];
            updated += delta[1];
            unchanged += delta[2];
            rejected += delta[3];
        }

        /** Counts and writes one batch; returns inserted, updated, unchanged, rejected. */
        private long[] apply(InteractionStore.Tx tx, Batch b) {
            long t0 = System.nanoTime();
            Map<Key, State> states = new HashMap<>();
            tx.lookup(b.rows().stream().map(Pending::key).toList())
                    .forEach((k, stored) -> states.put(k, new State(stored.id(), stored.values())));
            long ins = 0;
            long upd = 0;
            long same = 0;
            List<Rejection> rejectedNow = new ArrayList<>(b.rejections());
            Map<Key, State> inserts = new LinkedHashMap<>();
            for (Pending p : b.rows()) {
                State state = states.get(p.key());
                if (state == null) {
                    state = new State(null, p.values());
                    states.put(p.key(), state);
                    inserts.put(p.key(), state);
                    ins++;
                    continue;
                }
                if (!scope.allAgents() && state.id != null && !ownAgent(state.values.agentId())) {
                    rejectedNow.add(new Rejection(p.line(), "external_id: '" + p.key().externalId() + "' (source '"
                            + p.key().source() + "') is an interaction of an agent of a team you do not lead", p.rowText()));
                    continue;
                }
                if (state.values.equals(p.values())) {
                    same++;
                } else {
                    state.values = p.values();
                    state.changed = true;
                    upd++;
                }
            }
            long t1 = System.nanoTime();
            spent[Phase.LOOKUP.ordinal()] += t1 - t0;
            Rollups.Batch days = rollups.begin(tx, agentsOf(states.values()), settings.current());
            Map<Key, Values> newRows = new LinkedHashMap<>();
            Map<Long, Values> changedRows = new LinkedHashMap<>();
            inserts.forEach((k, s) -> newRows.put(k, s.values));
            for (State s : states.values()) {
                if (s.id == null) {
                    s.values.parts().forEach(days::added);
                } else if (s.changed) {
                    s.stored.parts().forEach(days::removed);
                    s.values.parts().forEach(days::added);
                    changedRows.put(s.id, s.values);
                }
            }
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            long t2 = System.nanoTime();
            tx.insert(newRows, record.id(), now);
            long t3 = System.nanoTime();
            spent[Phase.INSERT.ordinal()] += t3 - t2;
            tx.update(changedRows, record.id(), now);
            tx.transcripts(transcriptsOf(b, rejectedNow), now);
            tx.reject(record.id(), rejectedNow);
            long t4 = System.nanoTime();
            days.write(now);
            spent[Phase.ROLLUPS.ordinal()] += (System.nanoTime() - t4) + (t2 - t1);
            tx.progress(record.id(), new InteractionStore.Progress(b.bytesSoFar(), b.receivedSoFar(), inserted + ins,
                    updated + upd, unchanged + same, rejected + rejectedNow.size()));
            return new long[]{ins, upd, same, rejectedNow.size()};
        }

        /** The transcripts of the batch's stored rows (a later row of the same key wins). */
        private Map<Key, String> transcriptsOf(Batch b, List<Rejection> rejectedNow) {
            Set<Integer> rejectedLines = new HashSet<>();
            rejectedNow.forEach(r -> rejectedLines.add(r.line()));
            Map<Key, String> out = new LinkedHashMap<>();
            for (Pending p : b.rows()) {
                if (p.transcript() != null && !rejectedLines.contains(p.line())) {
                    out.put(p.key(), p.transcript());
                }
            }
            return out;
        }

        /** The agents whose stored days the batch changes: those of new and changed rows, before and after. */
        private Set<Long> agentsOf(Collection<State> states) {
            Set<Long> ids = new HashSet<>();
            for (State s : states) {
                if (s.id == null || s.changed) {
                    ids.addAll(s.values.parts().keySet());
                    if (s.stored != null) {
                        ids.addAll(s.stored.parts().keySet());
                    }
                }
            }
            return ids;
        }

        private boolean ownAgent(long agentId) {
            Long teamId = teamOfAgent.get(agentId);
            return teamId != null && scope.allows(teamId);
        }
    }

    /** Why an agent of a row cannot be imported by this scope (unknown, or not of the supervisor's teams), or null. */
    private static Function<String, String> agentCheck(Map<String, AgentRef> agents, Scope scope) {
        return employeeNo -> {
            AgentRef agent = agents.get(employeeNo);
            if (agent != null && scope.allows(agent.teamId())) {
                return null;
            }
            String no = employeeNo.length() > 40 ? employeeNo.substring(0, 37) + "..." : employeeNo;
            if (agent == null) {
                return "unknown employee number '" + no + "'";
            }
            // a supervisor may know that the agent exists (the assignment form tells as much), not more
            return "'" + no + "' is not an agent of a team you lead";
        };
    }

    /** A row of a preview: the line, what it would be stored as, or why it would be rejected. */
    public record PreviewRow(int line, @Nullable InteractionRow row, @Nullable String error) {
    }

    /**
     * The first {@code rows} rows of a file as the import would take them (through {@code mapping} when given), without
     * storing anything: what each would become, or why it would be rejected.
     *
     * @throws com.servicecoach.csv.CsvHeaderException when the header is unusable
     */
    public List<PreviewRow> preview(Scope scope, InputStream input, Charset charset, @Nullable ImportMapping mapping, int rows) {
        Map<String, AgentRef> agents = loadAgents();
        Function<String, String> agentOf = mapping == null ? a -> null : matched(agentMatcher.snapshot());
        List<PreviewRow> out = new ArrayList<>();
        try (InteractionCsvReader reader = new InteractionCsvReader(input, charset, settings.current().settings().orgZone(),
                agentCheck(agents, scope), mapping, agentOf)) {
            while (out.size() < rows && reader.hasNext()) {
                RowResult r = reader.next();
                out.add(r instanceof RowError e ? new PreviewRow(e.line(), null, e.message())
                        : new PreviewRow(((InteractionRow) r).line(), (InteractionRow) r, null));
            }
        }
        return out;
    }

    private static Function<String, String> matched(com.servicecoach.agent.AgentMatcher.Snapshot agents) {
        return value -> agents.employeeNo(value).orElse(null);
    }

    private Map<String, AgentRef> loadAgents() {
        return store.agentsByEmployeeNo();
    }

    /**
     * Where an import's writing thread spends its time: waiting for the reading thread's next batch, or in a
     * batch's transaction, of which looking up the keys, inserting the new rows and keeping the rollups (reading,
     * merging and writing the day rows) are measured apart; the rest of the transaction is updates, rejections,
     * progress and the commit.
     */
    enum Phase {
        WAITING_FOR_ROWS, TRANSACTION, LOOKUP, INSERT, ROLLUPS;

        static String describe(long[] nanos) {
            long tx = nanos[TRANSACTION.ordinal()];
            long rest = tx - nanos[LOOKUP.ordinal()] - nanos[INSERT.ordinal()] - nanos[ROLLUPS.ordinal()];
            return String.format(java.util.Locale.ROOT, "waited for rows %.1f s; in transactions %.1f s: key lookup %.1f s, "
                            + "insert %.1f s, rollups %.1f s, updates/rejections/progress/commit %.1f s",
                    nanos[WAITING_FOR_ROWS.ordinal()] / 1e9, tx / 1e9, nanos[LOOKUP.ordinal()] / 1e9,
                    nanos[INSERT.ordinal()] / 1e9, nanos[ROLLUPS.ordinal()] / 1e9, rest / 1e9);
        }
    }

    /** Counts the bytes read, for the progress report. */
    static final class CountingInputStream extends FilterInputStream {
        private volatile long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count += skipped;
            return skipped;
        }
    }
}
