package com.servicecoach.gaps;

import com.servicecoach.account.Viewer;
import com.servicecoach.assessment.AttemptService;
import com.servicecoach.assessment.AttemptViews;
import com.servicecoach.scorecard.ScorecardService;
import com.servicecoach.scoring.Gaps;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.quality.QualityFigures;
import com.servicecoach.survey.SurveyService;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.training.content.Addressed;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An agent's gaps for a period (metrics.md "Gaps", computed by {@link Gaps}), each with the link to its evidence
 * (the contacts that fail it, or the module's attempts) and the modules that address it (module.yml
 * {@code addresses}: those naming the gap's figure and slice first, then those naming the figure overall). Read
 * with the caller's authority: whoever may see the agent.
 */
@Singleton
public class GapService {

    /** A module recommended for a gap. */
    @Serdeable
    public record Recommendation(String module, String title) {
    }

    /**
     * A gap as shown and serialized: {@link Gaps.Gap}'s figures rounded as metrics.md rounds percentages (the
     * comparisons were made unrounded), with its evidence and the modules that address it. {@code text} names a
     * figure that has no fixed name (a review criterion, {@code qa:<rubric>/<criterion>}) in the reader's language.
     */
    @Serdeable
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record GapView(String figure, @Nullable String sliceKind, @Nullable String slice, @Nullable java.math.BigDecimal value,
                          long n, @Nullable java.math.BigDecimal upper95, @Nullable java.math.BigDecimal target,
                          @Nullable java.math.BigDecimal size, @Nullable String module, @Nullable String reason,
                          String evidence, List<Recommendation> modules, @Nullable String text) {

        /** The id of the gap's row on the agent's page ({@link GapService#anchor}). */
        public String anchor() {
            return GapService.anchor(this);
        }

        static GapView of(Gaps.Gap g, String evidence, List<Recommendation> modules, @Nullable String text) {
            return new GapView(g.figure(), g.sliceKind(), g.slice(), Rounding.percent(g.value()), g.n(), Rounding.percent(g.upper95()),
                    g.target(), Rounding.percent(g.size()), g.module(), g.reason(), evidence, modules, text);
        }
    }

    @Serdeable
    public record AgentGaps(String employeeNo, LocalDate from, LocalDate to, List<GapView> gaps) {
    }

    private final ScorecardService scorecards;
    private final AttemptService attempts;
    private final TrainingModuleRepository modules;
    private final ScoringSettingsService settings;
    private final SurveyService surveys;
    private final QualityFigures quality;

    GapService(ScorecardService scorecards, AttemptService attempts, TrainingModuleRepository modules,
               ScoringSettingsService settings, SurveyService surveys, QualityFigures quality) {
        this.quality = quality;
        this.scorecards = scorecards;
        this.attempts = attempts;
        this.modules = modules;
        this.settings = settings;
        this.surveys = surveys;
    }

    public AgentGaps of(Viewer viewer, String employeeNo, LocalDate from, LocalDate to, Locale locale) {
        return of(viewer, scorecards.agentDetail(viewer, employeeNo, from, to), from, to, locale);
    }

    /** The gaps of an agent's scorecard already read for the period (the agent's page reads it once for both). */
    public AgentGaps of(Viewer viewer, ScorecardService.AgentDetail d, LocalDate from, LocalDate to, Locale locale) {
        List<Gaps.Knowledge> knowledge = new ArrayList<>();
        for (AttemptViews.Standing st : attempts.standings(viewer, d.agent().employeeNo(), locale)) {
            boolean expired = st.certification() != null && "expired".equals(st.certification().status());
            knowledge.add(new Gaps.Knowledge(st.module(), st.resultPercent(), st.passMark(), expired));
        }
        List<Gaps.Counted> survey = surveys.gapFigures(List.of(d.agent().id()), from, to).getOrDefault(d.agent().id(), List.of());
        Reviews reviews = reviews(List.of(d.agent().id()), from, to, locale);
        return gaps(d, knowledge, survey, reviews, settings.current().settings(), modules.findByActiveOrderByCode(true), from, to, locale);
    }

    /**
     * The gaps of several agents for the period, as {@link #of} gives them one by one, in the agents' order: their
     * scorecards, channels and categories read in one pass ({@link ScorecardService#agentDetails}) and their module
     * standings at once ({@link AttemptService#knowledge}), so that a list of many agents costs a few queries, not
     * a few per agent. Each agent must be one the viewer may see (else 404).
     */
    public List<AgentGaps> ofAgents(Viewer viewer, List<com.servicecoach.agent.Agent> agents, LocalDate from, LocalDate to,
                                    Locale locale) {
        if (agents.isEmpty()) {
            return List.of();
        }
        List<ScorecardService.AgentDetail> details = scorecards.agentDetails(viewer, agents, from, to);
        java.util.Map<Long, List<Gaps.Knowledge>> knowledge = attempts.knowledge(viewer, agents);
        ScoringSettings s = settings.current().settings();
        List<TrainingModule> active = modules.findByActiveOrderByCode(true);
        List<Long> ids = agents.stream().map(com.servicecoach.agent.Agent::id).toList();
        java.util.Map<Long, List<Gaps.Counted>> survey = surveys.gapFigures(ids, from, to);
        Reviews reviews = reviews(ids, from, to, locale);
        List<AgentGaps> out = new ArrayList<>(details.size());
        for (ScorecardService.AgentDetail d : details) {
            out.add(gaps(d, knowledge.getOrDefault(d.agent().id(), List.of()), survey.getOrDefault(d.agent().id(), List.of()),
                    reviews, s, active, from, to, locale));
        }
        return out;
    }

    /**
     * The quality reviews' part of some agents' gaps for a period: each agent's QA score (tested with n = the reviews
     * with a score) and criteria (passed of marked, against their rubric's pass target), and the criteria's wording
     * and modules, each agent's failed criteria the most failing first.
     */
    private record Reviews(java.util.Map<Long, QualityFigures.Score> scores, java.util.Map<Long, List<Gaps.Counted>> criteria,
                           java.util.Map<String, String> textOf, java.util.Map<String, String> moduleOf) {
    }

    private Reviews reviews(List<Long> ids, LocalDate from, LocalDate to, Locale locale) {
        java.util.Map<Long, List<Gaps.Counted>> criteria = quality.gapFigures(ids, from, to);
        java.util.Map<String, String> textOf = new java.util.HashMap<>();
        java.util.Map<String, String> moduleOf = new java.util.HashMap<>();
        criteria.values().forEach(list -> list.forEach(c -> textOf.computeIfAbsent(c.figure(), f -> {
            String[] rc = QualityFigures.criterionOf(f);
            String module = quality.moduleOf(rc[0], rc[1]);
            if (module != null) {
                moduleOf.put(f, module);
            }
            return quality.textOf(rc[0], rc[1], locale);
        })));
        return new Reviews(quality.scores(ids, from, to), criteria, textOf, moduleOf);
    }

    private static AgentGaps gaps(ScorecardService.AgentDetail d, List<Gaps.Knowledge> knowledge, List<Gaps.Counted> survey,
                                  Reviews reviews, ScoringSettings s, List<TrainingModule> active, LocalDate from, LocalDate to,
                                  Locale locale) {
        List<Gaps.Counted> counted = new ArrayList<>(Gaps.counted(d.result().scorecard(), null, null));
        d.byChannel().forEach(p -> counted.addAll(Gaps.counted(p.scorecard(), "channel", p.code())));
        d.byCategory().forEach(p -> counted.addAll(Gaps.counted(p.scorecard(), "category", p.code())));
        // the agent-driven survey dimensions, overall and per channel and category
        counted.addAll(survey);
        // the review criteria, each against its rubric's pass target
        List<Gaps.Counted> criteria = reviews.criteria().getOrDefault(d.agent().id(), List.of());
        counted.addAll(criteria);
        // QA score %, with n = the reviews that have a score
        List<Gaps.Scored> scored = new ArrayList<>();
        QualityFigures.Score qa = reviews.scores().get(d.agent().id());
        if (qa != null && qa.percent() != null) {
            scored.add(new Gaps.Scored(Gaps.QA_SCORE, null, null, qa.percent(), qa.scored()));
        }
        String no = d.agent().employeeNo();
        List<GapView> out = new ArrayList<>();
        for (Gaps.Gap g : Gaps.of(counted, scored, s.figureTargets(), s.minRated(), knowledge)) {
            out.add(GapView.of(g, evidence(g, no, from, to), recommended(g, active, locale, reviews, criteria),
                    reviews.textOf().get(g.figure())));
        }
        return new AgentGaps(no, from, to, out);
    }

    /**
     * The id of a gap's row on the agent's page ({@code /agents/{no}#gap-...}): its figure, slice and module, in
     * letters, digits, '-' and '_' only.
     */
    public static String anchor(GapView g) {
        StringBuilder id = new StringBuilder("gap-").append(g.figure());
        if (g.slice() != null) {
            id.append('-').append(g.slice());
        }
        if (g.module() != null) {
            id.append('-').append(g.module());
        }
        return id.toString().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** The records behind a gap: breached contacts, ratings from the lowest, or the module's attempts. */
    static String evidence(Gaps.Gap g, String employeeNo, LocalDate from, LocalDate to) {
        if (Gaps.KNOWLEDGE.equals(g.figure())) {
            return "/assessments/" + enc(g.module()) + "?agent=" + enc(employeeNo);
        }
        if (Gaps.QA_SCORE.equals(g.figure()) || QualityFigures.criterionOf(g.figure()) != null) {
            // the reviews of the agent's conversations in the period; for a criterion, those on which it failed
            String[] rc = QualityFigures.criterionOf(g.figure());
            return "/quality/reviews?agent=" + enc(employeeNo) + "&from=" + from + "&to=" + to
                    + (rc == null ? "" : "&criterion=" + enc(rc[1]));
        }
        if (g.figure().startsWith(SurveyService.FIGURE_PREFIX)) {
            // the survey answers below 7 to the dimension
            StringBuilder link = new StringBuilder("/surveys/remarks?agent=").append(enc(employeeNo)).append("&from=").append(from)
                    .append("&to=").append(to).append("&dimension=").append(enc(g.figure().substring(SurveyService.FIGURE_PREFIX.length())));
            if (g.slice() != null) {
                link.append('&').append(g.sliceKind()).append('=').append(enc(g.slice()));
            }
            return link.toString();
        }
        StringBuilder link = new StringBuilder("/interactions?agent=").append(enc(employeeNo))
                .append("&from=").append(from).append("&to=").append(to);
        if (g.slice() != null) {
            link.append('&').append(g.sliceKind()).append('=').append(enc(g.slice()));
        }
        switch (g.figure()) {
            case Gaps.FIRST_RESPONSE_SLA -> link.append("&breached=first_response");
            case Gaps.RESOLUTION_SLA -> link.append("&breached=resolution");
            default -> link.append("&sort=rating,asc");
        }
        return link.toString();
    }

    /**
     * The active modules addressing the gap: its slice exactly first, then the figure overall; a knowledge gap's
     * module; a review criterion's gap the module its rubric names; the QA score's gap the modules of the agent's
     * failed criteria, the most failing first.
     */
    private static List<Recommendation> recommended(Gaps.Gap g, List<TrainingModule> active, Locale locale, Reviews reviews,
                                                    List<Gaps.Counted> criteria) {
        if (QualityFigures.criterionOf(g.figure()) != null || Gaps.QA_SCORE.equals(g.figure())) {
            List<String> codes = new ArrayList<>();
            if (Gaps.QA_SCORE.equals(g.figure())) {
                criteria.stream().filter(c -> c.successes() < c.n())
                        .sorted(java.util.Comparator.comparingDouble((Gaps.Counted c) -> (double) c.successes() / c.n())
                                .thenComparing(Gaps.Counted::figure))
                        .forEach(c -> codes.add(reviews.moduleOf().get(c.figure())));
            } else {
                codes.add(reviews.moduleOf().get(g.figure()));
            }
            List<Recommendation> out = new ArrayList<>();
            codes.stream().filter(java.util.Objects::nonNull).distinct().forEach(code -> active.stream().filter(m -> m.code().equals(code))
                    .findFirst().ifPresent(m -> out.add(new Recommendation(m.code(), m.title().in(locale)))));
            return out;
        }
        if (Gaps.KNOWLEDGE.equals(g.figure())) {
            return active.stream().filter(m -> m.code().equals(g.module()))
                    .map(m -> new Recommendation(m.code(), m.title().in(locale))).toList();
        }
        List<TrainingModule> exact = new ArrayList<>();
        List<TrainingModule> overall = new ArrayList<>();
        for (TrainingModule m : active) {
            for (Addressed a : m.addressedList()) {
                if (!a.figure().equals(g.figure())) {
                    continue;
                }
                String slice = a.channel() != null ? a.channel() : a.category();
                String kind = a.channel() != null ? "channel" : a.category() != null ? "category" : null;
                if (slice == null) {
                    overall.add(m);
                } else if (slice.equals(g.slice()) && kind.equals(g.sliceKind())) {
                    exact.add(m);
                }
            }
        }
        List<Recommendation> out = new ArrayList<>();
        java.util.stream.Stream.concat(exact.stream(), overall.stream()).distinct()
                .forEach(m -> out.add(new Recommendation(m.code(), m.title().in(locale))));
        return out;
    }

    private static String enc(@Nullable String s) {
        return s == null ? "" : URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
