package com.servicecoach.training;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the module catalogue and lessons; texts are in the reader's language. */
public final class CatalogViews {

    private CatalogViews() {
    }

    /** A module in the catalogue list. */
    @Serdeable
    public record ModuleSummary(String code, int version, String title, String summary, List<String> skills,
                                List<String> categories, int estimatedMinutes, int passMark, int lessonCount,
                                int questionCount) {
    }

    /** The assessment settings of a module (from module.yml); {@code tags}: a drawn question carries all of them. */
    @Serdeable
    public record Assessment(int timeLimitMinutes, int attemptsAllowed, String gradingMethod, int questionCount,
                             boolean shuffleQuestions, boolean shuffleOptions, String layout, String review,
                             List<String> tags) {
    }

    /** The size of a module's question bank; never the questions themselves. */
    @Serdeable
    public record Bank(int total, Map<String, Integer> byType, int imported) {
    }

    /** A lesson in a module's table of contents; {@code read} only for agents (null for other roles). */
    @Serdeable
    public record LessonEntry(String slug, int position, String title, @Nullable Boolean read) {
    }

    /** An agent's progress in a module (null for other roles); passedAt: the latest pass of its assessment. */
    @Serdeable
    public record Progress(int lessonsRead, int lessonsTotal, @Nullable Instant passedAt, @Nullable Instant completedAt,
                           @Nullable Integer completedVersion) {
    }

    /** One module with its lessons, bank size, assessment settings and, for agents, their progress. */
    @Serdeable
    public record ModuleDetail(String code, int version, String language, String title, String summary,
                               List<String> skills, List<String> categories, int estimatedMinutes, int passMark,
                               int certificationMonths, Assessment assessment, Bank questionBank,
                               List<LessonEntry> lessons, @Nullable Progress progress,
                               List<com.servicecoach.training.content.Addressed> addresses) {
    }

    /** A lesson rendered to sanitised HTML, with its neighbours' slugs. */
    @Serdeable
    public record Lesson(String module, String moduleTitle, String slug, int position, String title, String language,
                         String html, @Nullable String previous, @Nullable String next, @Nullable Boolean read) {
    }

    /**
     * The answer of a GIFT import (api.md); {@code skipped} lists text blocks without an answer block;
     * {@code importId} names the import (null when nothing was imported), which an administrator may remove again.
     */
    @Serdeable
    public record ImportResult(int imported, Map<String, Integer> byType, List<LineMessage> errors,
                               List<LineMessage> skipped, @Nullable Long importId) {
    }

    @Serdeable
    public record LineMessage(int line, String message) {
    }
}
