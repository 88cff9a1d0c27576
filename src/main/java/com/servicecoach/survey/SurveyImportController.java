package com.servicecoach.survey;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.csv.CsvCharsets;
import com.servicecoach.csv.ImportSummary;
import com.servicecoach.interaction.InteractionCsvReader;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.LocaleResolver;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.StreamingFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Import of survey responses collected elsewhere: {@code POST /api/surveys/import} takes the CSV as the request
 * body (streamed) and answers the import summary (reasons in English); the page {@code /surveys/import} uploads a
 * file as multipart (the CSRF token in the query string, since the file is streamed) and shows the result with
 * the rejected rows' reasons in the reader's language. Administrators and supervisors; HR and agents 403.
 */
@Tag(name = "Surveys")
@Controller
@Secured({"ADMIN", "SUPERVISOR"})
@ExecuteOn(TaskExecutors.BLOCKING)
class SurveyImportController {

    private final SurveyImport importer;
    private final SurveyDefinitions definitions;
    private final Viewers viewers;

    SurveyImportController(SurveyImport importer, SurveyDefinitions definitions, Viewers viewers) {
        this.importer = importer;
        this.definitions = definitions;
        this.viewers = viewers;
    }

    @Operation(summary = "Import survey responses from a CSV body (external_id, source, one column per dimension code, "
            + "remark, answered_at; UTF-8 with or without BOM, or GBK with ?charset=GBK); ?source= for rows without one",
            responses = {
                @ApiResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = ImportSummary.class))),
                @ApiResponse(responseCode = "422", description = "unusable header: nothing stored",
                        content = @Content(schema = @Schema(implementation = ImportSummary.class)))})
    @Post(value = "/api/surveys/import", consumes = {"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM},
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<ImportSummary> importCsv(HttpRequest<?> request, Authentication auth, @Nullable @Body InputStream body,
                                          @Nullable @QueryValue String charset, @Nullable @QueryValue String source) {
        Viewer viewer = viewers.of(auth);
        SurveyImport.Result result = importer.run(viewer, body == null ? InputStream.nullInputStream() : body,
                charset(request, charset), checkedSource(source));
        ImportSummary summary = importer.summary(result, Locale.ENGLISH);
        return result.fileRejected() ? HttpResponse.unprocessableEntity().body(summary) : HttpResponse.ok(summary);
    }

    @Get("/surveys/import")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> form(HttpRequest<?> request, Authentication auth) {
        viewers.of(auth);
        return new ModelAndView<>("survey/import", model(LocaleResolver.resolve(request)));
    }

    /** The multipart form (charset and source before the file), streamed into the import. */
    @Post(value = "/surveys/import", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<?> upload(HttpRequest<?> request, Authentication auth, @Nullable @Part("charset") String charset,
                           @Nullable @Part("source") String source, StreamingFileUpload file) {
        Viewer viewer = viewers.of(auth);
        Locale locale = LocaleResolver.resolve(request);
        SurveyImport.Result result;
        try (InputStream in = file.asInputStream()) {
            result = importer.run(viewer, in, CsvCharsets.parse(charset), checkedSource(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> model = model(locale);
        model.put("fileName", file.getFilename() == null ? "" : file.getFilename());
        model.put("source", source == null ? "" : source.strip());
        model.put("summary", importer.summary(result, locale));
        model.put("fileRejected", result.fileRejected());
        return HttpResponse.status(result.fileRejected() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .body(new ModelAndView<>("survey/import", model));
    }

    /** The page's model: the survey's dimensions (code and wording in the reader's language). */
    private Map<String, Object> model(Locale locale) {
        SurveyDefinition survey = definitions.current().definition();
        List<Map<String, String>> dimensions = survey.dimensions().stream()
                .map(d -> Map.of("code", d.code(), "label", d.label(locale))).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("dimensions", dimensions);
        model.put("codes", survey.codes());
        return model;
    }

    /** ?charset= wins; else the charset of the Content-Type when it is UTF-8 or GBK; else UTF-8. */
    private static Charset charset(HttpRequest<?> request, @Nullable String query) {
        if (query != null && !query.isBlank()) {
            return CsvCharsets.parse(query);
        }
        return request.getContentType().flatMap(MediaType::getCharset)
                .filter(c -> c.equals(StandardCharsets.UTF_8) || c.name().toUpperCase(Locale.ROOT).equals("GBK"))
                .orElse(StandardCharsets.UTF_8);
    }

    /** The default source as given (blank: none), or 400 when it could not be a source. */
    @Nullable
    private static String checkedSource(@Nullable String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String s = source.strip();
        if (s.length() > InteractionCsvReader.MAX_ID_CHARS || s.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("source must be at most " + InteractionCsvReader.MAX_ID_CHARS
                    + " printable characters");
        }
        return s;
    }
}
