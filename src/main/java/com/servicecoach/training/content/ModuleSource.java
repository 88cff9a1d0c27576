package com.servicecoach.training.content;

import java.util.List;
import java.util.Map;

/**
 * A module folder that passed validation.
 *
 * @param contentHash SHA-256 (hex) over every file of the folder, names and bytes: any change gives a new hash
 * @param addresses   the figures the module addresses (module.yml {@code addresses}; may be empty)
 */
public record ModuleSource(String code, int version, Localized title, Localized summary, List<String> skills,
                           List<String> categories, int estimatedMinutes, int passMark, int certificationMonths,
                           AssessmentSettings assessment, Map<String, List<RubricCriterion>> rubrics,
                           List<LessonSource> lessons, List<BankQuestion> questions, String contentHash,
                           List<Addressed> addresses) {

    public ModuleSource {
        addresses = List.copyOf(addresses);
        skills = List.copyOf(skills);
        categories = List.copyOf(categories);
        rubrics = Map.copyOf(rubrics);
        lessons = List.copyOf(lessons);
        questions = List.copyOf(questions);
    }
}
