package com.servicecoach.survey;

import com.servicecoach.database.Database;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import com.servicecoach.scoring.SurveyTally;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The survey tables' SQL: definition versions, hosted links, responses and their answers, the public page's rate
 * counts, and the aggregate reads the figures come from (the database counts each score per agent and dimension,
 * so memory holds a few numbers per agent whatever the number of responses). Instants are UTC.
 */
@Singleton
public class SurveyStore {

    /** Agent ids per query (an IN list). */
    static final int IN_CHUNK = 500;

    private final Database db;

    SurveyStore(Database db) {
        this.db = db;
    }

    // ---- definition versions ----------------------------------------------------------------------------------

    record Version(int version, String document, String savedBy, LocalDateTime savedAt) {
    }

    Optional<Version> latestVersion() {
        return oneVersion("select version, document, saved_by, saved_at from survey_version order by version desc limit 1");
    }

    Optional<Version> version(int version) {
        return oneVersion("select version, document, saved_by, saved_at from survey_version where version = " + version);
    }

    private Optional<Version> oneVersion(String sql) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Version(rs.getInt(1), rs.getString(2), rs.getString(3),
                    rs.getObject(4, LocalDateTime.class))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the survey definition", e);
        }
    }

    /** Stores a version; false when that version number was taken meanwhile. */
    boolean insertVersion(int version, String document, String savedBy, Instant at) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "insert into survey_version (version, document, saved_by, saved_at) select ?, ?, ?, ? from (select 1 as x) one "
                        + "where not exists (select 1 from survey_version where version = ?)")) {
            ps.setInt(1, version);
            ps.setString(2, document);
            ps.setString(3, savedBy);
            ps.setObject(4, utc(at));
            ps.setInt(5, version);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw new IllegalStateException("Cannot store the survey definition", e);
        }
    }

    // ---- links ---------------------------------------------------------------------------------------------------

    /**
     * Issues a link for each interaction created in [from, to) of these agents (null: all) that has neither a link nor
     * a response, oldest first, at most {@code max}; returns how many were issued.
     */
    int issueLinks(@Nullable Collection<Long> agentIds, Instant from, Instant to, String language, Instant now,
                   Instant expires, int max, Supplier<String> tokens) {
        List<Object[]> targets = new ArrayList<>();
        StringBuilder sql = new StringBuilder("select i.id, i.agent_id, i.channel, i.category, i.created_at from interaction i "
                + "left join survey s on s.interaction_id = i.id where s.interaction_id is null and i.created_at >= ? and i.created_at < ?");
        List<Long> ids = agentIds == null ? null : List.copyOf(agentIds);
        if (ids != null) {
            if (ids.isEmpty()) {
                return 0;
            }
            sql.append(" and i.agent_id in (").append("?,".repeat(ids.size() - 1)).append("?)");
        }
        sql.append(" order by i.created_at, i.id limit ").append(max);
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setObject(1, utc(from));
                ps.setObject(2, utc(to));
                if (ids != null) {
                    for (int k = 0; k < ids.size(); k++) {
                        ps.setLong(3 + k, ids.get(k));
                    }
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        targets.add(new Object[]{rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDateTime.class)});
                    }
                }
            }
            c.setAutoCommit(false);
            try (PreparedStatement ins = c.prepareStatement("insert into survey (interaction_id, agent_id, channel, category, "
                    + "created_at, token, language, issued_at, expires_at, complete, updated_at) select ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ? "
                    + "from (select 1 as x) one where not exists (select 1 from survey where interaction_id = ?)")) {
                for (Object[] t : targets) {
                    ins.setLong(1, (Long) t[0]);
                    ins.setLong(2, (Long) t[1]);
                    ins.setString(3, (String) t[2]);
                    ins.setString(4, (String) t[3]);
                    ins.setObject(5, utc((LocalDateTime) t[4]));
                    ins.setString(6, tokens.get());
                    ins.setString(7, language);
                    ins.setObject(8, utc(now));
                    ins.setObject(9, utc(expires));
                    ins.setObject(10, utc(now));
                    ins.setLong(11, (Long) t[0]);
                    ins.addBatch();
                }
                int[] done = ins.executeBatch();
                List<Object[]> issued = new ArrayList<>();
                for (int k = 0; k < done.length; k++) {
                    if (done[k] != 0) {
                        issued.add(targets.get(k));
                    }
                }
                targets.retainAll(issued);
                try (PreparedStatement mark = c.prepareStatement(MARK_AT)) {
                    for (Object[] t : targets) {
                        mark.setLong(1, (Long) t[1]);
                        mark.setObject(2, utc((LocalDateTime) t[4]));
                        mark.addBatch();
                    }
                    mark.executeBatch();
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            return targets.size();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot issue survey links", e);
        }
    }

    /** A link as listed: the interaction it is for and its state. */
    public record Link(String token, String source, String externalId, String employeeNo, String agentName,
                       Instant createdAt, String language, Instant issuedAt, Instant expiresAt, @Nullable Instant answeredAt) {
    }

    private static final String LINK_COLUMNS = "select s.token, i.source, i.external_id, a.employee_no, a.name, s.created_at, "
            + "s.language, s.issued_at, s.expires_at, s.answered_at from survey s join interaction i on i.id = s.interaction_id "
            + "join agent a on a.id = s.agent_id where s.token is not null and s.created_at >= ? and s.created_at < ?";

    /** The links of interactions created in [from, to) of these agents (null: all), oldest first, a page at a time. */
    void links(@Nullable Collection<Long> agentIds, Instant from, Instant to, long offset, int limit, Consumer<Link> out) {
        List<Long> ids = agentIds == null ? null : List.copyOf(agentIds);
        if (ids != null && ids.isEmpty()) {
            return;
        }
        String sql = LINK_COLUMNS + agentFilter("s.agent_id", ids) + " order by s.created_at, s.interaction_id limit " + limit
                + " offset " + offset;
        try (Connection c = db.readConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            db.streamResults(ps);
            bindRange(ps, from, to, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.accept(new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            instant(rs.getObject(6, LocalDateTime.class)), rs.getString(7), instant(rs.getObject(8, LocalDateTime.class)),
                            instant(rs.getObject(9, LocalDateTime.class)), instant(rs.getObject(10, LocalDateTime.class))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list survey links", e);
        }
    }

    long countLinks(@Nullable Collection<Long> agentIds, Instant from, Instant to) {
        List<Long> ids = agentIds == null ? null : List.copyOf(agentIds);
        if (ids != null && ids.isEmpty()) {
            return 0;
        }
        String sql = "select count(*) from survey s where s.token is not null and s.created_at >= ? and s.created_at < ?"
                + agentFilter("s.agent_id", ids);
        try (Connection c = db.readConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindRange(ps, from, to, ids);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count survey links", e);
        }
    }

    /** What the public page may know of a link: the agent's display name and the link's state. */
    record Hosted(long interactionId, String agentName, String language, Instant expiresAt, @Nullable Instant answeredAt) {
    }

    Optional<Hosted> byToken(String token) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select s.interaction_id, a.name, s.language, "
                + "s.expires_at, s.answered_at from survey s join agent a on a.id = s.agent_id where s.token = ?")) {
            ps.setString(1, token);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Hosted(rs.getLong(1), rs.getString(2), rs.getString(3),
                        instant(rs.getObject(4, LocalDateTime.class)), instant(rs.getObject(5, LocalDateTime.class)))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read a survey link", e);
        }
    }

    /**
     * Stores the answer to a link, once: only while the link is unanswered and not expired at {@code now}, in one
     * transaction with its answers. False (nothing stored) when it was answered or expired meanwhile.
     */
    boolean answerLink(String token, int version, Map<String, Integer> answers, @Nullable String remark, boolean complete,
                       Instant now) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                long interactionId;
                try (PreparedStatement find = c.prepareStatement("select interaction_id from survey where token = ?")) {
                    find.setString(1, token);
                    try (ResultSet rs = find.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return false;
                        }
                        interactionId = rs.getLong(1);
                    }
                }
                try (PreparedStatement up = c.prepareStatement("update survey set answered_at = ?, version = ?, origin = 'link', "
                        + "remark = ?, complete = ?, updated_at = ? where interaction_id = ? and answered_at is null and expires_at > ?")) {
                    up.setObject(1, utc(now));
                    up.setInt(2, version);
                    up.setString(3, remark);
                    up.setBoolean(4, complete);
                    up.setObject(5, utc(now));
                    up.setLong(6, interactionId);
                    up.setObject(7, utc(now));
                    if (up.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
                writeAnswers(c, interactionId, answers);
                markStale(c, interactionId);
                c.commit();
                return true;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store a survey answer", e);
        }
    }

    /** Marks a contact's survey day as changed (its counts are made again before the stored days are next read). */
    static final String MARK_AT = "insert into survey_stale (agent_id, created_at) values (?, ?)";

    private static void markStale(Connection c, long interactionId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into survey_stale (agent_id, created_at) "
                + "select agent_id, created_at from survey where interaction_id = ?")) {
            ps.setLong(1, interactionId);
            ps.executeUpdate();
        }
    }

    private static void writeAnswers(Connection c, long interactionId, Map<String, Integer> answers) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("delete from survey_answer where interaction_id = ?")) {
            del.setLong(1, interactionId);
            del.executeUpdate();
        }
        if (answers.isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement("insert into survey_answer (interaction_id, dimension, score) values (?, ?, ?)")) {
            for (Map.Entry<String, Integer> a : answers.entrySet()) {
                ins.setLong(1, interactionId);
                ins.setString(2, a.getKey());
                ins.setInt(3, a.getValue());
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /**
     * Counts one request of a client address in the window starting at {@code window} and returns the window's
     * count including it. Windows older than {@code forgetBefore} are removed now and then.
     */
    int hit(String address, Instant window, Instant forgetBefore) {
        try (Connection c = db.connection()) {
            // one statement that adds the request, whoever else counts the same address at the same moment
            try (PreparedStatement up = c.prepareStatement("insert into survey_rate (address, window_start, hits) values (?, ?, 1) "
                    + "on duplicate key update hits = hits + 1")) {
                up.setString(1, address);
                up.setObject(2, utc(window));
                up.executeUpdate();
            }
            int hits;
            try (PreparedStatement q = c.prepareStatement("select hits from survey_rate where address = ? and window_start = ?")) {
                q.setString(1, address);
                q.setObject(2, utc(window));
                try (ResultSet rs = q.executeQuery()) {
                    hits = rs.next() ? rs.getInt(1) : 1;
                }
            }
            if (hits == 1) {
                // an address's first request of the window: old windows go (by the window_start index)
                try (PreparedStatement old = c.prepareStatement("delete from survey_rate where window_start < ?")) {
                    old.setObject(1, utc(forgetBefore));
                    old.executeUpdate();
                }
            }
            return hits;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count survey requests", e);
        }
    }

    // ---- imported responses ----------------------------------------------------------------------------------

    /** An interaction a response row names, with what the survey row copies from it. */
    record Target(long interactionId, long agentId, String channel, String category, LocalDateTime createdAt) {
    }

    /** The interactions of these (source, external_id) keys that exist; keys are "source\u0000external_id". */
    Map<String, Target> targets(Collection<String[]> keys) {
        Map<String, Target> out = new HashMap<>();
        List<String[]> list = List.copyOf(keys);
        try (Connection c = db.connection()) {
            for (int start = 0; start < list.size(); start += IN_CHUNK) {
                List<String[]> chunk = list.subList(start, Math.min(list.size(), start + IN_CHUNK));
                String sql = "select source, external_id, id, agent_id, channel, category, created_at from interaction where "
                        + "external_id in (" + "?,".repeat(chunk.size() - 1) + "?)";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int k = 0; k < chunk.size(); k++) {
                        ps.setString(k + 1, chunk.get(k)[1]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.put(rs.getString(1) + '\u0000' + rs.getString(2), new Target(rs.getLong(3), rs.getLong(4),
                                    rs.getString(5), rs.getString(6), rs.getObject(7, LocalDateTime.class)));
                        }
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot look up interactions", e);
        }
    }

    /** A response to store: for an interaction, replacing any earlier response to it. */
    record Response(Target target, String source, int version, Map<String, Integer> answers, @Nullable String remark,
                    boolean complete, Instant answeredAt) {
    }

    /**
     * Stores imported responses in one transaction; returns for each interaction whether it was inserted,
     * updated or unchanged (by its answers, remark and time).
     */
    Map<Long, String> storeResponses(List<Response> responses, long importId, Instant now) {
        Map<Long, String> outcome = new LinkedHashMap<>();
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                for (Response r : responses) {
                    long id = r.target().interactionId();
                    String before = existing(c, id);
                    String after = fingerprint(r.answers(), r.remark(), r.answeredAt());
                    if (before != null && before.equals(after)) {
                        outcome.put(id, "unchanged");
                        continue;
                    }
                    boolean hasRow;
                    try (PreparedStatement q = c.prepareStatement("select 1 from survey where interaction_id = ?")) {
                        q.setLong(1, id);
                        try (ResultSet rs = q.executeQuery()) {
                            hasRow = rs.next();
                        }
                    }
                    if (!hasRow && !insertResponse(c, r, importId, now)) {
                        hasRow = true; // stored meanwhile by a link or another import: this response replaces it
                    }
                    if (hasRow) {
                        updateResponse(c, r, importId, now);
                    }
                    writeAnswers(c, id, r.answers());
                    markStale(c, id);
                    outcome.put(id, before == null ? "inserted" : "updated");
                }
                c.commit();
                return outcome;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store survey responses", e);
        }
    }


    private static void updateResponse(Connection c, Response r, long importId, Instant now) throws SQLException {
        long id = r.target().interactionId();
        try (PreparedStatement up = c.prepareStatement("update survey set answered_at = ?, version = ?, "
                + "origin = 'import', source = ?, remark = ?, complete = ?, import_id = ?, updated_at = ? where interaction_id = ?")) {
            up.setObject(1, utc(r.answeredAt()));
            up.setInt(2, r.version());
            up.setString(3, r.source());
            up.setString(4, r.remark());
            up.setBoolean(5, r.complete());
            up.setLong(6, importId);
            up.setObject(7, utc(now));
            up.setLong(8, id);
            up.executeUpdate();
        }
    }

    /** Inserts an imported response's row; false when the contact got a survey row meanwhile (nothing inserted). */
    private static boolean insertResponse(Connection c, Response r, long importId, Instant now) throws SQLException {
        long id = r.target().interactionId();
        try {
            try (PreparedStatement ins = c.prepareStatement("insert into survey (interaction_id, agent_id, channel, "
                    + "category, created_at, answered_at, version, origin, source, remark, complete, import_id, updated_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?, 'import', ?, ?, ?, ?, ?)")) {
                Target t = r.target();
                ins.setLong(1, id);
                ins.setLong(2, t.agentId());
                ins.setString(3, t.channel());
                ins.setString(4, t.category());
                ins.setObject(5, utc(t.createdAt()));
                ins.setObject(6, utc(r.answeredAt()));
                ins.setInt(7, r.version());
                ins.setString(8, r.source());
                ins.setString(9, r.remark());
                ins.setBoolean(10, r.complete());
                ins.setLong(11, importId);
                ins.setObject(12, utc(now));
                ins.executeUpdate();
                return true;
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw e;
        }
    }

    /** The stored response of an interaction as a comparable text, or null when it has none. */
    @Nullable
    private static String existing(Connection c, long interactionId) throws SQLException {
        Instant answered;
        String remark;
        try (PreparedStatement q = c.prepareStatement("select answered_at, remark from survey where interaction_id = ?")) {
            q.setLong(1, interactionId);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next() || rs.getObject(1, LocalDateTime.class) == null) {
                    return null;
                }
                answered = instant(rs.getObject(1, LocalDateTime.class));
                remark = rs.getString(2);
            }
        }
        Map<String, Integer> answers = new java.util.TreeMap<>();
        try (PreparedStatement q = c.prepareStatement("select dimension, score from survey_answer where interaction_id = ?")) {
            q.setLong(1, interactionId);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    answers.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return fingerprint(answers, remark, answered);
    }

    private static String fingerprint(Map<String, Integer> answers, @Nullable String remark, Instant answeredAt) {
        return new java.util.TreeMap<>(answers) + "|" + (remark == null ? "" : remark) + "|"
                + answeredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    // ---- figures -------------------------------------------------------------------------------------------------

    /** Receives the aggregate rows: per agent, channel, category, dimension and score, a count. */
    interface CountReader {
        void count(long agentId, String channel, String category, String dimension, int score, long count);
    }

    /**
     * The number of answers of each score per agent, channel, category and dimension for the responses to interactions
     * created in [from, to) of these agents (null: all).
     */
    void counts(@Nullable Collection<Long> agentIds, Instant from, Instant to, CountReader reader) {
        String base = "select s.agent_id, s.channel, s.category, a.dimension, a.score, count(*) from survey s "
                + "join survey_answer a on a.interaction_id = s.interaction_id where s.created_at >= ? and s.created_at < ?";
        chunked(agentIds, ids -> {
            String sql = base + agentFilter("s.agent_id", ids) + " group by s.agent_id, s.channel, s.category, a.dimension, a.score";
            try (Connection c = db.readConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                db.streamResults(ps);
                bindRange(ps, from, to, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.count(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getLong(6));
                    }
                }
            }
        });
    }

    /** Receives sent, returned and complete of an agent's contacts of one channel and category. */
    interface RateReader {
        void rates(long agentId, String channel, String category, long sent, long returned, long complete);
    }

    /** Sent, returned and complete per agent, channel and category for interactions created in [from, to). */
    void rates(@Nullable Collection<Long> agentIds, Instant from, Instant to, RateReader reader) {
        String base = "select s.agent_id, s.channel, s.category, count(*), sum(case when s.answered_at is not null then 1 else 0 end), "
                + "sum(case when s.answered_at is not null and s.complete then 1 else 0 end) from survey s "
                + "where s.created_at >= ? and s.created_at < ?";
        chunked(agentIds, ids -> {
            try (Connection c = db.readConnection(); PreparedStatement ps = c.prepareStatement(base
                    + agentFilter("s.agent_id", ids) + " group by s.agent_id, s.channel, s.category")) {
                db.streamResults(ps);
                bindRange(ps, from, to, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.rates(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getLong(6));
                    }
                }
            }
        });
    }

    /** A customer's remark with the response it came with; {@code score} is the answer asked about (see {@link Find}). */
    @io.micronaut.serde.annotation.Serdeable
    public record Remark(String source, String externalId, String employeeNo, String agentName, Instant createdAt,
                         Instant answeredAt, @Nullable String remark, @Nullable Integer score) {
    }

    /**
     * Which responses to list: remarks containing {@code q}; or, with {@code dimension}, the answers below 7 to that
     * dimension (a dimension gap's evidence, with or without a remark), optionally of one channel or category.
     */
    public record Find(@Nullable String q, @Nullable String dimension, @Nullable String channel, @Nullable String category) {
    }

    private static String findSql(String select, @Nullable List<Long> ids, Find f) {
        StringBuilder sql = new StringBuilder(select);
        if (f.dimension() != null) {
            sql.append(" join survey_answer d on d.interaction_id = s.interaction_id and d.dimension = ? and d.score < 7");
        }
        sql.append(" where s.created_at >= ? and s.created_at < ? and s.answered_at is not null");
        sql.append(agentFilter("s.agent_id", ids));
        if (f.dimension() == null) {
            sql.append(" and s.remark is not null");
        }
        if (f.q() != null) {
            sql.append(" and lower(s.remark) like ? escape '!'");
        }
        if (f.channel() != null) {
            sql.append(" and s.channel = ?");
        }
        if (f.category() != null) {
            sql.append(" and s.category = ?");
        }
        return sql.toString();
    }

    private static void bindFind(PreparedStatement ps, Instant from, Instant to, @Nullable List<Long> ids, Find f) throws SQLException {
        int p = 1;
        if (f.dimension() != null) {
            ps.setString(p++, f.dimension());
        }
        ps.setObject(p++, utc(from));
        ps.setObject(p++, utc(to));
        if (ids != null) {
            for (Long id : ids) {
                ps.setLong(p++, id);
            }
        }
        if (f.q() != null) {
            ps.setString(p++, "%" + likeEscaped(f.q().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        if (f.channel() != null) {
            ps.setString(p++, f.channel());
        }
        if (f.category() != null) {
            ps.setString(p, f.category());
        }
    }

    /** The responses {@code f} asks for, to interactions created in [from, to) of these agents (null: all), newest first. */
    List<Remark> remarks(@Nullable Collection<Long> agentIds, Instant from, Instant to, Find f, long offset, int limit) {
        List<Remark> out = new ArrayList<>();
        List<Long> ids = agentIds == null ? null : List.copyOf(agentIds);
        if (ids != null && ids.isEmpty()) {
            return out;
        }
        String sql = findSql("select i.source, i.external_id, a.employee_no, a.name, s.created_at, s.answered_at, s.remark, "
                + (f.dimension() != null ? "d.score" : "null") + " from survey s "
                + "join interaction i on i.id = s.interaction_id join agent a on a.id = s.agent_id", ids, f)
                + " order by s.answered_at desc, s.interaction_id desc limit " + limit + " offset " + offset;
        try (Connection c = db.readConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindFind(ps, from, to, ids, f);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object score = rs.getObject(8);
                    out.add(new Remark(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            instant(rs.getObject(5, LocalDateTime.class)), instant(rs.getObject(6, LocalDateTime.class)),
                            rs.getString(7), score == null ? null : ((Number) score).intValue()));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read survey remarks", e);
        }
    }

    long countRemarks(@Nullable Collection<Long> agentIds, Instant from, Instant to, Find f) {
        List<Long> ids = agentIds == null ? null : List.copyOf(agentIds);
        if (ids != null && ids.isEmpty()) {
            return 0;
        }
        try (Connection c = db.readConnection(); PreparedStatement ps = c.prepareStatement(findSql("select count(*) from survey s", ids, f))) {
            bindFind(ps, from, to, ids, f);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count survey remarks", e);
        }
    }

    // ---- rollups ----------------------------------------------------------------------------------------------

    /** The stored days' zone and status ({@code current} or {@code building}, since {@code changedAt}). */
    record RollupState(String zone, String status, Instant changedAt) {
    }

    Optional<RollupState> rollupState() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select zone, status, changed_at from survey_rollup_state where id = 1"); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new RollupState(rs.getString(1), rs.getString(2),
                    instant(rs.getObject(3, LocalDateTime.class)))) : Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the survey rollup state", e);
        }
    }

    /**
     * Claims the building of the stored days for {@code zone}: true when this caller may build them (no build runs, or
     * the one running started before {@code abandonedBefore}).
     */
    boolean claimBuild(String zone, Instant now, Instant abandonedBefore) {
        try (Connection c = db.connection()) {
            try (PreparedStatement up = c.prepareStatement("update survey_rollup_state set zone = ?, status = 'building', "
                    + "changed_at = ? where id = 1 and (status <> 'building' or changed_at < ?)")) {
                up.setString(1, zone);
                up.setObject(2, utc(now));
                up.setObject(3, utc(abandonedBefore));
                if (up.executeUpdate() == 1) {
                    return true;
                }
            }
            try (PreparedStatement ins = c.prepareStatement("insert into survey_rollup_state (id, zone, status, changed_at) "
                    + "select 1, ?, 'building', ? from (select 1 as x) one where not exists (select 1 from survey_rollup_state where id = 1)")) {
                ins.setString(1, zone);
                ins.setObject(2, utc(now));
                return ins.executeUpdate() == 1;
            }
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
                return false;
            }
            throw new IllegalStateException("Cannot claim the survey rollup build", e);
        }
    }

    /** How many survey rows there are (whether a build is quick enough to do at once). */
    long count() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select count(*) from survey");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count surveys", e);
        }
    }

    /**
     * Counts every agent's days again from the survey tables in {@code zone} (the caller holds the build claim), then
     * marks them current. Changes committed meanwhile leave markers newer than those this build clears.
     */
    boolean rebuild(ZoneId zone, Instant claimedAt, java.util.function.Supplier<Instant> clock) {
        Instant[] claim = {claimedAt};
        try (Connection w = db.connection()) {
            long upTo;
            try (PreparedStatement ps = w.prepareStatement("select coalesce(max(id), 0) from survey_stale"); ResultSet rs = ps.executeQuery()) {
                rs.next();
                upTo = rs.getLong(1);
            }
            try (PreparedStatement ps = w.prepareStatement("delete from survey_stale where id <= ?")) {
                ps.setLong(1, upTo);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = w.prepareStatement("delete from survey_day")) {
                ps.executeUpdate();
            }
            try (Connection r = db.connection(); PreparedStatement read = r.prepareStatement(DAY_ROWS + " order by s.agent_id, "
                    + "s.created_at, s.interaction_id"); PreparedStatement ins = w.prepareStatement(INSERT_DAY)) {
                db.streamResults(read);
                try (ResultSet rs = read.executeQuery()) {
                    int[] batch = {0};
                    readDays(rs, zone, (agent, day, tally) -> {
                        try {
                            ins.setLong(1, agent);
                            ins.setObject(2, day);
                            ins.setBytes(3, tally.encode());
                            ins.addBatch();
                            if (++batch[0] % 500 == 0) {
                                ins.executeBatch();
                                if (batch[0] % 20_000 == 0) {
                                    // still building: renew the claim, and stop when another build took it over
                                    Instant renewed = clock.get();
                                    if (!renew(w, zone, claim[0], renewed)) {
                                        throw new LostClaim();
                                    }
                                    claim[0] = renewed;
                                }
                            }
                        } catch (SQLException e) {
                            throw new IllegalStateException("Cannot store a survey day", e);
                        }
                    });
                    ins.executeBatch();
                }
            }
            // current only while this build still holds the claim (its last renewal is the state's time)
            try (PreparedStatement ps = w.prepareStatement("update survey_rollup_state set status = 'current', changed_at = ? "
                    + "where id = 1 and status = 'building' and zone = ? and changed_at = ?")) {
                ps.setObject(1, utc(clock.get()));
                ps.setString(2, zone.getId());
                ps.setObject(3, utc(claim[0]));
                return ps.executeUpdate() == 1;
            }
        } catch (LostClaim e) {
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot build the survey rollups", e);
        }
    }

    /** Another build took the claim over: this one stops. */
    private static final class LostClaim extends RuntimeException {
        LostClaim() {
            super("the survey rollup build was taken over", null, false, false);
        }
    }

    private static boolean renew(Connection w, ZoneId zone, Instant claim, Instant renewed) {
        try (PreparedStatement ps = w.prepareStatement("update survey_rollup_state set changed_at = ? where id = 1 "
                + "and status = 'building' and zone = ? and changed_at = ?")) {
            ps.setObject(1, utc(renewed));
            ps.setString(2, zone.getId());
            ps.setObject(3, utc(claim));
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot renew the survey rollup build", e);
        }
    }

    /**
     * Counts again the days of the contacts marked stale, in one transaction that first locks the rollup state (so
     * that two readers do not store one day's counts out of order); returns how many markers it cleared.
     */
    int refreshStale(ZoneId zone) {
        try (Connection c = db.connection()) {
            try (PreparedStatement any = c.prepareStatement("select 1 from survey_stale limit 1"); ResultSet rs = any.executeQuery()) {
                if (!rs.next()) {
                    return 0; // nothing changed since: no lock taken, readers do not queue
                }
            }
            c.setAutoCommit(false);
            try {
                try (PreparedStatement lock = c.prepareStatement("select status, zone from survey_rollup_state where id = 1 for update");
                     ResultSet rs = lock.executeQuery()) {
                    if (!rs.next() || !"current".equals(rs.getString(1)) || !zone.getId().equals(rs.getString(2))) {
                        c.rollback();
                        return NOT_CURRENT; // a build started meanwhile: the stored days are not to be read
                    }
                }
                List<Long> ids = new ArrayList<>();
                java.util.Set<String> days = new java.util.TreeSet<>();
                try (PreparedStatement ps = c.prepareStatement("select id, agent_id, created_at from survey_stale order by id limit "
                        + STALE_BATCH); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                        LocalDate day = LocalDate.ofInstant(instant(rs.getObject(3, LocalDateTime.class)), zone);
                        days.add(rs.getLong(2) + "/" + day);
                    }
                }
                if (days.isEmpty()) {
                    c.rollback();
                    return 0;
                }
                for (String key : days) {
                    long agent = Long.parseLong(key.substring(0, key.indexOf('/')));
                    LocalDate day = LocalDate.parse(key.substring(key.indexOf('/') + 1));
                    recompute(c, agent, day, zone);
                }
                // exactly the markers read: a marker of a change not yet committed when they were read (an earlier id
                // given to a longer transaction) stays for the next refresh
                int cleared = 0;
                for (int start = 0; start < ids.size(); start += IN_CHUNK) {
                    List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + IN_CHUNK));
                    try (PreparedStatement ps = c.prepareStatement("delete from survey_stale where id in ("
                            + "?,".repeat(chunk.size() - 1) + "?)")) {
                        for (int k = 0; k < chunk.size(); k++) {
                            ps.setLong(k + 1, chunk.get(k));
                        }
                        cleared += ps.executeUpdate();
                    }
                }
                c.commit();
                return cleared;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot refresh the survey rollups", e);
        }
    }

    /** What {@link #refreshStale} returns when the stored days stopped being current for the zone. */
    static final int NOT_CURRENT = -1;
    /** The most markers one refresh clears. */
    static final int STALE_BATCH = 5000;

    private static final String DAY_ROWS = "select s.agent_id, s.created_at, s.interaction_id, s.channel, s.category, "
            + "s.answered_at, s.complete, a.dimension, a.score from survey s left join survey_answer a on a.interaction_id = s.interaction_id";
    private static final String INSERT_DAY = "insert into survey_day (agent_id, day, tally) values (?, ?, ?)";

    private void recompute(Connection c, long agent, LocalDate day, ZoneId zone) throws SQLException {
        SurveyTally[] found = {null};
        try (PreparedStatement ps = c.prepareStatement(DAY_ROWS + " where s.agent_id = ? and s.created_at >= ? and s.created_at < ? "
                + "order by s.created_at, s.interaction_id")) {
            ps.setLong(1, agent);
            ps.setObject(2, utc(day.atStartOfDay(zone).toInstant()));
            ps.setObject(3, utc(day.plusDays(1).atStartOfDay(zone).toInstant()));
            try (ResultSet rs = ps.executeQuery()) {
                readDays(rs, zone, (a, d, tally) -> {
                    if (a == agent && d.equals(day)) {
                        found[0] = tally;
                    }
                });
            }
        }
        try (PreparedStatement del = c.prepareStatement("delete from survey_day where agent_id = ? and day = ?")) {
            del.setLong(1, agent);
            del.setObject(2, day);
            del.executeUpdate();
        }
        if (found[0] != null) {
            try (PreparedStatement ins = c.prepareStatement(INSERT_DAY)) {
                ins.setLong(1, agent);
                ins.setObject(2, day);
                ins.setBytes(3, found[0].encode());
                ins.executeUpdate();
            }
        }
    }

    /** Receives one agent's day of counts. */
    interface DayReader {
        void day(long agentId, LocalDate day, SurveyTally tally);
    }

    /** Folds {@link #DAY_ROWS} ordered by agent, time and contact into each agent's day of counts. */
    private static void readDays(ResultSet rs, ZoneId zone, DayReader out) throws SQLException {
        long agent = -1;
        LocalDate day = null;
        SurveyTally tally = null;
        long contact = -1;
        String channel = null;
        String category = null;
        boolean returned = false;
        boolean complete = false;
        Map<String, Integer> answers = new HashMap<>();
        while (rs.next()) {
            long a = rs.getLong(1);
            LocalDate d = LocalDate.ofInstant(instant(rs.getObject(2, LocalDateTime.class)), zone);
            long id = rs.getLong(3);
            if (id != contact) {
                if (contact != -1) {
                    tally.add(channel, category, returned, complete, answers);
                    answers = new HashMap<>();
                }
                if (a != agent || !d.equals(day)) {
                    if (tally != null) {
                        out.day(agent, day, tally);
                    }
                    tally = new SurveyTally();
                    agent = a;
                    day = d;
                }
                contact = id;
                channel = rs.getString(4);
                category = rs.getString(5);
                returned = rs.getObject(6) != null;
                complete = rs.getBoolean(7);
            }
            String dimension = rs.getString(8);
            if (dimension != null) {
                answers.put(dimension, rs.getInt(9));
            }
        }
        if (contact != -1) {
            tally.add(channel, category, returned, complete, answers);
            out.day(agent, day, tally);
        }
    }

    /** The stored days of these agents from {@code from} to {@code to} (inclusive), in no particular order. */
    void days(Collection<Long> agentIds, LocalDate from, LocalDate to, DayReader reader) {
        chunked(agentIds, ids -> {
            try (Connection c = db.readConnection(); PreparedStatement ps = c.prepareStatement("select agent_id, day, tally "
                    + "from survey_day where day >= ? and day <= ?" + agentFilter("agent_id", ids))) {
                db.streamResults(ps);
                ps.setObject(1, from);
                ps.setObject(2, to);
                int p = 3;
                for (Long id : ids == null ? List.<Long>of() : ids) {
                    ps.setLong(p++, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        reader.day(rs.getLong(1), rs.getObject(2, LocalDate.class), SurveyTally.decode(rs.getBytes(3)));
                    }
                }
            }
        });
    }

    // ---- training impact ----------------------------------------------------------------------------------

    /** Receives one answer to a dimension: its contact's agent, creation time, channel and category, and the score. */
    public interface AnswerReader {
        void answer(long agentId, Instant createdAt, String channel, String category, int score);
    }

    /** Streams the answers to one dimension of responses to contacts created in [from, to) (training impact's windows). */
    void forEachAnswer(String dimension, Instant from, Instant to, AnswerReader reader) {
        try (Connection c = db.readConnection(); PreparedStatement ps = c.prepareStatement("select s.agent_id, s.created_at, "
                + "s.channel, s.category, a.score from survey s join survey_answer a on a.interaction_id = s.interaction_id "
                + "where a.dimension = ? and s.created_at >= ? and s.created_at < ?")) {
            db.streamResults(ps);
            ps.setString(1, dimension);
            ps.setObject(2, utc(from));
            ps.setObject(3, utc(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.answer(rs.getLong(1), instant(rs.getObject(2, LocalDateTime.class)), rs.getString(3), rs.getString(4),
                            rs.getInt(5));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read survey answers", e);
        }
    }

    // ---- demo -------------------------------------------------------------------------------------------------

    /** A resolved contact a demo response may be about. */
    public record Resolved(String source, String externalId, String employeeNo, String category, @Nullable Integer rating,
                           Instant resolvedAt) {
    }

    /** The resolved contacts created in [from, to), in id order, streamed (the demo answers some of them). */
    public void forEachResolved(Instant from, Instant to, Consumer<Resolved> out) {
        try (Connection c = db.readConnection(); PreparedStatement ps = c.prepareStatement("select i.source, i.external_id, "
                + "a.employee_no, i.category, i.rating, i.resolved_at from interaction i join agent a on a.id = i.agent_id "
                + "where i.created_at >= ? and i.created_at < ? and i.resolved_at is not null order by i.id")) {
            db.streamResults(ps);
            ps.setObject(1, utc(from));
            ps.setObject(2, utc(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object rating = rs.getObject(5);
                    out.accept(new Resolved(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rating == null ? null : ((Number) rating).intValue(), instant(rs.getObject(6, LocalDateTime.class))));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read resolved interactions", e);
        }
    }

    /** Whether any survey row exists (the demo loads responses once). */
    public boolean isEmpty() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select 1 from survey limit 1");
             ResultSet rs = ps.executeQuery()) {
            return !rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the survey table", e);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private interface Chunk {
        void run(@Nullable List<Long> ids) throws SQLException;
    }

    private static void chunked(@Nullable Collection<Long> agentIds, Chunk work) {
        try {
            if (agentIds == null) {
                work.run(null);
                return;
            }
            List<Long> ids = List.copyOf(agentIds);
            for (int start = 0; start < ids.size(); start += IN_CHUNK) {
                work.run(ids.subList(start, Math.min(ids.size(), start + IN_CHUNK)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read survey figures", e);
        }
    }

    private static String agentFilter(String column, @Nullable List<Long> ids) {
        return ids == null ? "" : " and " + column + " in (" + "?,".repeat(ids.size() - 1) + "?)";
    }

    /** Binds from, to and the agent ids; returns the next parameter index. */
    private static int bindRange(PreparedStatement ps, Instant from, Instant to, @Nullable List<Long> ids) throws SQLException {
        ps.setObject(1, utc(from));
        ps.setObject(2, utc(to));
        int p = 3;
        if (ids != null) {
            for (Long id : ids) {
                ps.setLong(p++, id);
            }
        }
        return p;
    }

    private static String likeEscaped(String s) {
        return s.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    /**
     * An instant as a UTC datetime parameter, sent as text to the microsecond (mysql-connector-j drops the fraction of
     * a LocalDateTime when talking to MariaDB; see {@link com.servicecoach.database.StoredTimes#set}).
     */
    static String utc(Instant instant) {
        return com.servicecoach.database.StoredTimes.text(com.servicecoach.database.StoredTimes.micros(instant));
    }

    /** A stored UTC datetime as the same kind of parameter. */
    static String utc(LocalDateTime stored) {
        return com.servicecoach.database.StoredTimes.text(stored);
    }

    @Nullable
    static Instant instant(@Nullable LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    // ---- import --------------------------------------------------------------------------------------------------

    /**
     * An id for a new import of responses, recorded with each response it stores: one more than the highest
     * recorded so far (imports of this process run one at a time, so each gets its own).
     */
    long nextImportId() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select coalesce(max(import_id), 0) + 1 from survey"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot number a survey import", e);
        }
    }
}
