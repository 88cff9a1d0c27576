package com.servicecoach.quality;

import com.servicecoach.scoring.Channel;
import com.servicecoach.training.content.Localized;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A QA rubric (scorecard) for reviewing real customer conversations on some channels, read from
 * {@code training-content/qa/<code>.yml} (see training-content/README.md).
 *
 * @param code        equals the file name without {@code .yml}
 * @param version     raised when the rubric changes in substance
 * @param title       the rubric's name
 * @param description what the rubric is for; null when the file gives none
 * @param channels    the channels whose conversations it reviews (a channel belongs to one rubric at most)
 * @param passTarget  percent: a criterion whose pass rate is credibly below it is a gap for an agent
 * @param criteria    at least one, in file order, codes unique
 * @param file        the file it was read from, e.g. {@code training-content/qa/chat.yml}
 */
public record QaRubric(String code, int version, Localized title, Localized description, List<Channel> channels,
                       int passTarget, List<QaCriterion> criteria, String file) {

    public QaRubric {
        channels = List.copyOf(channels);
        criteria = List.copyOf(criteria);
    }

    /** The criterion with this code. */
    public Optional<QaCriterion> criterion(String code) {
        return criteria.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    /** The points of every criterion together: what a conversation scoring full marks gets. */
    public int maxPoints() {
        return criteria.stream().mapToInt(QaCriterion::points).sum();
    }

    /** Whether the rubric reviews conversations on this channel. */
    public boolean reviews(Channel channel) {
        return channels.contains(channel);
    }

    /** The channel codes, e.g. {@code [chat, social]}, for pages and JSON. */
    public List<String> channelCodes() {
        return channels.stream().map(Channel::code).toList();
    }

    /** The critical (pass/fail) criteria. */
    public List<QaCriterion> criticalCriteria() {
        return criteria.stream().filter(QaCriterion::critical).toList();
    }

    /** The title in the given language (English when there is no Chinese). */
    public String titleIn(Locale locale) {
        return title.in(locale);
    }

    /** The description in the given language; null when the rubric has none. */
    public String descriptionIn(Locale locale) {
        return description == null ? null : description.in(locale);
    }
}
