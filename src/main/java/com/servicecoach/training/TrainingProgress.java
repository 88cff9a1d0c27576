package com.servicecoach.training;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Lessons read and modules completed. A module is completed when the agent has read every lesson it has
 * now and has passed its assessment ({@link AssessmentResults}); each passing result completes the module
 * at most once, and the completion keeps the module version of that moment.
 */
@Singleton
public class TrainingProgress {

    private final TrainingModuleRepository modules;
    private final TrainingLessonRepository lessons;
    private final LessonReadRepository reads;
    private final CompletionRepository completions;
    private final AssessmentResults results;
    private final Clock clock;

    TrainingProgress(TrainingModuleRepository modules, TrainingLessonRepository lessons, LessonReadRepository reads,
                     CompletionRepository completions, AssessmentResults results, Clock clock) {
        this.modules = modules;
        this.lessons = lessons;
        this.reads = reads;
        this.completions = completions;
        this.results = results;
        this.clock = clock;
    }

    /** Records that the agent read a lesson (once; the first time counts), then checks for completion. */
    @Transactional
    public void markRead(long agentId, TrainingModule module, String slug) {
        if (!reads.existsByAgentIdAndModuleIdAndLessonSlug(agentId, module.id(), slug)) {
            reads.save(new LessonRead(null, agentId, module.id(), slug, now()));
        }
        evaluate(agentId, module);
    }

    /**
     * Records a completion when the agent has read every lesson of the module and passed its assessment,
     * unless that pass has already completed it. The assessments feature calls this after every pass.
     *
     * @return the completion recorded now, or empty
     */
    @Transactional
    public Optional<Completion> evaluate(long agentId, String moduleCode) {
        return modules.findByCode(moduleCode).flatMap(m -> evaluate(agentId, m));
    }

    private Optional<Completion> evaluate(long agentId, TrainingModule module) {
        if (!allRead(agentId, module)) {
            return Optional.empty();
        }
        // stored with microseconds, so compare at that precision
        Optional<LocalDateTime> pass = results.latestPass(agentId, module.code()).map(t -> t.truncatedTo(ChronoUnit.MICROS));
        if (pass.isEmpty() || completions.existsByAgentIdAndModuleIdAndPassedAt(agentId, module.id(), pass.get())) {
            return Optional.empty();
        }
        return Optional.of(completions.save(new Completion(null, agentId, module.id(), module.version(), pass.get(), now())));
    }

    /** When the agent last passed the module's assessment (UTC), whether or not every lesson is read. */
    public Optional<LocalDateTime> latestPass(long agentId, TrainingModule module) {
        return results.latestPass(agentId, module.code());
    }

    public boolean allRead(long agentId, TrainingModule module) {
        Set<String> read = readSlugs(agentId, module);
        List<TrainingLesson> all = lessons.findByModuleIdOrderByPosition(module.id());
        return !all.isEmpty() && all.stream().allMatch(l -> read.contains(l.slug()));
    }

    public Set<String> readSlugs(long agentId, TrainingModule module) {
        return reads.findByAgentIdAndModuleId(agentId, module.id()).stream().map(LessonRead::lessonSlug)
                .collect(Collectors.toSet());
    }

    /** The agent's completions of the module, oldest first. */
    public List<Completion> completions(long agentId, TrainingModule module) {
        return completions.findByAgentIdAndModuleIdOrderByCompletedAt(agentId, module.id());
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }
}
