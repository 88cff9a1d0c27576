package com.servicecoach.quality;

import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.scoring.CaseTargets;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Priority;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.scoring.Sla;
import com.servicecoach.scoring.SlaState;
import com.servicecoach.settings.ScoringSettingsService;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fills the review queue for a week (Monday to Sunday in the organization's zone) by the sampling rules: for each agent,
 * up to {@code targeted-per-week} targeted conversations (the customer rated below 7, an SLA was breached, the category is
 * complaint, the survey carries a remark; the most reasons first, then the oldest), then {@code random-per-week} drawn at
 * random from the rest. Only conversations with a transcript are sampled, each at most once ever; sampling again tops
 * the week up to the counts (an agent's week already full is left as it is), so it can run as often as wanted.
 *
 * <p>Memory: a reservoir of {@code random-per-week} candidates and the targeted ones per agent, not the week's rows.
 */
@Singleton
class QueueSampler {

    static final String RANDOM = "random";
    static final String LOW_RATING = "low_rating";
    static final String SLA_BREACHED = "sla_breached";
    static final String COMPLAINT = "complaint";
    static final String SURVEY_REMARK = "survey_remark";
    static final List<String> REASONS = List.of(RANDOM, LOW_RATING, SLA_BREACHED, COMPLAINT, SURVEY_REMARK);

    private final QaStore store;
    private final AgentRepository agents;
    private final ScoringSettingsService settings;
    private final Clock clock;

    QueueSampler(QaStore store, AgentRepository agents, ScoringSettingsService settings, Clock clock) {
        this.store = store;
        this.agents = agents;
        this.settings = settings;
        this.clock = clock;
    }

    /** The organization's zone, in which weeks are counted. */
    ZoneId zone() {
        return settings.current().settings().orgZone();
    }

    /** The Monday of a day's week. */
    static LocalDate weekOf(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    /** What one sampling did. */
    record Result(LocalDate week, int agents, int random, int targeted) {
    }

    /** Samples the week of {@code day} for the agents of these teams; {@code seed} makes the draw repeatable in tests. */
    Result sample(Collection<Long> teamIds, LocalDate day, long seed) {
        LocalDate week = weekOf(day);
        ScoringSettings s = settings.current().settings();
        ZoneId zone = s.orgZone();
        Instant from = week.atStartOfDay(zone).toInstant();
        Instant to = week.plusDays(7).atStartOfDay(zone).toInstant();
        Instant now = clock.instant();
        Instant evaluation = to.isBefore(now) ? to : now;
        List<Long> ids = agents.findByTeamIdInOrderByEmployeeNo(teamIds).stream().map(Agent::id).toList();
        QaStore.Sampling rules = store.sampling();
        Map<Long, int[]> have = store.queuedCounts(ids, week);
        Map<Long, List<Pick>> targeted = new HashMap<>();
        Map<Long, Reservoir> random = new HashMap<>();
        Random rnd = new Random(seed);
        store.candidates(ids, from, to, c -> {
            int[] n = have.getOrDefault(c.agentId(), new int[2]);
            List<String> reasons = reasons(c, rules, s, evaluation);
            if (!reasons.isEmpty() && n[1] < rules.targetedPerWeek()) {
                List<Pick> list = targeted.computeIfAbsent(c.agentId(), k -> new ArrayList<>());
                list.add(new Pick(c.id(), String.join(",", reasons), reasons.size(), c.createdAt()));
                // keep only as many as may still be added: the most reasons, then the oldest
                list.sort((a, b) -> a.count() != b.count() ? Integer.compare(b.count(), a.count()) : a.createdAt().compareTo(b.createdAt()));
                if (list.size() > rules.targetedPerWeek() - n[1]) {
                    Pick dropped = list.remove(list.size() - 1);
                    offer(random, c.agentId(), dropped.id(), rules.randomPerWeek() - n[0], rnd);
                }
                return;
            }
            offer(random, c.agentId(), c.id(), rules.randomPerWeek() - n[0], rnd);
        });
        List<QaStore.Queued> rows = new ArrayList<>();
        int[] counts = new int[2];
        targeted.forEach((agent, picks) -> picks.forEach(p -> {
            rows.add(new QaStore.Queued(p.id(), agent, week, p.reasons()));
            counts[1]++;
        }));
        random.forEach((agent, r) -> r.picked().forEach(id -> {
            rows.add(new QaStore.Queued(id, agent, week, RANDOM));
            counts[0]++;
        }));
        store.enqueue(rows, now);
        return new Result(week, ids.size(), counts[0], counts[1]);
    }

    private record Pick(long id, String reasons, int count, Instant createdAt) {
    }

    private static void offer(Map<Long, Reservoir> random, long agent, long id, int room, Random rnd) {
        if (room > 0) {
            random.computeIfAbsent(agent, k -> new Reservoir(room)).offer(id, rnd);
        }
    }

    /** A uniform sample of {@code size} ids from a stream of unknown length (reservoir sampling). */
    static final class Reservoir {
        private final long[] ids;
        private long seen;

        Reservoir(int size) {
            this.ids = new long[size];
        }

        void offer(long id, Random rnd) {
            if (seen < ids.length) {
                ids[(int) seen] = id;
            } else {
                long j = (long) (rnd.nextDouble() * (seen + 1));
                if (j < ids.length) {
                    ids[(int) j] = id;
                }
            }
            seen++;
        }

        List<Long> picked() {
            List<Long> out = new ArrayList<>();
            for (int i = 0; i < Math.min(seen, ids.length); i++) {
                out.add(ids[i]);
            }
            return out;
        }
    }

    /** The targeted rules a conversation meets, in the rules' order. */
    static List<String> reasons(QaStore.Candidate c, QaStore.Sampling rules, ScoringSettings s, Instant evaluation) {
        List<String> out = new ArrayList<>();
        if (rules.lowRating() && c.rating() != null && c.rating() < 7) {
            out.add(LOW_RATING);
        }
        if (rules.slaBreached() && breached(c, s, evaluation)) {
            out.add(SLA_BREACHED);
        }
        if (rules.complaint() && Category.COMPLAINT.code().equals(c.category())) {
            out.add(COMPLAINT);
        }
        if (rules.surveyRemark() && c.remark()) {
            out.add(SURVEY_REMARK);
        }
        return out;
    }

    private static boolean breached(QaStore.Candidate c, ScoringSettings s, Instant evaluation) {
        Channel channel = Channel.fromCode(c.channel()).orElseThrow();
        CaseTargets.Applied t = s.targets(channel, Category.fromCode(c.category()).orElse(Category.OTHER),
                Priority.fromCode(c.priority()).orElse(Priority.NORMAL));
        return Sla.evaluate(c.createdAt(), c.firstResponseAt(), t.firstResponse().seconds(), s.calendar(channel), evaluation) == SlaState.BREACHED
                || Sla.evaluate(c.createdAt(), c.resolvedAt(), t.resolution().seconds(), s.calendar(channel), evaluation) == SlaState.BREACHED;
    }
}
