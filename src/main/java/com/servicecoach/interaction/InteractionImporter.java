package com.servicecoach.interaction;

import com.servicecoach.database.Database;
import com.servicecoach.database.StoredTimes;
import com.servicecoach.csv.CsvHeaderException;
import com.servicecoach.scoring.InteractionFacts;
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
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
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
    static final long FLUSH_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final int LOOKUP_CHUNK = 1000;

    private static final String INSERT = "insert into interaction (source, external_id, agent_id, channel, category, "
            + "created_at, created_ns, first_response_at, first_response_ns, resolved_at, resolved_ns, rating, comment, "
            + "import_id, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "update interaction set agent_id = ?, channel = ?, category = ?, created_at = ?, "
            + "created_ns = ?, first_response_at = ?, first_response_ns = ?, resolved_at = ?, resolved_ns = ?, rating = ?, "
            + "comment = ?, import_id = ?, updated_at = ? where id = ?";
    private static final String REJECT = "insert into interaction_import_rejection (import_id, line, reason, row_text) "
            + "values (?, ?, ?, ?)";
    private static final String PROGRESS = "update interaction_import set bytes_read = ?, received = ?, inserted = ?, "
            + "updated = ?, unchanged = ?, rejected = ? where id = ?";

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

    private final Database db;
    private final ImportRecordRepository records;
    private final ScoringSettingsService settings;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock(true);
    /** Imports interrupted by an outage whose record still says running: marked failed once the database is back. */
    private final java.util.concurrent.ConcurrentMap<Long, String> interrupted = new java.util.concurrent.ConcurrentHashMap<>();
    private final MySqlBulkInsert bulk = new MySqlBulkInsert();

    private final Rollups rollups;

    InteractionImporter(Database db, ImportRecordRepository records, ScoringSettingsService settings, Clock clock,
                        Rollups rollups) {
        this.rollups = rollups;
        this.db = db;
        this.records = records;
        this.settings = settings;
        this.clock = clock;
    }

    /** Registers an import that will read its file later ({@link #run}); the upload page polls it meanwhile. */
    public ImportRecord create(Scope scope, @Nullable String fileName, Charset charset, @Nullable String defaultSource) {
        settleInterrupted();
        String name = fileName == null || fileName.isBlank() ? null : shorten(fileName.strip(), 255);
        String source = defaultSource == null || defaultSource.isBlank() ? null : defaultSource.strip();
        if (source != null && source.length() > InteractionCsvReader.MAX_ID_CHARS) {
            throw new IllegalArgumentException("source: at most " + InteractionCsvReader.MAX_ID_CHARS + " characters");
        }
        return records.save(new ImportRecord(null, scope.username(), name, charset.name(), source, ImportRecord.WAITING,
                0, 0, 0, 0, 0, 0, null, null, now(), null, null));
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
            return finish(run, ImportRecord.DONE, null);
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
                        r.rejected(), r.header(), e.getValue(), r.createdAt(), r.startedAt(), now()));
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
                current.createdAt(), current.startedAt(), now());
        return records.update(done);
    }

    private static ImportRecord copy(ImportRecord r, String status, @Nullable String header, @Nullable String message,
                                     @Nullable LocalDateTime startedAt, @Nullable LocalDateTime finishedAt) {
        return new ImportRecord(r.id(), r.username(), r.fileName(), r.charset(), r.defaultSource(), status, r.bytesRead(),
                r.received(), r.inserted(), r.updated(), r.unchanged(), r.rejected(), header, message, r.createdAt(),
                startedAt, finishedAt);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    // ------------------------------------------------------------------------------------------

    private record AgentRef(long id, long teamId) {
    }

    private record Key(String source, String externalId) {
    }

    /** The stored, normalised values of an interaction (what "unchanged" compares). */
    private record Values(long agentId, String channel, String category, Instant createdAt, Instant firstResponseAt,
                          Instant resolvedAt, Integer rating, String comment) {
    }

    /** A valid row waiting in the batch, with its fields as the file held them (in case it is rejected later). */
    private record Pending(int line, Key key, Values values, String rowText) {
    }

    private record Rejection(int line, String reason, String rowText) {
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
        private List<Pending> batch = new ArrayList<>(BATCH_ROWS);
        private List<Rejection> rejections = new ArrayList<>();
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
            InteractionCsvReader reader = new InteractionCsvReader(in, Charset.forName(record.charset()), zone, agentCheck());
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
                        batch.add(new Pending(row.line(), new Key(row.source(), row.externalId()),
                                new Values(agent.id(), row.channel(), row.category(), row.createdAt(), row.firstResponseAt(),
                                        row.resolvedAt(), row.rating10(), row.comment()),
                                // only a supervisor's valid row can still be rejected when it is stored
                                scope.allAgents() ? null : CsvText.line(reader.rawFields())));
                    }
                    if (batch.size() + rejections.size() >= BATCH_ROWS || System.nanoTime() - lastHandOff > FLUSH_NANOS) {
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
                for (Batch b = queue.take(); b != END; b = queue.take()) {
                    flush(b);
                }
            } catch (InterruptedException e) {
                // the reading side stopped
            } catch (Throwable t) {
                writerFailure = t;
            }
        }

        private Function<String, String> agentCheck() {
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

        /** Stores a batch and its rejections in one transaction; retried once if a key appeared meanwhile. */
        void flush(Batch b) {
            for (int attempt = 1; ; attempt++) {
                try (Connection c = db.connection()) {
                    c.setAutoCommit(false);
                    try {
                        long[] delta = apply(c, b);
                        c.commit();
                        inserted += delta[0];
                        updated += delta[1];
                        unchanged += delta[2];
                        rejected += delta[3];
                        return;
                    } catch (SQLException | RuntimeException e) {
                        c.rollback();
                        if (attempt == 1 && e instanceof SQLException sql && sql.getSQLState() != null
                                && sql.getSQLState().startsWith("23")) {
                            LOG.info("Import {}: a key of this batch was stored meanwhile elsewhere; retrying the batch", record.id());
                            continue;
                        }
                        throw e;
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("Storing interactions failed: " + e.getMessage(), e);
                }
            }
        }

        /** Counts and writes one batch; returns inserted, updated, unchanged, rejected. */
        private long[] apply(Connection c, Batch b) throws SQLException {
            Map<Key, State> states = lookup(c, b.rows());
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
            Rollups.Batch days = rollups.begin(c, agentsOf(states.values()), settings.current());
            for (State s : states.values()) {
                if (s.id == null) {
                    days.added(s.values.agentId(), facts(s.values));
                } else if (s.changed) {
                    days.removed(s.stored.agentId(), facts(s.stored));
                    days.added(s.values.agentId(), facts(s.values));
                }
            }
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            if (!inserts.isEmpty() && !(db.isMySql() && bulk.insert(c, bulkRows(inserts), record.id(), now))) {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (Map.Entry<Key, State> e : inserts.entrySet()) {
                        ps.setString(1, e.getKey().source());
                        ps.setString(2, e.getKey().externalId());
                        int i = bindValues(ps, 3, e.getValue().values);
                        ps.setLong(i, record.id());
                        ps.setObject(i + 1, now);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            boolean anyUpdate = false;
            try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
                for (State s : states.values()) {
                    if (s.id != null && s.changed) {
                        int i = bindValues(ps, 1, s.values);
                        ps.setLong(i, record.id());
                        ps.setObject(i + 1, now);
                        ps.setLong(i + 2, s.id);
                        ps.addBatch();
                        anyUpdate = true;
                    }
                }
                if (anyUpdate) {
                    ps.executeBatch();
                }
            }
            if (!rejectedNow.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement(REJECT)) {
                    for (Rejection r : rejectedNow) {
                        ps.setLong(1, record.id());
                        ps.setInt(2, r.line());
                        ps.setString(3, r.reason());
                        ps.setString(4, r.rowText());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            days.write(now);
            try (PreparedStatement ps = c.prepareStatement(PROGRESS)) {
                ps.setLong(1, b.bytesSoFar());
                ps.setLong(2, b.receivedSoFar());
                ps.setLong(3, inserted + ins);
                ps.setLong(4, updated + upd);
                ps.setLong(5, unchanged + same);
                ps.setLong(6, rejected + rejectedNow.size());
                ps.setLong(7, record.id());
                ps.executeUpdate();
            }
            return new long[]{ins, upd, same, rejectedNow.size()};
        }

        /** The agents whose stored days the batch changes: those of new and changed rows, before and after. */
        private Set<Long> agentsOf(Collection<State> states) {
            Set<Long> ids = new HashSet<>();
            for (State s : states) {
                if (s.id == null || s.changed) {
                    ids.add(s.values.agentId());
                    if (s.stored != null) {
                        ids.add(s.stored.agentId());
                    }
                }
            }
            return ids;
        }

        private List<MySqlBulkInsert.Row> bulkRows(Map<Key, State> inserts) {
            List<MySqlBulkInsert.Row> rows = new ArrayList<>(inserts.size());
            inserts.forEach((k, s) -> rows.add(new MySqlBulkInsert.Row(k.source(), k.externalId(), s.values.agentId(),
                    s.values.channel(), s.values.category(), s.values.createdAt(), s.values.firstResponseAt(),
                    s.values.resolvedAt(), s.values.rating(), s.values.comment())));
            return rows;
        }

        private boolean ownAgent(long agentId) {
            Long teamId = teamOfAgent.get(agentId);
            return teamId != null && scope.allows(teamId);
        }

        private int bindValues(PreparedStatement ps, int i, Values v) throws SQLException {
            ps.setLong(i, v.agentId());
            ps.setString(i + 1, v.channel());
            ps.setString(i + 2, v.category());
            StoredTimes.set(ps, i + 3, i + 4, v.createdAt());
            StoredTimes.set(ps, i + 5, i + 6, v.firstResponseAt());
            StoredTimes.set(ps, i + 7, i + 8, v.resolvedAt());
            if (v.rating() == null) {
                ps.setNull(i + 9, Types.SMALLINT);
            } else {
                ps.setInt(i + 9, v.rating());
            }
            ps.setString(i + 10, v.comment());
            return i + 11;
        }

        /** The stored values of the batch's keys that exist, by key. */
        private Map<Key, State> lookup(Connection c, List<Pending> rows) throws SQLException {
            Map<String, List<String>> bySource = new LinkedHashMap<>();
            for (Pending p : rows) {
                bySource.computeIfAbsent(p.key().source(), s -> new ArrayList<>()).add(p.key().externalId());
            }
            Map<Key, State> found = new HashMap<>();
            for (Map.Entry<String, List<String>> e : bySource.entrySet()) {
                List<String> ids = e.getValue().stream().distinct().toList();
                for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
                    List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
                    String sql = "select id, external_id, agent_id, channel, category, created_at, created_ns, "
                            + "first_response_at, first_response_ns, resolved_at, resolved_ns, rating, comment "
                            + "from interaction where external_id in (" + "?,".repeat(chunk.size() - 1) + "?) and source = ?";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        for (int i = 0; i < chunk.size(); i++) {
                            ps.setString(i + 1, chunk.get(i));
                        }
                        ps.setString(chunk.size() + 1, e.getKey());
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                Number rating = (Number) rs.getObject(12);
                                Values v = new Values(rs.getLong(3), rs.getString(4), rs.getString(5),
                                        StoredTimes.read(rs, 6, 7), StoredTimes.read(rs, 8, 9), StoredTimes.read(rs, 10, 11),
                                        rating == null ? null : rating.intValue(), rs.getString(13));
                                found.put(new Key(e.getKey(), rs.getString(2)), new State(rs.getLong(1), v));
                            }
                        }
                    }
                }
            }
            return found;
        }
    }

    private static InteractionFacts facts(Values v) {
        return new InteractionFacts(InteractionStore.channel(v.channel()), v.createdAt(), v.firstResponseAt(), v.resolvedAt(), v.rating());
    }

    private Map<String, AgentRef> loadAgents() {
        Map<String, AgentRef> agents = new HashMap<>();
        try (Connection c = db.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, employee_no, team_id from agent")) {
            while (rs.next()) {
                agents.put(rs.getString(2), new AgentRef(rs.getLong(1), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the agents: " + e.getMessage(), e);
        }
        return agents;
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
