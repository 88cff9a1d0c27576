package com.servicecoach.report.building;

import com.servicecoach.report.ReportTestData;
import com.servicecoach.report.thresholds.Thresholds;
import com.servicecoach.scoring.Scorecard;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.InteractionFacts;
import com.servicecoach.scoring.ScorecardCalculator;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.settings.SettingsDocument;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Scorecards as a report shows them, computed by the scorecard's own calculator from chats made to order in
 * March 2026 (default settings: chat targets 60 s and 24 h, min-rated 10), evaluated long after the month, so
 * nothing is pending. And HR's thresholds from text.
 */
final class Cards {

    static final ScoringSettings SETTINGS = ScoringSettings.defaults();
    static final ScoringSettingsService.Current CURRENT = new ScoringSettingsService.Current(0, "0123456789abcdef", SETTINGS,
            new SettingsDocument(0, "0123456789abcdef", null, null, "Asia/Shanghai", 10, null, null));

    private Cards() {
    }

    /**
     * {@code contacts} chats: the first {@code answeredInTime} answered in 10 s (the others in 120 s, breaching
     * the 60 s target), the first {@code resolvedInTime} resolved in 10 minutes (the others in 25 hours), the first
     * {@code rated} rated, {@code satisfied} of them 9 and the rest 3; knowledge % as given (null: none).
     */
    static Scorecard card(int contacts, int answeredInTime, int resolvedInTime, int rated, int satisfied, String knowledge) {
        List<InteractionFacts> facts = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            Instant t = ReportTestData.at("2026-03-02T10:00:00").plusSeconds(i);
            facts.add(new InteractionFacts(Channel.CHAT, t, t.plusSeconds(i < answeredInTime ? 10 : 120),
                    t.plusSeconds(i < resolvedInTime ? 600 : 25 * 3600), i >= rated ? null : i < satisfied ? 9 : 3));
        }
        return ScorecardCalculator.compute(facts, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), SETTINGS,
                knowledge == null ? null : new BigDecimal(knowledge), Instant.parse("2026-06-01T00:00:00Z"))
                .withSettings(CURRENT.version(), CURRENT.hash());
    }

    /** {@code rated} rated chats, all resolved in time; the {@code satisfied} ones (rated 9) also answered in time. */
    static Scorecard card(int rated, int satisfied) {
        return card(rated, satisfied, rated, rated, satisfied, null);
    }

    static Thresholds limits(String csat, String firstResponse, String resolution, String knowledge) {
        return new Thresholds(1, decimal(csat), decimal(firstResponse), decimal(resolution), decimal(knowledge), null, null, null, null);
    }

    /** Only the relative flags: the bottom share of the ranking, the points below the team. */
    static Thresholds relative(String bottomPercent, String belowTeamPoints) {
        return new Thresholds(1, null, null, null, null, null, null, decimal(bottomPercent), decimal(belowTeamPoints));
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
