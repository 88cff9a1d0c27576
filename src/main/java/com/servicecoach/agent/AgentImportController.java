package com.servicecoach.agent;

import com.servicecoach.account.Viewers;
import com.servicecoach.csv.CsvCharsets;
import com.servicecoach.csv.CsvHeaderException;
import com.servicecoach.csv.ImportSummary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;

/** Agent CSV import: {@code POST /api/agents/import} (text/csv body) and the upload page. */
@Tag(name = "Agents and teams")
@Controller
@Secured({"ADMIN", "SUPERVISOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class AgentImportController {

    private final AgentImport importer;
    private final Viewers viewers;

    AgentImportController(AgentImport importer, Viewers viewers) {
        this.importer = importer;
        this.viewers = viewers;
    }

    @Post("/api/agents/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    HttpResponse<ImportSummary> importCsv(Authentication auth, @Body byte[] body, @Nullable @QueryValue String charset) {
        Charset cs = CsvCharsets.parse(charset);
        try {
            return HttpResponse.ok(importer.run(viewers.of(auth), reader(body, cs)));
        } catch (CsvHeaderException e) {
            return HttpResponse.unprocessableEntity().body(ImportSummary.headerRejected(e));
        }
    }

    @Get("/agents/import")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form() {
        return new ModelAndView<>("agent/import", new HashMap<>());
    }

    @Post(value = "/agents/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> upload(Authentication auth, CompletedFileUpload file, @Nullable String charset) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("fileName", file.getFilename());
        ImportSummary summary;
        int status = 200;
        try {
            summary = importer.run(viewers.of(auth), reader(file.getBytes(), CsvCharsets.parse(charset)));
        } catch (CsvHeaderException e) {
            summary = ImportSummary.headerRejected(e);
            status = 422;
        }
        model.put("summary", summary);
        return HttpResponse.status(io.micronaut.http.HttpStatus.valueOf(status)).body(new ModelAndView<>("agent/import", model));
    }

    private static Reader reader(byte[] bytes, Charset charset) {
        return new InputStreamReader(new ByteArrayInputStream(bytes), charset);
    }
}
