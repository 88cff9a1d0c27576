package com.servicecoach.notification;

import com.servicecoach.account.Viewers;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.LocaleResolver;
import com.servicecoach.web.PageResponse;
import com.servicecoach.web.Paging;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * Email, as JSON:
 * <ul>
 *   <li>{@code GET|PUT /api/notifications/email}: the caller's own address, language, attachment choice and
 *   delivery per topic; {@code GET /api/notifications/email/messages}: the emails sent to them;</li>
 *   <li>administrators: {@code GET|PUT /api/email/settings/{username}} (anyone's settings),
 *   {@code GET /api/email/status} (the mail server settings, without the password, and the counts),
 *   {@code GET /api/email/messages?status=&user=} and {@code GET /api/email/messages/{id}} (the record of every
 *   message), {@code POST /api/email/messages/{id}/retry} (a failed one again), {@code POST /api/email/test}
 *   ({@code {"address": ...}}: a test message, sent by the next run of the mail job).</li>
 * </ul>
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
class EmailApiController {

    /** The mail server as configured (never the password) and the messages by state. */
    @Serdeable
    record Status(boolean enabled, List<String> missing, String host, int port, String security, @Nullable String username,
                  boolean passwordSet, String from, String fromName, String publicUrl, int digestHour, Map<String, Long> messages) {
    }

    @Serdeable
    record TestRequest(@Nullable String address) {
    }

    @Serdeable
    record Queued(long id) {
    }

    private final EmailChoices choices;
    private final EmailLog log;
    private final EmailOutbox outbox;
    private final MailSettings mail;
    private final Viewers viewers;

    EmailApiController(EmailChoices choices, EmailLog log, EmailOutbox outbox, MailSettings mail, Viewers viewers) {
        this.choices = choices;
        this.log = log;
        this.outbox = outbox;
        this.mail = mail;
        this.viewers = viewers;
    }

    @Get("/api/notifications/email")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    EmailChoices.View mine(Authentication auth) {
        return choices.of(viewers.of(auth).username());
    }

    @Put("/api/notifications/email")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    EmailChoices.View changeMine(Authentication auth, @Body EmailChoices.Change change) {
        return choices.change(viewers.of(auth).username(), change);
    }

    @Get("/api/notifications/email/messages")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    PageResponse<EmailLog.Entry> myMessages(Authentication auth, @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size) {
        Paging paging = Paging.parse(page, size, null, "createdAt", EmailLog.SORTABLE);
        return log.page(null, viewers.of(auth).username(), new Paging(paging.page(), paging.size(), "createdAt", false), false);
    }

    @Get("/api/email/settings/{username}")
    @Secured("ADMIN")
    EmailChoices.View settingsOf(@PathVariable String username) {
        return choices.of(username);
    }

    @Put("/api/email/settings/{username}")
    @Secured("ADMIN")
    EmailChoices.View changeSettingsOf(@PathVariable String username, @Body EmailChoices.Change change) {
        return choices.change(username, change);
    }

    @Get("/api/email/status")
    @Secured("ADMIN")
    Status status() {
        return new Status(mail.enabled(), mail.missing(), mail.host(), mail.port(), mail.security().name().toLowerCase(java.util.Locale.ROOT),
                mail.username(), mail.hasPassword(), mail.from(), mail.fromName(), mail.publicUrl(), mail.digestHour(), log.counts());
    }

    @Get("/api/email/messages")
    @Secured("ADMIN")
    PageResponse<EmailLog.Entry> messages(@Nullable @QueryValue String status, @Nullable @QueryValue String user,
                                          @Nullable @QueryValue Integer page, @Nullable @QueryValue Integer size,
                                          @Nullable @QueryValue String sort) {
        Paging paging = Paging.parse(page, size, sort == null ? "createdAt,desc" : sort, "createdAt", EmailLog.SORTABLE);
        return log.page(status(status), user == null || user.isBlank() ? null : user.strip(), paging, false);
    }

    @Get("/api/email/messages/{id}")
    @Secured("ADMIN")
    EmailLog.Detail message(@PathVariable long id) {
        return log.detail(id);
    }

    @Post("/api/email/messages/{id}/retry")
    @Secured("ADMIN")
    EmailLog.Entry retry(@PathVariable long id) {
        EmailLog.Detail d = log.detail(id);
        if (!outbox.retry(id)) {
            throw new ConflictException("Email " + id + " is " + d.entry().status() + ": only a failed email is sent again");
        }
        return log.detail(id).entry();
    }

    @Post("/api/email/test")
    @Secured("ADMIN")
    Queued test(HttpRequest<?> request, Authentication auth, @Body TestRequest body) {
        String address = body.address() == null ? "" : body.address().strip();
        if (!EmailChoices.ADDRESS.matcher(address).matches() || address.length() > 254) {
            throw new InvalidInputException(FieldError.of("address", "email.error.address"));
        }
        return new Queued(outbox.test(viewers.of(auth).username(), address, LocaleResolver.resolve(request)));
    }

    /** A status filter: pending, sent or failed; blank is none. */
    static String status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        if (!EmailLog.STATUSES.contains(status.strip())) {
            throw new BadRequestException("status must be one of " + EmailLog.STATUSES);
        }
        return status.strip();
    }
}
