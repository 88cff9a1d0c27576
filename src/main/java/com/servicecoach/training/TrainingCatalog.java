package com.servicecoach.training;

import com.servicecoach.account.Viewer;
import com.servicecoach.agent.Agent;
import com.servicecoach.agent.AgentRepository;
import com.servicecoach.web.Messages;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The module catalogue and the lesson reader, for every signed-in role, in the reader's language with
 * English as the fallback. Opening a lesson as an agent marks it read.
 */
@Singleton
public class TrainingCatalog {

    private final TrainingModuleRepository modules;
    private final TrainingLessonRepository lessons;
    private final TrainingQuestionRepository questions;
    private final AgentRepository agents;
    private final TrainingProgress progress;
    private final LessonRenderer renderer;

    TrainingCatalog(TrainingModuleRepository modules, TrainingLessonRepository lessons, TrainingQuestionRepository questions,
                    AgentRepository agents, TrainingProgress progress, LessonRenderer renderer) {
        this.modules = modules;
        this.lessons = lessons;
        this.questions = questions;
        this.agents = agents;
        this.progress = progress;
        this.renderer = renderer;
    }

    /** Active modules, filtered by a search text (title, summary, skills), a skill and an interaction category. */
    public List<CatalogViews.ModuleSummary> list(@Nullable String q, @Nullable String skill, @Nullable String category,
                                                 Locale locale) {
        String text = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        Map<Long, Integer> lessonCounts = new LinkedHashMap<>();
        lessons.findAllOrderByModuleIdAndPosition().forEach(l -> lessonCounts.merge(l.moduleId(), 1, Integer::sum));
        List<CatalogViews.ModuleSummary> out = new ArrayList<>();
        for (TrainingModule m : modules.findByActiveOrderByCode(true)) {
            if (!text.isEmpty() && !matches(m, text)) {
                continue;
            }
            if (skill != null && !skill.isBlank() && !m.skillList().contains(skill.trim())) {
                continue;
            }
            if (category != null && !category.isBlank() && !m.categoryList().contains(category.trim())) {
                continue;
            }
            int questionCount = (int) questions.countByModuleIdAndActive(m.id(), true);
            out.add(new CatalogViews.ModuleSummary(m.code(), m.version(), m.title().in(locale), m.summary().in(locale),
                    m.skillList(), m.categoryList(), m.estimatedMinutes(), m.passMark(),
                    lessonCounts.getOrDefault(m.id(), 0), questionCount));
        }
        return out;
    }

    private static boolean matches(TrainingModule m, String text) {
        return (m.code() + " " + m.titleEn() + " " + m.titleZh() + " " + m.summaryEn() + " " + m.summaryZh() + " "
                + m.skills()).toLowerCase(Locale.ROOT).contains(text);
    }

    /** An active module, or 404. */
    public TrainingModule module(String code) {
        return modules.findByCode(code).filter(TrainingModule::active)
                .orElseThrow(() -> new NotFoundException("No module " + code));
    }

    public CatalogViews.ModuleDetail detail(Viewer viewer, String code, Locale locale) {
        TrainingModule m = module(code);
        Optional<Agent> agent = agentOf(viewer);
        Set<String> read = agent.map(a -> progress.readSlugs(a.id(), m)).orElse(Set.of());
        List<CatalogViews.LessonEntry> entries = lessons.findByModuleIdOrderByPosition(m.id()).stream()
                .map(l -> new CatalogViews.LessonEntry(l.slug(), l.position(), l.title().in(locale),
                        agent.isPresent() ? read.contains(l.slug()) : null))
                .toList();
        List<TrainingQuestion> bank = questions.findByModuleIdAndActiveOrderById(m.id(), true);
        Map<String, Integer> byType = new LinkedHashMap<>();
        for (com.servicecoach.question.QuestionType t : com.servicecoach.question.QuestionType.values()) {
            int n = (int) bank.stream().filter(x -> x.type().equals(t.code())).count();
            if (n > 0) {
                byType.put(t.code(), n);
            }
        }
        int imported = (int) bank.stream().filter(x -> x.source().equals(TrainingQuestion.IMPORT)).count();
        CatalogViews.Progress p = agent.map(a -> progressOf(a, m, entries, read)).orElse(null);
        return new CatalogViews.ModuleDetail(m.code(), m.version(), Messages.tag(locale), m.title().in(locale),
                m.summary().in(locale), m.skillList(), m.categoryList(), m.estimatedMinutes(), m.passMark(),
                m.certificationMonths(), new CatalogViews.Assessment(m.timeLimitMinutes(), m.attemptsAllowed(),
                m.gradingMethod(), m.questionCount(), m.shuffleQuestions(), m.shuffleOptions(), m.layout(), m.review(),
                        m.drawTagList()),
                new CatalogViews.Bank(bank.size(), byType, imported), entries, p, m.addressedList());
    }

    private CatalogViews.Progress progressOf(Agent a, TrainingModule m, List<CatalogViews.LessonEntry> entries, Set<String> read) {
        int done = (int) entries.stream().filter(e -> read.contains(e.slug())).count();
        List<Completion> completions = progress.completions(a.id(), m);
        Completion last = completions.isEmpty() ? null : completions.get(completions.size() - 1);
        return new CatalogViews.Progress(done, entries.size(),
                progress.latestPass(a.id(), m).or(() -> java.util.Optional.ofNullable(last == null ? null : last.passedAt()))
                        .map(t -> t.toInstant(ZoneOffset.UTC)).orElse(null),
                last == null ? null : last.completedAt().toInstant(ZoneOffset.UTC),
                last == null ? null : last.moduleVersion());
    }

    /** A lesson rendered for reading; an agent who opens it has read it. */
    public CatalogViews.Lesson lesson(Viewer viewer, String code, String slug, Locale locale) {
        TrainingModule m = module(code);
        List<TrainingLesson> all = lessons.findByModuleIdOrderByPosition(m.id());
        int i = 0;
        while (i < all.size() && !all.get(i).slug().equals(slug)) {
            i++;
        }
        if (i == all.size()) {
            throw new NotFoundException("No lesson " + slug + " in module " + code);
        }
        TrainingLesson l = all.get(i);
        Optional<Agent> agent = agentOf(viewer);
        agent.ifPresent(a -> progress.markRead(a.id(), m, l.slug()));
        return new CatalogViews.Lesson(m.code(), m.title().in(locale), l.slug(), l.position(), l.title().in(locale),
                Messages.tag(locale), renderer.render(l.body().in(locale)), i > 0 ? all.get(i - 1).slug() : null,
                i + 1 < all.size() ? all.get(i + 1).slug() : null, agent.isPresent() ? Boolean.TRUE : null);
    }

    /** The agent profile of an agent viewer. */
    Optional<Agent> agentOf(Viewer viewer) {
        if (!viewer.isAgent() || viewer.employeeNo() == null) {
            return Optional.empty();
        }
        return agents.findByEmployeeNo(viewer.employeeNo());
    }
}
