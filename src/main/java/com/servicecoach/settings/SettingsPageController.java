package com.servicecoach.settings;

import com.servicecoach.account.Viewer;
import com.servicecoach.account.Viewers;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Priority;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.Formats;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
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

/**
 * The settings page (administrators): organization zone, calendars, SLA targets, weights, min-rated, figure
 * targets, and the targets per case type with the tables of what they come to.
 */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller("/admin/settings")
@Secured("ADMIN")
@ExecuteOn(TaskExecutors.BLOCKING)
class SettingsPageController {

    private final ScoringSettingsService settings;
    private final Viewers viewers;
    private final FormErrors formErrors;
    private final Messages messages;

    SettingsPageController(ScoringSettingsService settings, Viewers viewers, FormErrors formErrors, Messages messages) {
        this.settings = settings;
        this.viewers = viewers;
        this.formErrors = formErrors;
        this.messages = messages;
    }

    @Get
    ModelAndView<Map<String, Object>> form(HttpRequest<?> request, @Nullable @QueryValue String saved) {
        ScoringSettingsService.Current current = settings.current();
        Map<String, String> values = SettingsForm.values(current.document());
        return page(request, current, values, SettingsForm.ruleRowCount(values, false), Map.of(), saved != null);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> save(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        Viewer viewer = viewers.of(auth);
        List<FieldError> errors = new ArrayList<>();
        SettingsDocument doc = SettingsForm.parse(form, errors);
        try {
            if (!errors.isEmpty()) {
                // report the unparsable numbers together with every other problem of the form; a rule whose
                // target did not parse is not also a rule without a target
                List<FieldError> checks = new ArrayList<>();
                ScoringSettingsService.toSettings(doc, checks);
                checks.removeIf(c -> c.key().equals("settings.error.caseTargetNone")
                        && errors.stream().anyMatch(e -> e.field().startsWith(c.field() + ".")));
                List<FieldError> all = new ArrayList<>(errors);
                all.addAll(checks);
                throw new InvalidInputException(all);
            }
            settings.save(viewer, doc);
            return HttpResponse.seeOther(URI.create("/admin/settings?saved=1"));
        } catch (InvalidInputException e) {
            Map<String, String> values = new HashMap<>(form);
            values.remove("_csrf");
            // the rules' errors name the document's rules: show them on the rows the rules were entered in
            InvalidInputException onRows = new InvalidInputException(SettingsForm.onFormRows(e.errors(), SettingsForm.ruleRows(form)));
            return HttpResponse.unprocessableEntity().body(page(request, settings.current(), values,
                    SettingsForm.ruleRowCount(values, true), FormErrors.byField(formErrors.describe(request, onRows)), false));
        }
    }

    /** Saves metrics.md's defaults as the next version. */
    @Post(value = "/defaults", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> restoreDefaults(Authentication auth) {
        settings.save(viewers.of(auth), settings.defaultsDocument());
        return HttpResponse.seeOther(URI.create("/admin/settings?saved=1"));
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, ScoringSettingsService.Current current,
                                                   Map<String, String> values, int ruleRows, Map<String, String> errors,
                                                   boolean saved) {
        Map<String, Object> model = new HashMap<>();
        model.put("values", values);
        model.put("errors", errors);
        model.put("saved", saved);
        model.put("current", current.document());
        model.put("shortHash", current.shortHash());
        model.put("channels", Arrays.stream(Channel.values()).map(Channel::code).toList());
        model.put("weekdays", ScoringSettingsService.WEEKDAYS);
        model.put("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
        model.put("ruleRows", ruleRows);
        model.put("categories", Category.CODES);
        model.put("priorities", Priority.CODES);
        model.put("caseTargetTables", CaseTargetTables.of(current.settings()));
        model.put("fmt", new Formats(messages, LocaleResolver.resolve(request), current.settings().orgZone()));
        return new ModelAndView<>("settings/settings", model);
    }
}
