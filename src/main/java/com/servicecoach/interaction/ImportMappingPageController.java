package com.servicecoach.interaction;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.csv.CsvCharsets;
import com.servicecoach.csv.CsvHeaderException;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The import mappings page ({@code /interactions/mappings}): the presets with the published format each follows and
 * the saved mappings; a mapping is edited as its JSON (start from a preset's), checked field by field. And the
 * preview of a file ({@code POST /interactions/import/preview}): its first rows as the import would take them,
 * through the mapping chosen, nothing stored.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured({"ADMIN", "SUPERVISOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class ImportMappingPageController {

    private final ImportMappings mappings;
    private final InteractionImporter importer;
    private final InteractionImports imports;
    private final Viewers viewers;
    private final ObjectMapper json;
    private final FormErrors formErrors;

    ImportMappingPageController(ImportMappings mappings, InteractionImporter importer, InteractionImports imports, Viewers viewers,
                                ObjectMapper json, FormErrors formErrors) {
        this.mappings = mappings;
        this.importer = importer;
        this.imports = imports;
        this.viewers = viewers;
        this.json = json;
        this.formErrors = formErrors;
    }

    @Get("/interactions/mappings")
    ModelAndView<Map<String, Object>> page(@Nullable @QueryValue String from, @Nullable @QueryValue String saved) throws IOException {
        String doc = "";
        String name = "";
        if (from != null && !from.isBlank()) {
            ImportMapping m = mappings.get(from);
            doc = pretty(m);
            boolean preset = mappings.list().stream().anyMatch(l -> l.preset() && l.name().equals(m.name()));
            name = preset ? m.name() + " (copy)" : m.name();
        }
        return view(name, doc, Map.of(), saved);
    }

    @Post(value = "/interactions/mappings", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        String name = form.getOrDefault("name", "").strip();
        String doc = form.getOrDefault("document", "");
        try {
            ImportMapping parsed;
            try {
                parsed = json.readValue(doc, ImportMapping.class);
            } catch (IOException | RuntimeException e) {
                throw new InvalidInputException(List.of(FieldError.of("document", "mapping.error.json")));
            }
            mappings.save(viewers.of(auth), new ImportMapping(name, parsed.format(), parsed.headerLine(),
                    parsed.columns() == null ? Map.of() : parsed.columns(), parsed.constants(), parsed.values(),
                    parsed.timeFormat(), parsed.timeZone(), parsed.skipRowsStartingWith()));
            return HttpResponse.seeOther(URI.create("/interactions/mappings?saved=" + java.net.URLEncoder.encode(name,
                    java.nio.charset.StandardCharsets.UTF_8)));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(view(name, doc, FormErrors.byField(formErrors.describe(request, e)), null));
        }
    }

    @Post(value = "/interactions/mappings/{name}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> delete(Authentication auth, @PathVariable String name) {
        mappings.delete(viewers.of(auth), name);
        return HttpResponse.seeOther(URI.create("/interactions/mappings"));
    }

    @Post(value = "/interactions/import/preview", consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<?> preview(Authentication auth, @Nullable @Part("mapping") String mapping, @Nullable @Part("charset") String charset,
                            CompletedFileUpload file) throws IOException {
        Viewer viewer = viewers.of(auth);
        ImportMapping m = mapping == null || mapping.isBlank() ? null : mappings.get(mapping);
        Map<String, Object> model = new HashMap<>();
        model.put("mapping", m == null ? "" : m.name());
        model.put("fileName", file.getFilename());
        try {
            model.put("rows", importer.preview(imports.scope(viewer), file.getInputStream(), CsvCharsets.parse(charset), m,
                    ImportMappingController.PREVIEW_ROWS));
            return HttpResponse.ok(new ModelAndView<>("interaction/preview", model));
        } catch (CsvHeaderException e) {
            model.put("headerError", "line " + e.line() + ": " + e.getMessage());
            return HttpResponse.unprocessableEntity().body(new ModelAndView<>("interaction/preview", model));
        }
    }

    private ModelAndView<Map<String, Object>> view(String name, String doc, Map<String, String> errors, @Nullable String saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("mappings", mappings.list());
        model.put("name", name);
        model.put("document", doc);
        model.put("errors", errors);
        model.put("saved", saved == null ? "" : saved);
        model.put("fields", ImportMapping.FIELDS);
        return new ModelAndView<>("interaction/mappings", model);
    }

    private String pretty(ImportMapping m) throws IOException {
        return json.writeValueAsString(m).replace(",\"", ",\n  \"").replace("{\"", "{\n  \"").replaceAll("}$", "\n}");
    }
}
