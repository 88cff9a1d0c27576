package com.servicecoach.report.building;

import com.servicecoach.report.ReportTestData;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.InteractionFacts;
import com.servicecoach.scoring.Tally;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The report's distribution of first-response times (its chart), on each channel's calendar. */
class FirstResponseBucketsTest {

    static InteractionFacts answered(Channel channel, String createdShanghai, long seconds) {
        Instant created = ReportTestData.at(createdShanghai);
        return new InteractionFacts(channel, created, created.plusSeconds(seconds), null, null);
    }

    @Test
    void firstResponseTimesFallIntoBucketsByTheirStartAndUnansweredOnesIntoNone() {
        List<InteractionFacts> facts = List.of(answered(Channel.CHAT, "2026-03-02T10:00:00", 0), answered(Channel.CHAT, "2026-03-02T10:00:00", 59),
                answered(Channel.CHAT, "2026-03-02T10:00:00", 60), answered(Channel.CHAT, "2026-03-02T10:00:00", 3599),
                answered(Channel.CHAT, "2026-03-02T10:00:00", 86_400), answered(Channel.PHONE, "2026-03-02T10:00:00", 900),
                // an email at 17:50 on Friday answered on Monday at 09:20: 30 business minutes, not 2.6 days
                answered(Channel.EMAIL, "2026-03-06T17:50:00", 2 * 86_400 + 15 * 3600 + 30 * 60),
                new InteractionFacts(Channel.CHAT, ReportTestData.at("2026-03-02T10:00:00"), null, null, 9));
        List<PerformanceReport.FrtBucket> buckets = PerformanceReportService.frtBuckets(Tally.of(facts, Cards.SETTINGS));
        assertEquals(List.of("under1m", "1to5m", "5to15m", "15to60m", "1to4h", "4to24h", "over24h"),
                buckets.stream().map(PerformanceReport.FrtBucket::key).toList());
        assertEquals(List.of(2, 1, 0, 3, 0, 0, 1), buckets.stream().map(PerformanceReport.FrtBucket::count).toList());
        assertEquals(900L, buckets.get(3).fromSeconds());
        assertEquals(3600L, buckets.get(3).toSeconds());
        assertNull(buckets.get(6).toSeconds(), "the last bucket has no upper end");
    }
}
