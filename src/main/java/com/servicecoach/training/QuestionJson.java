package com.servicecoach.training;

import com.servicecoach.question.Choice;
import com.servicecoach.question.MatchPair;
import com.servicecoach.question.NumericAnswer;
import com.servicecoach.question.Question;
import com.servicecoach.question.QuestionType;
import com.servicecoach.question.TextFormat;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores a parsed {@link Question} as JSON text (the {@code content_en} / {@code content_zh} columns of
 * {@code training_question}) and reads it back unchanged, so that the assessments feature can show and
 * grade the question with {@link com.servicecoach.question.Grader}. Numbers are kept as strings so that
 * weights like 0.3333333 and tolerances survive exactly. This JSON holds grading data: it is never sent
 * to a client.
 */
@Singleton
public class QuestionJson {

    private final ObjectMapper mapper;

    QuestionJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String write(Question q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", q.name());
        m.put("type", q.type().code());
        m.put("text", q.text());
        m.put("format", q.format().code());
        m.put("generalFeedback", q.generalFeedback());
        m.put("generalFeedbackFormat", q.generalFeedbackFormat().code());
        m.put("tags", q.tags());
        m.put("idNumber", q.idNumber());
        m.put("category", q.category());
        m.put("line", q.line());
        List<Map<String, Object>> choices = new ArrayList<>();
        for (Choice c : q.choices()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", c.id());
            x.put("text", c.text());
            x.put("format", c.format().code());
            x.put("fraction", c.fraction().toPlainString());
            x.put("feedback", c.feedback());
            x.put("feedbackFormat", c.feedbackFormat().code());
            choices.add(x);
        }
        m.put("choices", choices);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (MatchPair p : q.pairs()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("stemId", p.stemId());
            x.put("stem", p.stem());
            x.put("stemFormat", p.stemFormat().code());
            x.put("answer", p.answer());
            x.put("optionId", p.optionId());
            pairs.add(x);
        }
        m.put("pairs", pairs);
        List<Map<String, Object>> numeric = new ArrayList<>();
        for (NumericAnswer a : q.numeric()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("value", plain(a.value()));
            x.put("tolerance", plain(a.tolerance()));
            x.put("min", plain(a.min()));
            x.put("max", plain(a.max()));
            x.put("range", a.range());
            x.put("fraction", a.fraction().toPlainString());
            x.put("feedback", a.feedback());
            x.put("feedbackFormat", a.feedbackFormat().code());
            numeric.add(x);
        }
        m.put("numeric", numeric);
        m.put("trueFalseAnswer", q.trueFalseAnswer());
        m.put("trueFeedback", q.trueFeedback());
        m.put("falseFeedback", q.falseFeedback());
        m.put("multipleAnswers", q.multipleAnswers());
        try {
            return mapper.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public Question read(String json) {
        Map<String, Object> m;
        try {
            m = mapper.readValue(json, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Choice> choices = new ArrayList<>();
        for (Map<String, Object> x : (List<Map<String, Object>>) m.get("choices")) {
            choices.add(new Choice(str(x, "id"), str(x, "text"), format(x, "format"), decimal(x, "fraction"),
                    str(x, "feedback"), format(x, "feedbackFormat")));
        }
        List<MatchPair> pairs = new ArrayList<>();
        for (Map<String, Object> x : (List<Map<String, Object>>) m.get("pairs")) {
            pairs.add(new MatchPair(str(x, "stemId"), str(x, "stem"), format(x, "stemFormat"), str(x, "answer"),
                    str(x, "optionId")));
        }
        List<NumericAnswer> numeric = new ArrayList<>();
        for (Map<String, Object> x : (List<Map<String, Object>>) m.get("numeric")) {
            numeric.add(new NumericAnswer(decimal(x, "value"), decimal(x, "tolerance"), decimal(x, "min"),
                    decimal(x, "max"), Boolean.TRUE.equals(x.get("range")), decimal(x, "fraction"),
                    str(x, "feedback"), format(x, "feedbackFormat")));
        }
        Object tf = m.get("trueFalseAnswer");
        TextFormat format = format(m, "format");
        // Questions stored before general feedback kept its own format have the question's.
        TextFormat gfFormat = m.get("generalFeedbackFormat") == null ? format : format(m, "generalFeedbackFormat");
        List<String> tags = new ArrayList<>();
        if (m.get("tags") instanceof List<?> list) {
            list.forEach(t -> tags.add(String.valueOf(t)));
        }
        return new Question(str(m, "name"), QuestionType.fromCode(str(m, "type")).orElseThrow(), str(m, "text"),
                format, str(m, "generalFeedback"), gfFormat, str(m, "category"), ((Number) m.get("line")).intValue(),
                choices, pairs, numeric, tf == null ? null : Boolean.valueOf(tf.toString()), str(m, "trueFeedback"),
                str(m, "falseFeedback"), Boolean.TRUE.equals(m.get("multipleAnswers")), tags, str(m, "idNumber"));
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    private static String str(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static BigDecimal decimal(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : new BigDecimal(v.toString());
    }

    private static TextFormat format(Map<String, Object> m, String key) {
        return TextFormat.fromCode(str(m, key)).orElse(TextFormat.MOODLE);
    }
}
