package com.servicecoach.notification;

import com.servicecoach.settings.ScoringSettingsService;
import com.servicecoach.web.Messages;
import jakarta.inject.Singleton;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns notifications into emails and sends them; run by {@link EmailJob} every minute, one instance at a time.
 *
 * <ol>
 *   <li>{@link #collect()}: each notification the job has not seen yet is mailed at once, kept for the daily
 *   digest, or not mailed (the reader turned its topic off, has no address, or it is older than
 *   {@code max-age}), as the reader chose for its {@link EmailTopic}.</li>
 *   <li>{@link #digests()}: at the digest hour (organization's zone), each reader's waiting notifications go out
 *   as one message.</li>
 *   <li>{@link #send()}: stored messages are sent; a refused or unreachable server leaves the message pending
 *   for the next attempt (1, 2, 4 ... minutes later, at most an hour), until {@code give-up-after} has passed
 *   since it was queued: it is then failed with the last reason. A server that rejects the address for good
 *   (a 5xx reply) fails the message at once.</li>
 * </ol>
 * Each message is stored with its content before it is sent, so a server that is down loses nothing.
 */
@Singleton
public class EmailOutbox {

    private static final Logger LOG = LoggerFactory.getLogger(EmailOutbox.class);
    static final int BATCH = 200;
    static final Duration LONGEST_WAIT = Duration.ofHours(1);

    /** What one run did. */
    public record Run(int looked, int queued, int digests, int sent, int failedAttempts) {
    }

    private final EmailStore store;
    private final EmailTemplates templates;
    private final Mailer mailer;
    private final MailSettings mail;
    private final Notifications notifications;
    private final Messages messages;
    private final ScoringSettingsService settings;
    private final Clock clock;

    EmailOutbox(EmailStore store, EmailTemplates templates, Mailer mailer, MailSettings mail, Notifications notifications,
                Messages messages, ScoringSettingsService settings, Clock clock) {
        this.store = store;
        this.templates = templates;
        this.mailer = mailer;
        this.mail = mail;
        this.notifications = notifications;
        this.messages = messages;
        this.settings = settings;
        this.clock = clock;
    }

    /** One full run: collect, digests, send. Nothing happens while mail is not configured. */
    public Run run() {
        if (!mail.enabled()) {
            return new Run(0, 0, 0, 0, 0);
        }
        int[] collected = collect();
        int digests = digests();
        int[] sent = send();
        return new Run(collected[0], collected[1], digests, sent[0], sent[1]);
    }

    /** Looks at every notification not seen yet; returns {looked at, messages queued}. */
    int[] collect() {
        int looked = 0;
        int queued = 0;
        Map<String, Optional<Reader>> readers = new HashMap<>();
        List<EmailStore.Pending> batch;
        while (!(batch = store.fresh(BATCH)).isEmpty()) {
            for (EmailStore.Pending n : batch) {
                looked++;
                try {
                    Optional<Reader> reader = readers.computeIfAbsent(n.username(), this::reader);
                    String outcome = outcome(n, reader);
                    if (outcome == null) {
                        queue("single", reader.get(), List.of(n), 0);
                        queued++;
                    } else {
                        store.mark(n.id(), outcome);
                    }
                } catch (RuntimeException e) {
                    // a notification that cannot be made into an email is left out once, not tried in every run
                    LOG.error("Notification {} could not be made into an email", n.id(), e);
                    store.mark(n.id(), "error");
                }
            }
        }
        return new int[]{looked, queued};
    }

    /** Null when the notification is mailed now; else the state it is left in. */
    private String outcome(EmailStore.Pending n, Optional<Reader> reader) {
        if (reader.isEmpty() || !reader.get().recipient().enabled()) {
            return "off";
        }
        if (n.createdAt().plus(mail.maxAge()).isBefore(now())) {
            return "expired";
        }
        EmailTopic.Delivery delivery = reader.get().delivery(n.kind());
        if (delivery == EmailTopic.Delivery.OFF) {
            return "off";
        }
        if (reader.get().recipient().address() == null) {
            return "no_address";
        }
        return delivery == EmailTopic.Delivery.DIGEST ? "digest" : null;
    }

    /**
     * Makes the digests due: notifications kept for a digest and made before the latest digest time (today's
     * if the digest hour has passed, else yesterday's) go out as one message per reader.
     */
    int digests() {
        Instant cutoff = latestDigestTime();
        int made = 0;
        for (String username : store.digestReaders(cutoff)) {
            List<EmailStore.Pending> waiting = store.digestOf(username, cutoff);
            Optional<Reader> reader = reader(username);
            List<EmailStore.Pending> mailed = new ArrayList<>();
            for (EmailStore.Pending n : waiting) {
                if (reader.isEmpty() || !reader.get().recipient().enabled() || reader.get().delivery(n.kind()) == EmailTopic.Delivery.OFF) {
                    store.mark(n.id(), "off");
                } else if (reader.get().recipient().address() == null) {
                    store.mark(n.id(), "no_address");
                } else {
                    mailed.add(n);
                }
            }
            if (!mailed.isEmpty()) {
                int listed = Math.min(mailed.size(), EmailTemplates.DIGEST_LIMIT);
                try {
                    queue("digest", reader.get(), mailed, mailed.size() - listed);
                    made++;
                } catch (RuntimeException e) {
                    LOG.error("The digest of {} could not be made", username, e);
                    mailed.forEach(n -> store.mark(n.id(), "error"));
                }
            }
        }
        return made;
    }

    Instant latestDigestTime() {
        ZoneId zone = zone();
        ZonedDateTime now = ZonedDateTime.ofInstant(now(), zone);
        ZonedDateTime today = LocalDate.from(now).atTime(mail.digestHour(), 0).atZone(zone);
        return (now.isBefore(today) ? today.minusDays(1) : today).toInstant();
    }

    /** Sends the messages that are due; returns {sent, failed attempts}. */
    int[] send() {
        int sent = 0;
        int failed = 0;
        Instant started = now();
        List<EmailStore.Message> due;
        while (!(due = store.due(now(), 50)).isEmpty()) {
            boolean serverDown = false;
            for (EmailStore.Message m : due) {
                int attempts = m.attempts() + 1;
                try {
                    mailer.send(mail, new Mailer.Outgoing(m.address(), m.locale(), m.subject(), m.textBody(), m.htmlBody(), files(m)));
                    store.sent(m.id(), attempts, now());
                    sent++;
                } catch (MessagingException | IOException | RuntimeException e) {
                    failed++;
                    String reason = reason(e);
                    boolean permanent = permanent(e);
                    Instant next = permanent || !now().isBefore(m.queuedAt().plus(mail.giveUpAfter())) ? null : now().plus(wait(attempts));
                    store.attemptFailed(m.id(), attempts, next, reason);
                    LOG.warn("Email {} to {} not sent (attempt {}): {}", m.id(), m.address(), attempts, reason);
                    if (!permanent && !(e instanceof SendFailedException)) {
                        serverDown = true;
                        break;
                    }
                }
            }
            if (serverDown || Duration.between(started, now()).compareTo(Duration.ofMinutes(5)) > 0) {
                break;
            }
        }
        return new int[]{sent, failed};
    }

    /** The wait before attempt {@code attempts + 1}: 1, 2, 4 ... minutes, at most an hour. */
    static Duration wait(int attempts) {
        Duration d = Duration.ofMinutes(1L << Math.min(attempts - 1, 10));
        return d.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : d;
    }

    /** A 5xx reply about the address or the message: sending it again cannot succeed. */
    static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SMTPAddressFailedException a && a.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) {
                return true;
            }
            if (t instanceof SendFailedException s && s.getNextException() != null && permanent(s.getNextException())) {
                return true;
            }
        }
        return false;
    }

    /** The most telling message of the failure: the innermost cause's, with its type. */
    static String reason(Throwable e) {
        Throwable root = e;
        StringBuilder out = new StringBuilder(e.getClass().getSimpleName() + ": " + e.getMessage());
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e) {
            out.append(" (").append(root.getClass().getSimpleName()).append(": ").append(root.getMessage()).append(')');
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    /** Queues a test message to {@code address} for the administrator {@code username}; returns its id. */
    public long test(String username, String address, Locale locale) {
        String tag = Messages.tag(locale);
        EmailTemplates.Rendered r = templates.render("test", username, locale,
                List.of(new EmailTemplates.Item(messages.get(locale, "email.test.body"), mail.publicUrl() + "/admin/email",
                        times().at(now()))), 0, mail.publicUrl(), zone());
        return store.queue(new EmailStore.NewMessage(username, address, tag, "test", 0, r.subject(), r.text(), r.html(), null),
                List.of(), now());
    }

    /** Puts a failed message back in line; false when it is not a failed message. */
    public boolean retry(long id) {
        return store.retry(id, now());
    }

    private void queue(String kind, Reader reader, List<EmailStore.Pending> items, int more) {
        Locale locale = reader.locale();
        List<EmailStore.Pending> listed = items.subList(0, items.size() - more);
        List<EmailTemplates.Item> shown = listed.stream().map(n -> new EmailTemplates.Item(
                notifications.text(n.kind(), n.args(), locale), absolute(n.link()), times().at(n.createdAt()))).toList();
        EmailTemplates.Rendered r = templates.render(kind, reader.recipient().username(), locale, shown, more, mail.publicUrl(), zone());
        String attachments = reader.recipient().attachReports() ? String.join("\n", items.stream()
                .filter(n -> n.attachments() != null).map(EmailStore.Pending::attachments).toList()) : null;
        store.queue(new EmailStore.NewMessage(reader.recipient().username(), reader.recipient().address(), Messages.tag(locale), kind,
                items.size(), r.subject(), r.text(), r.html(), attachments == null || attachments.isEmpty() ? null : attachments),
                items.stream().map(EmailStore.Pending::id).toList(), now());
    }

    private String absolute(String link) {
        return link.startsWith("/") ? mail.publicUrl() + link : mail.publicUrl() + "/notifications";
    }

    private static List<Path> files(EmailStore.Message m) {
        return m.attachments() == null ? List.of() : Arrays.stream(m.attachments().split("\n")).filter(s -> !s.isBlank()).map(Path::of).toList();
    }

    private Optional<Reader> reader(String username) {
        return store.recipient(username).map(r -> new Reader(r, store.deliveries(username)));
    }

    private com.servicecoach.web.Times times() {
        return new com.servicecoach.web.Times(zone());
    }

    private ZoneId zone() {
        return settings.current().settings().orgZone();
    }

    private Instant now() {
        return clock.instant();
    }

    /** A recipient with their choices. */
    private record Reader(EmailStore.Recipient recipient, Map<String, String> deliveries) {
        EmailTopic.Delivery delivery(String kind) {
            return EmailTopic.ofKind(kind).flatMap(t -> Optional.ofNullable(deliveries.get(t.code())))
                    .flatMap(EmailTopic.Delivery::parse).orElse(EmailTopic.Delivery.IMMEDIATELY);
        }

        Locale locale() {
            Locale l = recipient.locale() == null ? null : Messages.fromTag(recipient.locale());
            return l == null ? Locale.ENGLISH : l;
        }
    }
}
