package com.servicecoach.assessment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of assessments. Until the review settings allow it, an attempt's shape holds no correct
 * answer, credit or feedback: {@code review} is null and nothing else carries them.
 */
public final class AttemptViews {

    private AttemptViews() {
    }

    /**
     * Something to choose: an option ({@code o1}, ...) or a matching stem ({@code s1}, ...); {@code html} is the text
     * rendered by its GIFT format (sanitised HTML, Markdown, or escaped plain text).
     */
    @Serdeable
    public record Choice(String id, String text, String html) {
    }

    /**
     * One question of an attempt as the agent sees it. {@code answer} is the saved answer in the API's
     * form (null when none); {@code review} appears (non-null) only when review is allowed. {@code textHtml} is the
     * text rendered by its GIFT format.
     */
    @Serdeable
    public record QuestionView(long id, int position, String type, String text, String textHtml, boolean multipleAnswers,
                               List<Choice> options, List<Choice> stems, @Nullable Object answer,
                               @Nullable Review review) {
    }

    /** The review of one question, shown after submission as the assessment's review settings allow. */
    @Serdeable
    public record Review(@Nullable BigDecimal points, int maxPoints, boolean awaitingGrading,
                         @Nullable Object correctAnswer, List<String> acceptedAnswers, List<String> feedback,
                         List<String> feedbackHtml, @Nullable String generalFeedback, @Nullable String generalFeedbackHtml,
                         List<RubricLine> rubric, @Nullable String graderComment,
                         @Nullable String gradedBy) {
    }

    /** A rubric criterion with the points given (null until graded). */
    @Serdeable
    public record RubricLine(int position, String criterion, int maxPoints, @Nullable Integer points) {
    }

    /**
     * The result of a submitted attempt. status: {@code awaiting_grading} while answers wait for a person,
     * then {@code final}. scorePercent is rounded half-up to one decimal. provisionalPercent, while answers
     * wait for grading, is the points known so far out of all points possible (the score can only rise).
     */
    @Serdeable
    public record Result(String status, @Nullable BigDecimal scorePercent, @Nullable BigDecimal pointsEarned,
                         int pointsPossible, @Nullable Boolean passed, int passMark, int awaitingGrading,
                         @Nullable Instant finalAt, @Nullable BigDecimal provisionalPercent) {
    }

    /** An attempt: what {@code POST /api/assessments/{code}/attempts} and {@code GET /api/attempts/{id}} answer. */
    @Serdeable
    public record AttemptView(long attempt, String module, String moduleTitle, String agent, String agentName,
                              int number, String state, String language, String layout, int timeLimitMinutes,
                              Instant startedAt, Instant deadline, Instant graceEndsAt, @Nullable Instant submittedAt,
                              boolean autoSubmitted, String reviewPolicy, boolean reviewAvailable, @Nullable Result result,
                              List<QuestionView> questions) {
    }

    /** What saving an answer answers. */
    @Serdeable
    public record SavedAnswer(long attempt, long question, @Nullable Object answer, Instant savedAt) {
    }

    /** One attempt in a list. */
    @Serdeable
    public record AttemptSummary(long attempt, String module, String moduleTitle, String agent, String agentName,
                                 int number, String state, Instant startedAt, Instant deadline,
                                 @Nullable Instant submittedAt, @Nullable BigDecimal scorePercent,
                                 @Nullable Boolean passed, int awaitingGrading, @Nullable BigDecimal provisionalPercent) {
    }

    /** A certification (the latest of an agent at a module). status: valid, expiring (within 30 days), expired. */
    @Serdeable
    public record CertificationView(String agent, String agentName, String team, String module, String moduleTitle,
                                    long attempt, BigDecimal scorePercent, Instant grantedAt,
                                    @Nullable Instant expiresAt, String status, @Nullable Long renewalAssignment) {
    }

    /**
     * An agent's standing at one module's assessment: attempts used in the current round (attempts allowed
     * count anew after a certification expires), the open attempt, the result by the grading method
     * (rounded) and the certification.
     */
    @Serdeable
    public record Standing(String module, String moduleTitle, String agent, int timeLimitMinutes, int questionCount,
                           int passMark, String gradingMethod, String review, String layout, int attemptsAllowed,
                           int attemptsUsed, @Nullable Integer attemptsLeft, boolean canStart,
                           @Nullable Long openAttempt, @Nullable BigDecimal resultPercent, @Nullable Boolean passed,
                           @Nullable CertificationView certification, List<AttemptSummary> attempts) {
    }

    /** An essay answer waiting for a grader, with the rubric to grade it against. */
    @Serdeable
    public record QueueItem(long attempt, long question, String module, String moduleTitle, String agent,
                            String agentName, String team, Instant submittedAt, String questionText,
                            String questionTextHtml, String answer, List<RubricLine> rubric) {
    }

    /** A grade for an essay answer: the points for each rubric criterion in order, and a comment. */
    @Serdeable
    public record GradeRequest(@Nullable List<Object> points, @Nullable String comment) {
    }

    /** Item analysis of one module's questions over finished attempts. */
    @Serdeable
    public record ItemAnalysis(String module, String moduleTitle, @Nullable String team, int attempts,
                               List<ItemRow> questions) {
    }

    /**
     * One question's figures: facility (mean score / max score), discrimination (correlation with the rest
     * of the test), flags, and how often each option (or, for matching, each option per stem) was chosen.
     */
    @Serdeable
    public record ItemRow(long id, String name, String type, String text, int attempts, @Nullable BigDecimal meanScore,
                          int maxScore, @Nullable BigDecimal facility, @Nullable BigDecimal discrimination,
                          List<String> flags, List<OptionCount> options, List<StemCounts> stems,
                          List<ResponseCount> responses) {
    }

    /** An option and how many attempts chose it; credit is its share of the question's point, in percent. */
    @Serdeable
    public record OptionCount(String id, String text, BigDecimal credit, int chosen) {
    }

    @Serdeable
    public record StemCounts(String id, String text, String rightOption, List<OptionCount> options) {
    }

    /** A typed answer (short answer, numerical) and how many attempts gave it. */
    @Serdeable
    public record ResponseCount(String response, int count) {
    }
}
