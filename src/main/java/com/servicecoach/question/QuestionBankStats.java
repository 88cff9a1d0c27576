package com.servicecoach.question;

import java.util.LinkedHashMap;
import java.util.List;

/** Counts over a list of questions. */
public final class QuestionBankStats {

    private QuestionBankStats() {
    }

    /**
     * Number of questions by type code, in {@link QuestionType} order; types without questions are left out.
     */
    public static LinkedHashMap<String, Integer> byType(List<Question> questions) {
        int[] counts = new int[QuestionType.values().length];
        if (questions != null) {
            for (Question q : questions) {
                if (q != null && q.type() != null) {
                    counts[q.type().ordinal()]++;
                }
            }
        }
        LinkedHashMap<String, Integer> out = new LinkedHashMap<>();
        for (QuestionType t : QuestionType.values()) {
            if (counts[t.ordinal()] > 0) {
                out.put(t.code(), counts[t.ordinal()]);
            }
        }
        return out;
    }
}
