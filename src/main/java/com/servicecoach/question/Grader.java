package com.servicecoach.question;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scores responses. A score is a fraction in [0, 1] (1 = full credit); an absent or unusable response
 * scores 0; essays (and descriptions) are scored by a person, so {@link #grade} returns null for them.
 *
 * <p>Response forms: an option id String (single choice; a one-element list also works), a List of option
 * ids (several answers; a single String also works), a Boolean (true/false; "true"/"false" strings also
 * work), a String (short answer), a Number or numeric String (numerical), a Map from stem id to option id
 * (matching).
 */
public final class Grader {

    private static final int SCALE = 10;

    private Grader() {
    }

    public static BigDecimal grade(Question q, Object response) {
        if (q == null || !q.type().isAutoGraded()) {
            return null;
        }
        BigDecimal score = switch (q.type()) {
            case MULTICHOICE -> multichoice(q, response);
            case TRUEFALSE -> trueFalse(q, response);
            case SHORTANSWER -> best(matchingShortAnswers(q, response));
            case NUMERICAL -> bestNumeric(matchingNumericAnswers(q, response));
            case MATCH -> match(q, response);
            default -> BigDecimal.ZERO;
        };
        return clamp(score);
    }

    /**
     * The answer-specific feedback a response earns: that of each chosen option (multichoice), of the best
     * matching answer (short answer, numerical) or of the answer given (true/false). Empty feedback is left
     * out; general feedback is not included ({@link Question#generalFeedback()}).
     */
    public static List<String> feedbackFor(Question q, Object response) {
        return formattedFeedbackFor(q, response).stream().map(Feedback::text).toList();
    }

    /** A feedback text with its format (true/false feedback has the question's). */
    public record Feedback(String text, TextFormat format) {
    }

    /** {@link #feedbackFor} with the format of each feedback. */
    public static List<Feedback> formattedFeedbackFor(Question q, Object response) {
        List<Feedback> out = new ArrayList<>();
        if (q == null) {
            return out;
        }
        switch (q.type()) {
            case MULTICHOICE -> {
                for (String id : chosenIds(response)) {
                    q.choices().stream().filter(c -> c.id().equals(id)).findFirst()
                            .ifPresent(c -> out.add(new Feedback(c.feedback(), c.feedbackFormat())));
                }
            }
            case TRUEFALSE -> {
                Boolean b = bool(response);
                if (b != null) {
                    out.add(new Feedback(b ? q.trueFeedback() : q.falseFeedback(), q.format()));
                }
            }
            case SHORTANSWER -> matchingShortAnswers(q, response).stream()
                    .reduce((x, y) -> y.fraction().compareTo(x.fraction()) > 0 ? y : x)
                    .ifPresent(c -> out.add(new Feedback(c.feedback(), c.feedbackFormat())));
            case NUMERICAL -> matchingNumericAnswers(q, response).stream()
                    .reduce((x, y) -> y.fraction().compareTo(x.fraction()) > 0 ? y : x)
                    .ifPresent(a -> out.add(new Feedback(a.feedback(), a.feedbackFormat())));
            default -> {
            }
        }
        out.removeIf(f -> f.text() == null || f.text().isBlank());
        return out;
    }

    private static BigDecimal multichoice(Question q, Object response) {
        List<String> ids = chosenIds(response);
        if (!q.multipleAnswers() && ids.size() != 1) {
            return BigDecimal.ZERO;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (String id : ids) {
            for (Choice c : q.choices()) {
                if (c.id().equals(id)) {
                    sum = sum.add(c.fraction());
                }
            }
        }
        return sum;
    }

    private static List<String> chosenIds(Object response) {
        Set<String> ids = new LinkedHashSet<>();
        if (response instanceof Collection<?> list) {
            for (Object o : list) {
                if (o != null && !o.toString().isBlank()) {
                    ids.add(o.toString().strip());
                }
            }
        } else if (response instanceof String s && !s.isBlank()) {
            ids.add(s.strip());
        } else if (response instanceof Number n) {
            ids.add(n.toString());
        }
        return new ArrayList<>(ids);
    }

    private static BigDecimal trueFalse(Question q, Object response) {
        Boolean b = bool(response);
        return b != null && b.equals(q.trueFalseAnswer()) ? BigDecimal.ONE : BigDecimal.ZERO;
    }

    private static Boolean bool(Object response) {
        if (response instanceof Boolean b) {
            return b;
        }
        if (response instanceof String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "true", "t" -> Boolean.TRUE;
                case "false", "f" -> Boolean.FALSE;
                default -> null;
            };
        }
        return null;
    }

    private static List<Choice> matchingShortAnswers(Question q, Object response) {
        if (q.type() != QuestionType.SHORTANSWER || !(response instanceof String s)) {
            return List.of();
        }
        String given = normalize(s);
        if (given.isEmpty()) {
            return List.of();
        }
        return q.choices().stream().filter(c -> wildcard(c.text()).matcher(given).matches()).toList();
    }

    /** Trims and turns every run of white space into one space. */
    private static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    /** The answer as a case-insensitive pattern: '*' matches anything, '\*' a literal star. */
    private static Pattern wildcard(String answer) {
        String a = normalize(answer);
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < a.length(); i++) {
            char c = a.charAt(i);
            if (c == '\\' && i + 1 < a.length() && a.charAt(i + 1) == '*') {
                literal.append('*');
                i++;
            } else if (c == '*') {
                re.append(Pattern.quote(literal.toString())).append(".*");
                literal.setLength(0);
            } else {
                literal.append(c);
            }
        }
        re.append(Pattern.quote(literal.toString()));
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }

    private static List<NumericAnswer> matchingNumericAnswers(Question q, Object response) {
        if (q.type() != QuestionType.NUMERICAL) {
            return List.of();
        }
        BigDecimal x = number(response);
        if (x == null) {
            return List.of();
        }
        return q.numeric().stream().filter(a -> a.accepts(x)).toList();
    }

    private static BigDecimal number(Object response) {
        try {
            if (response instanceof BigDecimal d) {
                return d;
            }
            if (response instanceof Double || response instanceof Float) {
                double d = ((Number) response).doubleValue();
                return Double.isFinite(d) ? new BigDecimal(Double.toString(d)) : null;
            }
            if (response instanceof Number n) {
                return new BigDecimal(n.toString());
            }
            if (response instanceof String s && !s.isBlank()) {
                return new BigDecimal(s.strip());
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private static BigDecimal match(Question q, Object response) {
        if (!(response instanceof Map<?, ?> map)) {
            return BigDecimal.ZERO;
        }
        List<MatchPair> stems = q.pairs().stream().filter(p -> !p.isDistractor()).toList();
        if (stems.isEmpty()) {
            return BigDecimal.ZERO;
        }
        Map<String, String> answers = new HashMap<>();
        map.forEach((k, v) -> {
            if (k != null && v != null) {
                answers.put(k.toString().strip(), v.toString());
            }
        });
        int right = 0;
        for (MatchPair p : stems) {
            Object given = answers.get(p.stemId());
            if (given != null && given.toString().strip().equals(p.optionId())) {
                right++;
            }
        }
        return BigDecimal.valueOf(right).divide(BigDecimal.valueOf(stems.size()), SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal best(List<Choice> matches) {
        return matches.stream().map(Choice::fraction).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    private static BigDecimal bestNumeric(List<NumericAnswer> matches) {
        return matches.stream().map(NumericAnswer::fraction).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
    }

    private static BigDecimal clamp(BigDecimal x) {
        if (x.signum() < 0) {
            return BigDecimal.ZERO;
        }
        if (x.compareTo(BigDecimal.ONE) > 0) {
            return BigDecimal.ONE;
        }
        return GiftParser.norm(x);
    }
}
