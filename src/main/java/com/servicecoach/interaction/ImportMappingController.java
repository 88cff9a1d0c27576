package com.servicecoach.interaction;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.csv.CsvHeaderException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Column mappings of helpdesk exports, for administrators and supervisors (the ones who import):
 * <ul>
 *   <li>{@code GET /api/interactions/mappings}: the presets and the saved mappings;</li>
 *   <li>{@code GET|PUT|DELETE /api/interactions/mappings/{name}}: one mapping (a preset can be read, not changed);</li>
 *   <li>{@code POST /api/interactions/import/preview?mapping=NAME&charset=}: a file's first rows as the import would
 *   take them, each what it would become or why it would be rejected; nothing is stored.</li>
 * </ul>
 */
@Controller
@Secured({"ADMIN", "SUPERVISOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportMappingController {

    /** How many rows a preview shows. */
    static final int PREVIEW_ROWS = 20;

    /** A previewed row: {@code interaction} as it would be stored (times in UTC), or {@code error}. */
    @Serdeable
    record PreviewJson(int line, @Nullable Map<String, Object> interaction, @Nullable String error) {
        static PreviewJson of(InteractionImporter.PreviewRow r) {
            if (r.row() == null) {
                return new PreviewJson(r.line(), null, r.error());
            }
            InteractionRow x = r.row();
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("source", x.source());
            m.put("externalId", x.externalId());
            m.put("agent", x.agent());
            m.put("channel", x.channel());
            m.put("category", x.category());
            m.put("createdAt", text(x.createdAt()));
            m.put("firstResponseAt", text(x.firstResponseAt()));
            m.put("resolvedAt", text(x.resolvedAt()));
            m.put("rating", x.rating10());
            m.put("comment", x.comment());
            return new PreviewJson(r.line(), m, null);
        }

        private static String text(@Nullable Instant t) {
            return t == null ? null : t.toString();
        }
    }

    private final ImportMappings mappings;
    private final InteractionImporter importer;
    private final InteractionImports imports;
    private final Viewers viewers;

    ImportMappingController(ImportMappings mappings, InteractionImporter importer, InteractionImports imports, Viewers viewers) {
        this.mappings = mappings;
        this.importer = importer;
        this.imports = imports;
        this.viewers = viewers;
    }

    @Get("/api/interactions/mappings")
    List<ImportMappings.Listed> list() {
        return mappings.list();
    }

    @Get("/api/interactions/mappings/{name}")
    ImportMapping get(@PathVariable String name) {
        return mappings.get(name);
    }

    @Put(value = "/api/interactions/mappings/{name}", consumes = MediaType.APPLICATION_JSON)
    ImportMapping save(Authentication auth, @PathVariable String name, @Body ImportMapping mapping) {
        return mappings.save(viewers.of(auth), new ImportMapping(name, mapping.format(), mapping.headerLine(),
                mapping.columns() == null ? Map.of() : mapping.columns(), mapping.constants(), mapping.values(),
                mapping.timeFormat(), mapping.timeZone(), mapping.skipRowsStartingWith()));
    }

    @Delete("/api/interactions/mappings/{name}")
    HttpResponse<?> delete(Authentication auth, @PathVariable String name) {
        mappings.delete(viewers.of(auth), name);
        return HttpResponse.noContent();
    }

    @Post(value = "/api/interactions/import/preview", consumes = {"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    HttpResponse<?> preview(HttpRequest<?> request, Authentication auth, @Nullable @Body byte[] body,
                            @Nullable @QueryValue String mapping, @Nullable @QueryValue String charset) {
        Viewer viewer = viewers.of(auth);
        ImportMapping m = mapping == null || mapping.isBlank() ? null : mappings.get(mapping);
        InputStream in = new java.io.ByteArrayInputStream(body == null ? new byte[0] : body);
        try {
            return HttpResponse.ok(importer.preview(imports.scope(viewer), in, InteractionImportApiController.charset(request, charset),
                    m, PREVIEW_ROWS).stream().map(PreviewJson::of).toList());
        } catch (CsvHeaderException e) {
            return HttpResponse.unprocessableEntity().body(com.servicecoach.csv.ImportSummary.headerRejected(e));
        }
    }
}
