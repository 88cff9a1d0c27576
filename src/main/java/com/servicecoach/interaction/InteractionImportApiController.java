package com.servicecoach.interaction;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.csv.CsvCharsets;
import com.servicecoach.csv.CsvHeaderException;
import com.servicecoach.csv.ImportSummary;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.DatabaseUnavailable;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Interaction import over the API. {@code POST /api/interactions/import} takes the CSV as the request body
 * (streamed: any size) and answers api.md's summary. The upload page uses the import resource instead:
 * {@code POST /api/interactions/imports} registers an import, {@code POST /api/interactions/imports/{id}/upload}
 * sends its file, and {@code GET /api/interactions/imports/{id}} reports its progress meanwhile.
 */
@Tag(name = "Interactions and scorecards")
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class InteractionImportApiController {

    private final InteractionImporter importer;
    private final InteractionImports imports;
    private final ImportResults results;
    private final Viewers viewers;
    private final DatabaseUnavailable unavailable;

    private final ImportMappings mappings;

    InteractionImportApiController(InteractionImporter importer, InteractionImports imports, ImportResults results,
                                   Viewers viewers, DatabaseUnavailable unavailable, ImportMappings mappings) {
        this.mappings = mappings;
        this.importer = importer;
        this.imports = imports;
        this.results = results;
        this.viewers = viewers;
        this.unavailable = unavailable;
    }

    /**
     * The answer (503, with Retry-After) of an import that the database's unavailability interrupted: its id, and the
     * counts of what was stored before ({@code received}: the rows accounted for). Importing the same file again once
     * the database is back completes it without duplicates.
     */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Interrupted(String message, List<Object> errors, long importId, long id, String status, long received,
                       long inserted, long updated, long unchanged, long rejected) {

        static Interrupted of(ImportInterruptedException e) {
            return new Interrupted("The database became unavailable during import " + e.importId() + ": " + e.received()
                    + " rows were stored before it stopped and nothing is lost. Import the same file again once the database"
                    + " is back: it completes the import without duplicates.", List.of(), e.importId(), e.importId(),
                    ImportRecord.FAILED, e.received(), e.inserted(), e.updated(), e.unchanged(), e.rejected());
        }
    }

    /** What the upload page sends before the file. */
    @Serdeable
    record NewImport(@Nullable String fileName, @Nullable String charset, @Nullable String source, @Nullable String mapping) {
    }

    @Operation(summary = "Import interactions from a CSV body (UTF-8 with or without BOM, or GBK with ?charset=GBK)",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ImportSummary.class))),
                @ApiResponse(responseCode = "422", description = "unusable header: nothing stored",
                        content = @Content(schema = @Schema(implementation = ImportSummary.class))),
                @ApiResponse(responseCode = "503", description = "the database became unavailable: the import's id and what "
                        + "was stored before (import the file again to complete it); Retry-After says when to try",
                        content = @Content(schema = @Schema(implementation = Interrupted.class)))})
    @Post(value = "/api/interactions/import", consumes = {"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM,
            "application/vnd.ms-excel"}, produces = MediaType.APPLICATION_JSON)
    @Secured({"ADMIN", "SUPERVISOR"})
    HttpResponse<?> importCsv(HttpRequest<?> request, Authentication auth, @Nullable @Body InputStream body,
                              @Nullable @QueryValue String charset, @Nullable @QueryValue String source,
                              @Nullable @QueryValue String mapping) {
        Viewer viewer = viewers.of(auth);
        InteractionImporter.Scope scope = imports.scope(viewer);
        ImportRecord record = importer.create(scope, null, charset(request, charset), checkedSource(source), mappingName(mapping));
        try {
            ImportRecord done = importer.run(record.id(), scope, orEmpty(body));
            return HttpResponse.ok(jsonFile(results.summaryFile(done)));
        } catch (CsvHeaderException e) {
            return HttpResponse.unprocessableEntity().body(ImportSummary.headerRejected(e));
        } catch (ImportInterruptedException e) {
            return unavailable.json(Interrupted.of(e));
        }
    }

    @Operation(summary = "Register an import whose file follows (used by the upload page to report progress)")
    @Post(value = "/api/interactions/imports", consumes = MediaType.APPLICATION_JSON)
    @Secured({"ADMIN", "SUPERVISOR"})
    HttpResponse<ImportJob> create(Authentication auth, @Body NewImport form) {
        Viewer viewer = viewers.of(auth);
        InteractionImporter.Scope scope = imports.scope(viewer);
        Charset charset = CsvCharsets.parse(form.charset());
        return HttpResponse.created(ImportJob.of(importer.create(scope, form.fileName(), charset, checkedSource(form.source()),
                mappingName(form.mapping()))));
    }

    @Operation(summary = "Send the file of a registered import (CSV body, streamed); answers the finished import")
    @Post(value = "/api/interactions/imports/{id}/upload", consumes = {"text/csv", MediaType.TEXT_PLAIN,
            MediaType.APPLICATION_OCTET_STREAM, "application/vnd.ms-excel"})
    @Secured({"ADMIN", "SUPERVISOR"})
    HttpResponse<?> upload(Authentication auth, @PathVariable long id, @Nullable @Body InputStream body) {
        Viewer viewer = viewers.of(auth);
        ImportRecord record = imports.visible(viewer, id);
        try {
            return HttpResponse.ok(ImportJob.of(importer.run(record.id(), imports.scope(viewer), orEmpty(body))));
        } catch (CsvHeaderException e) {
            return HttpResponse.<ImportJob>unprocessableEntity().body(ImportJob.of(imports.visible(viewer, id)));
        } catch (ImportInterruptedException e) {
            return unavailable.json(Interrupted.of(e));
        }
    }

    @Operation(summary = "An import's status and counts (while it runs: its progress)")
    @Get("/api/interactions/imports/{id}")
    @Secured({"ADMIN", "SUPERVISOR"})
    ImportJob status(Authentication auth, @PathVariable long id) {
        return ImportJob.of(imports.visible(viewers.of(auth), id));
    }

    @Operation(summary = "Recent imports: your own (administrators: everyone's), newest first")
    @Get("/api/interactions/imports")
    @Secured({"ADMIN", "SUPERVISOR"})
    PageResponse<ImportJob> list(Authentication auth, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        Paging paging = Paging.parse(page, size, null, "id", List.of("id"));
        return imports.list(viewers.of(auth), paging.page(), paging.size());
    }

    @Operation(summary = "An import's errors, one per rejected row, in line order (paged)")
    @Get("/api/interactions/imports/{id}/errors")
    @Secured({"ADMIN", "SUPERVISOR"})
    PageResponse<ImportSummary.LineError> errors(Authentication auth, @PathVariable long id,
                                                 @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        Paging paging = Paging.parse(page, size, null, "line", List.of("line"));
        return results.errors(imports.visible(viewers.of(auth), id), paging.page(), paging.size());
    }

    /** ?charset= wins; else the charset of the Content-Type when it is UTF-8 or GBK; else UTF-8. */
    static Charset charset(HttpRequest<?> request, @Nullable String query) {
        if (query != null && !query.isBlank()) {
            return CsvCharsets.parse(query);
        }
        return request.getContentType().flatMap(MediaType::getCharset)
                .filter(c -> c.equals(StandardCharsets.UTF_8) || c.name().toUpperCase(Locale.ROOT).equals("GBK"))
                .orElse(StandardCharsets.UTF_8);
    }

    /** The name of a known mapping (404 naming those there are), or null for a file with ServiceCoach's columns. */
    @Nullable
    String mappingName(@Nullable String mapping) {
        return mapping == null || mapping.isBlank() ? null : mappings.get(mapping).name();
    }

    static @Nullable String checkedSource(@Nullable String source) {
        if (source != null && source.strip().length() > InteractionCsvReader.MAX_ID_CHARS) {
            throw new BadRequestException("source must be at most " + InteractionCsvReader.MAX_ID_CHARS + " characters");
        }
        return source;
    }

    /** An empty request body is an empty file (rejected for its missing header, as metrics.md says). */
    static InputStream orEmpty(@Nullable InputStream body) {
        return body == null ? InputStream.nullInputStream() : body;
    }

    /** Streams a temporary file and deletes it once sent. */
    static StreamedFile jsonFile(Path file) {
        try {
            InputStream in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
            return new StreamedFile(in, MediaType.APPLICATION_JSON_TYPE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
