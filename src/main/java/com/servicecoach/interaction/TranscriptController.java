package com.servicecoach.interaction;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.csv.CsvCharsets;
import com.servicecoach.csv.ImportSummary;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.Formats;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
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
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Operation;
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
 * One interaction with its conversation ({@code GET /api/interactions/{id}}, the page {@code /interactions/{id}} with the
 * chat view), and the transcript import ({@code POST /api/interactions/transcripts}, the page
 * {@code /interactions/transcripts}) for administrators and supervisors.
 */
@Tag(name = "Interactions and scorecards")
@Controller
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class TranscriptController {

    private final InteractionService interactions;
    private final TranscriptImport importer;
    private final List<InteractionPageSection> sections;
    private final ScoringSettingsService settings;
    private final Messages messages;
    private final Viewers viewers;

    TranscriptController(InteractionService interactions, TranscriptImport importer, List<InteractionPageSection> sections,
                         ScoringSettingsService settings, Messages messages, Viewers viewers) {
        this.interactions = interactions;
        this.importer = importer;
        this.sections = sections;
        this.settings = settings;
        this.messages = messages;
        this.viewers = viewers;
    }

    /** An interaction as the list shows it, with its conversation's messages in order (empty when none was imported). */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record InteractionDetail(InteractionView interaction, boolean hasTranscript, List<Transcript.Message> messages) {
    }

    @Operation(summary = "One interaction the caller may see, with its conversation (messages with speaker customer|agent|system|note)")
    @Get("/api/interactions/{id:[0-9]+}")
    InteractionDetail get(Authentication auth, long id) {
        InteractionService.Detail d = interactions.visible(viewers.of(auth), id);
        return new InteractionDetail(d.view(), d.hasTranscript(), d.messages());
    }

    @Get("/interactions/{id:[0-9]+}")
    @Produces(MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Authentication auth, long id) {
        Viewer viewer = viewers.of(auth);
        Locale locale = LocaleResolver.resolve(request);
        InteractionService.Detail d = interactions.visible(viewer, id);
        Map<String, Object> model = new HashMap<>();
        model.put("i", d.view());
        model.put("messages", d.messages());
        model.put("isAgent", viewer.isAgent());
        model.put("fmt", new Formats(messages, locale, settings.current().settings().orgZone()));
        for (InteractionPageSection s : sections) {
            s.addTo(model, viewer, d, locale);
        }
        return new ModelAndView<>("interaction/detail", model);
    }

    @Operation(summary = "Import conversations for interactions already imported: CSV with external_id, transcript and optionally source "
            + "(UTF-8 or GBK with ?charset=GBK; ?source= for rows without one); each transcript at most 64 KiB; 422 when the header is unusable")
    @Post(value = "/api/interactions/transcripts", consumes = {"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM},
            produces = MediaType.APPLICATION_JSON)
    @Secured({"ADMIN", "SUPERVISOR"})
    HttpResponse<ImportSummary> importCsv(HttpRequest<?> request, Authentication auth, @Nullable @Body InputStream body,
                                          @Nullable @QueryValue String charset, @Nullable @QueryValue String source) {
        TranscriptImport.Result r = importer.run(viewers.of(auth), body == null ? InputStream.nullInputStream() : body,
                charset(request, charset), checkedSource(source));
        return r.fileRejected() ? HttpResponse.unprocessableEntity().body(r.summary()) : HttpResponse.ok(r.summary());
    }

    @Get("/interactions/transcripts")
    @Produces(MediaType.TEXT_HTML)
    @Secured({"ADMIN", "SUPERVISOR"})
    ModelAndView<Map<String, Object>> form(Authentication auth) {
        viewers.of(auth);
        Map<String, Object> model = new HashMap<>();
        model.put("maxBytes", Transcript.MAX_BYTES);
        return new ModelAndView<>("interaction/transcripts", model);
    }

    @Post(value = "/interactions/transcripts", consumes = MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.TEXT_HTML)
    @Secured({"ADMIN", "SUPERVISOR"})
    HttpResponse<?> upload(Authentication auth, @Nullable @Part("charset") String charset, @Nullable @Part("source") String source,
                           StreamingFileUpload file) {
        Viewer viewer = viewers.of(auth);
        TranscriptImport.Result r;
        try (InputStream in = file.asInputStream()) {
            r = importer.run(viewer, in, CsvCharsets.parse(charset), checkedSource(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("maxBytes", Transcript.MAX_BYTES);
        model.put("fileName", file.getFilename() == null ? "" : file.getFilename());
        model.put("summary", r.summary());
        model.put("fileRejected", r.fileRejected());
        return HttpResponse.status(r.fileRejected() ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK)
                .body(new ModelAndView<>("interaction/transcripts", model));
    }

    private static Charset charset(HttpRequest<?> request, @Nullable String query) {
        if (query != null && !query.isBlank()) {
            return CsvCharsets.parse(query);
        }
        return request.getContentType().flatMap(MediaType::getCharset)
                .filter(c -> c.equals(StandardCharsets.UTF_8) || c.name().toUpperCase(Locale.ROOT).equals("GBK"))
                .orElse(StandardCharsets.UTF_8);
    }

    private static @Nullable String checkedSource(@Nullable String source) {
        if (source == null || source.isBlank()) {
            return null;
        }
        String s = source.strip();
        if (s.length() > InteractionCsvReader.MAX_ID_CHARS || s.chars().anyMatch(Character::isISOControl)) {
            throw new BadRequestException("source must be at most " + InteractionCsvReader.MAX_ID_CHARS + " printable characters");
        }
        return s;
    }
}
