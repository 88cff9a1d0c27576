package com.servicecoach.impact;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.AgentService;
import com.servicecoach.interaction.InteractionStore;
import com.servicecoach.scoring.DailyRates;
import com.servicecoach.scoring.Impact;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.training.Completion;
import com.servicecoach.training.CompletionRepository;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.training.content.Addressed;
import com.servicecoach.survey.SurveyService;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Training impact for supervisors and HR (metrics.md "Training impact", computed by {@link Impact}): for each
 * active module and each figure it addresses, the difference-in-differences around its agents' first completion
 * against the agents who had not completed it, over every agent of the organisation whoever asks. The trained
 * agents behind an estimate are named only where the reader may see them.
 */
@Singleton
public class ImpactService {

    /** One trained agent behind an estimate, rounded: named when the reader may see the agent, else {@code employeeNo} null. */
    @Serdeable
    public record TrainedView(@Nullable String employeeNo, @Nullable String name, LocalDate completedOn, BigDecimal before,
                              BigDecimal after, int controls, BigDecimal controlChange, BigDecimal difference) {
    }

    /**
     * An estimate as shown and serialized: percentages and points rounded as metrics.md rounds percentages (the
     * arithmetic was unrounded); {@code effect}, {@code low}, {@code high} null when there is not enough data.
     */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record ImpactView(String module, String title, String figure, @Nullable String channel, @Nullable String category,
                             boolean enoughData, @Nullable BigDecimal effect, @Nullable BigDecimal low, @Nullable BigDecimal high,
                             int trained, int controls, @Nullable BigDecimal trainedBefore, @Nullable BigDecimal trainedAfter,
                             @Nullable BigDecimal controlsBefore, @Nullable BigDecimal controlsAfter, List<TrainedView> agents) {

        /** helped (interval above 0), hurt (below 0), unclear (the interval holds 0), or none (not enough data). */
        public String verdict() {
            if (!enoughData) {
                return "none";
            }
            return low.signum() > 0 ? "helped" : high.signum() < 0 ? "hurt" : "unclear";
        }

        /** The slice the figure is narrowed to, or null. */
        @Nullable
        public String slice() {
            return channel != null ? channel : category;
        }
    }

    /** The analysis of a range: completion days in from..to, windows of {@code window} days, data up to {@code cutoff}. */
    @Serdeable
    public record Analysis(LocalDate from, LocalDate to, @Nullable LocalDate cutoff, int window, int minRated, List<ImpactView> modules) {
    }

    private final TrainingModuleRepository modules;
    private final CompletionRepository completions;
    private final AgentRepository agents;
    private final AgentService agentService;
    private final InteractionStore interactions;
    private final ImpactRates rates;
    private final ScoringSettingsService settings;
    private final Clock clock;

    private final SurveyService surveys;

    ImpactService(TrainingModuleRepository modules, CompletionRepository completions, AgentRepository agents,
                  AgentService agentService, InteractionStore interactions, ImpactRates rates, ScoringSettingsService settings,
                  Clock clock, SurveyService surveys) {
        this.surveys = surveys;
        this.modules = modules;
        this.completions = completions;
        this.agents = agents;
        this.agentService = agentService;
        this.interactions = interactions;
        this.rates = rates;
        this.settings = settings;
        this.clock = clock;
    }

    /** Supervisors, administrators and HR read training impact; agents do not. */
    public static boolean mayRead(Viewer viewer) {
        return !viewer.isAgent();
    }

    /**
     * Every active module's estimates (or only {@code moduleCode}'s) for completions in from..to.
     *
     * @throws ForbiddenException for an agent
     * @throws NotFoundException  for an unknown module
     */
    public Analysis analyse(Viewer viewer, LocalDate from, LocalDate to, @Nullable String moduleCode, Locale locale) {
        if (!mayRead(viewer)) {
            throw new ForbiddenException("training impact is for supervisors and HR");
        }
        List<TrainingModule> chosen = modules.findByActiveOrderByCode(true).stream()
                .filter(m -> moduleCode == null || m.code().equals(moduleCode)).filter(m -> !m.addressedList().isEmpty()).toList();
        if (moduleCode != null && chosen.isEmpty() && modules.findByCode(moduleCode).isEmpty()) {
            throw new NotFoundException("no module " + moduleCode);
        }
        return analyse(chosen, from, to, locale, agent -> agentService.canRead(viewer, agent));
    }

