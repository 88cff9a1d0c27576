package com.servicecoach.training.content;

import com.servicecoach.question.Choice;
import com.servicecoach.question.MatchPair;
import com.servicecoach.question.NumericAnswer;
import com.servicecoach.question.Question;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Whether the Chinese twin of a question has the same structure as the English one, so that an attempt can be
 * shown in either language and graded the same way: same type and category; the same number of answers with
 * the same credit in the same order; the same true/false answer; the same numbers; the same matching pattern.
 */
final class BankTwins {

    private BankTwins() {
    }

    /** A description of the first difference, or null when the two have the same structure. */
    static String difference(Question en, Question zh) {
        if (en.type() != zh.type()) {
            return "it is " + zh.type().code() + " here but " + en.type().code() + " in English";
        }
        if (!Objects.equals(en.category(), zh.category())) {
            return "its category is '" + zh.category() + "' here but '" + en.category() + "' in English";
        }
        return switch (en.type()) {
            case MULTICHOICE, SHORTANSWER -> choices(en, zh);
            case TRUEFALSE -> Objects.equals(en.trueFalseAnswer(), zh.trueFalseAnswer()) ? null
                    : "the right answer is " + zh.trueFalseAnswer() + " here but " + en.trueFalseAnswer() + " in English";
            case NUMERICAL -> numeric(en.numeric(), zh.numeric());
            case MATCH -> match(en.pairs(), zh.pairs());
            default -> null;
        };
    }

    private static String choices(Question en, Question zh) {
        if (en.multipleAnswers() != zh.multipleAnswers()) {
            return en.multipleAnswers() ? "English allows several answers but this one only one"
                    : "this one allows several answers but English only one";
        }
        List<Choice> a = en.choices();
        List<Choice> b = zh.choices();
        if (a.size() != b.size()) {
            return "it has " + b.size() + " answers here but " + a.size() + " in English";
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).fraction().compareTo(b.get(i).fraction()) != 0) {
                return "answer " + (i + 1) + " earns " + percent(b.get(i).fraction()) + " here but "
                        + percent(a.get(i).fraction()) + " in English";
            }
        }
        return null;
    }

    private static String numeric(List<NumericAnswer> a, List<NumericAnswer> b) {
        if (a.size() != b.size()) {
            return "it has " + b.size() + " numerical answers here but " + a.size() + " in English";
        }
        for (int i = 0; i < a.size(); i++) {
            NumericAnswer x = a.get(i);
            NumericAnswer y = b.get(i);
            if (!same(x.min(), y.min()) || !same(x.max(), y.max()) || x.fraction().compareTo(y.fraction()) != 0) {
                return "numerical answer " + (i + 1) + " differs in its value, range or credit";
            }
        }
        return null;
    }

    private static String match(List<MatchPair> a, List<MatchPair> b) {
        if (a.size() != b.size()) {
            return "it has " + b.size() + " matching pairs here but " + a.size() + " in English";
        }
        for (int i = 0; i < a.size(); i++) {
            MatchPair x = a.get(i);
            MatchPair y = b.get(i);
            if (x.isDistractor() != y.isDistractor() || !Objects.equals(x.optionId(), y.optionId())) {
                return "matching pair " + (i + 1) + " does not pair up like the English one";
            }
        }
        return null;
    }

    private static boolean same(BigDecimal x, BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    }
}
