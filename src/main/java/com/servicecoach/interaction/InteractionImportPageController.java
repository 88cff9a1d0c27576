package com.servicecoach.interaction;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.csv.CsvCharsets;
import com.servicecoach.csv.CsvHeaderException;
import com.servicecoach.csv.ImportSummary;
import com.servicecoach.web.DatabaseUnavailable;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The import pages (administrators and supervisors). The upload page's script registers the import, sends the
 * file as the streamed body of {@code /api/interactions/imports/{id}/upload} and polls its progress; without
 * script, the form posts the file here as multipart, streamed the same way, and the browser is sent to the
 * import's result page. The result page lists the rejected rows and offers them as CSV with a reason column.
 */
@Hidden
@Controller
@Secured({"ADMIN", "SUPERVISOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class InteractionImportPageController {

    private final InteractionImporter importer;
    private final InteractionImports imports;
    private final ImportResults results;
    private final Viewers viewers;
    private final DatabaseUnavailable unavailable;
    private final Messages messages;

    private final ImportMappings mappings;

    InteractionImportPageController(InteractionImporter importer, InteractionImports imports, ImportResults results,
                                    Viewers viewers, DatabaseUnavailable unavailable, Messages messages, ImportMappings mappings) {
        this.mappings = mappings;
        this.messages = messages;
        this.importer = importer;
        this.imports = imports;
        this.results = results;
        this.viewers = viewers;
        this.unavailable = unavailable;
    }

    @Get("/interactions/import")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form(Authentication auth) {
        Viewer viewer = viewers.of(auth);
        imports.scope(viewer);
        Map<String, Object> model = new HashMap<>();
        model.put("recent", imports.list(viewer, 0, 10));
        model.put("mappings", mappings.list());
        return new ModelAndView<>("interaction/import", model);
    }

    /** Without script: the multipart form (charset and source before the file), streamed into the import. */
    @Post(value = "/interactions/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> upload(HttpRequest<?> request, Authentication auth, @Nullable @Part("charset") String charset,
                           @Nullable @Part("source") String source, @Nullable @Part("mapping") String mapping,
                           StreamingFileUpload file) {
        Viewer viewer = viewers.of(auth);
        InteractionImporter.Scope scope = imports.scope(viewer);
        ImportRecord record = importer.create(scope, file.getFilename(), CsvCharsets.parse(charset),
                InteractionImportApiController.checkedSource(source),
                mapping == null || mapping.isBlank() ? null : mappings.get(mapping).name());
        try (InputStream in = file.asInputStream()) {
            importer.run(record.id(), scope, in);
        } catch (CsvHeaderException e) {
            // the import is marked rejected; its page says why
        } catch (ImportInterruptedException e) {
            // its result page needs the database: say here what was stored, and how to complete the import
            return unavailable.page(request, unavailable.text(request, "import.interrupted", String.valueOf(e.importId()),
                    e.received(), e.inserted(), e.updated(), e.unchanged(), e.rejected()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpResponse.seeOther(URI.create("/interactions/imports/" + record.id()));
    }

    @Get("/interactions/imports/{id}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> result(HttpRequest<?> request, Authentication auth, @PathVariable long id,
                                             @Nullable @QueryValue Integer page) {
        ImportRecord record = imports.visible(viewers.of(auth), id);
        Paging paging = Paging.parse(page, 100, null, "line", List.of("line")).within(record.rejected());
        PageResponse<ImportSummary.LineError> errors = results.errors(record, paging.page(), paging.size());
        Map<String, Object> model = new HashMap<>();
        model.put("job", ImportJob.of(record));
        model.put("errors", errors);
        model.put("rowText", new RowErrorText(messages, LocaleResolver.resolve(request)));
        return new ModelAndView<>("interaction/import-result", model);
    }

    /** The rejected rows: a line column, the file's columns and a reason column (UTF-8 with BOM). */
    @Get("/interactions/imports/{id}/rejected.csv")
    HttpResponse<StreamedFile> rejected(Authentication auth, @PathVariable long id) {
        ImportRecord record = imports.visible(viewers.of(auth), id);
        Path file = results.rejectedCsvFile(record);
        try {
            InputStream in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
            StreamedFile body = new StreamedFile(in, new MediaType("text/csv; charset=UTF-8"))
                    .attach("rejected-rows-import-" + id + ".csv");
            return HttpResponse.ok(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
