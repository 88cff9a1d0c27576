package com.servicecoach.quality;

import com.servicecoach.database.Database;
import com.servicecoach.database.StoredTimes;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The quality reviews' SQL (V70): reviews and their marks, the review queue and its sampling rules, calibration
 * sessions, and the figures' reads. Times are stored in UTC; review dates in the organization's zone.
 */
@Singleton
class QaStore {

    static final int IN_CHUNK = 500;

    private final Database db;

    QaStore(Database db) {
        this.db = db;
    }

    // ---- reviews ---------------------------------------------------------------------------------

    /** A stored review. {@code earned}/{@code possible} are those of its counting revision (null possible: every criterion N/A). */
    record Review(long id, String key, long interactionId, long agentId, String rubricCode, int rubricVersion, String reviewer,
                  @Nullable Long calibrationId, String state, @Nullable Integer earned, @Nullable Integer possible,
                  boolean criticalFailed, @Nullable String remark, Instant createdAt, Instant updatedAt,
                  @Nullable Instant submittedAt, @Nullable LocalDate reviewDate, @Nullable String disputeReason,
                  @Nullable Instant disputedAt, @Nullable String resolution, @Nullable String resolutionNote,
                  @Nullable String resolvedBy, @Nullable Instant resolvedAt) {

        /** The revision whose marks count: 1 after a dispute resolved by changing the review, else 0. */
        int countingRevision() {
            return QualityReviews.CHANGED.equals(resolution) ? 1 : 0;
        }
    }

    /** One criterion's mark: points null = N/A. */
    record Answer(String criterion, @Nullable Integer points, int maxPoints, boolean critical, @Nullable String note) {
    }

    private static final String REVIEW_COLUMNS = "r.id, r.review_key, r.interaction_id, r.agent_id, r.rubric_code, r.rubric_version,"
            + " r.reviewer, r.calibration_id, r.state, r.earned, r.possible, r.critical_failed, r.remark, r.created_at, r.updated_at,"
            + " r.submitted_at, r.review_date, r.dispute_reason, r.disputed_at, r.resolution, r.resolution_note, r.resolved_by,"
            + " r.resolved_at";

    private static Review review(ResultSet rs) throws SQLException {
        long cal = rs.getLong(8);
        Long calibration = rs.wasNull() ? null : cal;
        java.sql.Date date = rs.getDate(17);
        return new Review(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getInt(6), rs.getString(7),
                calibration, rs.getString(9), (Integer) intOrNull(rs, 10), (Integer) intOrNull(rs, 11), rs.getBoolean(12),
                rs.getString(13), instant(rs, 14), instant(rs, 15), instant(rs, 16), date == null ? null : date.toLocalDate(),
                rs.getString(18), instant(rs, 19), rs.getString(20), rs.getString(21), rs.getString(22), instant(rs, 23));
    }

    Optional<Review> review(long id) {
        return one("select " + REVIEW_COLUMNS + " from qa_review r where r.id = ?", id);
    }

    Optional<Review> reviewByKey(String key) {
        return one("select " + REVIEW_COLUMNS + " from qa_review r where r.review_key = ?", key);
    }

    private Optional<Review> one(String sql, Object param) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(review(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read a review", e);
        }
    }

