package com.servicecoach.notification;

import com.servicecoach.web.MessageMethod;
import com.servicecoach.web.Messages;
import com.servicecoach.web.Times;
import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an email from the templates in {@code resources/email}: {@code message.ftl} (plain text) and
 * {@code message.ftlh} (HTML, escaped), in the reader's language through the message bundles. One template
 * pair serves a single notification, a daily digest and the administrator's test message.
 */
@Singleton
class EmailTemplates {

    /** At most this many notifications are listed in one digest; the rest are counted, with a link to all. */
    static final int DIGEST_LIMIT = 50;

    /** One notification in an email: its text, the absolute link, and when it was made. */
    public record Item(String text, String url, String at) {
    }

    /** A rendered email. */
    record Rendered(String subject, String text, String html) {
    }

    private final Configuration freemarker;
    private final Messages messages;

    EmailTemplates(Messages messages) {
        this.messages = messages;
        this.freemarker = new Configuration(Configuration.VERSION_2_3_34);
        freemarker.setTemplateLoader(new ClassTemplateLoader(EmailTemplates.class, "/email"));
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setLogTemplateExceptions(false);
        freemarker.setWrapUncheckedExceptions(true);
    }

    /**
     * Renders a message of {@code kind} ("single", "digest" or "test") for {@code items}; {@code more} counts
     * digest notifications left out of the list.
     */
    Rendered render(String kind, String username, Locale locale, List<Item> items, int more, String publicUrl, ZoneId zone) {
        Map<String, Object> model = new HashMap<>();
        model.put("msg", new MessageMethod(messages, locale));
        model.put("kind", kind);
        model.put("username", username);
        model.put("items", items);
        model.put("more", more);
        model.put("total", items.size() + more);
        model.put("baseUrl", publicUrl);
        model.put("settingsUrl", publicUrl + "/notifications/email");
        model.put("notificationsUrl", publicUrl + "/notifications");
        model.put("zone", new Times(zone).zoneName());
        String subject = switch (kind) {
            case "digest" -> messages.get(locale, "email.subject.digest", items.size() + more);
            case "test" -> messages.get(locale, "email.subject.test");
            default -> messages.get(locale, "email.subject.single", shorten(items.get(0).text()));
        };
        model.put("subject", subject);
        return new Rendered(subject, process("message.ftl", model, locale), process("message.ftlh", model, locale));
    }

    private String process(String name, Map<String, Object> model, Locale locale) {
        try {
            StringWriter out = new StringWriter();
            freemarker.getTemplate(name, locale, null, null, true, false).process(model, out);
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TemplateException e) {
            throw new IllegalStateException("The email template " + name + " failed", e);
        }
    }

    /** A subject line stays under 120 characters: longer notification texts end with an ellipsis. */
    static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 120 ? line : line.substring(0, 119).stripTrailing() + "…";
    }
}
