package com.servicecoach.interaction;

import com.servicecoach.database.Database;
import com.servicecoach.database.StoredTimes;
import com.servicecoach.scoring.BusinessCalendar;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Priority;
import com.servicecoach.scoring.CaseTargets;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.InteractionFacts;
import com.servicecoach.scoring.RatingBand;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.scoring.Sla;
import com.servicecoach.scoring.SlaState;
import com.servicecoach.scoring.Tally;
import com.servicecoach.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * All SQL of the interaction tables ({@code interaction}, its imports' rejected rows, and the rollups
 * {@code interaction_day} and {@code interaction_rollup_state}), with plain JDBC:
 * <ul>
 *   <li>reads: the facts of a period for scorecards (from the covering index on agent and creation time), the
 *   paged, filtered, sorted list, the stored days, an import's rejected rows;</li>
 *   <li>writes, in one transaction each ({@link #inTransaction} and its {@link Tx}): an import batch's rows,
 *   rejections and progress together with the stored days they change, and the rollup rebuild's days.</li>
 * </ul>
 * The importer and {@link Rollups} decide what to write; this class only says how.
 */
@Singleton
public class InteractionStore {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InteractionStore.class);

    /** Sortable list fields and their columns (each ends with the id, so pages never overlap). */
    public static final Map<String, String> SORT_COLUMNS = Map.of(
            "createdAt", "i.created_at %1$s, i.created_ns %1$s, i.id %1$s",
            "firstResponseAt", "i.first_response_at %1$s, i.first_response_ns %1$s, i.id %1$s",
            "resolvedAt", "i.resolved_at %1$s, i.resolved_ns %1$s, i.id %1$s",
            "agent", "a.employee_no %1$s, i.created_at %1$s, i.id %1$s",
            "team", "t.name %1$s, i.created_at %1$s, i.id %1$s",
            "channel", "i.channel %1$s, i.created_at %1$s, i.id %1$s",
            "category", "i.category %1$s, i.created_at %1$s, i.id %1$s",
            "rating", "i.rating %1$s, i.created_at %1$s, i.id %1$s",
            "externalId", "i.source %1$s, i.external_id %1$s");
    public static final List<String> SORTABLE = List.of("createdAt", "firstResponseAt", "resolvedAt", "agent", "team",
            "channel", "category", "rating", "externalId");

    private static final int IN_CHUNK = 500;
    private static final String VIEW_COLUMNS = "i.id, i.source, i.external_id, a.employee_no, a.name, t.name, i.channel, "
            + "i.category, i.created_at, i.created_ns, i.first_response_at, i.first_response_ns, i.resolved_at, "
            + "i.resolved_ns, i.rating, i.comment, i.priority, o.employee_no, o.name, i.reopened";
    private static final int VIEW_COLUMN_COUNT = 20;
    /** The handling agent {@code a} (and team {@code t}) and the owner {@code o} of each interaction. */
    private static final String FROM = " from interaction i join agent a on a.id = i.agent_id join team t on t.id = a.team_id"
            + " join agent o on o.id = coalesce(i.owner_id, i.agent_id)";

    private final Database db;
    private final ExecutorService executor;

    InteractionStore(Database db, @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.db = db;
        this.executor = executor;
    }

    // ---- facts for scorecards -------------------------------------------------------------------

    /**
     * These agents' parts of the interactions created in [from, to) (whole-microsecond bounds): those they handled
     * (with the owned part too when they own them) and those they own that another agent handled. Times come back as
     * microseconds since the epoch (decoding a datetime per column costs the driver more than the query itself);
     * several agents are read in two halves at once, on two connections.
     */
    public List<FactRow> facts(Collection<Long> agentIds, Instant from, Instant to) {
        List<Long> ids = List.copyOf(agentIds);
        if (ids.size() < 8) {
            return read(ids, from, to);
        }
        int half = ids.size() / 2;
        CompletableFuture<List<FactRow>> first = CompletableFuture.supplyAsync(() -> read(ids.subList(0, half), from, to), executor);
        List<FactRow> out = new ArrayList<>(read(ids.subList(half, ids.size()), from, to));
        try {
            out.addAll(first.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        return out;
    }

    private static final String EPOCH_MICROS = "timestampdiff(microsecond, timestamp '1970-01-01 00:00:00', %s)";

    private List<FactRow> read(List<Long> ids, Instant from, Instant to) {
        List<FactRow> out = new ArrayList<>();
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = db.readConnection()) {
            for (int start = 0; start < ids.size(); start += IN_CHUNK) {
                List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + IN_CHUNK));
                String in = chunk.size() == 1 ? "= ?" : "in (" + "?,".repeat(chunk.size() - 1) + "?)";
                // the contacts handled (each with its owned part too when the handler owns it), then those owned by
                // one of these agents and handled by another
                for (Side side : new Side[]{Side.HANDLER, Side.OWNER}) {
                    String sql = "select " + FACT_COLUMNS + " from interaction where "
                            + (side == Side.HANDLER ? "agent_id " + in : "owner_id " + in + " and owner_id <> agent_id")
                            + " and created_at >= ? and created_at < ?";
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        int p = 1;
                        for (Long id : chunk) {
                            ps.setLong(p++, id);
                        }
                        ps.setObject(p++, StoredTimes.bound(from));
                        ps.setObject(p, StoredTimes.bound(to));
                        ps.setFetchSize(5000);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                factRows(rs, side, out::add);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read interactions: " + e.getMessage(), e);
        }
        return out;
    }

    /** Which agent's part of a contact a query reads: the handler's, the owner's (handed over) or both agents'. */
    enum Side { HANDLER, OWNER, BOTH }

    /** The columns {@link #factRows} reads, in its order. */
    static final String FACT_COLUMNS = "agent_id, coalesce(owner_id, agent_id), channel, category, priority, reopened, "
            + String.format(EPOCH_MICROS, "created_at") + ", created_ns, "
            + String.format(EPOCH_MICROS, "first_response_at") + ", first_response_ns, "
            + String.format(EPOCH_MICROS, "resolved_at") + ", resolved_ns, rating";

    /**
     * The parts of one contact (a row of {@link #FACT_COLUMNS}) that the side reads: HANDLER gives the handler's
     * part (all of it when the handler owns it), OWNER the owner's part of a contact handed over, BOTH each agent's.
     */
    static void factRows(ResultSet rs, Side side, java.util.function.Consumer<FactRow> out) throws SQLException {
        long agent = rs.getLong(1);
        long owner = rs.getLong(2);
        int rating = rs.getInt(13);
        Integer r = rs.wasNull() ? null : rating;
        String category = rs.getString(4);
        InteractionFacts facts = new InteractionFacts(channel(rs.getString(3)), StoredTimes.fromMicros(rs, 7, 8),
                StoredTimes.fromMicros(rs, 9, 10), StoredTimes.fromMicros(rs, 11, 12), r, category(category),
                priority(rs.getString(5)), true, true, rs.getInt(6));
        if (owner == agent) {
            if (side != Side.OWNER) {
                out.accept(new FactRow(agent, category, facts));
            }
            return;
        }
        if (side != Side.OWNER) {
            out.accept(new FactRow(agent, category, facts.handledPart()));
        }
        if (side != Side.HANDLER) {
            out.accept(new FactRow(owner, category, facts.ownedPart()));
        }
    }

    static Category category(String code) {
        return Category.fromCode(code).orElseThrow(() -> new IllegalStateException("Unknown stored category " + code));
    }

    static Priority priority(String code) {
        return Priority.fromCode(code).orElseThrow(() -> new IllegalStateException("Unknown stored priority " + code));
    }

    static Channel channel(String code) {
        return switch (code) {
            case "chat" -> Channel.CHAT;
            case "email" -> Channel.EMAIL;
            case "phone" -> Channel.PHONE;
            case "social" -> Channel.SOCIAL;
            default -> throw new IllegalStateException("Unknown stored channel " + code);
        };
    }

    // ---- the list -------------------------------------------------------------------------------

    /**
     * What the list shows: the access scope (null sets = no restriction) and the filters (null = any).
     *
     * @param scopeAgentIds  only these agents (an agent's own), or null
     * @param scopeTeamIds   only agents of these teams (a supervisor's), or null
     * @param evaluation     the evaluation instant of SLA states (end of {@code to}, or now if earlier)
     * @param breached       {@code first_response} or {@code resolution}, or null
     */
    public record ListQuery(@Nullable Set<Long> scopeAgentIds, @Nullable Set<Long> scopeTeamIds, @Nullable Long agentId,
                            @Nullable Long teamId, @Nullable Instant from, @Nullable Instant to, @Nullable String channel,
                            @Nullable String category, @Nullable String breached, @Nullable RatingBand band,
                            @Nullable String externalId, Instant evaluation, String sortField, boolean ascending, int page, int size,
                            @Nullable String priority, @Nullable String handover) {
    }

    public static final String HANDOVER_GIVEN = "given";
    public static final String HANDOVER_RECEIVED = "received";

    public static final String BREACHED_FIRST_RESPONSE = "first_response";
    public static final String BREACHED_RESOLUTION = "resolution";

    /** A page of the list: filtered and ordered by the database, SLA states computed here. */
    public PageResponse<InteractionView> list(ListQuery q, ScoringSettings settings) {
        List<Object> params = new ArrayList<>();
        String where = where(q, settings, params);
        String order = " order by " + String.format(Locale.ROOT, SORT_COLUMNS.get(q.sortField()), q.ascending() ? "asc" : "desc");
        try (Connection c = db.readConnection()) {
            if (q.breached() == null) {
                long total;
                try (PreparedStatement ps = c.prepareStatement("select count(*)" + FROM + where)) {
                    bind(ps, params);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
                    }
                }
                List<InteractionView> content = new ArrayList<>(q.size());
                try (PreparedStatement ps = c.prepareStatement("select " + VIEW_COLUMNS + FROM + where + order + " limit ? offset ?")) {
                    bind(ps, params);
                    ps.setInt(params.size() + 1, q.size());
                    ps.setLong(params.size() + 2, (long) q.page() * q.size());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            content.add(view(rs, settings, q.evaluation()));
                        }
                    }
                }
                return new PageResponse<>(content, q.page(), q.size(), total);
            }
            return breachedPage(c, q, settings, where, order, params);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list interactions: " + e.getMessage(), e);
        }
    }

    /**
     * The breached filter depends on each channel's calendar, so the database narrows the rows down to those
     * that took longer than the target in elapsed time (a business calendar never counts more than that), and
     * this walks them in list order, keeping the count and the ids of the requested page only.
     */
    private PageResponse<InteractionView> breachedPage(Connection c, ListQuery q, ScoringSettings settings, String where,
                                                       String order, List<Object> params) throws SQLException {
        boolean firstResponse = q.breached().equals(BREACHED_FIRST_RESPONSE);
        long skip = (long) q.page() * q.size();
        long total = 0;
        List<Long> pageIds = new ArrayList<>(q.size());
        try (PreparedStatement ps = c.prepareStatement("select i.id, i.channel, i.created_at, i.created_ns, "
                + (firstResponse ? "i.first_response_at, i.first_response_ns" : "i.resolved_at, i.resolved_ns")
                + ", i.category, i.priority" + FROM + where + order)) {
            db.streamResults(ps);
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Channel channel = channel(rs.getString(2));
                    CaseTargets.Applied t = settings.targets(channel, category(rs.getString(7)), priority(rs.getString(8)));
                    SlaState state = Sla.evaluate(StoredTimes.read(rs, 3, 4), StoredTimes.read(rs, 5, 6),
                            firstResponse ? t.firstResponse().seconds() : t.resolution().seconds(), settings.calendar(channel),
                            q.evaluation());
                    if (state == SlaState.BREACHED) {
                        if (total >= skip && pageIds.size() < q.size()) {
                            pageIds.add(rs.getLong(1));
                        }
                        total++;
                    }
                }
            }
        }
        List<InteractionView> content = new ArrayList<>(pageIds.size());
        if (!pageIds.isEmpty()) {
            Map<Long, InteractionView> byId = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select " + VIEW_COLUMNS + FROM + " where i.id in ("
                    + "?,".repeat(pageIds.size() - 1) + "?)")) {
                for (int i = 0; i < pageIds.size(); i++) {
                    ps.setLong(i + 1, pageIds.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        InteractionView v = view(rs, settings, q.evaluation());
                        byId.put(v.id(), v);
                    }
                }
            }
            pageIds.forEach(id -> content.add(byId.get(id)));
        }
        return new PageResponse<>(content, q.page(), q.size(), total);
    }

    /**
     * An agent's (or team's) interactions are those it handled or owns (metrics.md "Owners"); the resolution drill-down
     * and the received handovers are the owner's, the first-response drill-down and the handovers given the handler's.
     */
    private static String where(ListQuery q, ScoringSettings settings, List<Object> params) {
        StringBuilder w = new StringBuilder(" where 1 = 1");
        boolean ownerSide = BREACHED_RESOLUTION.equals(q.breached()) || HANDOVER_RECEIVED.equals(q.handover());
        boolean handlerSide = BREACHED_FIRST_RESPONSE.equals(q.breached()) || HANDOVER_GIVEN.equals(q.handover());
        if (q.scopeAgentIds() != null) {
            either(w, "i.agent_id", "o.id", q.scopeAgentIds(), params, ownerSide, handlerSide);
        }
        if (q.scopeTeamIds() != null) {
            either(w, "a.team_id", "o.team_id", q.scopeTeamIds(), params, ownerSide, handlerSide);
        }
        if (q.agentId() != null) {
            either(w, "i.agent_id", "o.id", Set.of(q.agentId()), params, ownerSide, handlerSide);
        }
        if (q.teamId() != null) {
            either(w, "a.team_id", "o.team_id", Set.of(q.teamId()), params, ownerSide, handlerSide);
        }
        if (q.handover() != null) {
            w.append(" and o.id <> i.agent_id");
        }
        if (q.priority() != null) {
            w.append(" and i.priority = ?");
            params.add(q.priority());
        }
        if (q.from() != null) {
            w.append(" and i.created_at >= ?");
            params.add(StoredTimes.bound(q.from()));
        }
        if (q.to() != null) {
            w.append(" and i.created_at < ?");
            params.add(StoredTimes.bound(q.to()));
        }
        if (q.channel() != null) {
            w.append(" and i.channel = ?");
            params.add(q.channel());
        }
        if (q.category() != null) {
            w.append(" and i.category = ?");
            params.add(q.category());
        }
        if (q.externalId() != null) {
            w.append(" and i.external_id = ?");
            params.add(q.externalId());
        }
        if (q.band() != null) {
            w.append(" and i.rating between ? and ?");
            params.add(q.band().min());
            params.add(q.band().max());
        }
        if (q.breached() != null) {
            // necessary condition: more than the target elapsed before the response (or the evaluation instant)
            boolean firstResponse = q.breached().equals(BREACHED_FIRST_RESPONSE);
            String done = firstResponse ? "i.first_response_at" : "i.resolved_at";
            Instant e = q.evaluation();
            LocalDateTime evaluationCeiling = StoredTimes.micros(e.getNano() % 1000 == 0 ? e : e.plusNanos(1000 - e.getNano() % 1000));
            w.append(" and (");
            Channel[] channels = Channel.values();
            for (int k = 0; k < channels.length; k++) {
                long target = lowestTarget(settings, channels[k], firstResponse);
                w.append(k == 0 ? "" : " or ").append("(i.channel = ? and coalesce(").append(done)
                        .append(", ?) >= timestampadd(second, ").append(target + 1).append(", i.created_at))");
                params.add(channels[k].code());
                params.add(evaluationCeiling);
            }
            w.append(")");
        }
        return w.toString();
    }

    /** The lowest first-response (or resolution) target any contact of the channel may have: a bound for the prefilter. */
    static long lowestTarget(ScoringSettings settings, Channel channel, boolean firstResponse) {
        long lowest = Long.MAX_VALUE;
        for (Category cat : Category.values()) {
            for (Priority pri : Priority.values()) {
                CaseTargets.Applied a = settings.targets(channel, cat, pri);
                lowest = Math.min(lowest, firstResponse ? a.firstResponse().seconds() : a.resolution().seconds());
            }
        }
        return lowest;
    }

    /** The handler's column in {@code ids}, or the owner's, or (neither side asked for) either. */
    private static void either(StringBuilder w, String handler, String owner, Set<Long> ids, List<Object> params,
                               boolean ownerSide, boolean handlerSide) {
        if (ids.isEmpty()) {
            w.append(" and 1 = 0");
            return;
        }
        String in = " in (" + "?,".repeat(ids.size() - 1) + "?)";
        if (ownerSide) {
            w.append(" and ").append(owner).append(in);
            params.addAll(ids);
        } else if (handlerSide) {
            w.append(" and ").append(handler).append(in);
            params.addAll(ids);
        } else {
            w.append(" and (").append(handler).append(in).append(" or ").append(owner).append(in).append(")");
            params.addAll(ids);
            params.addAll(ids);
        }
    }

    private static void inList(StringBuilder w, String column, Set<Long> ids, List<Object> params) {
        if (ids.isEmpty()) {
            w.append(" and 1 = 0");
            return;
        }
        w.append(" and ").append(column).append(" in (").append("?,".repeat(ids.size() - 1)).append("?)");
        params.addAll(ids);
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static InteractionView view(ResultSet rs, ScoringSettings settings, Instant evaluation) throws SQLException {
        Channel channel = channel(rs.getString(7));
        Instant created = StoredTimes.read(rs, 9, 10);
        Instant firstResponse = StoredTimes.read(rs, 11, 12);
        Instant resolved = StoredTimes.read(rs, 13, 14);
        Number r = (Number) rs.getObject(15);
        Integer rating = r == null ? null : r.intValue();
        BusinessCalendar calendar = settings.calendar(channel);
        String priority = rs.getString(17);
        CaseTargets.Applied t = settings.targets(channel, category(rs.getString(8)), priority(priority));
        String owner = rs.getString(18);
        return new InteractionView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), channel.code(), rs.getString(8), created, firstResponse, resolved, rating,
                rating == null ? null : RatingBand.of(rating).code(), rs.getString(16),
                firstResponse == null ? null : calendar.openSeconds(created, firstResponse),
                resolved == null ? null : calendar.openSeconds(created, resolved),
                state(Sla.evaluate(created, firstResponse, t.firstResponse().seconds(), calendar, evaluation)),
                state(Sla.evaluate(created, resolved, t.resolution().seconds(), calendar, evaluation)),
                priority, owner, rs.getString(19), !owner.equals(rs.getString(4)), rs.getInt(20),
                t.firstResponse().seconds(), source(t.firstResponse().source()), t.resolution().seconds(), source(t.resolution().source()));
    }

    /** A target's source as the API names it: channel, category, priority, channel_category ... */
    static String source(CaseTargets.Source s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    private static String state(SlaState s) {
        return s.name().toLowerCase(Locale.ROOT);
    }

    // ---- rollups (one row per agent and day, see V54) -------------------------------------------

    /** An agent and a day (created_at as a date in the organization's zone). */
    public record DayKey(long agentId, LocalDate day) {
    }

    /** Receives stored days, agent by agent, days ascending within an agent. */
    @FunctionalInterface
    public interface DayReader {
        void day(long agentId, LocalDate day, byte[] tally);
    }

    /**
     * Streams the stored days of these agents within from..to (inclusive), ordered by agent and day, so a
     * caller can finish one agent before the next arrives.
     */
    public void days(Collection<Long> agentIds, LocalDate from, LocalDate to, DayReader reader) {
        List<Long> ids = agentIds.stream().sorted().toList();
        try (Connection c = db.readConnection()) {
            for (int start = 0; start < ids.size(); start += IN_CHUNK) {
                List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + IN_CHUNK));
                try (PreparedStatement ps = c.prepareStatement("select agent_id, day, tally from interaction_day where agent_id "
                        + (chunk.size() == 1 ? "= ?" : "in (" + "?,".repeat(chunk.size() - 1) + "?)")
                        + " and day >= ? and day <= ? order by agent_id, day")) {
                    int p = 1;
                    for (Long id : chunk) {
                        ps.setLong(p++, id);
                    }
                    ps.setObject(p++, from);
                    ps.setObject(p, to);
                    db.streamResults(ps);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            reader.day(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getBytes(3));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read interaction rollups: " + e.getMessage(), e);
        }
    }

    /** A stored day as read back for changing it. */
    record StoredBytes(byte[] tally, @Nullable LocalDateTime changedAt) {
    }

    /** The stored tallies of these days (absent days are left out), for changing them. */
    private Map<DayKey, StoredBytes> days(Connection c, Collection<DayKey> keys) throws SQLException {
        Map<Long, List<LocalDate>> byAgent = new HashMap<>();
        keys.forEach(k -> byAgent.computeIfAbsent(k.agentId(), a -> new ArrayList<>()).add(k.day()));
        Map<DayKey, StoredBytes> out = new HashMap<>();
        for (Map.Entry<Long, List<LocalDate>> e : byAgent.entrySet()) {
            LocalDate first = e.getValue().stream().min(LocalDate::compareTo).orElseThrow();
            LocalDate last = e.getValue().stream().max(LocalDate::compareTo).orElseThrow();
            try (PreparedStatement ps = c.prepareStatement(
                    "select day, tally, changed_at from interaction_day where agent_id = ? and day >= ? and day <= ?")) {
                ps.setLong(1, e.getKey());
                ps.setObject(2, first);
                ps.setObject(3, last);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        DayKey key = new DayKey(e.getKey(), rs.getObject(1, LocalDate.class));
                        if (keys.contains(key)) {
                            out.put(key, new StoredBytes(rs.getBytes(2), rs.getObject(3, LocalDateTime.class)));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A day's tally and when its interactions last changed. */
    record StoredDay(Tally tally, @Nullable LocalDateTime changedAt) {
    }

    /** Writes these days' tallies (an empty tally removes its row). */
    private void writeDays(Connection c, Map<DayKey, StoredDay> tallies) throws SQLException {
        String upsert = db.isMySql()
                ? "insert into interaction_day (agent_id, day, interactions, tally, changed_at) values (?, ?, ?, ?, ?) "
                  + "on duplicate key update interactions = values(interactions), tally = values(tally), changed_at = values(changed_at)"
                : "merge into interaction_day (agent_id, day, interactions, tally, changed_at) key (agent_id, day) values (?, ?, ?, ?, ?)";
        boolean anyWrite = false;
        boolean anyDelete = false;
        try (PreparedStatement write = c.prepareStatement(upsert);
             PreparedStatement delete = c.prepareStatement("delete from interaction_day where agent_id = ? and day = ?")) {
            for (Map.Entry<DayKey, StoredDay> e : tallies.entrySet()) {
                Tally t = e.getValue().tally();
                if (t.isEmpty()) {
                    delete.setLong(1, e.getKey().agentId());
                    delete.setObject(2, e.getKey().day());
                    delete.addBatch();
                    anyDelete = true;
                } else {
                    write.setLong(1, e.getKey().agentId());
                    write.setObject(2, e.getKey().day());
                    write.setInt(3, t.interactions());
                    write.setBytes(4, t.encode());
                    write.setObject(5, e.getValue().changedAt());
                    write.addBatch();
                    anyWrite = true;
                }
            }
            if (anyWrite) {
                write.executeBatch();
            }
            if (anyDelete) {
                delete.executeBatch();
            }
        }
    }

    /** The latest change among the stored days of these agents (null: all agents) within from..to; null if none. */
    @Nullable
    public LocalDateTime latestChange(@Nullable Collection<Long> agentIds, LocalDate from, LocalDate to) {
        LocalDateTime latest = null;
        List<Long> ids = agentIds == null ? null : agentIds.stream().sorted().toList();
        try (Connection c = db.connection()) {
            int chunks = ids == null ? 1 : (ids.size() + IN_CHUNK - 1) / IN_CHUNK;
            for (int k = 0; k < chunks; k++) {
                List<Long> chunk = ids == null ? List.of() : ids.subList(k * IN_CHUNK, Math.min(ids.size(), (k + 1) * IN_CHUNK));
                if (ids != null && chunk.isEmpty()) {
                    continue;
                }
                try (PreparedStatement ps = c.prepareStatement("select max(changed_at) from interaction_day where day >= ? and day <= ?"
                        + (ids == null ? "" : " and agent_id in (" + "?,".repeat(chunk.size() - 1) + "?)"))) {
                    ps.setObject(1, from);
                    ps.setObject(2, to);
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setLong(3 + i, chunk.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        LocalDateTime m = rs.next() ? rs.getObject(1, LocalDateTime.class) : null;
                        if (m != null && (latest == null || m.isAfter(latest))) {
                            latest = m;
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the rollups: " + e.getMessage(), e);
        }
        return latest;
    }

    /** The latest updated_at among one agent's interactions created in [from, to). */
    @Nullable
    private LocalDateTime latestUpdate(Connection c, long agentId, Instant from, Instant to) throws SQLException {
        LocalDateTime latest = null;
        for (String who : new String[]{"agent_id", "owner_id"}) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select max(updated_at) from interaction where " + who + " = ? and created_at >= ? and created_at < ?")) {
                ps.setLong(1, agentId);
                ps.setObject(2, StoredTimes.bound(from));
                ps.setObject(3, StoredTimes.bound(to));
                try (ResultSet rs = ps.executeQuery()) {
                    LocalDateTime m = rs.next() ? rs.getObject(1, LocalDateTime.class) : null;
                    if (m != null && (latest == null || m.isAfter(latest))) {
                        latest = m;
                    }
                }
            }
        }
        return latest;
    }

    private void deleteDaysOf(Connection c, long agentId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("delete from interaction_day where agent_id = ?")) {
            ps.setLong(1, agentId);
            ps.executeUpdate();
        }
    }

    /** Locks these agents' rows until the transaction ends: imports and the rollup rebuild take turns per agent. */
    private void lockAgents(Connection c, Collection<Long> agentIds) throws SQLException {
        List<Long> ids = agentIds.stream().distinct().sorted().toList();
        for (int start = 0; start < ids.size(); start += IN_CHUNK) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + IN_CHUNK));
            try (PreparedStatement ps = c.prepareStatement("select id from agent where id in ("
                    + "?,".repeat(chunk.size() - 1) + "?) order by id for update")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setLong(i + 1, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
            }
        }
    }

    /** One stored interaction's facts and when the import last changed it. */
    record StoredFact(InteractionFacts facts, LocalDateTime updatedAt) {
    }

    /**
     * Every stored interaction of one agent (handled or owned: each with the agent's part of it), or of one agent's
     * instants [from, to) when given, on this connection.
     */
    private void forEachFact(Connection c, long agentId, @Nullable Instant from, @Nullable Instant to,
                     java.util.function.Consumer<StoredFact> consumer) throws SQLException {
        for (Side side : new Side[]{Side.HANDLER, Side.OWNER}) {
            String sql = "select " + FACT_COLUMNS + ", updated_at from interaction where "
                    + (side == Side.HANDLER ? "agent_id = ?" : "owner_id = ? and owner_id <> agent_id")
                    + (from == null ? "" : " and created_at >= ? and created_at < ?");
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, agentId);
                if (from != null) {
                    ps.setObject(2, StoredTimes.bound(from));
                    ps.setObject(3, StoredTimes.bound(to));
                }
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        LocalDateTime updated = rs.getObject(14, LocalDateTime.class);
                        factRows(rs, side, f -> consumer.accept(new StoredFact(f.facts(), updated)));
                    }
                }
            }
        }
    }

    /** The rollups' state row, locked for the transaction when {@code forUpdate}; empty when there is none. */
    private Optional<RollupState> rollupState(Connection c, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select rollup_key, status, built_through, agents_done, agents_total, "
                + "started_at, finished_at, claimed_by, claimed_until from interaction_rollup_state where id = 1"
                + (forUpdate ? " for update" : ""));
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            return Optional.of(new RollupState(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                    utc(rs.getObject(6, LocalDateTime.class)), utc(rs.getObject(7, LocalDateTime.class)), rs.getString(8),
                    utc(rs.getObject(9, LocalDateTime.class))));
        }
    }

    public Optional<RollupState> rollupState() {
        try (Connection c = db.connection()) {
            return rollupState(c, false);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the rollups' state: " + e.getMessage(), e);
        }
    }

    /** Inserts or replaces the state row. */
    private void saveRollupState(Connection c, RollupState s) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from interaction_rollup_state where id = 1")) {
            del.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("insert into interaction_rollup_state (id, rollup_key, status, "
                + "built_through, agents_done, agents_total, started_at, finished_at, claimed_by, claimed_until) "
                + "values (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, s.key());
            ps.setString(2, s.status());
            ps.setLong(3, s.builtThrough());
            ps.setInt(4, s.agentsDone());
            ps.setInt(5, s.agentsTotal());
            ps.setObject(6, micros(s.startedAt()));
            ps.setObject(7, micros(s.finishedAt()));
            ps.setString(8, s.claimedBy());
            ps.setObject(9, micros(s.claimedUntil()));
            ps.executeUpdate();
        }
    }

    /** The ids of all agents, ascending, after {@code afterId}. */
    private List<Long> agentIdsAfter(Connection c, long afterId) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("select id from agent where id > ? order by id")) {
            ps.setLong(1, afterId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    private boolean anyInteraction(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select 1 from interaction limit 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    private static Instant utc(@Nullable LocalDateTime t) {
        return t == null ? null : t.toInstant(java.time.ZoneOffset.UTC);
    }

    private static LocalDateTime micros(@Nullable Instant t) {
        return t == null ? null : StoredTimes.micros(t);
    }

    /** Whether any interaction is stored (the demo data loads only into an empty table). */
    /** The creation instant of the latest stored interaction, if any (a data cut-off for figures over time). */
    public Optional<Instant> latestCreatedAt() {
        try (Connection c = db.readConnection(); PreparedStatement ps = c.prepareStatement(
                "select " + String.format(EPOCH_MICROS, "max(created_at)") + " from interaction");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long micros = rs.getLong(1);
            return rs.wasNull() ? Optional.empty() : Optional.of(Instant.EPOCH.plus(micros, java.time.temporal.ChronoUnit.MICROS));
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read interactions: " + e.getMessage(), e);
        }
    }

    /** Receives streamed interactions one at a time. */
    @FunctionalInterface
    public interface FactReader {
        void fact(FactRow row);
    }

    /**
     * Streams every agent's interactions created in [from, to) of these categories (null: all), without holding
     * them: for figures over many agents and a long range that the rollups cannot give (they keep no categories).
     */
    public void streamFacts(@Nullable Collection<String> categories, Instant from, Instant to, FactReader reader) {
        String sql = "select " + FACT_COLUMNS + " from interaction"
                + " where created_at >= ? and created_at < ?"
                + (categories == null ? "" : categories.isEmpty() ? " and 1 = 0"
                : " and category in (" + "?,".repeat(categories.size() - 1) + "?)");
        try (Connection c = db.readConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            ps.setObject(p++, StoredTimes.bound(from));
            ps.setObject(p++, StoredTimes.bound(to));
            if (categories != null) {
                for (String category : categories) {
                    ps.setString(p++, category);
                }
            }
            db.streamResults(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    factRows(rs, Side.BOTH, reader::fact);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read interactions: " + e.getMessage(), e);
        }
    }

    public boolean isEmpty() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select 1 from interaction limit 1");
             ResultSet rs = ps.executeQuery()) {
            return !rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read interactions: " + e.getMessage(), e);
        }
    }

    // ---- one transaction: an import batch, a rollup rebuild step --------------------------------

    /** An interaction's identity: the helpdesk it came from and its id there. */
    record Key(String source, String externalId) {
    }

    // ---- transcripts ----------------------------------------------------------------------------

    private static final String TRANSCRIPT_UPSERT = "insert into interaction_transcript (source, external_id, body, text_bytes, messages,"
            + " updated_at) values (?, ?, ?, ?, ?, ?) on duplicate key update body = values(body), text_bytes = values(text_bytes),"
            + " messages = values(messages), updated_at = values(updated_at)";

    private void writeTranscripts(Connection c, Map<Key, String> transcripts, LocalDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TRANSCRIPT_UPSERT)) {
            int n = 0;
            for (Map.Entry<Key, String> e : transcripts.entrySet()) {
                String text = e.getValue();
                ps.setString(1, e.getKey().source());
                ps.setString(2, e.getKey().externalId());
                ps.setBytes(3, Transcript.compress(text));
                ps.setInt(4, text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
                ps.setInt(5, Transcript.parse(text).size());
                ps.setObject(6, now);
                ps.addBatch();
                if (++n % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** A stored conversation's text, or empty when it has none. */
    public Optional<String> transcript(String source, String externalId) {
        try (Connection c = db.readConnection();
             PreparedStatement ps = c.prepareStatement("select body from interaction_transcript where external_id = ? and source = ?")) {
            ps.setString(1, externalId);
            ps.setString(2, source);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Transcript.decompress(rs.getBytes(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a transcript: " + e.getMessage(), e);
        }
    }

    /** A transcript import's row whose interaction exists: its key and the stored interaction's handling agent and owner. */
    record KnownKey(long interactionId, long agentTeamId, long ownerTeamId) {
    }

    /** The stored interactions among these keys. */
    Map<Key, KnownKey> known(Collection<Key> keys) {
        Map<Key, KnownKey> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<Key> list = new ArrayList<>(new java.util.LinkedHashSet<>(keys));
        try (Connection c = db.readConnection()) {
            for (int from = 0; from < list.size(); from += 500) {
                List<Key> part = list.subList(from, Math.min(list.size(), from + 500));
                StringBuilder sql = new StringBuilder("select i.id, i.source, i.external_id, a.team_id, o.team_id"
                        + " from interaction i join agent a on a.id = i.agent_id join agent o on o.id = coalesce(i.owner_id, i.agent_id) where ");
                for (int i = 0; i < part.size(); i++) {
                    sql.append(i == 0 ? "" : " or ").append("(i.external_id = ? and i.source = ?)");
                }
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int k = 1;
                    for (Key key : part) {
                        ps.setString(k++, key.externalId());
                        ps.setString(k++, key.source());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(new Key(rs.getString(2), rs.getString(3)), new KnownKey(rs.getLong(1), rs.getLong(4), rs.getLong(5)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up interactions: " + e.getMessage(), e);
        }
        return out;
    }

    /** Those of these keys that have a transcript stored. */
    Set<Key> withTranscript(Collection<Key> keys) {
        Set<Key> out = new HashSet<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<Key> list = new ArrayList<>(keys);
        try (Connection c = db.connection()) {
            for (int from = 0; from < list.size(); from += 500) {
                List<Key> part = list.subList(from, Math.min(list.size(), from + 500));
                StringBuilder sql = new StringBuilder("select source, external_id from interaction_transcript where ");
                for (int i = 0; i < part.size(); i++) {
                    sql.append(i == 0 ? "" : " or ").append("(external_id = ? and source = ?)");
                }
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int k = 1;
                    for (Key key : part) {
                        ps.setString(k++, key.externalId());
                        ps.setString(k++, key.source());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(new Key(rs.getString(1), rs.getString(2)));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up transcripts: " + e.getMessage(), e);
        }
        return out;
    }

    /** Stores transcripts of existing interactions in one transaction. */
    void storeTranscripts(Map<Key, String> transcripts, LocalDateTime now) {
        try (Connection c = db.connection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                writeTranscripts(c, transcripts, now);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store transcripts: " + e.getMessage(), e);
        }
    }

    /** One interaction as the list shows it, with its handling agent's and owner's ids and teams; empty when none. */
    public Optional<Found> find(long id, ScoringSettings settings, Instant evaluation) {
        try (Connection c = db.readConnection();
             PreparedStatement ps = c.prepareStatement("select " + VIEW_COLUMNS + ", i.agent_id, a.team_id, o.id, o.team_id,"
                     + " (select count(*) from interaction_transcript tr where tr.external_id = i.external_id and tr.source = i.source)"
                     + FROM + " where i.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int n = VIEW_COLUMN_COUNT;
                return Optional.of(new Found(view(rs, settings, evaluation), rs.getLong(n + 1), rs.getLong(n + 2), rs.getLong(n + 3),
                        rs.getLong(n + 4), rs.getLong(n + 5) > 0));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read an interaction: " + e.getMessage(), e);
        }
    }

    /** An interaction read by id, with whose it is. */
    public record Found(InteractionView view, long agentId, long agentTeamId, long ownerId, long ownerTeamId, boolean hasTranscript) {
    }

    /** The stored, normalised values of an interaction (what "unchanged" compares). */
    record Values(long agentId, String channel, String category, Instant createdAt, @Nullable Instant firstResponseAt,
                  @Nullable Instant resolvedAt, @Nullable Integer rating, @Nullable String comment, String priority,
                  long ownerId, int reopened) {

        InteractionFacts facts() {
            return new InteractionFacts(InteractionStore.channel(channel), createdAt, firstResponseAt, resolvedAt, rating,
                    InteractionStore.category(category), InteractionStore.priority(priority), true, true, reopened);
        }

        /** Each agent's part of the contact: one part when its handler owns it, else the handler's and the owner's. */
        Map<Long, InteractionFacts> parts() {
            InteractionFacts all = facts();
            if (ownerId == agentId) {
                return Map.of(agentId, all);
            }
            Map<Long, InteractionFacts> parts = new java.util.LinkedHashMap<>();
            parts.put(agentId, all.handledPart());
            parts.put(ownerId, all.ownedPart());
            return parts;
        }
    }

    /** A stored interaction: its id and values. */
    record Stored(long id, Values values) {
    }

    /** An agent as the import sees it. */
    record AgentRef(long id, long teamId) {
    }

    /** A row the import did not store: its line, why, and the row as the file held it (null when not kept). */
    record Rejection(int line, String reason, @Nullable String rowText) {
    }

    /** An import's counts so far, written with each batch so the upload page can show progress. */
    record Progress(long bytesRead, long received, long inserted, long updated, long unchanged, long rejected) {
    }

    /** Thrown when a batch met a key stored meanwhile by another writer (the transaction was rolled back). */
    static final class KeyTaken extends RuntimeException {
        KeyTaken(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static final int LOOKUP_CHUNK = 1000;
    private static final String INSERT = "insert into interaction (source, external_id, agent_id, channel, category, "
            + "created_at, created_ns, first_response_at, first_response_ns, resolved_at, resolved_ns, rating, comment, "
            + "priority, owner_id, reopened, import_id, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = "update interaction set agent_id = ?, channel = ?, category = ?, created_at = ?, "
            + "created_ns = ?, first_response_at = ?, first_response_ns = ?, resolved_at = ?, resolved_ns = ?, rating = ?, "
            + "comment = ?, priority = ?, owner_id = ?, reopened = ?, import_id = ?, updated_at = ? where id = ?";
    private static final String REJECT = "insert into interaction_import_rejection (import_id, line, reason, row_text) "
            + "values (?, ?, ?, ?)";
    private static final String PROGRESS = "update interaction_import set bytes_read = ?, received = ?, inserted = ?, "
            + "updated = ?, unchanged = ?, rejected = ? where id = ?";

    /**
     * Runs {@code work} in one transaction on the primary: committed when it returns, rolled back when it throws.
     *
     * @throws KeyTaken when an insert met a key that another writer stored meanwhile
     */
    public <T> T inTransaction(java.util.function.Function<Tx, T> work) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                T result = work.apply(new Tx(c));
                c.commit();
                return result;
            } catch (RuntimeException e) {
                c.rollback();
                SQLException sql = e.getCause() instanceof SQLException x ? x : null;
                if (sql != null && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                    throw new KeyTaken(sql);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Storing interactions failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Sql<T> {
        T run() throws SQLException;
    }

    private static <T> T unchecked(Sql<T> sql) {
        try {
            return sql.run();
        } catch (SQLException e) {
            throw new IllegalStateException("Storing interactions failed: " + e.getMessage(), e);
        }
    }

    /** What one transaction reads and writes; valid only inside {@link #inTransaction}. */
    public final class Tx {
        private final Connection c;

        private Tx(Connection c) {
            this.c = c;
        }

        /** The stored interactions among these keys. */
        Map<Key, Stored> lookup(Collection<Key> keys) {
            return unchecked(() -> InteractionStore.this.lookup(c, keys));
        }

        /** Inserts new interactions (LOAD DATA on MySQL when the connection allows it, else batched INSERT). */
        void insert(Map<Key, Values> rows, long importId, LocalDateTime now) {
            unchecked(() -> {
                InteractionStore.this.insert(c, rows, importId, now);
                return null;
            });
        }

        /** Replaces the values of stored interactions, by id. */
        void update(Map<Long, Values> rows, long importId, LocalDateTime now) {
            unchecked(() -> {
                InteractionStore.this.update(c, rows, importId, now);
                return null;
            });
        }

        /** Stores these conversations (replacing earlier ones of the same keys), deflated. */
        void transcripts(Map<Key, String> transcripts, LocalDateTime now) {
            if (transcripts.isEmpty()) {
                return;
            }
            unchecked(() -> {
                InteractionStore.this.writeTranscripts(c, transcripts, now);
                return null;
            });
        }

        void reject(long importId, List<Rejection> rejections) {
            unchecked(() -> {
                InteractionStore.this.reject(c, importId, rejections);
                return null;
            });
        }

        void progress(long importId, Progress p) {
            unchecked(() -> {
                try (PreparedStatement ps = c.prepareStatement(PROGRESS)) {
                    ps.setLong(1, p.bytesRead());
                    ps.setLong(2, p.received());
                    ps.setLong(3, p.inserted());
                    ps.setLong(4, p.updated());
                    ps.setLong(5, p.unchanged());
                    ps.setLong(6, p.rejected());
                    ps.setLong(7, importId);
                    ps.executeUpdate();
                }
                return null;
            });
        }

        /** Locks these agents' rows until the transaction ends: imports and the rollup rebuild take turns per agent. */
        void lockAgents(Collection<Long> agentIds) {
            unchecked(() -> {
                InteractionStore.this.lockAgents(c, agentIds);
                return null;
            });
        }

        /** The rollups' state row, locked for the transaction when {@code forUpdate}. */
        Optional<RollupState> rollupState(boolean forUpdate) {
            return unchecked(() -> InteractionStore.this.rollupState(c, forUpdate));
        }

        void saveRollupState(RollupState state) {
            unchecked(() -> {
                InteractionStore.this.saveRollupState(c, state);
                return null;
            });
        }

        boolean anyInteraction() {
            return unchecked(() -> InteractionStore.this.anyInteraction(c));
        }

        /** The ids of all agents, ascending, after {@code afterId}. */
        List<Long> agentIdsAfter(long afterId) {
            return unchecked(() -> InteractionStore.this.agentIdsAfter(c, afterId));
        }

        /** The stored tallies of these days (absent days are left out), for changing them. */
        Map<DayKey, StoredBytes> days(Collection<DayKey> keys) {
            return unchecked(() -> InteractionStore.this.days(c, keys));
        }

        /** Writes these days' tallies (an empty tally removes its row). */
        void writeDays(Map<DayKey, StoredDay> days) {
            unchecked(() -> {
                InteractionStore.this.writeDays(c, days);
                return null;
            });
        }

        void deleteDaysOf(long agentId) {
            unchecked(() -> {
                InteractionStore.this.deleteDaysOf(c, agentId);
                return null;
            });
        }

        /** The latest updated_at among one agent's interactions created in [from, to). */
        @Nullable
        LocalDateTime latestUpdate(long agentId, Instant from, Instant to) {
            return unchecked(() -> InteractionStore.this.latestUpdate(c, agentId, from, to));
        }

        /** Every stored interaction of one agent, or of its instants [from, to) when given, as this transaction sees them. */
        void forEachFact(long agentId, @Nullable Instant from, @Nullable Instant to, java.util.function.Consumer<StoredFact> consumer) {
            unchecked(() -> {
                InteractionStore.this.forEachFact(c, agentId, from, to, consumer);
                return null;
            });
        }
    }

    /**
     * The facts of these agents' interactions created in [from, to), agent by agent in ascending id order, from the
     * read connection (the rollups' fallback while they are not current).
     */
    void forEachFactOf(Collection<Long> agentIds, Instant from, Instant to, java.util.function.BiConsumer<Long, StoredFact> consumer) {
        try (Connection c = db.readConnection()) {
            for (long agentId : agentIds.stream().sorted().toList()) {
                forEachFact(c, agentId, from, to, f -> consumer.accept(agentId, f));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read interactions: " + e.getMessage(), e);
        }
    }

    /** Every agent by employee number, for checking an import's rows. */
    Map<String, AgentRef> agentsByEmployeeNo() {
        Map<String, AgentRef> agents = new HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select id, employee_no, team_id from agent");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                agents.put(rs.getString(2), new AgentRef(rs.getLong(1), rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the agents: " + e.getMessage(), e);
        }
        return agents;
    }

    private Map<Key, Stored> lookup(Connection c, Collection<Key> keys) throws SQLException {
        Map<String, List<String>> bySource = new java.util.LinkedHashMap<>();
        for (Key k : keys) {
            bySource.computeIfAbsent(k.source(), x -> new ArrayList<>()).add(k.externalId());
        }
        Map<Key, Stored> found = new HashMap<>();
        for (Map.Entry<String, List<String>> e : bySource.entrySet()) {
            List<String> ids = e.getValue().stream().distinct().toList();
            for (int from = 0; from < ids.size(); from += LOOKUP_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + LOOKUP_CHUNK));
                String sql = "select id, external_id, agent_id, channel, category, created_at, created_ns, "
                        + "first_response_at, first_response_ns, resolved_at, resolved_ns, rating, comment, priority, "
                        + "coalesce(owner_id, agent_id), reopened "
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
                                    rating == null ? null : rating.intValue(), rs.getString(13), rs.getString(14),
                                    rs.getLong(15), rs.getInt(16));
                            found.put(new Key(e.getKey(), rs.getString(2)), new Stored(rs.getLong(1), v));
                        }
                    }
                }
            }
        }
        return found;
    }

    private void insert(Connection c, Map<Key, Values> rows, long importId, LocalDateTime now) throws SQLException {
        if (rows.isEmpty() || (db.isMySql() && loadData(c, rows, importId, now))) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Map.Entry<Key, Values> e : rows.entrySet()) {
                ps.setString(1, e.getKey().source());
                ps.setString(2, e.getKey().externalId());
                int i = bindValues(ps, 3, e.getValue());
                ps.setLong(i, importId);
                ps.setObject(i + 1, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void update(Connection c, Map<Long, Values> rows, long importId, LocalDateTime now) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(UPDATE)) {
            for (Map.Entry<Long, Values> e : rows.entrySet()) {
                int i = bindValues(ps, 1, e.getValue());
                ps.setLong(i, importId);
                ps.setObject(i + 1, now);
                ps.setLong(i + 2, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        followSurveys(c, List.copyOf(rows.keySet()));
    }

    /**
     * Copies the agent, channel, category and creation time of updated interactions to their survey rows (which
     * keep them so that survey figures are counted from the survey tables alone), in the import's transaction.
     */
    private static void followSurveys(Connection c, List<Long> ids) throws SQLException {
        for (int start = 0; start < ids.size(); start += LOOKUP_CHUNK) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + LOOKUP_CHUNK));
            String in = "?,".repeat(chunk.size() - 1) + "?";
            // the survey days of the contacts' old and new agent and time are counted again (survey_stale)
            String mark = "insert into survey_stale (agent_id, created_at) select agent_id, created_at from survey "
                    + "where interaction_id in (" + in + ")";
            try (PreparedStatement ps = c.prepareStatement(mark)) {
                for (int k = 0; k < chunk.size(); k++) {
                    ps.setLong(k + 1, chunk.get(k));
                }
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("update survey set "
                    + "agent_id = (select i.agent_id from interaction i where i.id = survey.interaction_id), "
                    + "channel = (select i.channel from interaction i where i.id = survey.interaction_id), "
                    + "category = (select i.category from interaction i where i.id = survey.interaction_id), "
                    + "created_at = (select i.created_at from interaction i where i.id = survey.interaction_id) "
                    + "where interaction_id in (" + in + ")")) {
                for (int k = 0; k < chunk.size(); k++) {
                    ps.setLong(k + 1, chunk.get(k));
                }
                if (ps.executeUpdate() > 0) {
                    try (PreparedStatement after = c.prepareStatement(mark)) {
                        for (int k = 0; k < chunk.size(); k++) {
                            after.setLong(k + 1, chunk.get(k));
                        }
                        after.executeUpdate();
                    }
                }
            }
        }
    }

    private void reject(Connection c, long importId, List<Rejection> rejections) throws SQLException {
        if (rejections.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(REJECT)) {
            for (Rejection r : rejections) {
                ps.setLong(1, importId);
                ps.setInt(2, r.line());
                ps.setString(3, r.reason());
                ps.setString(4, r.rowText());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static int bindValues(PreparedStatement ps, int i, Values v) throws SQLException {
        ps.setLong(i, v.agentId());
        ps.setString(i + 1, v.channel());
        ps.setString(i + 2, v.category());
        StoredTimes.set(ps, i + 3, i + 4, v.createdAt());
        StoredTimes.set(ps, i + 5, i + 6, v.firstResponseAt());
        StoredTimes.set(ps, i + 7, i + 8, v.resolvedAt());
        if (v.rating() == null) {
            ps.setNull(i + 9, java.sql.Types.SMALLINT);
        } else {
            ps.setInt(i + 9, v.rating());
        }
        ps.setString(i + 10, v.comment());
        ps.setString(i + 11, v.priority());
        ps.setLong(i + 12, v.ownerId());
        ps.setInt(i + 13, v.reopened());
        return i + 14;
    }

    // LOAD DATA LOCAL INFILE fed from memory: needs allowLoadLocalInfile=true in the JDBC URL (and local_infile on
    // the server); where that is not available the batched INSERT above is used, with the same result. The
    // driver's stream hook is reached by reflection, so that mysql-connector-j stays a runtime dependency.
    private volatile boolean loadDataUnavailable;
    private volatile java.lang.reflect.Method setLocalInfileStream;
    private volatile Class<?> driverStatementType;

    /**
     * Inserts the rows with LOAD DATA; false (having changed nothing) when it is not available here.
     *
     * @throws SQLException with SQLState 23000 when fewer rows were stored than sent (a key appeared meanwhile)
     */
    private boolean loadData(Connection c, Map<Key, Values> rows, long importId, LocalDateTime now) throws SQLException {
        if (loadDataUnavailable || !driverHook()) {
            return false;
        }
        byte[] data = LoadDataRows.encode(rows, importId, now);
        if (data == null) {
            return false; // a year MySQL's datetime does not hold: let an INSERT report it
        }
        try (java.sql.Statement s = c.createStatement()) {
            Object driverStatement = s.unwrap(driverStatementType);
            setLocalInfileStream.invoke(driverStatement, new java.io.ByteArrayInputStream(data));
            long stored;
            try {
                stored = s.executeLargeUpdate(LoadDataRows.SQL);
            } catch (SQLException e) {
                setLocalInfileStream.invoke(driverStatement, (Object) null);
                if (isNotAllowed(e)) {
                    loadDataUnavailable = true;
                    LOG.info("LOAD DATA LOCAL is not available ({}); interactions are inserted with batched INSERT statements. "
                            + "Add allowLoadLocalInfile=true to JDBC_URL for faster imports.", e.getMessage());
                    return false;
                }
                throw e;
            }
            // the driver keeps the stream for the connection's later LOAD DATA statements unless it is reset
            setLocalInfileStream.invoke(driverStatement, (Object) null);
            if (stored != rows.size()) {
                throw new SQLException("stored " + stored + " of " + rows.size() + " new interactions", "23000");
            }
            return true;
        } catch (IllegalAccessException | java.lang.reflect.InvocationTargetException e) {
            loadDataUnavailable = true;
            return false;
        }
    }

    private boolean driverHook() {
        if (setLocalInfileStream == null) {
            try {
                Class<?> type = Class.forName("com.mysql.cj.jdbc.JdbcStatement");
                setLocalInfileStream = type.getMethod("setLocalInfileInputStream", java.io.InputStream.class);
                driverStatementType = type;
            } catch (ReflectiveOperationException e) {
                loadDataUnavailable = true;
                return false;
            }
        }
        return true;
    }

    private static boolean isNotAllowed(SQLException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("local data") || m.contains("local infile") || m.contains("load data local")
                || m.contains("not allowed") || e.getErrorCode() == 1148 || e.getErrorCode() == 3948;
    }

    // ---- an import's rejected rows --------------------------------------------------------------

    /** One rejected row, as read back. */
    public interface RejectionConsumer {
        void accept(int line, String reason, String rowText) throws java.io.IOException;
    }

    /** Passes every rejected row of an import to {@code consumer}, in line order, streaming from the database. */
    void forEachRejection(long importId, RejectionConsumer consumer) {
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement(
                     "select line, reason, row_text from interaction_import_rejection where import_id = ? order by line, id")) {
            db.streamResults(ps);
            ps.setLong(1, importId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    consumer.accept(rs.getInt(1), rs.getString(2), rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the rejected rows: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A page of an import's rejected rows, in line order: line and reason. */
    List<Rejection> rejections(long importId, int page, int size) {
        List<Rejection> content = new ArrayList<>(size);
        try (Connection c = db.connection();
             PreparedStatement ps = c.prepareStatement("select line, reason from interaction_import_rejection "
                     + "where import_id = ? order by line, id limit ? offset ?")) {
            ps.setLong(1, importId);
            ps.setInt(2, size);
            ps.setLong(3, (long) page * size);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    content.add(new Rejection(rs.getInt(1), rs.getString(2), null));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the rejected rows: " + e.getMessage(), e);
        }
        return content;
    }
}
