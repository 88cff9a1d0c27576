package com.servicecoach.training;

import com.servicecoach.account.Viewers;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The module catalogue ({@code /api/modules}), lessons, and the question bank's imports: the GIFT import, the
 * imported questions and their removal (administrators only). Texts come in the language of Accept-Language (or
 * the sc_lang cookie), English when not Chinese.
 */
@Tag(name = "Training")
@Controller("/api/modules")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ModuleApiController {

    static final List<String> SORTABLE = List.of("code", "title", "estimatedMinutes");
    static final Map<String, Comparator<CatalogViews.ModuleSummary>> ORDER = Map.of(
            "code", Comparator.comparing(CatalogViews.ModuleSummary::code),
            "title", Comparator.comparing(CatalogViews.ModuleSummary::title),
            "estimatedMinutes", Comparator.comparingInt(CatalogViews.ModuleSummary::estimatedMinutes)
                    .thenComparing(CatalogViews.ModuleSummary::code));

    private final TrainingCatalog catalog;
    private final QuestionImport importer;
    private final ImportedQuestions imported;
    private final QuestionBank bank;
    private final Viewers viewers;

    ModuleApiController(TrainingCatalog catalog, QuestionImport importer, ImportedQuestions imported, QuestionBank bank,
                        Viewers viewers) {
        this.catalog = catalog;
        this.importer = importer;
        this.imported = imported;
        this.bank = bank;
        this.viewers = viewers;
    }

    /**
     * The module's whole bank as parsed, in bank order (administrators): answers, weights, tolerances, feedback,
     * formats, tags and id numbers, so a bank can be reviewed without reading its files.
     */
    @Get("/{code}/questions")
    @Secured("ADMIN")
    PageResponse<QuestionBank.BankQuestion> questions(Authentication auth, @PathVariable String code,
                                                      @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        return bank.page(viewers.of(auth), code, page(page), size(size));
    }

    /** The module's bank as a GIFT file in the form Moodle writes, for Moodle or another import (administrators). */
    @Get(value = "/{code}/questions.gift", produces = "text/plain;charset=utf-8")
    @Secured("ADMIN")
    HttpResponse<String> exportGift(Authentication auth, @PathVariable String code) {
        return giftDownload(code, bank.gift(viewers.of(auth), code));
    }

    static HttpResponse<String> giftDownload(String code, String gift) {
        String file = code.replaceAll("[^A-Za-z0-9._-]", "_") + "-questions.gift.txt";
        return HttpResponse.ok(gift).contentType("text/plain;charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }

    @Get
    PageResponse<CatalogViews.ModuleSummary> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String q,
                                                  @Nullable @QueryValue String skill, @Nullable @QueryValue String category,
                                                  @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                                  @Nullable @QueryValue String sort) {
        viewers.of(auth);
        Paging paging = Paging.parse(page, size, sort, "code", SORTABLE);
        return paging.apply(catalog.list(q, skill, category, LocaleResolver.resolve(request)), ORDER);
    }

    @Get("/{code}")
    CatalogViews.ModuleDetail get(HttpRequest<?> request, Authentication auth, @PathVariable String code) {
        return catalog.detail(viewers.of(auth), code, LocaleResolver.resolve(request));
    }

    /** A lesson as sanitised HTML; opening it as an agent marks it read. */
    @Get("/{code}/lessons/{slug}")
    CatalogViews.Lesson lesson(HttpRequest<?> request, Authentication auth, @PathVariable String code, @PathVariable String slug) {
        return catalog.lesson(viewers.of(auth), code, slug, LocaleResolver.resolve(request));
    }

    /**
     * Adds the questions of a GIFT file to the module's bank (administrators): all of them, or none when any has an
     * error or the file holds more than {@code servicecoach.training.max-import-questions} questions (422).
     */
    @Post("/{code}/questions/import")
    @Consumes({MediaType.TEXT_PLAIN, "text/gift", MediaType.APPLICATION_OCTET_STREAM})
    @Secured("ADMIN")
    HttpResponse<CatalogViews.ImportResult> importGift(Authentication auth, @PathVariable String code, @Body byte[] body) {
        String text = QuestionImport.utf8(body);
        CatalogViews.ImportResult result = text == null ? QuestionImport.notUtf8() : importer.run(viewers.of(auth), code, text);
        return HttpResponse.status(result.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(result);
    }

    /** The module's imports that still have questions in the bank, newest first (administrators). */
    @Get("/{code}/imports")
    @Secured("ADMIN")
    PageResponse<ImportedQuestions.ImportView> imports(Authentication auth, @PathVariable String code,
                                                       @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        List<ImportedQuestions.ImportView> all = imported.imports(viewers.of(auth), code);
        int p = page(page);
        int n = size(size);
        int from = (int) Math.min((long) p * n, all.size());
        return new PageResponse<>(all.subList(from, Math.min(all.size(), from + n)), p, n, all.size());
    }

    /** The imported questions still in the module's bank, newest import first (administrators; never the answers). */
    @Get("/{code}/imported-questions")
    @Secured("ADMIN")
    PageResponse<ImportedQuestions.QuestionView> importedQuestions(Authentication auth, @PathVariable String code,
                                                                   @Nullable @QueryValue Integer page,
                                                                   @Nullable @QueryValue Integer size) {
        return imported.questions(viewers.of(auth), code, page(page), size(size));
    }

    /**
     * Removes one imported question from the bank (administrators): 204, or 404 when the module has no such imported
     * question. The module's own file questions cannot be removed here. A question that attempts drew is retired
     * (never drawn again, still shown in those attempts) rather than deleted.
     */
    @Delete("/{code}/questions/{id}")
    @Secured("ADMIN")
    @Status(HttpStatus.NO_CONTENT)
    void removeQuestion(Authentication auth, @PathVariable String code, @PathVariable long id) {
        imported.removeQuestion(viewers.of(auth), code, id);
    }

    /** Removes every question of one import still in the bank (administrators): 204, or 404 when none is left. */
    @Delete("/{code}/imports/{importId}")
    @Secured("ADMIN")
    @Status(HttpStatus.NO_CONTENT)
    void removeImport(Authentication auth, @PathVariable String code, @PathVariable long importId) {
        imported.removeImport(viewers.of(auth), code, importId);
    }

    private static int page(@Nullable Integer page) {
        if (page != null && page < 0) {
            throw new BadRequestException("page must be 0 or more");
        }
        return page == null ? 0 : page;
    }

    private static int size(@Nullable Integer size) {
        if (size != null && (size < 1 || size > 200)) {
            throw new BadRequestException("size must be from 1 to 200");
        }
        return size == null ? 50 : size;
    }
}
