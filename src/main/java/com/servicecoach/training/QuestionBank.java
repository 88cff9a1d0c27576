package com.servicecoach.training;

import com.servicecoach.account.Viewer;
import com.servicecoach.question.Choice;
import com.servicecoach.question.GiftWriter;
import com.servicecoach.question.MatchPair;
import com.servicecoach.question.NumericAnswer;
import com.servicecoach.question.Question;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * A module's whole bank (its file questions and the imported ones still in use) as parsed, for administrators to
 * review without reading the files (answers, weights, feedback, formats, tags and id numbers included, so never for
 * other roles), and its export as GIFT ({@link GiftWriter}) that Moodle and {@link QuestionImport} read back to the
 * same questions. Questions are in bank order (position, then id); file questions in English, the language of the
 * bank's files.
 */
@Singleton
public class QuestionBank {

    /** One question of the bank with everything the parser read. */
    @Serdeable
    public record BankQuestion(long id, String source, String name, String type, @Nullable String category, String text,
                               String format, String generalFeedback, String generalFeedbackFormat, List<String> tags,
                               @Nullable String idNumber, boolean multipleAnswers, List<BankChoice> choices,
                               List<BankPair> pairs, List<BankNumber> numeric, @Nullable Boolean trueFalseAnswer,
                               String trueFeedback, String falseFeedback, int line) {
    }

    /** A multichoice or shortanswer answer: its credit in [-1, 1] and feedback. */
    @Serdeable
    public record BankChoice(String id, String text, String format, BigDecimal fraction, String feedback,
                             String feedbackFormat) {
    }

    /** A matching pair; stemId null for a distractor. */
    @Serdeable
    public record BankPair(@Nullable String stemId, String stem, String stemFormat, String answer, String optionId) {
    }

    /** A numerical answer; value, tolerance, min and max null for the catch-all. */
    @Serdeable
    public record BankNumber(@Nullable BigDecimal value, @Nullable BigDecimal tolerance, @Nullable BigDecimal min,
                             @Nullable BigDecimal max, boolean range, BigDecimal fraction, String feedback,
                             String feedbackFormat) {
    }

    private final TrainingCatalog catalog;
    private final TrainingQuestionRepository questions;
    private final QuestionJson json;

    QuestionBank(TrainingCatalog catalog, TrainingQuestionRepository questions, QuestionJson json) {
        this.catalog = catalog;
        this.questions = questions;
        this.json = json;
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw new ForbiddenException("Only administrators review and export a module's question bank");
        }
    }

    private List<TrainingQuestion> rows(String code) {
        TrainingModule module = catalog.module(code);
        return questions.findByModuleIdAndActiveOrderById(module.id(), true).stream()
                .sorted(Comparator.comparingInt(TrainingQuestion::position).thenComparing(TrainingQuestion::id))
                .toList();
    }

    /** A page of the bank (administrators; 404 for an unknown module). */
    public PageResponse<BankQuestion> page(Viewer viewer, String code, int page, int size) {
        requireAdmin(viewer);
        List<TrainingQuestion> all = rows(code);
        int from = (int) Math.min((long) page * size, all.size());
        List<BankQuestion> content = all.subList(from, Math.min(all.size(), from + size)).stream()
                .map(r -> view(r, json.read(r.contentEn()))).toList();
        return new PageResponse<>(content, page, size, all.size());
    }

    /** The whole bank as one GIFT file (administrators). */
    public String gift(Viewer viewer, String code) {
        requireAdmin(viewer);
        return GiftWriter.write(rows(code).stream().map(r -> json.read(r.contentEn())).toList());
    }

    static BankQuestion view(TrainingQuestion row, Question q) {
        return new BankQuestion(row.id(), row.source(), q.name(), q.type().code(), q.category(), q.text(), q.format().code(),
                q.generalFeedback(), q.generalFeedbackFormat().code(), q.tags(), q.idNumber(), q.multipleAnswers(),
                q.choices().stream().map(QuestionBank::choice).toList(),
                q.pairs().stream().map(p -> new BankPair(p.stemId(), p.stem(), p.stemFormat().code(), p.answer(), p.optionId()))
                        .toList(),
                q.numeric().stream().map(QuestionBank::number).toList(),
                q.trueFalseAnswer(), q.trueFeedback(), q.falseFeedback(), q.line());
    }

    private static BankChoice choice(Choice c) {
        return new BankChoice(c.id(), c.text(), c.format().code(), c.fraction(), c.feedback(), c.feedbackFormat().code());
    }

    private static BankNumber number(NumericAnswer a) {
        return new BankNumber(a.value(), a.tolerance(), a.min(), a.max(), a.range(), a.fraction(), a.feedback(),
                a.feedbackFormat().code());
    }

    /** The id numbers already used in the module's bank (for the rule that they are unique per bank). */
    public java.util.Map<String, String> idNumbers(TrainingModule module) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (TrainingQuestion r : questions.findByModuleIdAndActiveOrderById(module.id(), true)) {
            String id = json.read(r.contentEn()).idNumber();
            if (id != null) {
                out.putIfAbsent(id, r.name());
            }
        }
        return out;
    }
}
