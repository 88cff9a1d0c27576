package com.servicecoach.training;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.training.content.ContentLoader;
import com.servicecoach.training.content.ContentProblem;
import com.servicecoach.web.LocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Catalogue pages: the module list, a module, a lesson, and, for administrators, the GIFT upload on the module page,
 * the list of the bank's imported questions and their removal (each removal asks for confirmation on its own page).
 */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ModulePageController {

    static final int QUESTIONS_PER_PAGE = 50;

    private final TrainingCatalog catalog;
    private final QuestionImport importer;
    private final ImportedQuestions imported;
    private final TrainingContent content;
    private final QuestionBank bank;
    private final QuestionText render;
    private final Viewers viewers;

    ModulePageController(TrainingCatalog catalog, QuestionImport importer, ImportedQuestions imported, TrainingContent content,
                         QuestionBank bank, QuestionText render, Viewers viewers) {
        this.catalog = catalog;
        this.importer = importer;
        this.imported = imported;
        this.content = content;
        this.bank = bank;
        this.render = render;
        this.viewers = viewers;
    }

    /** The whole bank as parsed, for administrators to review (answers, weights, feedback, formats, tags, id numbers). */
    @Get("/modules/{code}/questions")
    @Secured("ADMIN")
    ModelAndView<Map<String, Object>> bank(HttpRequest<?> request, Authentication auth, @PathVariable String code,
                                           @Nullable @QueryValue Integer page) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("module", catalog.detail(viewer, code, LocaleResolver.resolve(request)));
        model.put("bank", bank.page(viewer, code, page == null ? 0 : Math.max(0, page), QUESTIONS_PER_PAGE));
        model.put("render", render);
        return new ModelAndView<>("training/bank", model);
    }

    /** The bank as a GIFT file in Moodle's form (administrators). */
    @Get(value = "/modules/{code}/questions.gift", produces = "text/plain;charset=utf-8")
    @Secured("ADMIN")
    HttpResponse<String> exportGift(Authentication auth, @PathVariable String code) {
        return ModuleApiController.giftDownload(code, bank.gift(viewers.of(auth), code));
    }

    @Get("/modules")
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue String q,
                                           @Nullable @QueryValue String category) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("modules", catalog.list(q, null, category, LocaleResolver.resolve(request)));
        model.put("filters", Map.of("q", q == null ? "" : q, "category", category == null ? "" : category));
        model.put("categories", ContentLoader.CATEGORIES);
        List<String> problems = viewer.isAdmin() ? content.problems().stream().map(ContentProblem::toString).toList() : List.of();
        model.put("problems", problems);
        model.put("canAssign", viewer.isAdmin() || viewer.isSupervisor());
        return new ModelAndView<>("training/modules", model);
    }

    /** {@code removed}/{@code retired}: the counts of a removal just made; {@code page}: the imported questions' page. */
    @Get("/modules/{code}")
    ModelAndView<Map<String, Object>> module(HttpRequest<?> request, Authentication auth, @PathVariable String code,
                                             @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer removed,
                                             @Nullable @QueryValue Integer retired) {
        Map<String, Object> model = moduleModel(request, viewers.of(auth), code, page == null ? 0 : Math.max(0, page));
        if (removed != null && model.containsKey("imports")) {
            model.put("removal", Map.of("removed", removed, "retired", retired == null ? 0 : retired));
        }
        return new ModelAndView<>("training/module", model);
    }

    private Map<String, Object> moduleModel(HttpRequest<?> request, Viewer viewer, String code, int page) {
        Map<String, Object> model = new HashMap<>();
        model.put("module", catalog.detail(viewer, code, LocaleResolver.resolve(request)));
        model.put("canImport", viewer.isAdmin());
        model.put("canAssign", viewer.isAdmin() || viewer.isSupervisor());
        if (viewer.isAdmin()) {
            model.put("maxImportQuestions", importer.maxQuestions());
            model.put("imports", imported.imports(viewer, code));
            model.put("importedQuestions", imported.questions(viewer, code, page, QUESTIONS_PER_PAGE));
        }
        return model;
    }

    @Get("/modules/{code}/lessons/{slug}")
    ModelAndView<Map<String, Object>> lesson(HttpRequest<?> request, Authentication auth, @PathVariable String code,
                                             @PathVariable String slug) {
        Locale locale = LocaleResolver.resolve(request);
        Map<String, Object> model = new HashMap<>();
        model.put("lesson", catalog.lesson(viewers.of(auth), code, slug, locale));
        return new ModelAndView<>("training/lesson", model);
    }

    @Post(value = "/modules/{code}/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Secured("ADMIN")
    HttpResponse<?> upload(HttpRequest<?> request, Authentication auth, @PathVariable String code, CompletedFileUpload file)
            throws IOException {
        Viewer viewer = viewers.of(auth);
        catalog.module(code);
        String text = QuestionImport.utf8(file.getBytes());
        CatalogViews.ImportResult result = text == null ? QuestionImport.notUtf8()
                : importer.run(viewer, code, text, file.getFilename());
        Map<String, Object> model = moduleModel(request, viewer, code, 0);
        model.put("importResult", result);
        model.put("fileName", file.getFilename());
        return HttpResponse.status(result.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("training/module", model));
    }

    /** Asks an administrator to confirm the removal of one imported question. */
    @Get("/modules/{code}/questions/{id}/remove")
    @Secured("ADMIN")
    ModelAndView<Map<String, Object>> confirmQuestion(HttpRequest<?> request, Authentication auth, @PathVariable String code,
                                                      @PathVariable long id) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("module", catalog.detail(viewer, code, LocaleResolver.resolve(request)));
        model.put("question", imported.question(viewer, code, id));
        return new ModelAndView<>("training/remove-imported", model);
    }

    @Post(value = "/modules/{code}/questions/{id}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> removeQuestion(Authentication auth, @PathVariable String code, @PathVariable long id) {
        return removed(code, imported.removeQuestion(viewers.of(auth), code, id));
    }

    /** Asks an administrator to confirm the removal of every question of one import still in the bank. */
    @Get("/modules/{code}/imports/{importId}/remove")
    @Secured("ADMIN")
    ModelAndView<Map<String, Object>> confirmImport(HttpRequest<?> request, Authentication auth, @PathVariable String code,
                                                    @PathVariable long importId) {
        Viewer viewer = viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("module", catalog.detail(viewer, code, LocaleResolver.resolve(request)));
        model.put("batch", imported.importOf(viewer, code, importId));
        return new ModelAndView<>("training/remove-imported", model);
    }

    @Post(value = "/modules/{code}/imports/{importId}/remove", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> removeImport(Authentication auth, @PathVariable String code, @PathVariable long importId) {
        return removed(code, imported.removeImport(viewers.of(auth), code, importId));
    }

    private static HttpResponse<?> removed(String code, ImportedQuestions.Removal removal) {
        return HttpResponse.seeOther(URI.create("/modules/" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "?removed="
                + removal.removed() + "&retired=" + removal.retired() + "#imported"));
    }
}
