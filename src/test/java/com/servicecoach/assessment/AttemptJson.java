package com.servicecoach.assessment;

import java.util.List;
import java.util.Map;

/** Finds things in an attempt's JSON by their visible text, as an agent would. */
@SuppressWarnings("unchecked")
final class AttemptJson {

    private AttemptJson() {
    }

    static List<Map<String, Object>> questions(Map<String, Object> attempt) {
        return (List<Map<String, Object>>) attempt.get("questions");
    }

    /** The question whose text starts with {@code start}. */
    static Map<String, Object> question(Map<String, Object> attempt, String start) {
        return questions(attempt).stream().filter(q -> ((String) q.get("text")).startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no question starting '" + start + "' in " + attempt));
    }

    static long id(Map<String, Object> question) {
        return ((Number) question.get("id")).longValue();
    }

    static String option(Map<String, Object> question, String text) {
        return find((List<Map<String, Object>>) question.get("options"), text);
    }

    static String stem(Map<String, Object> question, String text) {
        return find((List<Map<String, Object>>) question.get("stems"), text);
    }

    private static String find(List<Map<String, Object>> list, String text) {
        return (String) list.stream().filter(o -> o.get("text").equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + text + "' in " + list)).get("id");
    }

    static Map<String, Object> review(Map<String, Object> question) {
        return (Map<String, Object>) question.get("review");
    }

    static Map<String, Object> result(Map<String, Object> attempt) {
        return (Map<String, Object>) attempt.get("result");
    }

    static long attemptId(Map<String, Object> attempt) {
        return ((Number) attempt.get("attempt")).longValue();
    }
}
