package com.servicecoach.training;

import com.servicecoach.account.Viewer;
import com.servicecoach.report.audit.AuditEntry;
import com.servicecoach.report.audit.ReportAudit;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.NotFoundException;
import com.servicecoach.web.PageResponse;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The questions that imports brought into a module's bank, and their removal (administrators only; other roles
 * 403). Only imported questions can be removed: the module's own file questions belong to the content sync. A
 * removed question that no attempt drew is deleted; one that an attempt drew or answered is retired instead
 * ({@code active} false): it is never drawn again, while the attempts that hold it stay gradable and reviewable
 * (their rows refer to it). Each removal is written to the audit record with its counts.
 */
@Singleton
public class ImportedQuestions {

    /** One import of a module's bank and how many of its questions are still in the bank. */
    @Serdeable
    public record ImportView(long id, @Nullable String fileName, String importedBy, Instant importedAt, int questions,
                             long remaining) {
    }

    /** An imported question still in the bank (administrators only; never its answers). */
    @Serdeable
    public record QuestionView(long id, @Nullable Long importId, String name, String type, @Nullable String category,
                               String text, int line, @Nullable String importedBy, Instant importedAt) {
    }

    /** What a removal did: questions removed, of which deleted and retired (kept for the attempts that drew them). */
    @Serdeable
    public record Removal(int removed, int deleted, int retired) {
    }

    private static final int TEXT_CHARS = 160;

    private final TrainingCatalog catalog;
    private final TrainingQuestionRepository questions;
    private final QuestionImportBatchRepository batches;
    private final QuestionJson json;
    private final ReportAudit audit;
    private final Clock clock;

    ImportedQuestions(TrainingCatalog catalog, TrainingQuestionRepository questions, QuestionImportBatchRepository batches,
                      QuestionJson json, ReportAudit audit, Clock clock) {
        this.catalog = catalog;
        this.questions = questions;
        this.batches = batches;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    private static void requireAdmin(Viewer viewer) {
        if (!viewer.isAdmin()) {
            throw new ForbiddenException("Only administrators manage the imported questions of a module's bank");
        }
    }

    /** The module's imports that still have questions in the bank, newest first. */
    public List<ImportView> imports(Viewer viewer, String code) {
        requireAdmin(viewer);
        TrainingModule module = catalog.module(code);
        Map<Long, Long> remaining = new HashMap<>();
        questions.countRemainingByImport(module.id()).forEach(c -> remaining.put(c.importId(), c.remaining()));
        if (remaining.isEmpty()) {
            return List.of();
        }
        return batches.findByModuleIdAndIdInList(module.id(), List.copyOf(remaining.keySet())).stream()
                .sorted(Comparator.comparing(QuestionImportBatch::importedAt).thenComparing(QuestionImportBatch::id).reversed())
                .map(b -> new ImportView(b.id(), b.fileName(), b.importedBy(), b.importedAt().toInstant(ZoneOffset.UTC),
                        b.questions(), remaining.getOrDefault(b.id(), 0L)))
                .toList();
    }

    /** A page of the module's imported questions still in the bank, newest import first, in file order. */
    public PageResponse<QuestionView> questions(Viewer viewer, String code, int page, int size) {
        requireAdmin(viewer);
        TrainingModule module = catalog.module(code);
        Page<TrainingQuestion> result = questions.findByModuleIdAndSourceAndActive(module.id(), TrainingQuestion.IMPORT, true,
                Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.asc("position"))));
        List<QuestionView> content = result.getContent().stream()
                .map(q -> new QuestionView(q.id(), q.importId(), q.name(), q.type(), q.category(), shortText(q), q.line(),
                        q.importedBy(), q.createdAt().toInstant(ZoneOffset.UTC)))
                .toList();
        return new PageResponse<>(content, page, size, result.getTotalSize());
    }

    /** One imported question still in the bank of module {@code code}, or 404. */
    public QuestionView question(Viewer viewer, String code, long id) {
        requireAdmin(viewer);
        TrainingQuestion q = importedQuestion(catalog.module(code), id);
        return new QuestionView(q.id(), q.importId(), q.name(), q.type(), q.category(), shortText(q), q.line(), q.importedBy(),
                q.createdAt().toInstant(ZoneOffset.UTC));
    }

    /** One import of module {@code code} that still has questions in the bank, or 404. */
    public ImportView importOf(Viewer viewer, String code, long importId) {
        return imports(viewer, code).stream().filter(i -> i.id() == importId).findFirst()
                .orElseThrow(() -> new NotFoundException("No import " + importId + " with questions in the bank of " + code));
    }

    /** Removes one imported question of module {@code code}'s bank; 404 when it is not one (or already removed). */
    @Transactional
    public Removal removeQuestion(Viewer viewer, String code, long id) {
        requireAdmin(viewer);
        TrainingModule module = catalog.module(code);
        TrainingQuestion q = importedQuestion(module, id);
        int deleted = questions.deleteImportedIfUnused(q.id());
        int retired = deleted == 1 ? 0 : questions.retireImported(q.id(), now());
        Removal removal = new Removal(deleted + retired, deleted, retired);
        audit.recordQuestionBank(viewer, AuditEntry.REMOVE, module.code(), null, removal.removed(), removal.retired());
        return removal;
    }

    /** Removes every question of one import still in module {@code code}'s bank; 404 when none is left. */
    @Transactional
    public Removal removeImport(Viewer viewer, String code, long importId) {
        requireAdmin(viewer);
        TrainingModule module = catalog.module(code);
        QuestionImportBatch batch = batches.findById(importId).filter(b -> b.moduleId().equals(module.id()))
                .orElseThrow(() -> new NotFoundException("No import " + importId + " into the bank of " + code));
        int deleted = questions.deleteUnusedOfImport(batch.id());
        int retired = questions.retireOfImport(batch.id(), now());
        if (deleted + retired == 0) {
            throw new NotFoundException("Import " + importId + " has no questions left in the bank of " + code);
        }
        Removal removal = new Removal(deleted + retired, deleted, retired);
        audit.recordQuestionBank(viewer, AuditEntry.REMOVE, module.code(), batch.id(), removal.removed(), removal.retired());
        return removal;
    }

    private TrainingQuestion importedQuestion(TrainingModule module, long id) {
        return questions.findById(id)
                .filter(q -> q.moduleId().equals(module.id()) && TrainingQuestion.IMPORT.equals(q.source()) && q.active())
                .orElseThrow(() -> new NotFoundException("No imported question " + id + " in the bank of " + module.code()));
    }

    private String shortText(TrainingQuestion q) {
        String text = json.read(q.contentEn()).text().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return text.length() <= TEXT_CHARS ? text : text.substring(0, TEXT_CHARS - 1) + "…";
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).truncatedTo(ChronoUnit.MICROS);
    }
}
