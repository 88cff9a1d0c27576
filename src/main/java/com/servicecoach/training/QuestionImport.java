package com.servicecoach.training;

import com.servicecoach.account.Viewer;
import com.servicecoach.question.GiftParser;
import com.servicecoach.question.GiftResult;
import com.servicecoach.question.Question;
import com.servicecoach.question.QuestionBankStats;
import com.servicecoach.question.QuestionType;
import com.servicecoach.report.audit.AuditEntry;
import com.servicecoach.report.audit.ReportAudit;
import com.servicecoach.training.content.StoredLengths;
import com.servicecoach.web.ForbiddenException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Imports a GIFT file into a module's bank (administrators only: a bank feeds every team's assessments). All or
 * nothing: a file with any error, or with more questions than {@code servicecoach.training.max-import-questions},
 * stores nothing and answers every error with its line. Text blocks without an answer block are Moodle
 * "descriptions", not questions: they are skipped (listed in {@code skipped}), as a bank for assessments has no
 * use for them. Each import is recorded as a {@link QuestionImportBatch} and in the audit record; imported
 * questions stay when the module's files are synced again, until an administrator removes them
 * ({@link ImportedQuestions}). Id numbers ({@code // [id:...]}) are unique per bank: one the bank already holds is
 * an error at the question's line.
 */
@Singleton
public class QuestionImport {

    private final TrainingCatalog catalog;
    private final TrainingQuestionRepository questions;
    private final QuestionJson json;
    private final QuestionBank bank;
    private final QuestionImportBatchRepository batches;
    private final ReportAudit audit;
    private final Clock clock;
    private final int maxQuestions;

    QuestionImport(TrainingCatalog catalog, TrainingQuestionRepository questions, QuestionJson json, QuestionBank bank,
                   QuestionImportBatchRepository batches, ReportAudit audit, Clock clock,
                   @Value("${servicecoach.training.max-import-questions:500}") int maxQuestions) {
        this.catalog = catalog;
        this.questions = questions;
        this.json = json;
        this.bank = bank;
        this.batches = batches;
        this.audit = audit;
        this.clock = clock;
        this.maxQuestions = maxQuestions;
    }

    /** The most questions one import may hold. */
    public int maxQuestions() {
        return maxQuestions;
    }

    /** Decodes an uploaded file as UTF-8; null when the bytes are not UTF-8. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    public static CatalogViews.ImportResult notUtf8() {
        return new CatalogViews.ImportResult(0, new LinkedHashMap<>(),
                List.of(new CatalogViews.LineMessage(1, "The file is not UTF-8 text: save it as UTF-8 and import it again.")), List.of(),
                null);
    }

    @Transactional
    public CatalogViews.ImportResult run(Viewer viewer, String code, String text) {
        return run(viewer, code, text, null);
    }

    /** Imports {@code text}, the file {@code fileName} (null when it has none). */
    @Transactional
    public CatalogViews.ImportResult run(Viewer viewer, String code, String text, @Nullable String fileName) {
        if (!viewer.isAdmin()) {
            throw new ForbiddenException("Only administrators import questions into a module's bank");
        }
        TrainingModule module = catalog.module(code);
        GiftResult parsed = GiftParser.parse(text);
        List<CatalogViews.LineMessage> errors = new ArrayList<>();
        parsed.errors().forEach(e -> errors.add(new CatalogViews.LineMessage(e.line(), e.message())));
        List<CatalogViews.LineMessage> skipped = new ArrayList<>();
        List<Question> accepted = new ArrayList<>();
        java.util.Map<String, String> idNumbers = bank.idNumbers(module);
        for (Question q : parsed.questions()) {
            if (q.idNumber() != null && idNumbers.containsKey(q.idNumber())) {
                errors.add(new CatalogViews.LineMessage(q.line(), "The id number '" + q.idNumber() + "' is already used by "
                        + "the question '" + idNumbers.get(q.idNumber()) + "' of this bank: id numbers are unique in a bank."));
                continue;
            }
            if (q.type() == QuestionType.DESCRIPTION) {
                skipped.add(new CatalogViews.LineMessage(q.line(),
                        "Text without an answer block (a Moodle description) is not a question and was not added."));
            } else {
                List<String> tooLong = StoredLengths.problems(q);
                tooLong.forEach(m -> errors.add(new CatalogViews.LineMessage(q.line(), sentence(m))));
                if (tooLong.isEmpty()) {
                    accepted.add(q);
                }
            }
        }
        if (errors.isEmpty() && accepted.isEmpty()) {
            errors.add(new CatalogViews.LineMessage(1, "The file holds no questions."));
        }
        if (accepted.size() > maxQuestions) {
            errors.add(new CatalogViews.LineMessage(accepted.get(maxQuestions).line(), String.format(java.util.Locale.ROOT,
                    "The file holds %d questions, more than the %d one import may add: nothing was imported. "
                            + "Split the file and import the parts one by one.", accepted.size(), maxQuestions)));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(CatalogViews.LineMessage::line));
            return new CatalogViews.ImportResult(0, new LinkedHashMap<>(), errors, skipped, null);
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        int position = questions.findByModuleIdOrderById(module.id()).stream().mapToInt(TrainingQuestion::position)
                .max().orElse(0);
        String name = fileName == null || fileName.isBlank() ? null
                : fileName.strip().length() <= 255 ? fileName.strip() : fileName.strip().substring(0, 254) + "…";
        QuestionImportBatch batch = batches.save(new QuestionImportBatch(null, module.id(), name, accepted.size(),
                viewer.username(), now));
        for (Question q : accepted) {
            questions.save(new TrainingQuestion(null, module.id(), q.name(), q.type().code(), q.category(),
                    TrainingQuestion.IMPORT, ++position, q.line(), json.write(q), null, true, viewer.username(), now, now,
                    batch.id()));
        }
        audit.recordQuestionBank(viewer, AuditEntry.IMPORT, module.code(), batch.id(), accepted.size(), null);
        return new CatalogViews.ImportResult(accepted.size(), QuestionBankStats.byType(accepted), List.of(), skipped, batch.id());
    }

    /** "the question name is ..." as "The question name is ...." */
    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }
}