    /** A new draft; empty when a review with this key exists already (then the caller reads that one). */
    Optional<Long> insertDraft(String key, long interactionId, long agentId, String rubricCode, int rubricVersion, String reviewer,
                               @Nullable Long calibrationId, Instant now) {
        String sql = "insert into qa_review (review_key, interaction_id, agent_id, rubric_code, rubric_version, reviewer, calibration_id,"
                + " state, critical_failed, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 'draft', false, ?, ?)";
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, key);
            ps.setLong(2, interactionId);
            ps.setLong(3, agentId);
            ps.setString(4, rubricCode);
            ps.setInt(5, rubricVersion);
            ps.setString(6, reviewer);
            if (calibrationId == null) {
                ps.setNull(7, Types.BIGINT);
            } else {
                ps.setLong(7, calibrationId);
            }
            ps.setObject(8, utc(now));
            ps.setObject(9, utc(now));
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return Optional.of(rs.getLong(1));
            }
        } catch (java.sql.SQLIntegrityConstraintViolationException e) {
            return Optional.empty();
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState()) || "23000".equals(e.getSQLState())) {
                return Optional.empty();
            }
            throw failed("store a review", e);
        }
    }

    /** What a save changes on a review: its marks of one revision and its totals, state and times. */
    record Change(String state, @Nullable Integer earned, @Nullable Integer possible, boolean criticalFailed, @Nullable String remark,
                  @Nullable Instant submittedAt, @Nullable LocalDate reviewDate, @Nullable String disputeReason,
                  @Nullable Instant disputedAt, @Nullable String resolution, @Nullable String resolutionNote,
                  @Nullable String resolvedBy, @Nullable Instant resolvedAt) {
        static Change of(Review r) {
            return new Change(r.state(), r.earned(), r.possible(), r.criticalFailed(), r.remark(), r.submittedAt(), r.reviewDate(),
                    r.disputeReason(), r.disputedAt(), r.resolution(), r.resolutionNote(), r.resolvedBy(), r.resolvedAt());
        }
    }

    /**
     * Saves a review's change, and the marks of {@code revision} when given, in one transaction, if the review is still in
     * {@code expectedState} (false when it is not: someone changed it meanwhile, nothing is written).
     */
    boolean save(long id, String expectedState, Change ch, @Nullable Integer revision, @Nullable List<Answer> answers, Instant now) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("update qa_review set state = ?, earned = ?, possible = ?, critical_failed = ?,"
                        + " remark = ?, submitted_at = ?, review_date = ?, dispute_reason = ?, disputed_at = ?, resolution = ?,"
                        + " resolution_note = ?, resolved_by = ?, resolved_at = ?, updated_at = ? where id = ? and state = ?")) {
                    ps.setString(1, ch.state());
                    setInt(ps, 2, ch.earned());
                    setInt(ps, 3, ch.possible());
                    ps.setBoolean(4, ch.criticalFailed());
                    ps.setString(5, ch.remark());
                    ps.setObject(6, utc(ch.submittedAt()));
                    ps.setObject(7, ch.reviewDate());
                    ps.setString(8, ch.disputeReason());
                    ps.setObject(9, utc(ch.disputedAt()));
                    ps.setString(10, ch.resolution());
                    ps.setString(11, ch.resolutionNote());
                    ps.setString(12, ch.resolvedBy());
                    ps.setObject(13, utc(ch.resolvedAt()));
                    ps.setObject(14, utc(now));
                    ps.setLong(15, id);
                    ps.setString(16, expectedState);
                    if (ps.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
                if (revision != null && answers != null) {
                    try (PreparedStatement del = c.prepareStatement("delete from qa_answer where review_id = ? and revision = ?")) {
                        del.setLong(1, id);
                        del.setInt(2, revision);
                        del.executeUpdate();
                    }
                    try (PreparedStatement ins = c.prepareStatement("insert into qa_answer (review_id, revision, criterion, points,"
                            + " max_points, critical, note) values (?, ?, ?, ?, ?, ?, ?)")) {
                        for (Answer a : answers) {
                            ins.setLong(1, id);
                            ins.setInt(2, revision);
                            ins.setString(3, a.criterion());
                            setInt(ins, 4, a.points());
                            ins.setInt(5, a.maxPoints());
                            ins.setBoolean(6, a.critical());
                            ins.setString(7, a.note());
                            ins.addBatch();
                        }
                        ins.executeBatch();
                    }
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed("save a review", e);
        }
    }

    /** A review's marks by revision (0 as submitted, 1 as changed on a dispute), in stored order of criteria. */
    Map<Integer, List<Answer>> answers(long reviewId) {
        Map<Integer, List<Answer>> out = new HashMap<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select revision, criterion, points, max_points, critical, note from qa_answer where review_id = ?")) {
            ps.setLong(1, reviewId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new Answer(rs.getString(2), (Integer) intOrNull(rs, 3), rs.getInt(4), rs.getBoolean(5), rs.getString(6)));
                }
            }
        } catch (SQLException e) {
            throw failed("read a review's marks", e);
        }
        return out;
    }

    /** The reviews (drafts included) of one interaction outside calibration, with every calibration copy, oldest first. */
    List<Review> reviewsOfInteraction(long interactionId) {
        List<Review> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select " + REVIEW_COLUMNS + " from qa_review r where r.interaction_id = ? order by r.id")) {
            ps.setLong(1, interactionId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(review(rs));
                }
            }
        } catch (SQLException e) {
            throw failed("read reviews", e);
        }
        return out;
    }

    /** What the review list shows of a review: the review and its conversation's agent, team, channel and times. */
    record Listed(Review review, String employeeNo, String agentName, String team, String channel, String category,
                  String source, String externalId, Instant contactCreatedAt) {
    }

    /** The review list's filters; the scopes null = no restriction. */
    record Find(@Nullable Set<Long> scopeAgentIds, @Nullable Set<Long> scopeTeamIds, @Nullable Long agentId, @Nullable Long teamId,
                @Nullable String state, @Nullable String reviewer, @Nullable LocalDate from, @Nullable LocalDate to,
                @Nullable String criterion, boolean draftsOfOthers, @Nullable String viewer) {
    }

    static final Map<String, String> REVIEW_SORTS = Map.of(
            "updated", "r.updated_at %1$s, r.id %1$s",
            "date", "r.review_date %1$s, r.id %1$s",
            "agent", "a.employee_no %1$s, r.id desc",
            "score", "case when r.critical_failed then 0 when r.possible is null or r.possible = 0 then -1"
                    + " else r.earned * 100.0 / r.possible end %1$s, r.id desc",
            "state", "r.state %1$s, r.id desc");

    private static final String LIST_FROM = " from qa_review r join agent a on a.id = r.agent_id join team t on t.id = a.team_id"
            + " join interaction i on i.id = r.interaction_id";

    /** A page of reviews outside calibration, newest change first by default, and how many there are. */
    com.servicecoach.web.PageResponse<Listed> list(Find f, String sort, boolean ascending, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder w = new StringBuilder(" where r.calibration_id is null");
        if (f.scopeAgentIds() != null) {
            in(w, "r.agent_id", f.scopeAgentIds(), params);
        }
        if (f.scopeTeamIds() != null) {
            in(w, "a.team_id", f.scopeTeamIds(), params);
        }
        if (f.agentId() != null) {
            w.append(" and r.agent_id = ?");
            params.add(f.agentId());
        }
        if (f.teamId() != null) {
            w.append(" and a.team_id = ?");
            params.add(f.teamId());
        }
        if (f.state() != null) {
            w.append(" and r.state = ?");
            params.add(f.state());
        }
        if (!f.draftsOfOthers()) {
            // a draft is its reviewer's until submitted
            w.append(" and (r.state <> 'draft' or r.reviewer = ?)");
            params.add(f.viewer());
        }
        if (f.reviewer() != null) {
            w.append(" and r.reviewer = ?");
            params.add(f.reviewer());
        }
        if (f.from() != null) {
            w.append(" and r.review_date >= ?");
            params.add(f.from());
        }
        if (f.to() != null) {
            w.append(" and r.review_date <= ?");
            params.add(f.to());
        }
        if (f.criterion() != null) {
            // reviews on which the criterion failed, in their counting revision
            w.append(" and exists (select 1 from qa_answer x where x.review_id = r.id and x.criterion = ? and x.points < x.max_points"
                    + " and x.revision = case when r.resolution = 'changed' then 1 else 0 end)");
            params.add(f.criterion());
        }
        String order = " order by " + String.format(java.util.Locale.ROOT, REVIEW_SORTS.get(sort), ascending ? "asc" : "desc");
        try (Connection c = db.readConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*)" + LIST_FROM + w)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Listed> content = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select " + REVIEW_COLUMNS + ", a.employee_no, a.name, t.name, i.channel,"
                    + " i.category, i.source, i.external_id, i.created_at, i.created_ns" + LIST_FROM + w + order + " limit ? offset ?")) {
                bind(ps, params);
                ps.setInt(params.size() + 1, size);
                ps.setLong(params.size() + 2, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        content.add(new Listed(review(rs), rs.getString(24), rs.getString(25), rs.getString(26), rs.getString(27),
                                rs.getString(28), rs.getString(29), rs.getString(30), StoredTimes.read(rs, 31, 32)));
                    }
                }
            }
            return new com.servicecoach.web.PageResponse<>(content, page, size, total);
        } catch (SQLException e) {
            throw failed("list reviews", e);
        }
    }

    // ---- figures ----------------------------------------------------------------------------------

    /** Receives one counting review: its agent, points earned and possible (null: every criterion N/A), a failed critical criterion. */
    interface ScoreSink {
        void accept(long agentId, @Nullable Integer earned, @Nullable Integer possible, boolean criticalFailed);
    }

    private static final String COUNTING = " r.calibration_id is null and r.state <> 'draft' and r.review_date >= ? and r.review_date <= ?";

    /** Every counting review of these agents dated in the period (from..to inclusive), streamed. */
    void scores(Collection<Long> agentIds, LocalDate from, LocalDate to, ScoreSink sink) {
        forChunks(agentIds, (c, chunk) -> {
            StringBuilder sql = new StringBuilder("select r.agent_id, r.earned, r.possible, r.critical_failed from qa_review r where" + COUNTING);
            List<Object> params = new ArrayList<>(List.of(from, to));
            in(sql, "r.agent_id", chunk, params);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                db.streamResults(ps);
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(rs.getLong(1), (Integer) intOrNull(rs, 2), (Integer) intOrNull(rs, 3), rs.getBoolean(4));
                    }
                }
            }
        });
    }

    /** One agent's applicable and failed marks of one criterion of one rubric, over the counting reviews of a period. */
    record CriterionCount(long agentId, String rubric, String criterion, long applicable, long failed) {
    }

    List<CriterionCount> criterionCounts(Collection<Long> agentIds, LocalDate from, LocalDate to) {
        List<CriterionCount> out = new ArrayList<>();
        forChunks(agentIds, (c, chunk) -> {
            StringBuilder sql = new StringBuilder("select r.agent_id, r.rubric_code, x.criterion, count(*),"
                    + " sum(case when x.points < x.max_points then 1 else 0 end) from qa_review r join qa_answer x on x.review_id = r.id"
                    + " and x.revision = case when r.resolution = 'changed' then 1 else 0 end and x.points is not null where" + COUNTING);
            List<Object> params = new ArrayList<>(List.of(from, to));
            in(sql, "r.agent_id", chunk, params);
            sql.append(" group by r.agent_id, r.rubric_code, x.criterion");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new CriterionCount(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
                    }
                }
            }
        });
        return out;
    }

    // ---- the queue --------------------------------------------------------------------------------

    /** The sampling rules. */
    record Sampling(int randomPerWeek, int targetedPerWeek, boolean lowRating, boolean slaBreached, boolean complaint,
                    boolean surveyRemark, @Nullable Instant updatedAt, @Nullable String updatedBy) {
    }

    Sampling sampling() {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select random_per_week, targeted_per_week,"
                + " low_rating, sla_breached, complaint, survey_remark, updated_at, updated_by from qa_sampling where id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Sampling(2, 3, true, true, true, true, null, null);
            }
            return new Sampling(rs.getInt(1), rs.getInt(2), rs.getBoolean(3), rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6),
                    instant(rs, 7), rs.getString(8));
        } catch (SQLException e) {
            throw failed("read the sampling rules", e);
        }
    }

    void saveSampling(Sampling s, String by, Instant now) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("update qa_sampling set random_per_week = ?,"
                + " targeted_per_week = ?, low_rating = ?, sla_breached = ?, complaint = ?, survey_remark = ?, updated_at = ?,"
                + " updated_by = ? where id = 1")) {
            ps.setInt(1, s.randomPerWeek());
            ps.setInt(2, s.targetedPerWeek());
            ps.setBoolean(3, s.lowRating());
            ps.setBoolean(4, s.slaBreached());
            ps.setBoolean(5, s.complaint());
            ps.setBoolean(6, s.surveyRemark());
            ps.setObject(7, utc(now));
            ps.setString(8, by);
            if (ps.executeUpdate() == 0) {
                try (PreparedStatement ins = c.prepareStatement("insert into qa_sampling (random_per_week, targeted_per_week, low_rating,"
                        + " sla_breached, complaint, survey_remark, updated_at, updated_by, id) values (?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
                    ins.setInt(1, s.randomPerWeek());
                    ins.setInt(2, s.targetedPerWeek());
                    ins.setBoolean(3, s.lowRating());
                    ins.setBoolean(4, s.slaBreached());
                    ins.setBoolean(5, s.complaint());
                    ins.setBoolean(6, s.surveyRemark());
                    ins.setObject(7, utc(now));
                    ins.setString(8, by);
                    ins.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failed("save the sampling rules", e);
        }
    }

    /** A contact that could be sampled: a conversation with a transcript, of one agent, in the week. */
    record Candidate(long id, long agentId, String channel, String category, String priority, @Nullable Integer rating,
                     Instant createdAt, @Nullable Instant firstResponseAt, @Nullable Instant resolvedAt, boolean remark) {
    }

    interface CandidateSink {
        void accept(Candidate c);
    }

    /**
     * The contacts handled by these agents created in [from, to) that have a transcript and are not in the queue yet,
     * streamed in id order, with whether the customer's survey carries a remark.
     */
    void candidates(Collection<Long> agentIds, Instant from, Instant to, CandidateSink sink) {
        forChunks(agentIds, (c, chunk) -> {
            StringBuilder sql = new StringBuilder("select i.id, i.agent_id, i.channel, i.category, i.priority, i.rating, i.created_at,"
                    + " i.created_ns, i.first_response_at, i.first_response_ns, i.resolved_at, i.resolved_ns,"
                    + " (select count(*) from survey s where s.interaction_id = i.id and s.remark is not null and s.remark <> '')"
                    + " from interaction i join interaction_transcript tr on tr.external_id = i.external_id and tr.source = i.source"
                    + " where i.created_at >= ? and i.created_at < ?"
                    + " and not exists (select 1 from qa_queue q where q.interaction_id = i.id)");
            List<Object> params = new ArrayList<>(List.of(utc(from), utc(to)));
            in(sql, "i.agent_id", chunk, params);
            sql.append(" order by i.id");
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                db.streamResults(ps);
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Candidate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                (Integer) intOrNull(rs, 6), StoredTimes.read(rs, 7, 8), StoredTimes.read(rs, 9, 10),
                                StoredTimes.read(rs, 11, 12), rs.getLong(13) > 0));
                    }
                }
            }
        });
    }

    /** How many random and targeted conversations each of these agents has in the queue for the week: agent id to {random, targeted}. */
    Map<Long, int[]> queuedCounts(Collection<Long> agentIds, LocalDate week) {
        Map<Long, int[]> out = new HashMap<>();
        forChunks(agentIds, (c, chunk) -> {
            StringBuilder sql = new StringBuilder("select agent_id, reasons from qa_queue where week = ?");
            List<Object> params = new ArrayList<>(List.of(week));
            in(sql, "agent_id", chunk, params);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int[] n = out.computeIfAbsent(rs.getLong(1), k -> new int[2]);
                        if (rs.getString(2).startsWith(QueueSampler.RANDOM)) {
                            n[0]++;
                        } else {
                            n[1]++;
                        }
                    }
                }
            }
        });
        return out;
    }

    /** A conversation put into the queue. */
    record Queued(long interactionId, long agentId, LocalDate week, String reasons) {
    }

    /** Adds these to the queue; one already there (another sampling got it first) is left as it is. Answers how many were added. */
    int enqueue(List<Queued> rows, Instant now) {
        int added = 0;
        try (Connection c = db.connection()) {
            for (Queued q : rows) {
                try (PreparedStatement ps = c.prepareStatement("insert into qa_queue (interaction_id, agent_id, week, reasons, state, created_at)"
                        + " values (?, ?, ?, ?, 'open', ?)")) {
                    ps.setLong(1, q.interactionId());
                    ps.setLong(2, q.agentId());
                    ps.setObject(3, q.week());
                    ps.setString(4, q.reasons());
                    ps.setObject(5, utc(now));
                    added += ps.executeUpdate();
                } catch (SQLException e) {
                    if (!isDuplicate(e)) {
                        throw e;
                    }
                }
            }
        } catch (SQLException e) {
            throw failed("add to the review queue", e);
        }
        return added;
    }

    /** A queue entry as the queue page shows it, with its review when one was started. */
    record QueueRow(long interactionId, long agentId, String employeeNo, String agentName, String team, LocalDate week, String reasons,
                    String state, String channel, String category, @Nullable Integer rating, Instant createdAt,
                    @Nullable Long reviewId, @Nullable String reviewState, @Nullable String reviewer) {
    }

    /** A page of the queue of agents of these teams (null: all), open entries by default, oldest week first. */
    com.servicecoach.web.PageResponse<QueueRow> queue(@Nullable Set<Long> teamIds, @Nullable Long agentId, @Nullable String state,
                                                     @Nullable String reason, @Nullable LocalDate week, boolean ascending, int page, int size) {
        List<Object> params = new ArrayList<>();
        StringBuilder w = new StringBuilder(" where 1 = 1");
        if (teamIds != null) {
            in(w, "a.team_id", teamIds, params);
        }
        if (agentId != null) {
            w.append(" and q.agent_id = ?");
            params.add(agentId);
        }
        if (state != null) {
            w.append(" and q.state = ?");
            params.add(state);
        }
        if (reason != null) {
            w.append(" and (q.reasons = ? or q.reasons like ? or q.reasons like ? or q.reasons like ?)");
            params.addAll(List.of(reason, reason + ",%", "%," + reason, "%," + reason + ",%"));
        }
        if (week != null) {
            w.append(" and q.week = ?");
            params.add(week);
        }
        String from = " from qa_queue q join agent a on a.id = q.agent_id join team t on t.id = a.team_id"
                + " join interaction i on i.id = q.interaction_id left join qa_review r on r.review_key = concat('r:', q.interaction_id)";
        String dir = ascending ? "asc" : "desc";
        try (Connection c = db.readConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*)" + from + w)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<QueueRow> content = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select q.interaction_id, q.agent_id, a.employee_no, a.name, t.name, q.week,"
                    + " q.reasons, q.state, i.channel, i.category, i.rating, i.created_at, i.created_ns, r.id, r.state, r.reviewer" + from + w
                    + " order by q.week " + dir + ", a.employee_no, q.interaction_id limit ? offset ?")) {
                bind(ps, params);
                ps.setInt(params.size() + 1, size);
                ps.setLong(params.size() + 2, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long rid = rs.getLong(14);
                        Long reviewId = rs.wasNull() ? null : rid;
                        content.add(new QueueRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                                (Integer) intOrNull(rs, 11), StoredTimes.read(rs, 12, 13), reviewId, rs.getString(15), rs.getString(16)));
                    }
                }
            }
            return new com.servicecoach.web.PageResponse<>(content, page, size, total);
        } catch (SQLException e) {
            throw failed("read the review queue", e);
        }
    }

    /** The queue entry of an interaction, if it was sampled: its state. */
    Optional<String> queueState(long interactionId) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select state from qa_queue where interaction_id = ?")) {
            ps.setLong(1, interactionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read the review queue", e);
        }
    }

    /** Sets a queue entry's state (done when reviewed, skipped by a reviewer, open again); false when it is not in the queue. */
    boolean setQueueState(long interactionId, String state, @Nullable String by) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "update qa_queue set state = ?, skipped_by = ? where interaction_id = ?")) {
            ps.setString(1, state);
            ps.setString(2, by);
            ps.setLong(3, interactionId);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failed("update the review queue", e);
        }
    }

    // ---- calibration ------------------------------------------------------------------------------

    record Session(long id, String title, String rubricCode, String createdBy, Instant createdAt, @Nullable Instant revealedAt) {
    }

    record Invitee(String username, @Nullable Instant submittedAt) {
    }

    long createSession(String title, String rubric, String by, List<Long> interactionIds, Collection<String> reviewers, Instant now) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                long id;
                try (PreparedStatement ps = c.prepareStatement("insert into qa_calibration (title, rubric_code, created_by, created_at)"
                        + " values (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                    ps.setString(1, title);
                    ps.setString(2, rubric);
                    ps.setString(3, by);
                    ps.setObject(4, utc(now));
                    ps.executeUpdate();
                    try (ResultSet rs = ps.getGeneratedKeys()) {
                        rs.next();
                        id = rs.getLong(1);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("insert into qa_calibration_item (calibration_id, interaction_id, position)"
                        + " values (?, ?, ?)")) {
                    int pos = 0;
                    for (Long i : interactionIds) {
                        ps.setLong(1, id);
                        ps.setLong(2, i);
                        ps.setInt(3, pos++);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                try (PreparedStatement ps = c.prepareStatement("insert into qa_calibration_reviewer (calibration_id, username) values (?, ?)")) {
                    for (String u : reviewers) {
                        ps.setLong(1, id);
                        ps.setString(2, u);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed("create a calibration session", e);
        }
    }

    Optional<Session> session(long id) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select id, title, rubric_code, created_by, created_at, revealed_at from qa_calibration where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(session(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failed("read a calibration session", e);
        }
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5), instant(rs, 6));
    }

    private static final String SESSIONS_OF = " where s.created_by = ? or exists (select 1 from qa_calibration_reviewer v"
            + " where v.calibration_id = s.id and v.username = ?)";

    /** A page of the sessions a user created or is invited to (every session for null), newest first, and how many there are. */
    com.servicecoach.web.PageResponse<Session> sessions(@Nullable String username, int page, int size) {
        String where = username == null ? "" : SESSIONS_OF;
        List<Session> out = new ArrayList<>();
        try (Connection c = db.connection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("select count(*) from qa_calibration s" + where)) {
                if (username != null) {
                    ps.setString(1, username);
                    ps.setString(2, username);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select id, title, rubric_code, created_by, created_at, revealed_at"
                    + " from qa_calibration s" + where + " order by s.created_at desc, s.id desc limit ? offset ?")) {
                int i = 1;
                if (username != null) {
                    ps.setString(i++, username);
                    ps.setString(i++, username);
                }
                ps.setInt(i++, size);
                ps.setLong(i, (long) page * size);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(session(rs));
                    }
                }
            }
            return new com.servicecoach.web.PageResponse<>(out, page, size, total);
        } catch (SQLException e) {
            throw failed("list calibration sessions", e);
        }
    }

    List<Long> sessionItems(long id) {
        List<Long> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select interaction_id from qa_calibration_item where calibration_id = ? order by position")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw failed("read a calibration session", e);
        }
        return out;
    }

    List<Invitee> invitees(long id) {
        List<Invitee> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select username, submitted_at from qa_calibration_reviewer where calibration_id = ? order by username")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Invitee(rs.getString(1), instant(rs, 2)));
                }
            }
        } catch (SQLException e) {
            throw failed("read a calibration session", e);
        }
        return out;
    }

    /** Whether any calibration session the user is invited to holds the interaction. */
    boolean invitedTo(String username, long interactionId) {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("select count(*) from qa_calibration_item i"
                + " join qa_calibration_reviewer v on v.calibration_id = i.calibration_id where v.username = ? and i.interaction_id = ?")) {
            ps.setString(1, username);
            ps.setLong(2, interactionId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw failed("read calibration sessions", e);
        }
    }

    /**
     * Marks a reviewer's scores of a session submitted (their drafts of it become submitted copies, which never count); the
     * session is revealed when every invitee has submitted. The session's row is locked first, so that of two last
     * submissions at once one sees the other's and reveals. False when the reviewer had submitted already.
     */
    boolean submitCalibration(long id, String username, Instant now) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("select id from qa_calibration where id = ? for update")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            c.rollback();
                            return false;
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("update qa_review set state = 'submitted', submitted_at = ?, updated_at = ?"
                        + " where calibration_id = ? and reviewer = ? and state = 'draft'")) {
                    ps.setObject(1, utc(now));
                    ps.setObject(2, utc(now));
                    ps.setLong(3, id);
                    ps.setString(4, username);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("update qa_calibration_reviewer set submitted_at = ?"
                        + " where calibration_id = ? and username = ? and submitted_at is null")) {
                    ps.setObject(1, utc(now));
                    ps.setLong(2, id);
                    ps.setString(3, username);
                    if (ps.executeUpdate() != 1) {
                        c.rollback();
                        return false;
                    }
                }
                boolean all;
                try (PreparedStatement ps = c.prepareStatement("select count(*) from qa_calibration_reviewer where calibration_id = ?"
                        + " and submitted_at is null")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        all = rs.getLong(1) == 0;
                    }
                }
                if (all) {
                    try (PreparedStatement ps = c.prepareStatement("update qa_calibration set revealed_at = ? where id = ? and revealed_at is null")) {
                        ps.setObject(1, utc(now));
                        ps.setLong(2, id);
                        ps.executeUpdate();
                    }
                }
                c.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failed("submit calibration scores", e);
        }
    }

    /** Every review of a calibration session with its counting marks. */
    Map<Review, List<Answer>> sessionReviews(long id) {
        Map<Review, List<Answer>> out = new LinkedHashMap<>();
        List<Review> reviews = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "select " + REVIEW_COLUMNS + " from qa_review r where r.calibration_id = ? order by r.reviewer, r.interaction_id")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reviews.add(review(rs));
                }
            }
        } catch (SQLException e) {
            throw failed("read a calibration session", e);
        }
        for (Review r : reviews) {
            out.put(r, answers(r.id()).getOrDefault(0, List.of()));
        }
        return out;
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private interface ChunkQuery {
        void run(Connection c, List<Long> chunk) throws SQLException;
    }

    private void forChunks(Collection<Long> ids, ChunkQuery q) {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> list = new ArrayList<>(new HashSet<>(ids));
        list.sort(null);
        try (Connection c = db.readConnection()) {
            for (int from = 0; from < list.size(); from += IN_CHUNK) {
                q.run(c, list.subList(from, Math.min(list.size(), from + IN_CHUNK)));
            }
        } catch (SQLException e) {
            throw failed("read reviews", e);
        }
    }

    private static void in(StringBuilder sql, String column, Collection<Long> ids, List<Object> params) {
        if (ids.isEmpty()) {
            sql.append(" and 1 = 0");
            return;
        }
        sql.append(" and ").append(column).append(" in (").append("?,".repeat(ids.size() - 1)).append("?)");
        params.addAll(ids);
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private static void setInt(PreparedStatement ps, int i, @Nullable Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static @Nullable Object intOrNull(ResultSet rs, int i) throws SQLException {
        int v = rs.getInt(i);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Instant instant(ResultSet rs, int i) throws SQLException {
        LocalDateTime t = rs.getObject(i, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    private static @Nullable LocalDateTime utc(@Nullable Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static boolean isDuplicate(SQLException e) {
        return e instanceof java.sql.SQLIntegrityConstraintViolationException || "23505".equals(e.getSQLState())
                || "23000".equals(e.getSQLState());
    }

    private static IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("Cannot " + what + ": " + e.getMessage(), e);
    }
}
