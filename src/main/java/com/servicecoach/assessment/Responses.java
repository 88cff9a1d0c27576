package com.servicecoach.assessment;

import com.servicecoach.question.Question;
import com.servicecoach.question.QuestionType;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Answers between the agent's view and storage. The agent sees an attempt's options as {@code o1, o2, ...}
 * and a matching question's stems as {@code s1, s2, ...} in the order fixed for the attempt; answers are
 * stored in the bank's own ids, which {@link com.servicecoach.question.Grader} grades and item analysis
 * counts. Plain Java.
 *
 * <p>Accepted answers: an option id (single choice), a list of option ids (several answers), true/false,
 * a string (short answer up to {@value #SHORT_MAX} characters, essay up to {@value #ESSAY_MAX}), a number
 * or a decimal string (numerical), an object from stem id to option id (matching). null, "", [] and {}
 * clear the answer.
 */
public final class Responses {

    public static final int SHORT_MAX = 500;
    public static final int ESSAY_MAX = 20_000;

    /** Why an answer was refused: a message key of the assessment bundle and its arguments. */
    public static final class Refused extends RuntimeException {
        private final String key;
        private final List<String> args;

        Refused(String key, Object... args) {
            super(key);
            this.key = key;
            this.args = java.util.Arrays.stream(args).map(String::valueOf).toList();
        }

        public String key() {
            return key;
        }

        public List<String> args() {
            return args;
        }
    }

    private Responses() {
    }

    public static String optionId(int index) {
        return "o" + (index + 1);
    }

    public static String stemId(int index) {
        return "s" + (index + 1);
    }

    /**
     * The answer in bank ids, or null when the given answer clears it.
     *
     * @param options the bank's option ids in the attempt's order
     * @param stems   the bank's stem ids in the attempt's order
     * @throws Refused when the answer does not fit the question
     */
    public static Object toBank(Question q, List<String> options, List<String> stems, Object given) {
        if (given == null) {
            return null;
        }
        QuestionType type = q.type();
        switch (type) {
            case MULTICHOICE -> {
                if (q.multipleAnswers()) {
                    if (!(given instanceof Collection<?> list)) {
                        throw new Refused("assessment.answer.list", range(options.size()));
                    }
                    Set<String> ids = new LinkedHashSet<>();
                    for (Object o : list) {
                        ids.add(bankOption(o, options));
                    }
                    return ids.isEmpty() ? null : new ArrayList<>(ids);
                }
                if (given instanceof String s && s.isBlank()) {
                    return null;
                }
                if (!(given instanceof String)) {
                    throw new Refused("assessment.answer.single", range(options.size()));
                }
                return bankOption(given, options);
            }
            case TRUEFALSE -> {
                if (!(given instanceof Boolean b)) {
                    throw new Refused("assessment.answer.boolean");
                }
                return b;
            }
            case SHORTANSWER, ESSAY -> {
                if (!(given instanceof String s)) {
                    throw new Refused("assessment.answer.text");
                }
                int max = type == QuestionType.ESSAY ? ESSAY_MAX : SHORT_MAX;
                if (s.length() > max) {
                    throw new Refused("assessment.answer.tooLong", max, s.length());
                }
                return s.isBlank() ? null : s;
            }
            case NUMERICAL -> {
                if (given instanceof String s && s.isBlank()) {
                    return null;
                }
                BigDecimal d = number(given);
                if (d == null) {
                    throw new Refused("assessment.answer.number", String.valueOf(given));
                }
                return d.toPlainString();
            }
            case MATCH -> {
                if (!(given instanceof Map<?, ?> map)) {
                    throw new Refused("assessment.answer.match");
                }
                Map<String, String> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    String stem = String.valueOf(e.getKey()).strip();
                    int i = index(stem, "s", stems.size());
                    if (i < 0) {
                        throw new Refused("assessment.answer.stem", stem, "s1-s" + stems.size());
                    }
                    if (e.getValue() == null || (e.getValue() instanceof String v && v.isBlank())) {
                        continue;
                    }
                    out.put(stems.get(i), bankOption(e.getValue(), options));
                }
                return out.isEmpty() ? null : out;
            }
            default -> throw new Refused("assessment.answer.none");
        }
    }

    /** A stored answer (bank ids) as the agent sees it (attempt ids); numbers as BigDecimal. */
    public static Object toAttempt(Question q, List<String> options, List<String> stems, Object stored) {
        if (stored == null) {
            return null;
        }
        return switch (q.type()) {
            case MULTICHOICE -> {
                if (stored instanceof Collection<?> list) {
                    List<String> out = new ArrayList<>();
                    for (Object o : list) {
                        int i = options.indexOf(String.valueOf(o));
                        if (i >= 0) {
                            out.add(optionId(i));
                        }
                    }
                    yield out;
                }
                int i = options.indexOf(String.valueOf(stored));
                yield i < 0 ? null : optionId(i);
            }
            case NUMERICAL -> number(stored);
            case MATCH -> {
                Map<String, String> out = new LinkedHashMap<>();
                if (stored instanceof Map<?, ?> map) {
                    for (int s = 0; s < stems.size(); s++) {
                        Object v = map.get(stems.get(s));
                        int i = v == null ? -1 : options.indexOf(String.valueOf(v));
                        if (i >= 0) {
                            out.put(stemId(s), optionId(i));
                        }
                    }
                }
                yield out;
            }
            default -> stored;
        };
    }

    /** The attempt's option id for a bank option id, or null. */
    public static String attemptOption(List<String> options, String bankId) {
        int i = options.indexOf(bankId);
        return i < 0 ? null : optionId(i);
    }

    private static String bankOption(Object o, List<String> options) {
        String id = o == null ? "" : String.valueOf(o).strip();
        int i = index(id, "o", options.size());
        if (i < 0) {
            throw new Refused("assessment.answer.option", id, range(options.size()));
        }
        return options.get(i);
    }

    private static String range(int n) {
        return n == 0 ? "-" : "o1-o" + n;
    }

    private static int index(String id, String prefix, int size) {
        if (!id.startsWith(prefix) || !id.substring(prefix.length()).matches("[1-9][0-9]{0,3}")) {
            return -1;
        }
        int i = Integer.parseInt(id.substring(prefix.length())) - 1;
        return i < size ? i : -1;
    }

    static BigDecimal number(Object o) {
        try {
            if (o instanceof BigDecimal d) {
                return d;
            }
            if (o instanceof Double || o instanceof Float) {
                double d = ((Number) o).doubleValue();
                return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
            }
            if (o instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            if (o instanceof String s && s.strip().matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,4})?")) {
                return new BigDecimal(s.strip());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }
}
