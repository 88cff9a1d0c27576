package com.servicecoach.impact;

import com.servicecoach.interaction.FactRow;
import com.servicecoach.interaction.InteractionStore;
import com.servicecoach.interaction.Rollups;
import com.servicecoach.scoring.BusinessCalendar;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.DailyRates;
import com.servicecoach.scoring.Durations;
import com.servicecoach.scoring.LongList;
import com.servicecoach.scoring.Sla;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.scoring.Tally;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.training.content.Addressed;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every agent's daily counts of the figures modules address, over a range of days, read in one pass: figures
 * overall or on a channel from the stored days (when they are current, else from the rows), figures on a category
 * from the rows of those categories (the stored days keep no categories). Counts follow metrics.md exactly: SLA met
 * out of met + breached, an open contact breached from the first day at whose evaluation its calendar time exceeds
 * the target; CSAT ratings of 7+ out of ratings.
 */
@Singleton
class ImpactRates {

    private final InteractionStore store;
    private final Rollups rollups;

    ImpactRates(InteractionStore store, Rollups rollups) {
        this.store = store;
        this.rollups = rollups;
    }

    /** For each figure asked, each agent with data: its daily counts over first..last. */
    Map<Addressed, Map<Long, DailyRates>> read(Set<Addressed> figures, List<Long> agentIds, LocalDate first, LocalDate last,
                                             ScoringSettingsService.Current current, Instant now) {
        ScoringSettings settings = current.settings();
        ZoneId zone = settings.orgZone();
        Counter counter = new Counter(figures, first, last, settings, now);
        List<Addressed> plain = figures.stream().filter(f -> f.category() == null).toList();
        Instant start = first.atStartOfDay(zone).toInstant();
        Instant end = last.plusDays(1).atStartOfDay(zone).toInstant();
        if (rollups.current(current)) {
            // the stored days keep every case type, so figures on a channel or a category are counted from them
            List<Addressed> all = List.copyOf(figures);
            store.days(agentIds, first, last, (agent, day, bytes) -> counter.day(agent, day, Tally.decode(bytes), all));
        } else {
            Set<Long> known = new java.util.HashSet<>(agentIds);
            store.streamFacts(null, start, end, row -> {
                if (known.contains(row.agentId())) {
                    counter.row(row, plain);
                }
            });
        }
        return counter.rates;
    }

    /** Adds records to the figures' counts. */
    private static final class Counter {

        final Map<Addressed, Map<Long, DailyRates>> rates = new HashMap<>();
        final List<Addressed> categorized = new ArrayList<>();
        final LocalDate first;
        final LocalDate last;
        final ScoringSettings settings;
        final ZoneId zone;
        final Instant now;

        Counter(Set<Addressed> figures, LocalDate first, LocalDate last, ScoringSettings settings, Instant now) {
            figures.forEach(f -> rates.put(f, new HashMap<>()));
            figures.stream().filter(f -> f.category() != null).forEach(categorized::add);
            this.first = first;
            this.last = last;
            this.settings = settings;
            this.zone = settings.orgZone();
            this.now = now;
        }

        DailyRates of(Addressed figure, long agent) {
            return rates.get(figure).computeIfAbsent(agent, a -> new DailyRates(first, last));
        }

        /** A stored day of an agent, for the figures overall, on a channel or on a category. */
        void day(long agent, LocalDate day, Tally tally, List<Addressed> figures) {
            for (Addressed f : figures) {
                tally.forEach((ch, cat, pri, cell) -> {
                    if ((f.channel() != null && !f.channel().equals(ch.code())) || (f.category() != null && !f.category().equals(cat.code()))) {
                        return;
                    }
                    switch (f.figure()) {
                        case "first_response_sla" -> sla(of(f, agent), day, ch, cell.firstResponses(), cell.unanswered(),
                                settings.targets(ch, cat, pri).firstResponse().seconds());
                        case "resolution_sla" -> sla(of(f, agent), day, ch, cell.resolutions(), cell.unresolved(),
                                settings.targets(ch, cat, pri).resolution().seconds());
                        case "csat" -> {
                            int satisfied = 0;
                            int rated = 0;
                            for (int r = 1; r <= 10; r++) {
                                rated += cell.ratings(r);
                                satisfied += r >= 7 ? cell.ratings(r) : 0;
                            }
                            if (rated > 0) {
                                of(f, agent).add(day, satisfied, rated);
                            }
                        }
                        default -> throw new IllegalStateException("no daily counts for " + f.figure());
                    }
                });
            }
        }

