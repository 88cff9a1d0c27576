package com.servicecoach.assessment;

import com.servicecoach.training.AssessmentResults;
import com.servicecoach.training.TrainingModuleRepository;
import jakarta.inject.Singleton;

import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Tells training when an agent passed a module's assessment: the time of their latest certification of
 * the module (granted when their result by the grading method reached the pass mark).
 */
@Singleton
class AttemptResults implements AssessmentResults {

    private final TrainingModuleRepository modules;
    private final CertificationRepository certifications;

    AttemptResults(TrainingModuleRepository modules, CertificationRepository certifications) {
        this.modules = modules;
        this.certifications = certifications;
    }

    @Override
    public Optional<LocalDateTime> latestPass(long agentId, String moduleCode) {
        return modules.findByCode(moduleCode).flatMap(m -> certifications.findByAgentIdAndModuleIdOrderByGrantedAt(agentId, m.id())
                .stream().map(Certification::grantedAt).max(LocalDateTime::compareTo));
    }
}
