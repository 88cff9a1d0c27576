package com.servicecoach.demo;

import com.servicecoach.account.Role;
import com.servicecoach.account.User;
import com.servicecoach.account.UserRepository;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Team;
import com.servicecoach.agent.TeamRepository;
import com.servicecoach.interaction.InteractionService;
import com.servicecoach.interaction.InteractionView;
import com.servicecoach.interaction.TranscriptImport;
import com.servicecoach.csv.CsvCells;
import com.servicecoach.quality.Calibrations;
import com.servicecoach.quality.QualityReviews;
import com.servicecoach.quality.QualityViews;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo quality reviews: in the {@code demo} environment, once the demo interactions are stored and before any review queue
 * exists, conversations for about a third of the last four weeks' contacts (imported through the transcript import),
 * those weeks sampled into the review queue, and most of the older weeks' queue reviewed by the teams' supervisors. The
 * patterns: greetings without a name are common, A004's tone is weak, and one review is disputed and resolved.
 */
@Singleton
@Requires(env = "demo")
@Order(40)
class DemoQuality implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoQuality.class);
    static final long SEED = 20260501L;
    static final double WITH_TRANSCRIPT = 0.35;

    private static final String[][] OPENINGS = {
            {"Hello, where is my parcel? It should have arrived yesterday.", "Hi, thanks for waiting. Let me look up your order."},
            {"I want to return these shoes, they are too small.", "Sorry they don't fit. Returns are free within 30 days; I'll send you the label."},
            {"The blender I received is broken.", "I'm sorry about that. Could you send me a photo of the damage and your order number?"},
            {"Can I pay by instalments?", "Yes, at checkout choose instalments: 3 or 6 months without interest."},
            {"你好，我的快递三天没动了。", "您好，我是客服小李，我帮您查一下物流信息。"},
            {"收到的衣服颜色不对，想换货。", "非常抱歉给您带来不便，我马上为您办理换货。"}};
    private static final String[] CLOSINGS = {"Is there anything else I can help you with?", "还有其他可以帮您的吗？", ""};

    private final InteractionService interactions;
    private final TranscriptImport transcripts;
    private final QualityViews views;
    private final QualityReviews reviews;
    private final Calibrations calibrations;
    private final TeamRepository teams;
    private final UserRepository users;
    private final ScoringSettingsService settings;
    private final Clock clock;

    DemoQuality(InteractionService interactions, TranscriptImport transcripts, QualityViews views, QualityReviews reviews,
                Calibrations calibrations, TeamRepository teams, UserRepository users, ScoringSettingsService settings, Clock clock) {
        this.calibrations = calibrations;
        this.interactions = interactions;
        this.transcripts = transcripts;
        this.views = views;
        this.reviews = reviews;
        this.teams = teams;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Viewer admin = new Viewer("demo", Role.ADMIN, null);
        if (views.queue(admin, null, null, null, null, null, new Paging(0, 1, "week", true)).totalElements() > 0) {
            return;
        }
        ZoneId zone = settings.current().settings().orgZone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate from = today.minusWeeks(4);
        Random random = new Random(SEED);
        StringBuilder csv = new StringBuilder("source,external_id,transcript\n");
        int rows = 0;
        for (int page = 0; ; page++) {
            PageResponse<InteractionView> p = interactions.list(admin, new InteractionService.Filters(null, null, from.toString(),
                    today.toString(), null, null, null, null), new Paging(page, 1000, "createdAt", true));
            for (InteractionView i : p.content()) {
                if (random.nextDouble() < WITH_TRANSCRIPT) {
                    csv.append(i.source()).append(',').append(i.externalId()).append(',').append(CsvCells.figure(conversation(i, random)))
                            .append('\n');
                    rows++;
                }
            }
            if (p.content().size() < 1000) {
                break;
            }
        }
        TranscriptImport.Result imported = transcripts.run(admin, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, null);
        int queued = 0;
        for (int w = 1; w <= 4; w++) {
            QualityViews.Sampled s = views.sample(admin, null, today.minusWeeks(w).toString());
            queued += s.random() + s.targeted();
        }
        int reviewed = review(today, random);
        boolean calibrated = calibrate(random);
        LOG.info("Loaded demo quality reviews: {} of {} conversations imported, {} queued, {} reviewed{}", imported.summary().inserted(),
                rows, queued, reviewed, calibrated ? ", one calibration session revealed" : "");
    }

    private static String conversation(InteractionView i, Random random) {
        String[] open = OPENINGS[random.nextInt(OPENINGS.length)];
        String time = i.createdAt().toString().substring(11, 16);
        StringBuilder t = new StringBuilder();
        t.append('[').append(time).append("] customer: ").append(open[0]).append('\n');
        t.append('[').append(time).append("] agent: ").append(open[1]).append('\n');
        t.append("customer: ").append(random.nextBoolean() ? "OK, thank you." : "好的，谢谢。").append('\n');
        String closing = CLOSINGS[random.nextInt(CLOSINGS.length)];
        if (!closing.isEmpty()) {
            t.append("agent: ").append(closing).append('\n');
        }
        return t.toString();
    }

    /** Reviews about three quarters of the queue of the weeks before last by the agents' supervisors; one is disputed and resolved. */
    private int review(LocalDate today, Random random) {
        int reviewed = 0;
        boolean disputed = false;
        for (Team team : teams.findAllOrderByName()) {
            if (team.supervisor() == null) {
                continue;
            }
            Viewer supervisor = new Viewer(team.supervisor(), Role.SUPERVISOR, null);
            PageResponse<QualityViews.QueueEntry> queue = views.queue(supervisor, team.name(), null, "open", null, null,
                    new Paging(0, 200, "week", true));
            for (QualityViews.QueueEntry q : queue.content()) {
                if (!q.week().isBefore(today.minusWeeks(1).with(java.time.DayOfWeek.MONDAY)) || random.nextDouble() > 0.75) {
                    continue;
                }
                long id = reviews.start(supervisor, q.interactionId());
                reviews.save(supervisor, id, marks(q, random), random.nextDouble() < 0.3 ? "Good handling overall." : null, true);
                reviewed++;
                if (!disputed) {
                    User agent = users.findByEmployeeNo(q.agent()).orElse(null);
                    if (agent != null && agent.role() == Role.AGENT) {
                        Viewer a = new Viewer(agent.username(), Role.AGENT, q.agent());
                        reviews.dispute(a, id, "The customer was upset about the delivery, which I could not change.");
                        reviews.resolve(supervisor, id, QualityReviews.UPHELD, "The tone still needed more empathy.", null);
                        disputed = true;
                    }
                }
            }
        }
        return reviewed;
    }

    /**
     * One calibration session, revealed: the first team's supervisor picks three of the team's reviewed chats and
     * scores them blind with every other supervisor, each with their own leniency, so that the agreement figures
     * have something to show.
     */
    private boolean calibrate(Random random) {
        List<Team> led = teams.findAllOrderByName().stream().filter(t -> t.supervisor() != null).toList();
        if (led.size() < 2) {
            return false;
        }
        Viewer owner = new Viewer(led.get(0).supervisor(), Role.SUPERVISOR, null);
        List<QualityViews.QueueEntry> chats = views.queue(owner, led.get(0).name(), null, "done", null, null,
                new Paging(0, 50, "week", true)).content().stream().filter(q -> "chat".equals(q.channel())).limit(3).toList();
        if (chats.size() < 2) {
            return false;
        }
        List<String> reviewers = led.stream().map(Team::supervisor).distinct().toList();
        long id = calibrations.create(owner, "Chat calibration: greetings and tone", "chat",
                chats.stream().map(q -> String.valueOf(q.interactionId())).toList(), reviewers);
        for (String reviewer : reviewers) {
            Viewer v = new Viewer(reviewer, Role.SUPERVISOR, null);
            for (QualityViews.QueueEntry q : chats) {
                calibrations.score(v, id, q.interactionId(), marks(q, random));
            }
            calibrations.submit(v, id);
        }
        return true;
    }

    private static List<QualityReviews.MarkInput> marks(QualityViews.QueueEntry q, Random random) {
        boolean email = "email".equals(q.channel());
        List<QualityReviews.MarkInput> out = new ArrayList<>();
        Map<String, Integer> max = email
                ? Map.of("subject-greeting", 5, "every-question-answered", 20, "accurate-information", 15, "policy-compliance", 15,
                "privacy", 10, "tone", 10, "structure-readability", 10, "next-step-timeline", 10, "signature", 5)
                : Map.of("greeting", 5, "understood-issue", 15, "accurate-information", 20, "identity-verified", 10,
                "policy-followed", 15, "tone-empathy", 10, "next-steps", 15, "closing", 10);
        boolean weakTone = "A004".equals(q.agent());
        max.forEach((code, points) -> {
            boolean critical = code.equals("identity-verified") || code.equals("policy-followed") || code.equals("policy-compliance")
                    || code.equals("privacy");
            if (critical) {
                if (!code.equals("privacy") && random.nextDouble() < 0.4) {
                    out.add(new QualityReviews.MarkInput(code, null, true, null));
                } else {
                    out.add(new QualityReviews.MarkInput(code, random.nextDouble() < 0.04 ? 0 : points, false, null));
                }
                return;
            }
            int given = points;
            if ((code.equals("greeting") || code.equals("subject-greeting")) && random.nextDouble() < 0.45) {
                given = points - 2;
            } else if ((code.equals("tone-empathy") || code.equals("tone")) && (weakTone ? random.nextDouble() < 0.7 : random.nextDouble() < 0.1)) {
                given = points / 2;
            } else if (random.nextDouble() < 0.12) {
                given = Math.max(0, points - 1 - random.nextInt(Math.max(1, points / 3)));
            }
            out.add(new QualityReviews.MarkInput(code, given, false, given < points && random.nextBoolean() ? "See the conversation." : null));
        });
        return out;
    }
}
