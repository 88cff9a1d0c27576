package com.servicecoach.demo;

import com.servicecoach.account.Role;
import com.servicecoach.account.Viewer;
import com.servicecoach.csv.CsvCells;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.survey.SurveyDefinition;
import com.servicecoach.survey.SurveyImport;
import com.servicecoach.survey.SurveyLinks;
import com.servicecoach.survey.SurveyStore;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Demo survey responses: in the {@code demo} environment, once the demo interactions are stored and before any survey
 * exists, responses to about a fifth of the resolved contacts of the three months, imported through the ordinary
 * survey import, plus open links for the last week's unanswered contacts. The patterns are the reference survey's:
 * communication weak, product quality and price behind, logistics and problem solving good, and one agent (A004)
 * poor on attitude.
 */
@Singleton
@Requires(env = "demo")
@Order(30)
class DemoSurveys implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSurveys.class);
    static final long SEED = 20260402L;
    /** The share of resolved contacts whose customer answered the survey. */
    static final double ANSWERED = 0.2;
    /** The agent whose customers find their attitude poor. */
    static final String POOR_ATTITUDE = "A004";

    /** Each dimension's offset from the contact's own rating (points on 1-10). */
    static final Map<String, Double> OFFSETS = Map.of("attitude", -0.3, "product_quality", -1.2, "price", -1.0,
            "complaint_handling", -0.9, "problem_solving", 0.5, "return_handling", -0.4, "improvement", -0.6,
            "communication", -2.1, "logistics", 0.4);

    static final String[] REMARKS = {
            "The parcel took ten days and nobody told me why.", "Answer was polite but did not solve my problem.",
            "I had to explain the same thing three times.", "Refund arrived quickly, thank you.",
            "The agent did not understand my question.", "Product broke after a week.", "Too expensive for this quality.",
            "快递太慢了，客服也没有主动通知。", "客服回复很快，问题解决了。", "退货流程太复杂。", "沟通不顺畅，答非所问。",
            "产品质量一般，价格偏高。"};

    private final SurveyStore store;
    private final SurveyImport imports;
    private final SurveyLinks links;
    private final ScoringSettingsService settings;
    private final Clock clock;

    DemoSurveys(SurveyStore store, SurveyImport imports, SurveyLinks links, ScoringSettingsService settings, Clock clock) {
        this.store = store;
        this.imports = imports;
        this.links = links;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!store.isEmpty()) {
            return;
        }
        ZoneId zone = settings.current().settings().orgZone();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate first = today.minusMonths(3).plusDays(1);
        List<String> codes = SurveyDefinition.reference().codes();
        StringBuilder csv = new StringBuilder("source,external_id,answered_at,remark," + String.join(",", codes) + "\n");
        Random random = new Random(SEED);
        int[] rows = {0};
        store.forEachResolved(first.atStartOfDay(zone).toInstant(), today.minusDays(7).atStartOfDay(zone).toInstant(), c -> {
            if (random.nextDouble() >= ANSWERED) {
                return;
            }
            rows[0]++;
            Instant answered = c.resolvedAt().plusSeconds(3600L + random.nextInt(3 * 86_400));
            csv.append(c.source()).append(',').append(c.externalId()).append(',').append(answered.isAfter(now) ? now : answered)
                    .append(',').append(random.nextDouble() < 0.1 ? CsvCells.figure(REMARKS[random.nextInt(REMARKS.length)]) : "");
            double base = c.rating() == null ? 7.4 : 0.6 * c.rating() + 3.0;
            // about one response in twelve leaves a company-driven question or two unanswered
            boolean partial = random.nextDouble() < 1.0 / 12;
            for (String code : codes) {
                csv.append(',');
                if (partial && (code.equals("price") || code.equals("improvement")) && random.nextBoolean()) {
                    continue;
                }
                double mean = base + OFFSETS.get(code);
                if (code.equals("attitude") && c.employeeNo().equals(POOR_ATTITUDE)) {
                    mean -= 3.5;
                }
                if (code.equals("return_handling") && !c.category().equals("return_refund") && random.nextDouble() < 0.08) {
                    continue;
                }
                csv.append(Math.round(Math.max(1, Math.min(10, mean + random.nextGaussian() * 1.7))));
            }
            csv.append('\n');
        });
        Viewer system = new Viewer("demo", Role.ADMIN, null);
        SurveyImport.Result r = imports.run(system, new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8, null);
        int issued = links.issue(system, today.minusDays(6), today, "zh");
        LOG.info("Loaded demo surveys: {} responses ({} rejected), {} open links", r.inserted(), r.rejected(), issued);
    }
}
