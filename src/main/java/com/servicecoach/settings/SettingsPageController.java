package com.servicecoach.settings;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.scoring.Channel;
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
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The settings page (administrators): organization zone, calendars, SLA targets, weights, min-rated. */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller("/admin/settings")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class SettingsPageController {

    private final ScoringSettingsService settings;
    private final Viewers viewers;
    private final FormErrors formErrors;

    SettingsPageController(ScoringSettingsService settings, Viewers viewers, FormErrors formErrors) {
        this.settings = settings;
        this.viewers = viewers;
        this.formErrors = formErrors;
    }

    @Get
    ModelAndView<Map<String, Object>> form(@Nullable @QueryValue String saved) {
        ScoringSettingsService.Current current = settings.current();
        return page(current, SettingsForm.values(current.document()), Map.of(), saved != null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        Viewer viewer = viewers.of(auth);
        List<FieldError> errors = new ArrayList<>();
        SettingsDocument doc = SettingsForm.parse(form, errors);
        try {
            if (!errors.isEmpty()) {
                // report the unparsable numbers together with every other problem of the form
                List<FieldError> all = new ArrayList<>(errors);
                ScoringSettingsService.toSettings(doc, all);
                throw new InvalidInputException(all);
            }
            settings.save(viewer, doc);
            return HttpResponse.seeOther(URI.create("/admin/settings?saved=1"));
        } catch (InvalidInputException e) {
            Map<String, String> values = new HashMap<>(form);
            values.remove("_csrf");
            return HttpResponse.unprocessableEntity().body(page(settings.current(), values,
                    FormErrors.byField(formErrors.describe(request, e)), false));
        }
    }

    /** Saves metrics.md's defaults as the next version. */
    @Post(value = "/defaults", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> restoreDefaults(Authentication auth) {
        settings.save(viewers.of(auth), settings.defaultsDocument());
        return HttpResponse.seeOther(URI.create("/admin/settings?saved=1"));
    }

    private ModelAndView<Map<String, Object>> page(ScoringSettingsService.Current current, Map<String, String> values,
                                                   Map<String, String> errors, boolean saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", errors);
        model.put("saved", saved);
        model.put("current", current.document());
        model.put("shortHash", current.shortHash());
        model.put("channels", Arrays.stream(Channel.values()).map(Channel::code).toList());
        model.put("weekdays", ScoringSettingsService.WEEKDAYS);
        model.put("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
        return new ModelAndView<>("settings/settings", model);
    }
}