    /** The estimates of these modules, agents named where {@code named} allows (the HR report: all). */
    public Analysis analyse(List<TrainingModule> chosen, LocalDate from, LocalDate to, Locale locale,
                            java.util.function.Predicate<Agent> named) {
        ScoringSettingsService.Current current = settings.current();
        ZoneId zone = current.settings().orgZone();
        int window = Impact.DEFAULT_WINDOW;
        int minRated = current.settings().minRated();
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, zone);
        LocalDate cutoff = interactions.latestCreatedAt().map(t -> LocalDate.ofInstant(t, zone))
                .map(d -> d.isAfter(today) ? today : d).orElse(null);
        List<ImpactView> out = new ArrayList<>();
        if (cutoff == null || chosen.isEmpty()) {
            chosen.forEach(m -> m.addressedList().forEach(a -> out.add(empty(m, a, locale))));
            return new Analysis(from, to, cutoff, window, minRated, out);
        }
        LocalDate first = from.minusDays(window);
        LocalDate last = to.plusDays(window).isAfter(cutoff) ? cutoff : to.plusDays(window);
        if (last.isBefore(first)) {
            last = first;
        }
        // a module none of whose agents first completed it in the range (with its after window ended by the cut-off)
        // has no trained agent to measure: its figures are not read at all
        Map<Long, Map<Long, LocalDate>> firstCompletions = firstCompletions(chosen, zone);
        LocalDate lastCounted = cutoff;
        List<TrainingModule> measured = chosen.stream().filter(m -> firstCompletions.getOrDefault(m.id(), Map.of()).values().stream()
                .anyMatch(d -> !d.isBefore(from) && !d.isAfter(to) && !d.plusDays(window).isAfter(lastCounted))).toList();
        Set<Addressed> figures = new LinkedHashSet<>();
        measured.forEach(m -> figures.addAll(m.addressedList()));
        List<Agent> everyone = figures.isEmpty() ? List.of() : agents.findAllOrderByEmployeeNo();
        Map<Long, Agent> byId = new HashMap<>();
        everyone.forEach(a -> byId.put(a.id(), a));
        // figures of the interactions from their rollups or rows; survey dimensions from the answers
        List<Long> everyId = everyone.stream().map(Agent::id).toList();
        Set<Addressed> interactionFigures = new LinkedHashSet<>();
        figures.stream().filter(a -> a.surveyDimension() == null).forEach(interactionFigures::add);
        Map<Addressed, Map<Long, DailyRates>> daily = new HashMap<>(interactionFigures.isEmpty() ? Map.of()
                : rates.read(interactionFigures, everyId, first, last, current, now));
        for (Addressed a : figures) {
            if (a.surveyDimension() != null) {
                daily.put(a, surveys.dailyRates(a.surveyDimension(), a.channel(), a.category(), everyId, first, last));
            }
        }
        for (TrainingModule m : chosen) {
            if (!measured.contains(m)) {
                m.addressedList().forEach(a -> out.add(empty(m, a, locale)));
                continue;
            }
            Map<Long, LocalDate> completed = firstCompletions.getOrDefault(m.id(), Map.of());
            for (Addressed a : m.addressedList()) {
                Impact.Estimate e = Impact.estimate(daily.getOrDefault(a, Map.of()), completed,
                        new Impact.Question(from, to, cutoff, window, minRated, m.code()));
                out.add(view(m, a, e, locale, byId, named));
            }
        }
        return new Analysis(from, to, cutoff, window, minRated, out);
    }

    /** Each module's agents and their first completion day in the organisation's zone. */
    private Map<Long, Map<Long, LocalDate>> firstCompletions(List<TrainingModule> chosen, ZoneId zone) {
        Map<Long, Map<Long, LocalDate>> out = new HashMap<>();
        for (Completion c : completions.findByModuleIdIn(chosen.stream().map(TrainingModule::id).toList())) {
            LocalDate day = LocalDate.ofInstant(c.completedAt().toInstant(ZoneOffset.UTC), zone);
            out.computeIfAbsent(c.moduleId(), k -> new HashMap<>()).merge(c.agentId(), day, (x, y) -> x.isBefore(y) ? x : y);
        }
        return out;
    }

    private static ImpactView empty(TrainingModule m, Addressed a, Locale locale) {
        return new ImpactView(m.code(), m.title().in(locale), a.figure(), a.channel(), a.category(), false, null, null, null,
                0, 0, null, null, null, null, List.of());
    }

    static ImpactView view(TrainingModule m, Addressed a, Impact.Estimate e, Locale locale, Map<Long, Agent> byId,
                           java.util.function.Predicate<Agent> named) {
        List<TrainedView> trained = new ArrayList<>();
        for (Impact.Trained t : e.agents()) {
            Agent agent = byId.get(t.agentId());
            boolean shown = agent != null && named.test(agent);
            trained.add(new TrainedView(shown ? agent.employeeNo() : null, shown ? agent.name() : null, t.completedOn(),
                    Rounding.percent(t.before()), Rounding.percent(t.after()), t.controls(), Rounding.percent(t.controlChange()),
                    Rounding.percent(t.difference())));
        }
        return new ImpactView(m.code(), m.title().in(locale), a.figure(), a.channel(), a.category(), e.enough(),
                Rounding.percent(e.effect()), Rounding.percent(e.low()), Rounding.percent(e.high()), e.trained(), e.controls(),
                Rounding.percent(e.trainedBefore()), Rounding.percent(e.trainedAfter()), Rounding.percent(e.controlBefore()),
                Rounding.percent(e.controlAfter()), trained);
    }
}
