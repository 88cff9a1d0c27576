package com.servicecoach.training;

import com.servicecoach.question.Question;
import com.servicecoach.training.content.BankQuestion;
import com.servicecoach.training.content.ContentReport;
import com.servicecoach.training.content.LessonSource;
import com.servicecoach.training.content.ModuleSource;
import com.servicecoach.training.content.RubricCriterion;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings the database in step with the valid modules of a {@link ContentReport}, by module code and
 * content hash: an unchanged module is left alone; a changed one gets its new version, hash, texts,
 * settings, lessons (matched by slug), rubrics and file questions (matched by name, so their ids stay);
 * questions imported through the API are never touched. A module whose folder is gone is made inactive;
 * a module whose folder is present but invalid keeps its last valid version.
 */
@Singleton
class ContentSync {

    /** What a sync changed. */
    record Result(List<String> added, List<String> updated, List<String> unchanged, List<String> retired) {
    }

    private final TrainingModuleRepository modules;
    private final TrainingLessonRepository lessons;
    private final TrainingQuestionRepository questions;
    private final RubricCriterionRepository rubrics;
    private final QuestionJson json;
    private final Clock clock;

    ContentSync(TrainingModuleRepository modules, TrainingLessonRepository lessons, TrainingQuestionRepository questions,
                RubricCriterionRepository rubrics, QuestionJson json, Clock clock) {
        this.modules = modules;
        this.lessons = lessons;
        this.questions = questions;
        this.rubrics = rubrics;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    Result sync(ContentReport report) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        List<String> added = new java.util.ArrayList<>();
        List<String> updated = new java.util.ArrayList<>();
        List<String> unchanged = new java.util.ArrayList<>();
        List<String> retired = new java.util.ArrayList<>();
        for (ModuleSource m : report.modules()) {
            TrainingModule existing = modules.findByCode(m.code()).orElse(null);
            if (existing != null && existing.active() && existing.contentHash().equals(m.contentHash())) {
                unchanged.add(m.code());
                continue;
            }
            TrainingModule row = toRow(existing == null ? null : existing.id(), m, now);
            TrainingModule saved = existing == null ? modules.save(row) : modules.update(row);
            syncLessons(saved.id(), m.lessons());
            syncQuestions(saved.id(), m.questions(), now);
            rubrics.deleteByModuleId(saved.id());
            m.rubrics().forEach((name, criteria) -> {
                int i = 0;
                for (RubricCriterion c : criteria) {
                    rubrics.save(new RubricCriterionRow(null, saved.id(), name, ++i, c.criterion().en(), c.criterion().zh(), c.points()));
                }
            });
            (existing == null ? added : updated).add(m.code());
        }
        Set<String> present = new HashSet<>(report.folders());
        for (TrainingModule m : modules.findByActiveOrderByCode(true)) {
            if (!present.contains(m.code())) {
                modules.update(withActive(m, false, now));
                retired.add(m.code());
            }
        }
        return new Result(added, updated, unchanged, retired);
    }

    private void syncLessons(Long moduleId, List<LessonSource> sources) {
        Map<String, TrainingLesson> bySlug = new HashMap<>();
        lessons.findByModuleIdOrderByPosition(moduleId).forEach(l -> bySlug.put(l.slug(), l));
        for (LessonSource s : sources) {
            TrainingLesson old = bySlug.remove(s.slug());
            TrainingLesson row = new TrainingLesson(old == null ? null : old.id(), moduleId, s.number(), s.slug(),
                    s.title().en(), s.title().zh(), s.markdown().en(), s.markdown().zh());
            if (old == null) {
                lessons.save(row);
            } else if (!old.equals(row)) {
                lessons.update(row);
            }
        }
        bySlug.values().forEach(lessons::delete);
    }

    private void syncQuestions(Long moduleId, List<BankQuestion> bank, LocalDateTime now) {
        Map<String, TrainingQuestion> byName = new HashMap<>();
        questions.findByModuleIdAndSource(moduleId, TrainingQuestion.FILE).forEach(q -> byName.put(q.name(), q));
        int position = 0;
        for (BankQuestion b : bank) {
            position++;
            Question en = b.en();
            TrainingQuestion old = byName.remove(b.name());
            String contentEn = json.write(en);
            String contentZh = json.write(b.zh());
            if (old == null) {
                questions.save(new TrainingQuestion(null, moduleId, b.name(), en.type().code(), en.category(),
                        TrainingQuestion.FILE, position, en.line(), contentEn, contentZh, true, null, now, now));
            } else {
                TrainingQuestion row = new TrainingQuestion(old.id(), moduleId, b.name(), en.type().code(), en.category(),
                        TrainingQuestion.FILE, position, en.line(), contentEn, contentZh, true, null, old.createdAt(), old.updatedAt());
                if (!row.equals(old)) {
                    questions.update(new TrainingQuestion(row.id(), moduleId, row.name(), row.type(), row.category(), row.source(),
                            row.position(), row.line(), row.contentEn(), row.contentZh(), true, null, old.createdAt(), now));
                }
            }
        }
        for (TrainingQuestion gone : byName.values()) {
            if (gone.active()) {
                questions.update(new TrainingQuestion(gone.id(), moduleId, gone.name(), gone.type(), gone.category(),
                        gone.source(), gone.position(), gone.line(), gone.contentEn(), gone.contentZh(), false, null,
                        gone.createdAt(), now));
            }
        }
    }

    private static TrainingModule toRow(Long id, ModuleSource m, LocalDateTime now) {
        return new TrainingModule(id, m.code(), m.version(), m.contentHash(), m.title().en(), m.title().zh(),
                m.summary().en(), m.summary().zh(), String.join(";", m.skills()), String.join(";", m.categories()),
                m.estimatedMinutes(), m.passMark(), m.certificationMonths(), m.assessment().timeLimitMinutes(),
                m.assessment().attemptsAllowed(), m.assessment().gradingMethod(), m.assessment().questionCount(),
                m.assessment().shuffleQuestions(), m.assessment().shuffleOptions(), m.assessment().layout(),
                m.assessment().review(), true, now, String.join(";", m.assessment().tags()),
                com.servicecoach.training.content.Addressed.store(m.addresses()));
    }

    private static TrainingModule withActive(TrainingModule m, boolean active, LocalDateTime now) {
        return new TrainingModule(m.id(), m.code(), m.version(), m.contentHash(), m.titleEn(), m.titleZh(), m.summaryEn(),
                m.summaryZh(), m.skills(), m.categories(), m.estimatedMinutes(), m.passMark(), m.certificationMonths(),
                m.timeLimitMinutes(), m.attemptsAllowed(), m.gradingMethod(), m.questionCount(), m.shuffleQuestions(),
                m.shuffleOptions(), m.layout(), m.review(), active, now, m.drawTags(), m.addresses());
    }
}
