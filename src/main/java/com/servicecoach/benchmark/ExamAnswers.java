package com.servicecoach.benchmark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A valid answer for a question as {@code POST /api/assessments/{code}/attempts} shows it (api.md): an option id
 * (single choice), a list of option ids (several answers), {@code true}/{@code false}, a string (short answer,
 * essay), a number (numerical) or an object from stem id to option id (matching). Which answer is right does not
 * matter to the load: the exam load measures saving, not scores.
 */
final class ExamAnswers {

    private ExamAnswers() {
    }

    /** The value of {@code "answer"} for this question, chosen with {@code pick} (any whole number). */
    static Object answer(Map<String, Object> question, int pick) {
        String type = String.valueOf(question.get("type"));
        List<Map<String, Object>> options = list(question.get("options"));
        switch (type) {
            case "multichoice" -> {
                if (options.isEmpty()) {
                    throw new IllegalArgumentException("a multichoice question without options: " + question.get("id"));
                }
                String id = String.valueOf(options.get(Math.floorMod(pick, options.size())).get("id"));
                return Boolean.TRUE.equals(question.get("multipleAnswers")) ? List.of(id) : id;
            }
            case "truefalse" -> {
                return Math.floorMod(pick, 2) == 0;
            }
            case "numerical" -> {
                return Math.floorMod(pick, 100);
            }
            case "match" -> {
                List<Map<String, Object>> stems = list(question.get("stems"));
                if (options.isEmpty() || stems.isEmpty()) {
                    throw new IllegalArgumentException("a matching question without stems or options: " + question.get("id"));
                }
                Map<String, Object> pairs = new LinkedHashMap<>();
                for (int i = 0; i < stems.size(); i++) {
                    pairs.put(String.valueOf(stems.get(i).get("id")),
                            String.valueOf(options.get(Math.floorMod(pick + i, options.size())).get("id")));
                }
                return pairs;
            }
            case "shortanswer" -> {
                return "answer " + pick;
            }
            case "essay" -> {
                return "I am sorry for the delay. I have checked your order and will call you back today with the result (draft "
                        + pick + ").";
            }
            default -> throw new IllegalArgumentException("no answer for a question of type " + type);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }
}