        private void sla(DailyRates rates, LocalDate day, Channel c, Durations done, LongList open, long target) {
            int met = (int) done.countAtMost(target);
            if (done.size() > 0) {
                rates.add(day, met, (int) done.size());
            }
            for (int i = 0; i < open.size(); i++) {
                rates.addOpen(day, breachedFrom(Tally.instant(open.get(i)), day, settings.calendar(c), target));
            }
        }

        /** A row, for the figures on its category and (when the stored days are not current) the others too. */
        void row(FactRow row, List<Addressed> plain) {
            Channel c = row.facts().channel();
            LocalDate day = LocalDate.ofInstant(row.facts().createdAt(), zone);
            Tally.Contribution k = Tally.Contribution.of(row.facts(), settings.calendar(c));
            for (Addressed f : categorized) {
                if (f.category().equals(row.category())) {
                    add(of(f, row.agentId()), f, k, day);
                }
            }
            for (Addressed f : plain) {
                if (f.channel() == null || f.channel().equals(c.code())) {
                    add(of(f, row.agentId()), f, k, day);
                }
            }
        }

        private void add(DailyRates rates, Addressed f, Tally.Contribution k, LocalDate day) {
            Channel c = k.channel();
            switch (f.figure()) {
                case "first_response_sla" -> {
                    if (k.handled()) {
                        closedOrOpen(rates, day, c, k.firstResponseSeconds(), k,
                                settings.targets(c, k.category(), k.priority()).firstResponse().seconds());
                    }
                }
                case "resolution_sla" -> {
                    if (k.owned()) {
                        closedOrOpen(rates, day, c, k.resolutionSeconds(), k,
                                settings.targets(c, k.category(), k.priority()).resolution().seconds());
                    }
                }
                case "csat" -> {
                    if (k.handled() && k.rating10() != null) {
                        rates.add(day, k.rating10() >= 7 ? 1 : 0, 1);
                    }
                }
                default -> throw new IllegalStateException("no daily counts for " + f.figure());
            }
        }

        private void closedOrOpen(DailyRates rates, LocalDate day, Channel c, Long seconds, Tally.Contribution k, long target) {
            if (seconds != null) {
                rates.add(day, seconds <= target ? 1 : 0, 1);
            } else {
                rates.addOpen(day, breachedFrom(Tally.instant(k.createdNanos()), day, settings.calendar(c), target));
            }
        }

        /**
         * The first day from {@code day} to the last of the range at whose evaluation an open contact is breached
         * (its calendar time then exceeds the target), or null: the state only grows from pending to breached, so
         * the day is found by halving.
         */
        LocalDate breachedFrom(Instant created, LocalDate day, BusinessCalendar calendar, long target) {
            if (!breached(created, last, calendar, target)) {
                return null;
            }
            LocalDate lo = day;
            LocalDate hi = last;
            while (lo.isBefore(hi)) {
                LocalDate mid = lo.plusDays(java.time.temporal.ChronoUnit.DAYS.between(lo, hi) / 2);
                if (breached(created, mid, calendar, target)) {
                    hi = mid;
                } else {
                    lo = mid.plusDays(1);
                }
            }
            return lo;
        }

        private boolean breached(Instant created, LocalDate evaluatedDay, BusinessCalendar calendar, long target) {
            Instant evaluation = Sla.evaluationInstant(evaluatedDay, zone, now);
            return evaluation.isAfter(created) && calendar.openSeconds(created, evaluation) > target;
        }
    }
}
