package com.servicecoach.quality;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.Formats;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.FormValues;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The calibration pages: the sessions with the form that opens one, and a session with its invitees, the viewer's blind
 * scoring of each conversation beside its transcript, the submission and, once revealed, the results.
 */
@Hidden
@Controller
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CalibrationPageController {

    static final int RECENT = 40;

    private final Calibrations calibrations;
    private final QualityViews views;
    private final QaRubrics rubrics;
    private final ScoringSettingsService settings;
    private final Messages messages;
    private final FormErrors formErrors;
    private final Viewers viewers;

    CalibrationPageController(Calibrations calibrations, QualityViews views, QaRubrics rubrics, ScoringSettingsService settings,
                              Messages messages, FormErrors formErrors, Viewers viewers) {
        this.calibrations = calibrations;
        this.views = views;
        this.rubrics = rubrics;
        this.settings = settings;
        this.messages = messages;
        this.formErrors = formErrors;
        this.viewers = viewers;
    }

    private Formats fmt(Locale locale) {
        return new Formats(messages, locale, settings.current().settings().orgZone());
    }

    @Get("/quality/calibrations")
    ModelAndView<Map<String, Object>> list(HttpRequest<?> request, Authentication auth, @Nullable @QueryValue Integer page) {
        return listPage(request, viewers.of(auth), Map.of(), List.of(), page);
    }

    private ModelAndView<Map<String, Object>> listPage(HttpRequest<?> request, Viewer viewer, Map<String, String> values,
                                                       List<FormErrors.Shown> errors, @Nullable Integer page) {
        Locale locale = LocaleResolver.resolve(request);
        Map<String, Object> model = new HashMap<>();
        // a page past the last shows the last
        com.servicecoach.web.PageResponse<Calibrations.Summary> sessions = calibrations.list(viewer, locale, Calibrations.paging(page, null));
        if (sessions.content().isEmpty() && sessions.totalElements() > 0) {
            sessions = calibrations.list(viewer, locale, Calibrations.paging(page, null).within(sessions.totalElements()));
        }
        model.put("sessions", sessions.content());
        model.put("result", sessions);
        model.put("rubrics", rubrics.all().stream().map(r -> new RubricOption(r.code(), r.titleIn(locale), r.channelCodes())).toList());
        model.put("candidates", calibrations.candidates());
        model.put("recent", views.queue(viewer, null, null, null, null, null, Paging.parse(0, RECENT, "week,desc", "week", List.of("week")))
                .content());
        model.put("values", values);
        model.put("errorList", errors);
        model.put("errors", FormErrors.byField(errors));
        model.put("me", viewer.username());
        model.put("fmt", fmt(locale));
        return new ModelAndView<>("quality/calibrations", model);
    }

    /** A rubric as the form offers it. */
    public record RubricOption(String code, String title, List<String> channels) {
    }

    /**
     * The new-session form: {@code title}, {@code rubric}, conversations ticked ({@code item_<id>}) and typed
     * ({@code interactionIds}, separated by commas or spaces), invitees ticked ({@code invitee_<username>}).
     */
    @Post(value = "/quality/calibrations", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> create(HttpRequest<?> request, Authentication auth, @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        Map<String, String> v = FormValues.flatten(form);
        List<String> ids = new ArrayList<>();
        List<String> invitees = new ArrayList<>();
        v.keySet().stream().sorted().forEach(k -> {
            if (k.startsWith("item_")) {
                ids.add(k.substring(5));
            } else if (k.startsWith("invitee_")) {
                invitees.add(k.substring(8));
            }
        });
        for (String token : v.getOrDefault("interactionIds", "").split("[,;\\s]+")) {
            if (!token.isBlank() && !ids.contains(token.strip())) {
                ids.add(token.strip());
            }
        }
        try {
            long id = calibrations.create(viewer, v.get("title"), v.get("rubric"), ids, invitees);
            return HttpResponse.seeOther(URI.create("/quality/calibrations/" + id + "?done=created"));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(listPage(request, viewer, v, formErrors.describe(request, e), null));
        }
    }

    @Get("/quality/calibrations/{id}")
    ModelAndView<Map<String, Object>> show(HttpRequest<?> request, Authentication auth, long id, @Nullable @QueryValue Long item,
                                           @Nullable @QueryValue String done) {
        return sessionPage(request, viewers.of(auth), id, item, Map.of(), List.of(), done == null ? "" : done.strip());
    }

    private ModelAndView<Map<String, Object>> sessionPage(HttpRequest<?> request, Viewer viewer, long id, @Nullable Long item,
                                                          Map<String, String> values, List<FormErrors.Shown> errors, String done) {
        Locale locale = LocaleResolver.resolve(request);
        Calibrations.Session s = calibrations.view(viewer, id, locale);
        Calibrations.Item current = s.items().stream().filter(i -> item != null && i.interactionId() == item).findFirst()
                .orElse(s.items().isEmpty() ? null : s.items().get(0));
        Map<String, Object> model = new HashMap<>();
        model.put("s", s);
        if (current != null) {
            model.put("current", current);
        }
        model.put("values", values);
        model.put("errorList", errors);
        model.put("errors", FormErrors.byField(errors));
        model.put("done", done);
        model.put("fmt", fmt(locale));
        return new ModelAndView<>("quality/calibration", model);
    }

    @Post(value = "/quality/calibrations/{id}/scores/{interactionId}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> score(HttpRequest<?> request, Authentication auth, long id, long interactionId, @Body Map<String, Object> form) {
        Viewer viewer = viewers.of(auth);
        Map<String, String> v = FormValues.flatten(form);
        try {
            calibrations.score(viewer, id, interactionId, QualityPageController.marks(v));
            return HttpResponse.seeOther(URI.create("/quality/calibrations/" + id + "?item=" + interactionId + "&done=saved"));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(sessionPage(request, viewer, id, interactionId, v,
                    formErrors.describe(request, e), ""));
        } catch (ConflictException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(sessionPage(request, viewer, id, interactionId, Map.of(),
                    List.of(new FormErrors.Shown("session", messages.get(LocaleResolver.resolve(request), "calibration.error.submitted"))), ""));
        }
    }

    @Post(value = "/quality/calibrations/{id}/submit", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(HttpRequest<?> request, Authentication auth, long id) {
        Viewer viewer = viewers.of(auth);
        try {
            boolean revealed = calibrations.submit(viewer, id);
            return HttpResponse.seeOther(URI.create("/quality/calibrations/" + id + "?done=" + (revealed ? "revealed" : "submitted")));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(sessionPage(request, viewer, id, null, Map.of(),
                    formErrors.describe(request, e), ""));
        } catch (ConflictException e) {
            return HttpResponse.status(HttpStatus.CONFLICT).body(sessionPage(request, viewer, id, null, Map.of(),
                    List.of(new FormErrors.Shown("session", messages.get(LocaleResolver.resolve(request), "calibration.error.submitted"))), ""));
        }
    }
}
