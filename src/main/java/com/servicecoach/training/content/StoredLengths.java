package com.servicecoach.training.content;

import com.servicecoach.question.Choice;
import com.servicecoach.question.MatchPair;
import com.servicecoach.question.NumericAnswer;
import com.servicecoach.question.Option;
import com.servicecoach.question.Question;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether parsed training content fits the database columns it is stored in (V20 and V30 migrations), so
 * that an import or a content sync refuses it with a clear message instead of failing in the database
 * ("Data too long" on MySQL). Plain Java: the limits are the columns' sizes.
 *
 * <ul>
 *   <li>{@code training_question.name}, {@code category}: varchar(255), counted in characters;</li>
 *   <li>{@code training_question.content_en}/{@code content_zh}: the question as JSON (text, answers,
 *       feedback, numbers) in a MySQL TEXT column, at most 65,535 bytes of UTF-8;</li>
 *   <li>{@code assessment_attempt_question.option_order}/{@code stem_order}: the question's option and stem
 *       ids joined by commas, varchar(2000);</li>
 *   <li>{@code training_lesson.slug} varchar(120), {@code title_en}/{@code title_zh} varchar(300),
 *       {@code body_en}/{@code body_zh} TEXT;</li>
 *   <li>{@code training_module.skills}: varchar(1000), the skills joined by ';' (other module.yml fields are
 *       checked against their columns by {@link ModuleYaml} already).</li>
 * </ul>
 */
public final class StoredLengths {

    public static final int NAME = 255;
    public static final int CATEGORY = 255;
    /** MySQL TEXT: 2^16 - 1 bytes. */
    public static final int TEXT_BYTES = 65_535;
    public static final int ORDER = 2000;
    public static final int LESSON_SLUG = 120;
    public static final int LESSON_TITLE = 300;
    /** {@code training_module.skills}: the skills joined by ';'. */
    public static final int SKILLS = 1000;
    /** {@code training_module.draw_tags}: the assessment's tags joined by ';'. */
    public static final int DRAW_TAGS = 500;
    /** {@code training_module.addresses}: the figures addressed, stored as {@link Addressed#store}. */
    public static final int ADDRESSES = 1000;

    /*
     * The question's JSON (QuestionJson) is estimated from above: every string as JSON-escaped UTF-8, plus a
     * fixed allowance for the keys, quotes and punctuation of the question and of each answer. The estimate
     * is never below the real size (StoredLengthsTest checks it against QuestionJson), so whatever passes fits.
     */
    static final int QUESTION_OVERHEAD = 320;
    static final int CHOICE_OVERHEAD = 96;
    static final int PAIR_OVERHEAD = 72;
    static final int NUMERIC_OVERHEAD = 112;

    private StoredLengths() {
    }

    /** What about the question does not fit its columns (messages without the line), or an empty list. */
    public static List<String> problems(Question q) {
        List<String> out = new ArrayList<>();
        if (q.name() != null && q.name().length() > NAME) {
            out.add("the question name is " + q.name().length() + " characters long; at most " + NAME + " fit");
        }
        if (q.category() != null && q.category().length() > CATEGORY) {
            out.add("the $CATEGORY path is " + q.category().length() + " characters long; at most " + CATEGORY + " fit");
        }
        int options = joinedLength(q.options());
        if (options > ORDER) {
            out.add("the question has " + q.options().size() + " answers to choose from, too many to store "
                    + "(their ids take " + options + " of " + ORDER + " characters): split the question");
        }
        int stems = joinedLength(q.stems());
        if (stems > ORDER) {
            out.add("the question has " + q.stems().size() + " matching stems, too many to store "
                    + "(their ids take " + stems + " of " + ORDER + " characters): split the question");
        }
        long bytes = storedBytes(q);
        if (bytes > TEXT_BYTES) {
            out.add("the question is too long to store: its text, answers and feedback take about " + bytes
                    + " bytes, at most " + TEXT_BYTES + " fit (the question text alone is " + utf8(q.text())
                    + " bytes): shorten it");
        }
        return out;
    }

    /** The lesson's slug, titles and bodies against their columns (messages without the file), or an empty list. */
    public static List<String> lessonProblems(LessonSource lesson) {
        List<String> out = new ArrayList<>();
        if (lesson.slug().length() > LESSON_SLUG) {
            out.add("the lesson's file name gives a slug of " + lesson.slug().length() + " characters; at most "
                    + LESSON_SLUG + " fit");
        }
        for (String title : List.of(lesson.title().en(), lesson.title().zh())) {
            if (title.length() > LESSON_TITLE) {
                out.add("the lesson title '" + title.substring(0, 40) + "...' is " + title.length()
                        + " characters long; at most " + LESSON_TITLE + " fit");
            }
        }
        for (String body : List.of(lesson.markdown().en(), lesson.markdown().zh())) {
            long bytes = utf8(body);
            if (bytes > TEXT_BYTES) {
                out.add("the lesson is " + bytes + " bytes long; at most " + TEXT_BYTES + " fit: split it into two lessons");
            }
        }
        return out;
    }

    /** An upper bound of the size in bytes of the question as QuestionJson stores it. */
    static long storedBytes(Question q) {
        long n = QUESTION_OVERHEAD + json(q.name()) + json(q.text()) + json(q.generalFeedback()) + json(q.category())
                + json(q.trueFeedback()) + json(q.falseFeedback()) + json(q.idNumber());
        for (String tag : q.tags()) {
            n += 1 + json(tag);
        }
        for (Choice c : q.choices()) {
            n += CHOICE_OVERHEAD + json(c.id()) + json(c.text()) + json(c.fraction()) + json(c.feedback());
        }
        for (MatchPair p : q.pairs()) {
            n += PAIR_OVERHEAD + json(p.stemId()) + json(p.stem()) + json(p.answer()) + json(p.optionId());
        }
        for (NumericAnswer a : q.numeric()) {
            n += NUMERIC_OVERHEAD + json(a.value()) + json(a.tolerance()) + json(a.min()) + json(a.max())
                    + json(a.fraction()) + json(a.feedback());
        }
        return n;
    }

    private static int joinedLength(List<Option> ids) {
        int n = Math.max(0, ids.size() - 1);
        for (Option o : ids) {
            n += o.id().length();
        }
        return n;
    }

    /** The bytes of a number as a JSON string of its plain form, computed without writing it out. */
    private static long json(BigDecimal d) {
        if (d == null) {
            return 4;
        }
        long precision = d.precision();
        long scale = d.scale();
        long digits = scale <= 0 ? precision - scale : scale >= precision ? 2 + scale : precision + 1;
        return 2 + (d.signum() < 0 ? 1 : 0) + digits;
    }

    /** The bytes of a JSON string: quotes, UTF-8, escapes counted at their longest. */
    private static long json(String s) {
        if (s == null) {
            return 4;
        }
        long n = 2;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20) {
                n += 6;
            } else if (c == '"' || c == '\\') {
                n += 2;
            } else {
                n += utf8(c);
            }
        }
        return n;
    }

    private static long utf8(String s) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += utf8(s.charAt(i));
        }
        return n;
    }

    /** UTF-8 bytes of one UTF-16 unit: a surrogate pair's two units make 4 bytes together. */
    private static int utf8(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }
}
