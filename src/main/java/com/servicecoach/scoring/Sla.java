package com.servicecoach.scoring;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The SLA rule of metrics.md ("Service level (SLA)"): met when done and the calendar time is at most the
 * target; breached when done later, or when not done and the calendar time from creation to the
 * evaluation instant exceeds the target; otherwise pending. A stored completion counts however late.
 */
public final class Sla {

    private Sla() {
    }

    /**
     * The state of one interaction against one target.
     *
     * @param created           created_at
     * @param doneAt            first_response_at or resolved_at; null while not done
     * @param targetSeconds     the target, in seconds on {@code calendar}
     * @param calendar          the channel's calendar
     * @param evaluationInstant see {@link #evaluationInstant}
     */
    public static SlaState evaluate(Instant created, Instant doneAt, long targetSeconds, BusinessCalendar calendar,
                                    Instant evaluationInstant) {
        Objects.requireNonNull(created, "created is required");
        Objects.requireNonNull(calendar, "calendar is required");
        if (doneAt != null) {
            return classify(true, calendar.openSeconds(created, doneAt), targetSeconds);
        }
        Objects.requireNonNull(evaluationInstant, "evaluation instant is required");
        return classify(false, calendar.openSeconds(created, evaluationInstant), targetSeconds);
    }

    /**
     * The state from an already measured duration: the whole calendar seconds until completion when
     * {@code done}, else until the evaluation instant.
     */
    public static SlaState classify(boolean done, long calendarSeconds, long targetSeconds) {
        if (done) {
            return calendarSeconds <= targetSeconds ? SlaState.MET : SlaState.BREACHED;
        }
        return calendarSeconds > targetSeconds ? SlaState.BREACHED : SlaState.PENDING;
    }

    /** The end of the period (00:00 of the day after {@code to} in the organization's zone), or now if earlier. */
    public static Instant evaluationInstant(LocalDate to, ZoneId orgZone, Instant now) {
        Instant periodEnd = to.plusDays(1).atStartOfDay(orgZone).toInstant();
        return now.isBefore(periodEnd) ? now : periodEnd;
    }
}
