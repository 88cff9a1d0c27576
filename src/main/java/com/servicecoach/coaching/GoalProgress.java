package com.servicecoach.coaching;

import com.servicecoach.account.Viewer;
import com.servicecoach.scorecard.ScorecardService;
import com.servicecoach.scoring.Gaps;
import com.servicecoach.scoring.Goals;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.scoring.Scorecard;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A goal's figure from the scorecards ({@link ScorecardService#agentPart}, counted as {@link Gaps#counted} counts
 * it) and its progress: over the session's date to today while the goal is open, to the goal's date once that has
 * passed. A goal closed by the follow-up job answers with its stored outcome and counts; one whose date has passed
 * but that is not stored yet is computed the same way the job will, so pages are right before the job runs.
 */
@Singleton
class GoalProgress {

    private final ScorecardService scorecards;

    GoalProgress(ScorecardService scorecards) {
        this.scorecards = scorecards;
    }

    /** The goal's figure, as successes of n, over the agent's interactions from..to (org-zone dates, inclusive). */
    Gaps.Counted count(Viewer viewer, String employeeNo, CoachingAction a, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return new Gaps.Counted(a.goalFigure(), a.goalSliceKind(), a.goalSlice(), 0, 0);
        }
        Scorecard card = scorecards.agentPart(viewer, employeeNo, from, to, a.goalSliceKind(), a.goalSlice());
        return Gaps.counted(card, a.goalSliceKind(), a.goalSlice()).stream()
                .filter(c -> c.figure().equals(a.goalFigure())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no figure " + a.goalFigure()));
    }

    /** The goal of action {@code a} (of a session held on {@code heldOn}) as of {@code today}. */
    CoachingService.GoalView of(Viewer viewer, String employeeNo, LocalDate heldOn, CoachingAction a, LocalDate today) {
        boolean closed = a.pastDue(today);
        LocalDate to = closed ? a.dueOn() : today;
        long successes;
        long n;
        String outcome;
        if (a.goalClosedAt() != null) {
            successes = a.goalSuccesses();
            n = a.goalN();
            outcome = a.goalOutcome();
        } else {
            Gaps.Counted c = count(viewer, employeeNo, a, heldOn, to);
            successes = c.successes();
            n = c.n();
            outcome = closed ? Goals.outcome(successes, n, a.goalTarget()) : null;
        }
        return new CoachingService.GoalView(a.goalFigure(), a.goalSliceKind(), a.goalSlice(), a.goalTarget(), heldOn, to,
                successes, n, Rounding.percent(successes, n), Goals.reached(successes, n, a.goalTarget()), closed || a.goalClosedAt() != null,
                outcome, a.goalClosedAt() == null ? null : a.goalClosedAt().toInstant(ZoneOffset.UTC));
    }
}
