package com.servicecoach.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a user chooses email delivery for: each topic groups notification kinds (the {@code kind} of
 * {@link Notifications#notify}). Every kind belongs to exactly one topic (EmailTopicTest). {@code roles} are
 * those who get the topic's notifications, so the settings page shows each person the topics that reach them.
 */
public enum EmailTopic {
    TRAINING_NEW("trainingNew", Set.of("AGENT"), "assignment.new"),
    TRAINING_DUE("trainingDue", Set.of("AGENT"), "assignment.dueSoon"),
    TRAINING_OVERDUE("trainingOverdue", Set.of("AGENT"), "assignment.overdue", "assignment.reminder"),
    ASSESSMENT_RESULTS("assessmentResults", Set.of("AGENT"), "assessment.passed", "assessment.failed", "assessment.certified"),
    ESSAYS_TO_GRADE("essaysToGrade", Set.of("SUPERVISOR"), "assessment.toGrade"),
    CERTIFICATION_EXPIRING("certificationExpiring", Set.of("AGENT", "SUPERVISOR"), "assessment.certExpiring", "assessment.certExpiringTeam"),
    CERTIFICATION_EXPIRED("certificationExpired", Set.of("AGENT", "SUPERVISOR"), "assessment.certExpired", "assessment.certExpiredTeam"),
    COACHING_SESSIONS("coachingSessions", Set.of("AGENT"), "coaching.new", "coaching.goalMet", "coaching.goalMissed", "coaching.goalNoData"),
    COACHING_ACTIONS("coachingActions", Set.of("AGENT", "SUPERVISOR"), "coaching.overdue", "coaching.overdue.supervisor"),
    MONTHLY_REPORT("monthlyReport", Set.of("HR"), "report.monthlyReady"),
    QUALITY_REVIEWS("qualityReviews", Set.of("AGENT", "SUPERVISOR", "ADMIN"), "quality.reviewed", "quality.disputed", "quality.resolved",
            "quality.calibration");

    private final String code;
    private final Set<String> roles;
    private final List<String> kinds;

    EmailTopic(String code, Set<String> roles, String... kinds) {
        this.code = code;
        this.roles = roles;
        this.kinds = List.of(kinds);
    }

    /** The topic's name in the API and the settings (e.g. {@code trainingDue}). */
    public String code() {
        return code;
    }

    public List<String> kinds() {
        return kinds;
    }

    public boolean reaches(String role) {
        return roles.contains(role);
    }

    public static Optional<EmailTopic> ofKind(String kind) {
        return Arrays.stream(values()).filter(t -> t.kinds.contains(kind)).findFirst();
    }

    public static Optional<EmailTopic> ofCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }

    /** How a topic's notifications are emailed to one user. */
    public enum Delivery {
        IMMEDIATELY, DIGEST, OFF;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Delivery> parse(String value) {
            return Arrays.stream(values()).filter(d -> d.code().equals(value)).findFirst();
        }
    }
}
