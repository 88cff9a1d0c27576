package com.servicecoach.training;

import com.servicecoach.account.Viewer;
import com.servicecoach.question.GiftParser;
import com.servicecoach.question.GiftResult;
import com.servicecoach.question.Question;
import com.servicecoach.question.QuestionBankStats;
import com.servicecoach.question.QuestionType;
import com.servicecoach.training.content.StoredLengths;
import com.servicecoach.web.ForbiddenException;
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
 * Imports a GIFT file into a module's bank (supervisors and administrators). All or nothing: a file with
 * any error stores nothing and answers every error with its line. Text blocks without an answer block are
 * Moodle "descriptions", not questions: they are skipped (listed in {@code skipped}), as a bank for
 * assessments has no use for them. Imported questions stay when the module's files are synced again.
 */
@Singleton
public class QuestionImport {

    private final TrainingCatalog catalog;
    private final TrainingQuestionRepository questions;
    private final QuestionJson json;
    private final Clock clock;

    QuestionImport(TrainingCatalog catalog, TrainingQuestionRepository questions, QuestionJson json, Clock clock) {
        this.catalog = catalog;
        this.questions = questions;
        this.json = json;
        this.clock = clock;
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
                List.of(new CatalogViews.LineMessage(1, "The file is not UTF-8 text: save it as UTF-8 and import it again.")), List.of());
    }

    @Transactional
    public CatalogViews.ImportResult run(Viewer viewer, String code, String text) {
        if (!viewer.isAdmin() && !viewer.isSupervisor()) {
            throw new ForbiddenException("Only administrators and supervisors import questions");
        }
        TrainingModule module = catalog.module(code);
        GiftResult parsed = GiftParser.parse(text);
        List<CatalogViews.LineMessage> errors = new ArrayList<>();
        parsed.errors().forEach(e -> errors.add(new CatalogViews.LineMessage(e.line(), e.message())));
        List<CatalogViews.LineMessage> skipped = new ArrayList<>();
        List<Question> accepted = new ArrayList<>();
        for (Question q : parsed.questions()) {
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
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingInt(CatalogViews.LineMessage::line));
            return new CatalogViews.ImportResult(0, new LinkedHashMap<>(), errors, skipped);
        }
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
        int position = questions.findByModuleIdOrderById(module.id()).stream().mapToInt(TrainingQuestion::position)
                .max().orElse(0);
        for (Question q : accepted) {
            questions.save(new TrainingQuestion(null, module.id(), q.name(), q.type().code(), q.category(),
                    TrainingQuestion.IMPORT, ++position, q.line(), json.write(q), null, true, viewer.username(), now, now));
        }
        return new CatalogViews.ImportResult(accepted.size(), QuestionBankStats.byType(accepted), List.of(), skipped);
    }

    /** "the question name is ..." as "The question name is ...." */
    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }
}
