package com.servicecoach.notification;

import com.servicecoach.account.AccountService;
import com.servicecoach.account.Viewers;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.FormErrors;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.Messages;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Email pages: {@code /notifications/email}, where each person chooses their address, language and how each
 * topic reaches them, and sees the emails sent to them; for administrators {@code /admin/email} (the mail server
 * settings, a test message, the record of every message with retry) and {@code /admin/email/users/{username}}
 * (someone else's settings).
 */
@Hidden
@Produces(MediaType.TEXT_HTML)
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class EmailPageController {

    private final EmailChoices choices;
    private final EmailLog log;
    private final EmailOutbox outbox;
    private final MailSettings mail;
    private final AccountService accounts;
    private final Viewers viewers;
    private final FormErrors formErrors;

    EmailPageController(EmailChoices choices, EmailLog log, EmailOutbox outbox, MailSettings mail, AccountService accounts,
                        Viewers viewers, FormErrors formErrors) {
        this.choices = choices;
        this.log = log;
        this.outbox = outbox;
        this.mail = mail;
        this.accounts = accounts;
        this.viewers = viewers;
        this.formErrors = formErrors;
    }

    @Get("/notifications/email")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ModelAndView<Map<String, Object>> mine(Authentication auth, @Nullable @QueryValue String saved) {
        String username = viewers.of(auth).username();
        return form(choices.of(username), null, List.of(), "/notifications/email", true, saved != null);
    }

    @Post(value = "/notifications/email", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MutableHttpResponse<?> saveMine(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        String username = viewers.of(auth).username();
        return save(request, username, form, "/notifications/email", true);
    }

    @Get("/admin/email/users/{username}")
    @Secured("ADMIN")
    ModelAndView<Map<String, Object>> someone(@PathVariable String username, @Nullable @QueryValue String saved) {
        accounts.get(username);
        return form(choices.of(username), null, List.of(), "/admin/email/users/" + enc(username), false, saved != null);
    }

    @Post(value = "/admin/email/users/{username}", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    MutableHttpResponse<?> saveSomeone(HttpRequest<?> request, @PathVariable String username, @Body Map<String, String> form) {
        accounts.get(username);
        return save(request, username, form, "/admin/email/users/" + enc(username), false);
    }

    private MutableHttpResponse<?> save(HttpRequest<?> request, String username, Map<String, String> form, String action, boolean own) {
        Map<String, String> deliveries = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("deliveries.")) {
                deliveries.put(k.substring("deliveries.".length()), v);
            }
        });
        EmailChoices.Change change = new EmailChoices.Change(form.getOrDefault("address", ""), form.get("language"),
                "on".equals(form.get("attachReports")) || "true".equals(form.get("attachReports")), deliveries);
        try {
            choices.change(username, change);
            MutableHttpResponse<?> done = HttpResponse.seeOther(URI.create(action + "?saved=1"));
            if (own && form.get("language") != null && Messages.fromTag(form.get("language")) != null) {
                done.cookie(LocaleResolver.cookie(Messages.fromTag(form.get("language"))));
            }
            return done;
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(form(choices.of(username), form, formErrors.describe(request, e), action, own, false));
        }
    }

    private ModelAndView<Map<String, Object>> form(EmailChoices.View view, @Nullable Map<String, String> posted,
                                                   List<FormErrors.Shown> errors, String action, boolean own, boolean saved) {
        Map<String, String> values = new HashMap<>();
        values.put("address", view.address() == null ? "" : view.address());
        values.put("language", view.language());
        values.put("attachReports", String.valueOf(view.attachReports()));
        view.topics().forEach(t -> values.put("deliveries." + t.topic(), t.delivery()));
        if (posted != null) {
            posted.forEach((k, v) -> {
                if (!k.equals("_csrf")) {
                    values.put(k, v);
                }
            });
            values.put("attachReports", String.valueOf("on".equals(posted.get("attachReports"))));
        }
        Map<String, Object> model = new HashMap<>();
        model.put("view", view);
        model.put("values", values);
        model.put("errors", FormErrors.byField(errors));
        model.put("action", action);
        model.put("own", own);
        model.put("saved", saved);
        model.put("deliveryCodes", List.of("immediately", "digest", "off"));
        model.put("topics", view.topics().stream().filter(EmailChoices.Topic::reachesYou).toList());
        model.put("digestHour", String.format("%02d:00", mail.digestHour()));
        model.put("reports", view.topics().stream().anyMatch(t -> t.topic().equals(EmailTopic.MONTHLY_REPORT.code()) && t.reachesYou()));
        model.put("recent", own ? log.page(null, view.username(), new Paging(0, 10, "createdAt", false), false).content() : List.of());
        return new ModelAndView<>("notification/email-settings", model);
    }

    @Get("/admin/email")
    @Secured("ADMIN")
    ModelAndView<Map<String, Object>> admin(@Nullable @QueryValue String status, @Nullable @QueryValue String user,
                                            @Nullable @QueryValue Integer page, @Nullable @QueryValue String sort,
                                            @Nullable @QueryValue String queued, @Nullable @QueryValue String retried) {
        return adminPage(status, user, page, sort, List.of(), Map.of(), queued, retried);
    }

    @Post(value = "/admin/email/test", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    MutableHttpResponse<?> test(HttpRequest<?> request, Authentication auth, @Body Map<String, String> form) {
        String address = form.getOrDefault("address", "").strip();
        try {
            if (!EmailChoices.ADDRESS.matcher(address).matches() || address.length() > 254) {
                throw new InvalidInputException(FieldError.of("address", "email.error.address"));
            }
            long id = outbox.test(viewers.of(auth).username(), address, LocaleResolver.resolve(request));
            return HttpResponse.seeOther(URI.create("/admin/email?queued=" + id));
        } catch (InvalidInputException e) {
            return HttpResponse.unprocessableEntity().body(adminPage(null, null, null, null, formErrors.describe(request, e),
                    Map.of("address", address), null, null));
        }
    }

    @Get("/admin/email/{id}")
    @Secured("ADMIN")
    ModelAndView<Map<String, Object>> message(@PathVariable long id) {
        return new ModelAndView<>("notification/email-message", Map.of("m", log.detail(id)));
    }

    @Post(value = "/admin/email/{id}/retry", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    @Secured("ADMIN")
    HttpResponse<?> retry(@PathVariable long id) {
        EmailLog.Detail d = log.detail(id);
        if (!outbox.retry(id)) {
            throw new ConflictException("Email " + id + " is " + d.entry().status() + ": only a failed email is sent again");
        }
        return HttpResponse.seeOther(URI.create("/admin/email?retried=" + id));
    }

    private ModelAndView<Map<String, Object>> adminPage(@Nullable String status, @Nullable String user, @Nullable Integer page,
                                                        @Nullable String sort, List<FormErrors.Shown> errors,
                                                        Map<String, String> values, @Nullable String queued, @Nullable String retried) {
        Paging paging = Paging.parse(page, 25, sort == null ? "createdAt,desc" : sort, "createdAt", EmailLog.SORTABLE);
        String s = EmailApiController.status(status);
        String u = user == null || user.isBlank() ? null : user.strip();
        PageResponse<EmailLog.Entry> result = log.page(s, u, paging, true);
        Map<String, Object> model = new HashMap<>();
        model.put("mail", mail);
        model.put("counts", log.counts());
        model.put("result", result);
        model.put("sort", paging.sortParam());
        model.put("status", s == null ? "" : s);
        model.put("user", u == null ? "" : u);
        model.put("query", "status=" + enc(s == null ? "" : s) + "&user=" + enc(u == null ? "" : u));
        model.put("statuses", EmailLog.STATUSES);
        model.put("errors", FormErrors.byField(errors));
        model.put("values", values);
        model.put("queued", queued == null ? "" : queued);
        model.put("retried", retried == null ? "" : retried);
        return new ModelAndView<>("notification/email-admin", model);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
