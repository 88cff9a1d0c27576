package com.servicecoach.scoring;

import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Targets per case type (metrics.md "Targets per case type"): rules that give a first-response target, a
 * resolution target or both, for a category, a priority, or a channel with either or both. For a contact each
 * target is resolved separately from the first rule, in the order of {@link Rule#rank()}, that gives it:
 * (channel, category, priority), (category, priority), (channel, priority), (priority), (channel, category),
 * (category), then the channel's own target. With no rules every target is the channel's.
 */
public final class CaseTargets {

    /** Where a resolved target came from, most specific first; {@code CHANNEL} is the channel's own target. */
    public enum Source {
        CHANNEL_CATEGORY_PRIORITY, CATEGORY_PRIORITY, CHANNEL_PRIORITY, PRIORITY, CHANNEL_CATEGORY, CATEGORY, CHANNEL
    }

    /**
     * One rule: the case type it matches (channel optional; a category, a priority or both) and the targets it
     * gives, in seconds on the channel's calendar (null: this rule does not give that target).
     */
    public record Rule(@Nullable Channel channel, @Nullable Category category, @Nullable Priority priority,
                       @Nullable Long firstResponseSeconds, @Nullable Long resolutionSeconds) {
        public Rule {
            if (category == null && priority == null) {
                throw new IllegalArgumentException("a case-type rule names a category, a priority or both");
            }
            if (firstResponseSeconds == null && resolutionSeconds == null) {
                throw new IllegalArgumentException("a case-type rule gives a first-response target, a resolution target or both");
            }
            if ((firstResponseSeconds != null && firstResponseSeconds < 0) || (resolutionSeconds != null && resolutionSeconds < 0)) {
                throw new IllegalArgumentException("targets must not be negative");
            }
        }

        /** Its place in the order of precedence. */
        public Source rank() {
            if (priority != null) {
                if (category != null) {
                    return channel != null ? Source.CHANNEL_CATEGORY_PRIORITY : Source.CATEGORY_PRIORITY;
                }
                return channel != null ? Source.CHANNEL_PRIORITY : Source.PRIORITY;
            }
            return channel != null ? Source.CHANNEL_CATEGORY : Source.CATEGORY;
        }

        boolean matches(Channel ch, Category cat, Priority pri) {
            return (channel == null || channel == ch) && (category == null || category == cat) && (priority == null || priority == pri);
        }

        /** Whether this rule names the same case type as {@code other}. */
        public boolean sameCase(Rule other) {
            return channel == other.channel && category == other.category && priority == other.priority;
        }
    }

    /** A resolved target and the rule it came from ({@code rule} null for the channel's own target). */
    public record Resolved(long seconds, Source source, @Nullable Rule rule) {
    }

    /** Both resolved targets of a case type. */
    public record Applied(Resolved firstResponse, Resolved resolution) {
    }

    private static final CaseTargets NONE = new CaseTargets(List.of());

    private final List<Rule> rules;

    private CaseTargets(List<Rule> rules) {
        this.rules = rules;
    }

    public static CaseTargets none() {
        return NONE;
    }

    /** The rules, at most one per case type. */
    public static CaseTargets of(List<Rule> rules) {
        Objects.requireNonNull(rules, "rules are required");
        List<Rule> copy = new ArrayList<>();
        for (Rule r : rules) {
            if (copy.stream().anyMatch(r::sameCase)) {
                throw new IllegalArgumentException("two rules for the same case type " + describe(r));
            }
            copy.add(r);
        }
        return copy.isEmpty() ? NONE : new CaseTargets(List.copyOf(copy));
    }

    public List<Rule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** The targets that apply to a contact of this channel, category and priority, given the channel's own. */
    public Applied resolve(Channel channel, Category category, Priority priority, ScoringSettings.SlaTargets channelTargets) {
        Resolved frt = new Resolved(channelTargets.firstResponseSeconds(), Source.CHANNEL, null);
        Resolved res = new Resolved(channelTargets.resolutionSeconds(), Source.CHANNEL, null);
        for (Rule r : rules) {
            if (!r.matches(channel, category, priority)) {
                continue;
            }
            if (r.firstResponseSeconds() != null && r.rank().compareTo(frt.source()) < 0) {
                frt = new Resolved(r.firstResponseSeconds(), r.rank(), r);
            }
            if (r.resolutionSeconds() != null && r.rank().compareTo(res.source()) < 0) {
                res = new Resolved(r.resolutionSeconds(), r.rank(), r);
            }
        }
        return new Applied(frt, res);
    }

    /** A rule's case type in words, e.g. "email / return_refund / urgent", "any channel / complaint". */
    public static String describe(Rule r) {
        return (r.channel() == null ? "any channel" : r.channel().code())
                + (r.category() == null ? "" : " / " + r.category().code())
                + (r.priority() == null ? "" : " / " + r.priority().code());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CaseTargets c && c.rules.equals(rules);
    }

    @Override
    public int hashCode() {
        return rules.hashCode();
    }

    @Override
    public String toString() {
        return "CaseTargets" + rules;
    }
}
