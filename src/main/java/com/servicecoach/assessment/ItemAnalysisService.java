package com.servicecoach.assessment;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.Team;
import com.servicecoach.question.Choice;
import com.servicecoach.question.MatchPair;
import com.servicecoach.question.Option;
import com.servicecoach.question.Question;
import com.servicecoach.question.QuestionType;
import com.servicecoach.training.TrainingModule;
import com.servicecoach.training.TrainingModuleRepository;
import com.servicecoach.training.TrainingQuestion;
import com.servicecoach.web.Messages;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Item analysis of a module's questions over the finished attempts with a final result, for supervisors
 * (their teams' agents), HR and administrators (everybody); figures by {@link ItemStatistics}.
 */
@Singleton
public class ItemAnalysisService {

    private static final int TOP_RESPONSES = 10;

    private final AttemptRepository attempts;
    private final AttemptQuestionRepository attemptQuestions;
    private final AnswerRepository answers;
    private final TrainingModuleRepository modules;
    private final BankContent bank;
    private final AttemptStore store;
    private final AssessmentAccess access;
    private final Messages messages;

    ItemAnalysisService(AttemptRepository attempts, AttemptQuestionRepository attemptQuestions, AnswerRepository answers,
                        TrainingModuleRepository modules, BankContent bank, AttemptStore store, AssessmentAccess access,
                        Messages messages) {
        this.attempts = attempts;
        this.attemptQuestions = attemptQuestions;
        this.answers = answers;
        this.modules = modules;
        this.bank = bank;
        this.store = store;
        this.access = access;
        this.messages = messages;
    }

    public AttemptViews.ItemAnalysis analyse(Viewer viewer, String code, @Nullable String teamName, Locale locale) {
        access.requireStaff(viewer);
        TrainingModule m = modules.findByCode(code).orElseThrow(() -> new NotFoundException("No assessment " + code));
        List<Agent> scope = access.scope(viewer);
        String team = null;
        if (teamName != null && !teamName.isBlank()) {
            Team t = access.visibleTeam(viewer, teamName.trim());
            scope = scope.stream().filter(a -> a.teamId().equals(t.id())).toList();
            team = t.name();
        }
        Set<Long> agentIds = scope.stream().map(Agent::id).collect(Collectors.toSet());
        List<Attempt> finished = attempts.findByModuleIdAndStateAndFinalAtIsNotNullOrderById(m.id(), Attempt.FINISHED).stream()
                .filter(a -> agentIds.contains(a.agentId())).toList();
        Map<Long, Attempt> attemptById = finished.stream().collect(Collectors.toMap(Attempt::id, a -> a));
        List<Long> ids = finished.stream().map(Attempt::id).toList();
        List<AttemptQuestion> rows = ids.isEmpty() ? List.of() : attemptQuestions.findByAttemptIdInOrderByAttemptIdAndPosition(ids);
        Map<String, Object> given = new HashMap<>();
        if (!ids.isEmpty()) {
            answers.findByAttemptIdIn(ids).forEach(x -> given.put(x.attemptId() + ":" + x.questionId(), store.read(x.response())));
        }
        Map<Long, Double> totals = new HashMap<>();
        for (AttemptQuestion aq : rows) {
            totals.merge(aq.attemptId(), value(aq.points()), Double::sum);
        }
        Map<Long, List<AttemptQuestion>> byQuestion = new LinkedHashMap<>();
        rows.forEach(aq -> byQuestion.computeIfAbsent(aq.questionId(), k -> new ArrayList<>()).add(aq));

        String language = Messages.tag(locale);
        List<AttemptViews.ItemRow> out = new ArrayList<>();
        Collection<TrainingQuestion> questions = bank.bank(m.id()).values().stream()
                .filter(q -> q.active() || byQuestion.containsKey(q.id()))
                .filter(q -> !QuestionType.DESCRIPTION.code().equals(q.type()))
                .sorted(Comparator.comparing(TrainingQuestion::position).thenComparing(TrainingQuestion::id)).toList();
        for (TrainingQuestion row : questions) {
            Question q = bank.question(row, language);
            List<AttemptQuestion> seen = byQuestion.getOrDefault(row.id(), List.of());
            double[] item = new double[seen.size()];
            double[] total = new double[seen.size()];
            List<Object> responses = new ArrayList<>();
            for (int i = 0; i < seen.size(); i++) {
                AttemptQuestion aq = seen.get(i);
                item[i] = value(aq.points());
                total[i] = totals.get(aq.attemptId());
                responses.add(given.get(aq.attemptId() + ":" + aq.questionId()));
            }
            Double facility = ItemStatistics.facility(item, 1);
            Double discrimination = ItemStatistics.discrimination(item, total);
            out.add(new AttemptViews.ItemRow(row.id(), row.name(), q.type().code(), q.text(), seen.size(),
                    round(facility), 1, round(facility), round(discrimination), ItemStatistics.flags(facility, discrimination),
                    optionCounts(q, responses, locale), stemCounts(q, responses), responseCounts(q, responses)));
        }
        return new AttemptViews.ItemAnalysis(m.code(), m.title().in(locale), team, attemptById.size(), out);
    }

    private List<AttemptViews.OptionCount> optionCounts(Question q, List<Object> responses, Locale locale) {
        List<AttemptViews.OptionCount> out = new ArrayList<>();
        if (q.type() == QuestionType.MULTICHOICE) {
            for (Choice c : q.choices()) {
                int n = 0;
                for (Object r : responses) {
                    if (r instanceof Collection<?> list ? list.contains(c.id()) : c.id().equals(r)) {
                        n++;
                    }
                }
                out.add(new AttemptViews.OptionCount(c.id(), c.text(), percent(c.fraction()), n));
            }
        } else if (q.type() == QuestionType.TRUEFALSE) {
            for (boolean b : new boolean[]{true, false}) {
                int n = (int) responses.stream().filter(r -> Boolean.valueOf(b).equals(r)).count();
                out.add(new AttemptViews.OptionCount(String.valueOf(b), messages.get(locale, "assessment.answer." + b),
                        Boolean.valueOf(b).equals(q.trueFalseAnswer()) ? BigDecimal.valueOf(100) : BigDecimal.ZERO, n));
            }
        }
        return out;
    }

    private static List<AttemptViews.StemCounts> stemCounts(Question q, List<Object> responses) {
        List<AttemptViews.StemCounts> out = new ArrayList<>();
        if (q.type() != QuestionType.MATCH) {
            return out;
        }
        for (MatchPair p : q.pairs()) {
            if (p.isDistractor()) {
                continue;
            }
            List<AttemptViews.OptionCount> counts = new ArrayList<>();
            for (Option o : q.options()) {
                int n = 0;
                for (Object r : responses) {
                    if (r instanceof Map<?, ?> map && o.id().equals(map.get(p.stemId()))) {
                        n++;
                    }
                }
                counts.add(new AttemptViews.OptionCount(o.id(), o.text(),
                        o.id().equals(p.optionId()) ? BigDecimal.valueOf(100) : BigDecimal.ZERO, n));
            }
            out.add(new AttemptViews.StemCounts(p.stemId(), p.stem(), p.optionId(), counts));
        }
        return out;
    }

    private static List<AttemptViews.ResponseCount> responseCounts(Question q, List<Object> responses) {
        if (q.type() != QuestionType.SHORTANSWER && q.type() != QuestionType.NUMERICAL) {
            return List.of();
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Object r : responses) {
            if (r == null) {
                continue;
            }
            String key = q.type() == QuestionType.NUMERICAL
                    ? String.valueOf(Responses.number(r) == null ? r : Responses.number(r).stripTrailingZeros().toPlainString())
                    : String.valueOf(r).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            counts.merge(key, 1, Integer::sum);
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_RESPONSES).map(e -> new AttemptViews.ResponseCount(e.getKey(), e.getValue())).toList();
    }

    private static double value(@Nullable BigDecimal d) {
        return d == null ? 0 : d.doubleValue();
    }

    private static BigDecimal percent(BigDecimal fraction) {
        return fraction.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP);
    }

    /** Indices to four decimals. */
    static BigDecimal round(@Nullable Double d) {
        return d == null ? null : BigDecimal.valueOf(d).setScale(4, RoundingMode.HALF_UP);
    }
}
