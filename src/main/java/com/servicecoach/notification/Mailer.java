package com.servicecoach.notification;

import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * Sends one email over SMTP (Jakarta Mail): a plain-text and an HTML part of the same content
 * (multipart/alternative), inside multipart/mixed with the files when there are attachments. Marked as
 * automatically generated (RFC 3834), so that out-of-office replies are not sent back.
 */
@Singleton
class Mailer {

    /** What to send. */
    record Outgoing(String to, String locale, String subject, String text, String html, List<Path> attachments) {
    }

    void send(MailSettings settings, Outgoing mail) throws MessagingException, IOException {
        Session session = Session.getInstance(properties(settings));
        MimeMessage message = new MimeMessage(session);
        message.setFrom(sender(settings));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("Content-Language", mail.locale());
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        List<Path> files = mail.attachments().stream().filter(Files::isRegularFile).toList();
        if (files.isEmpty()) {
            message.setContent(alternative);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternative);
            mixed.addBodyPart(body);
            for (Path f : files) {
                MimeBodyPart part = new MimeBodyPart();
                part.attachFile(f.toFile());
                part.setFileName(f.getFileName().toString());
                mixed.addBodyPart(part);
            }
            message.setContent(mixed);
        }
        message.saveChanges();
        if (settings.username() != null) {
            Transport.send(message, settings.username(), settings.password());
        } else {
            Transport.send(message);
        }
    }

    private static InternetAddress sender(MailSettings settings) throws MessagingException {
        try {
            InternetAddress from = new InternetAddress(settings.from(), true);
            return settings.fromName().isEmpty() ? from : new InternetAddress(from.getAddress(), settings.fromName(), "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("Cannot encode the sender's name", e);
        }
    }

    static Properties properties(MailSettings settings) {
        Properties p = new Properties();
        String protocol = settings.security() == MailSettings.Security.SSL ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", settings.host());
        p.put(prefix + "port", String.valueOf(settings.port()));
        String millis = String.valueOf(settings.timeout().toMillis());
        p.put(prefix + "connectiontimeout", millis);
        p.put(prefix + "timeout", millis);
        p.put(prefix + "writetimeout", millis);
        p.put(prefix + "from", settings.from());
        p.put(prefix + "auth", String.valueOf(settings.username() != null));
        if (settings.security() == MailSettings.Security.STARTTLS) {
            p.put(prefix + "starttls.enable", "true");
            p.put(prefix + "starttls.required", "true");
        }
        if (settings.security() != MailSettings.Security.NONE) {
            p.put(prefix + "ssl.checkserveridentity", "true");
        }
        return p;
    }
}
