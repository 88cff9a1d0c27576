package com.servicecoach.question;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Writes questions as GIFT, in the form Moodle's own exporter writes ({@code qformat_gift::writequestion} in
 * {@code question/format/gift/format.php}), so that Moodle imports the file and {@link GiftParser} reads it back
 * to the same questions (all fields but {@code line}):
 * <ul>
 * <li>each question starts with the comment {@code // question: N  name: NAME}, then, as Moodle 3.6+ writes them,
 *     {@code // [id:VALUE] [tag:NAME] ...} when it has an id number or tags ({@code ]} written {@code \]}),
 *     then {@code ::name::}, always; a blank line ends it;</li>
 * <li>a {@code $CATEGORY: path} line (after Moodle's comment "Switch category to") wherever the category changes;
 *     questions without a category come first, as GIFT cannot switch back to none;</li>
 * <li>texts are escaped as Moodle's {@code repchar} does: {@code \ # = ~ { } :} get a backslash, a line break
 *     becomes {@code \n}, so every question is written on few lines and leading whitespace survives;</li>
 * <li>a text whose format differs from the question's gets its marker ({@code [html]} ...), the question text when
 *     it is not moodle (Moodle's {@code write_questiontext}); a marker is also written where the text itself would
 *     otherwise read as one;</li>
 * <li>multichoice: {@code =} for full credit in a single-answer question, {@code ~} for none, {@code ~%w%} else
 *     (and {@code =%w%} for the best answer of a single-answer question that has no full-credit answer, which
 *     Moodle reads as full credit); shortanswer {@code =%w%answer#feedback}; numerical {@code =%w%value:tolerance},
 *     ranges as {@code min..max} (Moodle reads both), the catch-all as {@code ~#feedback}; truefalse
 *     {@code TRUE#wrong#right}; match {@code =stem -> answer}; essay {@code {}}; general feedback {@code ####}
 *     last in the block.</li>
 * </ul>
 * Descriptions (no answer block) are written as Moodle writes them, name and text only.
 */
public final class GiftWriter {

    private GiftWriter() {
    }

    /** The questions as one GIFT file (UTF-8 text; Moodle's exporter writes no byte order mark). */
    public static String write(List<Question> questions) {
        List<Question> ordered = new ArrayList<>(questions);
        boolean noneAfterSome = false;
        boolean seen = false;
        for (Question q : ordered) {
            seen |= q.category() != null;
            noneAfterSome |= seen && q.category() == null;
        }
        if (noneAfterSome) {
            ordered.sort(Comparator.comparing(q -> q.category() != null));
        }
        StringBuilder out = new StringBuilder();
        String category = null;
        int n = 0;
        for (Question q : ordered) {
            if (q.category() != null && !q.category().equals(category)) {
                category = q.category();
                out.append("// question: 0  name: Switch category to ").append(oneLine(category)).append('\n');
                out.append("$CATEGORY: ").append(oneLine(category)).append("\n\n");
            }
            out.append(question(q, ++n));
        }
        return out.toString();
    }

    /** One question, with its comment lines and the blank line that ends it. */
    static String question(Question q, int number) {
        StringBuilder out = new StringBuilder();
        out.append("// question: ").append(number).append("  name: ").append(oneLine(q.name()).replace("[", "(")).append('\n');
        List<String> bits = new ArrayList<>();
        if (q.idNumber() != null && !q.idNumber().isEmpty()) {
            bits.add("[id:" + bracket(q.idNumber()) + "]");
        }
        q.tags().forEach(t -> bits.add("[tag:" + bracket(t) + "]"));
        if (!bits.isEmpty()) {
            out.append("// ").append(String.join(" ", bits)).append('\n');
        }
        TextFormat f = q.format();
        out.append("::").append(escape(q.name())).append("::");
        out.append(text(q.text(), f, TextFormat.MOODLE));
        switch (q.type()) {
            case DESCRIPTION -> {
            }
            case ESSAY -> out.append('{').append(generalFeedback(q, "")).append('}');
            case TRUEFALSE -> {
                boolean t = Boolean.TRUE.equals(q.trueFalseAnswer());
                String right = text(t ? q.trueFeedback() : q.falseFeedback(), f, f);
                String wrong = text(t ? q.falseFeedback() : q.trueFeedback(), f, f);
                out.append('{').append(t ? "TRUE" : "FALSE");
                if (!wrong.isEmpty()) {
                    out.append('#').append(wrong);
                } else if (!right.isEmpty()) {
                    out.append('#');
                }
                if (!right.isEmpty()) {
                    out.append('#').append(right);
                }
                out.append(generalFeedback(q, "")).append('}');
            }
            case MULTICHOICE -> {
                out.append("{\n");
                Choice best = q.multipleAnswers() || q.choices().stream().anyMatch(c -> c.fraction().compareTo(BigDecimal.ONE) == 0)
                        ? null : q.choices().stream().max(Comparator.comparing(Choice::fraction)).orElse(null);
                for (Choice c : q.choices()) {
                    String answer = text(c.text(), c.format(), f);
                    String mark;
                    if (!q.multipleAnswers() && c.fraction().compareTo(BigDecimal.ONE) == 0) {
                        mark = answer.startsWith("%") ? "=%100%" : "=";
                    } else if (c == best) {
                        mark = "=%" + percent(c.fraction()) + "%";
                    } else if (c.fraction().signum() == 0 && !answer.startsWith("%")) {
                        mark = "~";
                    } else {
                        mark = "~%" + percent(c.fraction()) + "%";
                    }
                    out.append('\t').append(mark).append(answer);
                    if (!c.feedback().isEmpty()) {
                        out.append('#').append(text(c.feedback(), c.feedbackFormat(), f));
                    }
                    out.append('\n');
                }
                out.append(generalFeedback(q, "\t")).append('}');
            }
            case SHORTANSWER -> {
                out.append("{\n");
                for (Choice c : q.choices()) {
                    out.append("\t=%").append(percent(c.fraction())).append('%').append(text(c.text(), c.format(), f))
                            .append('#').append(text(c.feedback(), c.feedbackFormat(), f)).append('\n');
                }
                out.append(generalFeedback(q, "\t")).append('}');
            }
            case NUMERICAL -> {
                out.append("{#\n");
                for (NumericAnswer a : q.numeric()) {
                    String feedback = text(a.feedback(), a.feedbackFormat(), f);
                    if (a.isCatchAll() && a.fraction().signum() == 0) {
                        out.append("\t~#").append(feedback).append('\n');
                        continue;
                    }
                    out.append("\t=%").append(percent(a.fraction())).append('%');
                    if (a.isCatchAll()) {
                        out.append('*');
                    } else if (a.range()) {
                        out.append(a.min().toPlainString()).append("..").append(a.max().toPlainString());
                    } else {
                        out.append(a.value().toPlainString()).append(':').append(a.tolerance().toPlainString());
                    }
                    out.append('#').append(feedback).append('\n');
                }
                out.append(generalFeedback(q, "\t")).append('}');
            }
            case MATCH -> {
                out.append("{\n");
                for (MatchPair p : q.pairs()) {
                    out.append("\t=").append(text(p.stem(), p.stemFormat(), f)).append(" -> ").append(escape(p.answer()))
                            .append('\n');
                }
                out.append(generalFeedback(q, "\t")).append('}');
            }
        }
        return out.append("\n\n").toString();
    }

    /** Moodle's {@code write_general_feedback}: {@code ####text}, on a line of its own when indented. */
    private static String generalFeedback(Question q, String indent) {
        String gf = text(q.generalFeedback(), q.generalFeedbackFormat(), q.format());
        if (gf.isEmpty()) {
            return "";
        }
        return indent.isEmpty() ? "####" + gf : indent + "####" + gf + "\n";
    }

    /** Moodle's {@code write_questiontext}: the marker when the format differs from the default, then the escaped text. */
    static String text(String text, TextFormat format, TextFormat defaultFormat) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        boolean looksMarked = text.startsWith("[") && text.indexOf(']') > 1
                && TextFormat.fromCode(text.substring(1, text.indexOf(']'))).isPresent();
        String marker = format != defaultFormat || looksMarked ? "[" + format.code() + "]" : "";
        return marker + escape(text);
    }

    /** Moodle's {@code repchar}: {@code \ # = ~ { } :} escaped, line breaks as {@code \n}, CR dropped. */
    public static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '#', '=', '~', '{', '}', ':' -> sb.append('\\').append(c);
                case '\n' -> sb.append("\\n");
                case '\r' -> {
                }
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** A fraction as Moodle writes the weight: 100 times, without trailing zeros (0.3333333 as 33.33333). */
    static String percent(BigDecimal fraction) {
        BigDecimal p = fraction.movePointRight(2).stripTrailingZeros();
        return (p.scale() < 0 ? p.setScale(0) : p).toPlainString();
    }

    private static String bracket(String s) {
        return oneLine(s).replace("]", "\\]");
    }

    private static String oneLine(String s) {
        return Objects.toString(s, "").replace('\r', ' ').replace('\n', ' ');
    }
}
