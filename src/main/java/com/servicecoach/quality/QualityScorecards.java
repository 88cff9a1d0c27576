package com.servicecoach.quality;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.agent.AgentService;
import com.servicecoach.agent.Team;
import com.servicecoach.scoring.Rounding;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.web.Messages;
import com.servicecoach.web.SvgCharts;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An agent's or a team's quality for a period as scorecards, team pages and {@code /api/quality/figures} show it:
 * QA score % (rounded as metrics.md rounds percentages) with the reviews it comes from, its target, each criterion's
 * failure rate (the most failing first) and, for a team, each agent's QA score. Read with the viewer's authority:
 * whoever may see the agent or the team.
 */
@Singleton
public class QualityScorecards {

    /** One criterion's failures, rounded, with the reviews that failed it. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CriterionShown(String rubric, String criterion, String text, @Nullable String module, @Nullable String moduleTitle,
                                 long applicable, long failed, @Nullable BigDecimal failurePercent, @Nullable Integer passTarget,
                                 String reviews) {
    }

    /** One agent's QA score in a team's section. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AgentShown(String employeeNo, String name, int reviews, int scored, @Nullable BigDecimal scorePercent, String link) {
    }

    /**
     * The section: {@code scope} {@code agent} or {@code team} and its name; reviews counted, those with a score, QA
     * score % (null: none), the target; the criteria; the team's agents (empty for an agent); the reviews behind it.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Section(String scope, String name, LocalDate from, LocalDate to, int reviews, int scored,
                          @Nullable BigDecimal scorePercent, BigDecimal target, List<CriterionShown> criteria, List<AgentShown> agents,
                          String reviewsLink) {

        /** Whether the QA score is credibly below target is a gap's question; here: whether the shown score is below it. */
        public boolean belowTarget() {
            return scorePercent != null && scorePercent.compareTo(target) < 0;
        }
    }

    private final QualityFigures figures;
    private final AgentService agents;
    private final AgentRepository agentRepository;
    private final ScoringSettingsService settings;
    private final TrainingModuleRepository modules;

    QualityScorecards(QualityFigures figures, AgentService agents, AgentRepository agentRepository, ScoringSettingsService settings,
                      TrainingModuleRepository modules) {
        this.modules = modules;
        this.figures = figures;
        this.agents = agents;
        this.agentRepository = agentRepository;
        this.settings = settings;
    }

    public Section agent(Viewer viewer, String employeeNo, LocalDate from, LocalDate to, Locale locale) {
        Agent agent = agents.visibleAgent(viewer, employeeNo);
        QualityFigures.Score s = figures.scores(List.of(agent.id()), from, to).getOrDefault(agent.id(), QualityFigures.Score.NONE);
        String scope = "agent=" + enc(agent.employeeNo());
        return new Section("agent", agent.employeeNo(), from, to, s.reviews(), s.scored(), Rounding.percent(s.percent()), target(),
                criteria(figures.criteria(List.of(agent.id()), from, to, locale), scope, from, to, locale), List.of(), reviews(scope, from, to));
    }

    public Section team(Viewer viewer, String teamName, LocalDate from, LocalDate to, Locale locale) {
        Team team = agents.visibleTeam(viewer, teamName);
        List<Agent> members = agentRepository.findByTeamIdInOrderByEmployeeNo(List.of(team.id()));
        List<Long> ids = members.stream().map(Agent::id).toList();
        Map<Long, QualityFigures.Score> byAgent = figures.scores(ids, from, to);
        QualityFigures.Score total = QualityFigures.Score.together(byAgent.values());
        List<AgentShown> rows = new ArrayList<>();
        for (Agent a : members) {
            QualityFigures.Score s = byAgent.getOrDefault(a.id(), QualityFigures.Score.NONE);
            rows.add(new AgentShown(a.employeeNo(), a.name(), s.reviews(), s.scored(), Rounding.percent(s.percent()),
                    reviews("agent=" + enc(a.employeeNo()), from, to)));
        }
        String scope = "team=" + enc(team.name());
        return new Section("team", team.name(), from, to, total.reviews(), total.scored(), Rounding.percent(total.percent()), target(),
                criteria(figures.criteria(ids, from, to, locale), scope, from, to, locale), rows, reviews(scope, from, to));
    }

    private BigDecimal target() {
        return settings.current().settings().figureTargets().qaScore();
    }

    private List<CriterionShown> criteria(List<QualityFigures.CriterionRate> rates, String scope, LocalDate from, LocalDate to,
                                          Locale locale) {
        // a criterion's module by its title in the reader's language, while it is an active module
        Map<String, String> titles = new java.util.HashMap<>();
        if (rates.stream().anyMatch(r -> r.module() != null)) {
            modules.findByActiveOrderByCode(true).forEach(m -> titles.put(m.code(), m.title().in(locale)));
        }
        return rates.stream().map(r -> new CriterionShown(r.rubric(), r.criterion(), r.text(), r.module(),
                r.module() == null ? null : titles.get(r.module()), r.applicable(), r.failed(),
                Rounding.percent(r.failurePercent()), figures.passTargetOf(r.rubric()),
                reviews(scope, from, to) + "&criterion=" + enc(r.criterion()))).toList();
    }

    /** Puts a section into a scorecard page's model: {@code qaSection}, and {@code qaChart} when a criterion was marked. */
    static void put(Map<String, Object> model, Section s, Messages messages, Locale locale) {
        model.put("qaSection", s);
        String chart = chart(s, messages, locale);
        if (chart != null) {
            model.put("qaChart", chart);
        }
    }

    /**
     * The criteria's pass rates (100 - failure rate) as bars against their rubric's pass target, the most failing
     * first; null when no criterion was applicable.
     */
    private static @Nullable String chart(Section s, Messages messages, Locale locale) {
        List<String> labels = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (CriterionShown c : s.criteria()) {
            if (c.failurePercent() == null) {
                continue;
            }
            labels.add(shortLabel(c.text()));
            values.add(100 - c.failurePercent().doubleValue());
            targets.add(c.passTarget() == null ? 100.0 : c.passTarget().doubleValue());
        }
        if (labels.isEmpty()) {
            return null;
        }
        return SvgCharts.percentRows(messages.get(locale, "quality.figures.chart"), labels, values, targets,
                messages.get(locale, "quality.figures.chartTarget"), "—", "#8250df");
    }

    /**
     * A chart row's label: the criterion's wording, cut with an ellipsis where it would be drawn wider than
     * {@value #LABEL_WIDTH} px (the chart's label column; the table below has the wording whole).
     */
    static String shortLabel(String text) {
        if (SvgCharts.textWidth(text, 11) <= LABEL_WIDTH) {
            return text;
        }
        int end = text.length();
        while (end > 0 && SvgCharts.textWidth(text.substring(0, end) + "…", 11) > LABEL_WIDTH) {
            end = text.offsetByCodePoints(end, -1);
        }
        return text.substring(0, end).stripTrailing() + "…";
    }

    private static final int LABEL_WIDTH = 280;

    /** The reviews page of a scope for the period. */
    static String reviews(String scope, LocalDate from, LocalDate to) {
        return "/quality/reviews?" + scope + "&from=" + from + "&to=" + to;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
