package com.servicecoach.promise;

import com.servicecoach.scoring.CaseTargets;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Priority;
import com.servicecoach.scoring.ScoringSettings;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * When an open contact must be resolved (metrics.md "Service level", "Targets per case type"): its resolution target
 * is the first rule of the settings that gives one for its channel, category and priority (else the channel's own),
 * measured on the channel's calendar from its creation; it is overdue once that instant is not after now.
 *
 * @param dueAt   the instant the target runs out ({@link com.servicecoach.scoring.BusinessCalendar#dueAt})
 * @param overdue {@code dueAt <= now}
 * @param targetSeconds the resolution target, in seconds on the channel's calendar
 * @param source  which rule gave the target ({@link CaseTargets.Source#CHANNEL}: the channel's own)
 * @param rule    that rule, null for the channel's own target
 */
public record Due(Instant dueAt, boolean overdue, long targetSeconds, CaseTargets.Source source, @Nullable CaseTargets.Rule rule) {

    public static Due of(ScoringSettings settings, Channel channel, Category category, Priority priority, Instant createdAt,
                         Instant now) {
        CaseTargets.Resolved target = settings.targets(channel, category, priority).resolution();
        Instant due = settings.calendar(channel).dueAt(createdAt, target.seconds());
        return new Due(due, !due.isAfter(now), target.seconds(), target.source(), target.rule());
    }

    /** Overdue, or due within {@code window} from now. */
    public boolean dueWithin(Instant now, Duration window) {
        return overdue || !dueAt.isAfter(now.plus(window));
    }

    /** The source as the API writes it, e.g. {@code category_priority}, {@code channel}. */
    public String sourceCode() {
        return source.name().toLowerCase(Locale.ROOT);
    }

    /** The rule's case type in words ("email / return_refund / urgent"), null for the channel's own target. */
    @Nullable
    public String ruleText() {
        return rule == null ? null : CaseTargets.describe(rule);
    }
}
