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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Catalogue pages: the module list, a module, a lesson, and the GIFT upload on the module page. */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class ModulePageController {

    private final TrainingCatalog catalog;
    private final QuestionImport importer;
    private final TrainingContent content;
    private final Viewers viewers;

    ModulePageController(TrainingCatalog catalog, QuestionImport importer, TrainingContent content, Viewers viewers) {
        this.catalog = catalog;
        this.importer = importer;
        this.content = content;
        this.viewers = viewers;
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

    @Get("/modules/{code}")
    ModelAndView<Map<String, Object>> module(HttpRequest<?> request, Authentication auth, @PathVariable String code) {
        return new ModelAndView<>("training/module", moduleModel(request, viewers.of(auth), code));
    }

    private Map<String, Object> moduleModel(HttpRequest<?> request, Viewer viewer, String code) {
        Map<String, Object> model = new HashMap<>();
        model.put("module", catalog.detail(viewer, code, LocaleResolver.resolve(request)));
        model.put("canImport", viewer.isAdmin() || viewer.isSupervisor());
        model.put("canAssign", viewer.isAdmin() || viewer.isSupervisor());
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
    @Secured({"ADMIN", "SUPERVISOR"})
    HttpResponse<?> upload(HttpRequest<?> request, Authentication auth, @PathVariable String code, CompletedFileUpload file)
            throws IOException {
        Viewer viewer = viewers.of(auth);
        catalog.module(code);
        String text = QuestionImport.utf8(file.getBytes());
        CatalogViews.ImportResult result = text == null ? QuestionImport.notUtf8() : importer.run(viewer, code, text);
        Map<String, Object> model = moduleModel(request, viewer, code);
        model.put("importResult", result);
        model.put("fileName", file.getFilename());
        return HttpResponse.status(result.errors().isEmpty() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY)
                .body(new ModelAndView<>("training/module", model));
    }
}
