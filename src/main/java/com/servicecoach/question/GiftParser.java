package com.servicecoach.question;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Parser for Moodle's GIFT question format. It never throws on bad input: every problem it finds becomes a
 * {@link GiftError}, and a question with an error is left out of the result while the rest of the file is
 * still read.
 *
 * <p>How a file is read:
 * <ul>
 * <li>A byte order mark is dropped; CRLF and CR line endings count as LF. Lines are trimmed, except in text
 *     marked {@code [html]} or {@code [markdown]}, where the indentation of each line is kept (as Moodle keeps
 *     it) so that {@code <pre>} blocks and Markdown code blocks survive.</li>
 * <li>Lines starting with {@code //} are comments and are dropped (they do not separate questions). As in
 *     Moodle 3.6 and later ({@code qformat_gift::extract_idnumber_and_tags_from_comment}), the comments of a
 *     question's block may give its id number and tags: {@code // [id:Q-17] [tag:refunds] [tag:tone]}, with
 *     {@code \]} for a literal {@code ]}. An id number given twice in one file is an error at the second.</li>
 * <li>The general feedback after {@code ####} has its own format marker, the question's format when it has
 *     none (as in Moodle).</li>
 * <li>Blank lines separate questions; a question may span several lines.</li>
 * <li>A {@code $CATEGORY: path} line sets the category of the questions after it.</li>
 * <li>{@code \~ \= \# \{ \} \: \\} stand for the literal character, {@code \n} for a line break; any other
 *     backslash is kept as it is.</li>
 * <li>The type follows Moodle's rules: no answer block is a description; an empty block ({@code {}}) an
 *     essay; a block starting with {@code #} numerical; one holding {@code ~} multiple choice; one holding
 *     {@code =} and {@code ->} matching; {@code T}, {@code TRUE}, {@code F} or {@code FALSE} (any case)
 *     true/false; anything else short answer.</li>
 * </ul>
 */
public final class GiftParser {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final int MIN_MATCH_PAIRS = 3;
    private static final int MIN_MATCH_STEMS = 2;
    private static final int MIN_CHOICES = 2;

    private final List<Question> questions = new ArrayList<>();
    private final List<GiftError> errors = new ArrayList<>();
    private final Map<String, Integer> idNumbers = new LinkedHashMap<>();
    private String category;

    /* The characters Moodle's extract_idnumber_and_tags_from_comment accepts: an id number takes no brackets and no
     * control characters, a tag no ']', '<', '>' or control characters; an escaped \] stands for ']'. */
    private static final Pattern ID_NUMBER = Pattern.compile("\\[id:((?:\\\\]|[^\\[\\]\\p{Cntrl}])+)]");
    private static final Pattern TAG = Pattern.compile("\\[tag:((?:\\\\]|[^\\]<>\\p{Cntrl}])+)]");

    private GiftParser() {
    }

    /** Parses a whole GIFT file. Null counts as an empty file. */
    public static GiftResult parse(String text) {
        GiftParser p = new GiftParser();
        p.run(text == null ? "" : text);
        List<GiftError> sorted = new ArrayList<>(p.errors);
        sorted.sort(Comparator.comparingInt(GiftError::line));
        return new GiftResult(p.questions, sorted);
    }

    private void run(String text) {
        String t = text;
        if (t.startsWith("\uFEFF")) {
            t = t.substring(1);
        }
        t = t.replace("\r\n", "\n").replace('\r', '\n');
        String[] lines = t.split("\n", -1);
        List<Integer> nos = new ArrayList<>();
        List<String> block = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                flush(nos, block, comments);
            } else if (line.startsWith("//")) {
                comments.add(line);
            } else {
                nos.add(i + 1);
                block.add(lines[i]);
            }
        }
        flush(nos, block, comments);
    }

    private void flush(List<Integer> nos, List<String> block, List<String> comments) {
        if (block.isEmpty()) {
            comments.clear();
            return;
        }
        int k = 0;
        while (k < block.size() && block.get(k).strip().regionMatches(true, 0, "$CATEGORY:", 0, 10)) {
            String path = block.get(k).strip().substring(10).strip();
            if (path.isEmpty()) {
                errors.add(new GiftError(nos.get(k), "The $CATEGORY line has no category path after the colon."));
            } else {
                category = path;
            }
            k++;
        }
        if (k < block.size()) {
            question(GiftText.of(new ArrayList<>(nos.subList(k, nos.size())),
                    new ArrayList<>(block.subList(k, block.size()))), comments);
        }
        nos.clear();
        block.clear();
        comments.clear();
    }

    private void question(GiftText source, List<String> comments) {
        GiftText.Seg all = source.all().trim();
        int line = all.line();
        List<GiftError> errs = new ArrayList<>();
        String joined = String.join("\n", comments);
        String idNumber = null;
        java.util.regex.Matcher m = ID_NUMBER.matcher(joined);
        if (m.find()) {
            idNumber = m.group(1).replace("\\]", "]").strip();
            if (idNumber.isEmpty()) {
                idNumber = null;
            }
        }
        List<String> tags = new ArrayList<>();
        m = TAG.matcher(joined);
        while (m.find()) {
            String tag = m.group(1).replace("\\]", "]").strip();
            if (!tag.isEmpty() && !tags.contains(tag)) {
                tags.add(tag);
            }
        }
        try {
            Question q = new QuestionReader(all, line, category, errs).read();
            if (q != null && idNumber != null) {
                Integer first = idNumbers.putIfAbsent(idNumber, line);
                if (first != null) {
                    errs.add(new GiftError(line, "The id number '" + shorten(idNumber) + "' is already used by the "
                            + "question on line " + first + ": id numbers are unique in a bank."));
                }
            }
            if (errs.isEmpty() && q != null) {
                questions.add(q.withTagsAndIdNumber(tags, idNumber));
            }
        } catch (RuntimeException e) {
            errs.add(new GiftError(line, "This question could not be read (" + e.getMessage() + ")."));
        }
        errors.addAll(errs);
    }

    /** Removes trailing zeros so that 0.50 reads 0.5 and 1.00 reads 1. */
    /** Numbers of numerical answers have at most this many digits before and after the decimal point. */
    static final int MAX_DIGITS = 40;

    static BigDecimal norm(BigDecimal x) {
        BigDecimal s = x.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    static String collapse(String s) {
        return s.strip().replaceAll("\\s+", " ");
    }

    private static String shorten(String s) {
        String c = collapse(s);
        return c.length() > 40 ? c.substring(0, 37) + "..." : c;
    }

    /** Text with its format. */
    private record Fmt(String text, TextFormat format) {
    }

    /** What is left of an answer after its {@code %weight%}; fraction null when it has none. */
    private record Weighted(BigDecimal fraction, GiftText.Seg rest) {
    }

    /** Reads one question block. */
    private static final class QuestionReader {
        private final GiftText.Seg all;
        private final int line;
        private final String category;
        private final List<GiftError> errs;
        private TextFormat format = TextFormat.MOODLE;

        QuestionReader(GiftText.Seg all, int line, String category, List<GiftError> errs) {
            this.all = all;
            this.line = line;
            this.category = category;
            this.errs = errs;
        }

        private void error(int at, String message) {
            errs.add(new GiftError(at, message));
        }

        Question read() {
            String name = null;
            GiftText.Seg body = all;
            if (body.startsWith("::")) {
                GiftText.Seg rest = body.sub(2);
                int end = rest.find("::");
                if (end < 0) {
                    error(line, "The question name after '::' is not closed with '::' (write \\: for a literal colon).");
                    return null;
                }
                name = collapse(rest.sub(0, end).text());
                body = rest.sub(end + 2).trim();
            }
            int open = body.find('{');
            int close = body.find('}');
            if (open < 0 && close < 0) {
                Fmt text = formatted(body, TextFormat.MOODLE);
                format = text.format();
                if (text.text().isEmpty()) {
                    error(line, "The question has a name but no text and no answer block.");
                    return null;
                }
                return build(name, QuestionType.DESCRIPTION, text.text(), "").done();
            }
            if (open < 0) {
                error(body.lineAt(close), "'}' without an opening '{' (write \\} for a literal brace).");
                return null;
            }
            if (close < 0) {
                error(line, "The answer block opened with '{' on line " + body.lineAt(open)
                        + " is not closed with '}'.");
                return null;
            }
            if (close < open) {
                error(body.lineAt(close), "'}' comes before the answer block's '{' (write \\} for a literal brace).");
                return null;
            }
            int nested = body.find('{', open + 1);
            if (nested >= 0 && nested < close) {
                error(body.lineAt(nested), "'{' inside the answer block opened on line " + body.lineAt(open)
                        + ": close the block first, or write \\{ for a literal brace.");
                return null;
            }
            GiftText.Seg after = body.sub(close + 1);
            int strayOpen = after.find('{');
            int strayClose = after.find('}');
            int stray = strayOpen < 0 ? strayClose : strayClose < 0 ? strayOpen : Math.min(strayOpen, strayClose);
            if (stray >= 0) {
                char c = after.isControl(stray, '{') ? '{' : '}';
                error(after.lineAt(stray), "Text after the answer block holds another '" + c
                        + "': a question has only one answer block (write \\" + c + " for a literal brace).");
            }

            // Question text, with the blank of a "missing word" question.
            GiftText.Seg before = body.sub(0, open).trimStart();
            TextFormat marked = marker(before);
            if (marked != null) {
                format = marked;
                before = before.sub(before.find(']') + 1).trimStart();
            }
            GiftText.Seg inner = body.sub(open + 1, close);
            Fmt generalFeedback = new Fmt("", format);
            int gf = inner.findLast("####");
            if (gf >= 0) {
                generalFeedback = formatted(inner.sub(gf + 4), format);
                inner = inner.sub(0, gf);
            }
            inner = inner.trim();
            QuestionType type = typeOf(inner);

            String text = text(before, format).strip();
            if (!after.isBlank()) {
                // A "missing word" question: the answer fills the gap. True/false, matching and essay answers
                // cannot fill a gap, so for them the text after the block simply continues the text.
                boolean gap = type == QuestionType.MULTICHOICE || type == QuestionType.SHORTANSWER
                        || type == QuestionType.NUMERICAL;
                text = gap ? (text(before, format) + Question.BLANK + text(after, format)).strip()
                        : (text(before, format).stripTrailing() + " " + text(after, format).stripLeading()).strip();
            }
            if (text.isEmpty()) {
                error(line, "The question has no text before its answer block.");
            }

            Builder b = build(name, type, text, generalFeedback.text());
            b.generalFeedbackFormat = generalFeedback.format();
            b = switch (type) {
                case NUMERICAL -> numerical(b, inner.sub(1));
                case MULTICHOICE -> multichoice(b, inner);
                case MATCH -> match(b, inner);
                case TRUEFALSE -> trueFalse(b, inner);
                case SHORTANSWER -> shortAnswer(b, inner);
                default -> b;
            };
            return b == null ? null : b.done();
        }

        /** Moodle's rules, in Moodle's order. */
        private static QuestionType typeOf(GiftText.Seg inner) {
            if (inner.isEmpty()) {
                return QuestionType.ESSAY;
            }
            if (inner.isControl(0, '#')) {
                return QuestionType.NUMERICAL;
            }
            if (inner.find('~') >= 0) {
                return QuestionType.MULTICHOICE;
            }
            if (inner.find('=') >= 0 && inner.find("->") >= 0) {
                return QuestionType.MATCH;
            }
            return trueFalseWord(inner) != null ? QuestionType.TRUEFALSE : QuestionType.SHORTANSWER;
        }

        private Builder build(String name, QuestionType type, String text, String generalFeedback) {
            Builder b = new Builder();
            b.name = name == null || name.isEmpty() ? defaultName(text, format) : name;
            b.type = type;
            b.text = text;
            b.generalFeedback = generalFeedback;
            return b;
        }

        private static String defaultName(String text, TextFormat format) {
            String s = format == TextFormat.HTML ? text.replaceAll("<[^>]*>", " ") : text;
            s = collapse(s);
            if (s.length() > 80) {
                s = s.substring(0, 77).strip() + "...";
            }
            return s.isEmpty() ? "Question" : s;
        }

        private static String trueFalseWord(GiftText.Seg inner) {
            int h = inner.find('#');
            String word = (h < 0 ? inner : inner.sub(0, h)).trim().text().toUpperCase(Locale.ROOT);
            return switch (word) {
                case "T", "TRUE", "F", "FALSE" -> word;
                default -> null;
            };
        }

        private Builder trueFalse(Builder b, GiftText.Seg inner) {
            boolean answer = trueFalseWord(inner).startsWith("T");
            String wrong = "";
            String right = "";
            int h = inner.find('#');
            if (h >= 0) {
                GiftText.Seg rest = inner.sub(h + 1);
                int h2 = rest.find('#');
                wrong = formatted(h2 < 0 ? rest : rest.sub(0, h2), format).text();
                right = h2 < 0 ? "" : formatted(rest.sub(h2 + 1), format).text();
            }
            b.trueFalseAnswer = answer;
            b.trueFeedback = answer ? right : wrong;
            b.falseFeedback = answer ? wrong : right;
            return b;
        }

        private Builder multichoice(Builder b, GiftText.Seg inner) {
            List<GiftText.Piece> pieces = inner.split("~=");
            unexpectedPrefix(pieces.get(0), "each answer starts with '=' (right answer) or '~' (wrong answer).");
            List<GiftText.Piece> answers = pieces.subList(1, pieces.size());
            if (answers.stream().allMatch(p -> p.seg().isBlank())) {
                error(line, "The answer block has no answers.");
                return null;
            }
            boolean anyRight = false;
            int n = 0;
            for (GiftText.Piece p : answers) {
                n++;
                anyRight |= p.marker() == '=';
                Weighted w = weight(p);
                BigDecimal fraction = w.fraction() != null ? w.fraction()
                        : p.marker() == '=' ? BigDecimal.ONE : BigDecimal.ZERO;
                Fmt[] af = answerAndFeedback(w.rest());
                if (af[0].text().isEmpty()) {
                    error(p.line(), "Answer " + n + " is empty: there is no text after '" + p.marker() + "'.");
                    continue;
                }
                b.choices.add(new Choice(String.valueOf(n), af[0].text(), af[0].format(), fraction,
                        af[1].text(), af[1].format()));
            }
            if (answers.size() < MIN_CHOICES) {
                error(line, "A multiple-choice question needs at least " + MIN_CHOICES
                        + " answers; this one has " + answers.size() + ".");
            } else if (!b.choices.isEmpty() && b.choices.stream().noneMatch(Choice::earnsCredit)) {
                error(line, "No answer earns credit: mark the right answer with '=' or give answers a positive "
                        + "weight such as ~%50%.");
            }
            b.multipleAnswers = !anyRight;
            return b;
        }

        private Builder shortAnswer(Builder b, GiftText.Seg inner) {
            List<GiftText.Piece> pieces = inner.split("=");
            unexpectedPrefix(pieces.get(0), "short answers each start with '=', and a true/false answer is "
                    + "T, TRUE, F or FALSE.");
            List<GiftText.Piece> answers = pieces.subList(1, pieces.size());
            if (answers.isEmpty()) {
                return null;
            }
            if (answers.stream().allMatch(p -> p.seg().isBlank())) {
                error(line, "The answer block has no answers.");
                return null;
            }
            int n = 0;
            for (GiftText.Piece p : answers) {
                n++;
                Weighted w = weight(p);
                BigDecimal fraction = w.fraction() != null ? w.fraction() : BigDecimal.ONE;
                Fmt[] af = answerAndFeedback(w.rest());
                if (af[0].text().isEmpty()) {
                    error(p.line(), "Answer " + n + " is empty: there is no text after '='.");
                    continue;
                }
                b.choices.add(new Choice(String.valueOf(n), af[0].text(), af[0].format(), fraction,
                        af[1].text(), af[1].format()));
            }
            if (!b.choices.isEmpty() && b.choices.stream().noneMatch(Choice::earnsCredit)) {
                error(line, "No short answer earns credit: give at least one answer a positive weight.");
            }
            return b;
        }

        private Builder match(Builder b, GiftText.Seg inner) {
            List<GiftText.Piece> pieces = inner.split("=");
            unexpectedPrefix(pieces.get(0), "each pair is written '=question -> answer'.");
            List<GiftText.Piece> answers = pieces.subList(1, pieces.size());
            Map<String, String> optionIds = new LinkedHashMap<>();
            int stems = 0;
            int n = 0;
            for (GiftText.Piece p : answers) {
                n++;
                GiftText.Seg s = p.seg().trim();
                if (s.isEmpty()) {
                    error(p.line(), "Matching pair " + n + " is empty: there is nothing after '='.");
                    continue;
                }
                int arrow = s.find("->");
                if (arrow < 0) {
                    error(p.line(), "Matching pair '" + shorten(s.text())
                            + "' has no '->' between the question and its answer.");
                    continue;
                }
                Fmt stem = formatted(s.sub(0, arrow), format);
                String answer = collapse(s.sub(arrow + 2).text());
                if (answer.isEmpty()) {
                    error(p.line(), "Matching pair '" + shorten(s.text()) + "' has no answer after '->'.");
                    continue;
                }
                String optionId = optionIds.computeIfAbsent(answer, k -> String.valueOf(optionIds.size() + 1));
                String stemId = stem.text().isEmpty() ? null : String.valueOf(++stems);
                b.pairs.add(new MatchPair(stemId, stem.text(), stem.format(), answer, optionId));
            }
            boolean allPairsRead = b.pairs.size() == answers.size();
            if (answers.size() < MIN_MATCH_PAIRS || allPairsRead && stems < MIN_MATCH_STEMS) {
                error(line, "A matching question needs at least " + MIN_MATCH_PAIRS + " pairs, at least "
                        + MIN_MATCH_STEMS + " of them with a question; this one has " + answers.size()
                        + " pair(s), " + stems + " with a question.");
            }
            return b;
        }

        private Builder numerical(Builder b, GiftText.Seg body) {
            List<GiftText.Piece> pieces = body.split("=~");
            List<GiftText.Piece> answers = new ArrayList<>();
            if (!pieces.get(0).seg().isBlank()) {
                answers.add(pieces.get(0));
            }
            answers.addAll(pieces.subList(1, pieces.size()));
            if (answers.isEmpty() || answers.stream().allMatch(p -> p.seg().isBlank() && p.marker() != '~')) {
                error(line, "The numerical answer block has no answers: write a number after '#', e.g. {#42}.");
                return null;
            }
            int n = 0;
            for (GiftText.Piece p : answers) {
                n++;
                boolean wrong = p.marker() == '~';
                Weighted w = weight(p);
                BigDecimal fraction = w.fraction() != null ? w.fraction() : wrong ? BigDecimal.ZERO : BigDecimal.ONE;
                Fmt[] af = answerAndFeedback(w.rest());
                String a = af[0].text().strip();
                if (a.isEmpty() && !wrong) {
                    error(p.line(), "Numerical answer " + n + " has no number.");
                    continue;
                }
                if (a.isEmpty() || a.equals("*")) {
                    b.numeric.add(new NumericAnswer(null, null, null, null, false, fraction, af[1].text(),
                            af[1].format()));
                    continue;
                }
                NumericAnswer parsed = number(a, fraction, af[1], p.line());
                if (parsed != null) {
                    b.numeric.add(parsed);
                }
            }
            if (b.numeric.size() == answers.size() && b.numeric.stream().noneMatch(x -> x.fraction().signum() > 0)) {
                error(line, "No numerical answer earns credit: give at least one answer, e.g. {#42}.");
            }
            return b;
        }

        private NumericAnswer number(String a, BigDecimal fraction, Fmt feedback, int at) {
            if (tooManyDigits(a)) {
                error(at, "Numerical answer '" + shorten(a) + "' has a number with more than " + MAX_DIGITS
                        + " digits before or after the decimal point: write it with fewer digits.");
                return null;
            }
            String bad = "Numerical answer '" + shorten(a) + "' is not a number: write a number (3), a number "
                    + "with a tolerance (3:0.5) or a range (1..5).";
            int dots = a.indexOf("..");
            if (dots > 0) {
                BigDecimal min = decimal(a.substring(0, dots));
                BigDecimal max = decimal(a.substring(dots + 2));
                if (min == null || max == null) {
                    error(at, bad);
                    return null;
                }
                if (min.compareTo(max) > 0) {
                    error(at, "Numerical range '" + a + "' starts above where it ends: write the smaller number "
                            + "first.");
                    return null;
                }
                BigDecimal mid = norm(min.add(max).divide(BigDecimal.valueOf(2)));
                return new NumericAnswer(mid, norm(max.subtract(mid)), min, max, true, fraction,
                        feedback.text(), feedback.format());
            }
            int colon = a.indexOf(':');
            BigDecimal value = decimal(colon > 0 ? a.substring(0, colon) : a);
            BigDecimal tolerance = colon > 0 ? decimal(a.substring(colon + 1)) : BigDecimal.ZERO;
            if (value == null || tolerance == null) {
                error(at, bad);
                return null;
            }
            if (tolerance.signum() < 0) {
                error(at, "Numerical answer '" + a + "' has a negative tolerance.");
                return null;
            }
            return new NumericAnswer(value, tolerance, norm(value.subtract(tolerance)), norm(value.add(tolerance)), false,
                    fraction, feedback.text(), feedback.format());
        }

        /**
         * True when a number of the answer (value, tolerance or range end) has more than {@link #MAX_DIGITS}
         * digits before or after the point once written out: 1e999999999 would take a billion digits to add,
         * store and show. Checked on the exponent, before any arithmetic.
         */
        private static boolean tooManyDigits(String a) {
            for (String part : a.split("\\.\\.|:", -1)) {
                String t = part.strip();
                if (!NUMBER.matcher(t).matches()) {
                    continue;
                }
                try {
                    BigDecimal d = new BigDecimal(t);
                    if (d.signum() == 0) {
                        continue;
                    }
                    d = d.stripTrailingZeros();
                    long before = (long) d.precision() - d.scale();
                    if (before > MAX_DIGITS || d.scale() > MAX_DIGITS) {
                        return true;
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    return true;
                }
            }
            return false;
        }

        private static BigDecimal decimal(String s) {
            String t = s.strip();
            return NUMBER.matcher(t).matches() ? norm(new BigDecimal(t)) : null;
        }

        private void unexpectedPrefix(GiftText.Piece first, String rule) {
            GiftText.Seg s = first.seg().trim();
            if (!s.isEmpty()) {
                error(s.line(), "Unexpected text '" + shorten(s.text()) + "' in the answer block: " + rule);
            }
        }

        /** Reads a leading {@code %weight%}; text starting with '%' that is no weight stays text. */
        private Weighted weight(GiftText.Piece p) {
            GiftText.Seg t = p.seg().trimStart();
            if (!t.isControl(0, '%')) {
                return new Weighted(null, t);
            }
            int end = t.find('%', 1);
            if (end < 0) {
                return new Weighted(null, t);
            }
            String w = t.sub(1, end).text().strip();
            if (!NUMBER.matcher(w).matches()) {
                return new Weighted(null, t);
            }
            BigDecimal percent = new BigDecimal(w);
            if (percent.abs().compareTo(BigDecimal.valueOf(100)) > 0) {
                error(p.line(), "The answer weight " + w + "% is outside -100%..100%.");
                return new Weighted(BigDecimal.ZERO, t.sub(end + 1));
            }
            return new Weighted(norm(percent.movePointLeft(2)), t.sub(end + 1));
        }

        /** Splits "answer # feedback" and reads each part's format marker. */
        private Fmt[] answerAndFeedback(GiftText.Seg s) {
            int h = s.find('#');
            Fmt answer = formatted(h < 0 ? s : s.sub(0, h), format);
            Fmt feedback = h < 0 ? new Fmt("", format) : formatted(s.sub(h + 1), format);
            return new Fmt[] {answer, feedback};
        }

        private static TextFormat marker(GiftText.Seg s) {
            if (!s.startsWith("[")) {
                return null;
            }
            int end = s.find(']');
            return end <= 1 ? null : TextFormat.fromCode(s.sub(1, end).text()).orElse(null);
        }

        private static Fmt formatted(GiftText.Seg s, TextFormat fallback) {
            GiftText.Seg t = s.trim();
            TextFormat f = marker(t);
            if (f != null) {
                return new Fmt(text(t.sub(t.find(']') + 1).trim(), f), f);
            }
            return new Fmt(text(t, fallback), fallback);
        }

        /** HTML and Markdown keep the indentation of their lines; plain and moodle text is read line-trimmed. */
        private static String text(GiftText.Seg s, TextFormat f) {
            return f == TextFormat.HTML || f == TextFormat.MARKDOWN ? s.raw() : s.text();
        }

        private final class Builder {
            String name;
            QuestionType type;
            String text;
            String generalFeedback;
            TextFormat generalFeedbackFormat;
            final List<Choice> choices = new ArrayList<>();
            final List<MatchPair> pairs = new ArrayList<>();
            final List<NumericAnswer> numeric = new ArrayList<>();
            Boolean trueFalseAnswer;
            String trueFeedback = "";
            String falseFeedback = "";
            boolean multipleAnswers;

            Question done() {
                return new Question(name, type, text, format, generalFeedback,
                        generalFeedbackFormat == null ? format : generalFeedbackFormat, category, line, choices, pairs,
                        numeric, trueFalseAnswer, trueFeedback, falseFeedback, multipleAnswers, List.of(), null);
            }
        }
    }
}
