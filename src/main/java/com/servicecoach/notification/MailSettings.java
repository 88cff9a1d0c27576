package com.servicecoach.notification;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the application reaches its mail server ({@code servicecoach.mail.*}, from the environment: see
 * application.yml). Mail is off until the server, the sender and the public address for links are all set.
 */
@Singleton
public class MailSettings {

    /** How the connection to the mail server is protected. */
    public enum Security { NONE, STARTTLS, SSL }

    private final String host;
    private final int port;
    private final Security security;
    private final String username;
    private final String password;
    private final String from;
    private final String fromName;
    private final String publicUrl;
    private final int digestHour;
    private final Duration maxAge;
    private final Duration giveUpAfter;
    private final Duration timeout;

    MailSettings(@Value("${servicecoach.mail.host:}") String host,
                 @Value("${servicecoach.mail.port:587}") int port,
                 @Value("${servicecoach.mail.security:starttls}") String security,
                 @Value("${servicecoach.mail.username:}") String username,
                 @Value("${servicecoach.mail.password:}") String password,
                 @Value("${servicecoach.mail.from:}") String from,
                 @Value("${servicecoach.mail.from-name:ServiceCoach}") String fromName,
                 @Value("${servicecoach.public-url:}") String publicUrl,
                 @Value("${servicecoach.mail.digest-hour:8}") int digestHour,
                 @Value("${servicecoach.mail.max-age:3d}") Duration maxAge,
                 @Value("${servicecoach.mail.give-up-after:2d}") Duration giveUpAfter,
                 @Value("${servicecoach.mail.timeout:20s}") Duration timeout) {
        this.host = host.strip();
        this.port = port;
        this.security = parseSecurity(security);
        this.username = username.strip();
        this.password = password;
        this.from = from.strip();
        this.fromName = fromName.strip();
        String base = publicUrl.strip();
        this.publicUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        if (digestHour < 0 || digestHour > 23) {
            throw new IllegalArgumentException("servicecoach.mail.digest-hour must be an hour 0-23, not " + digestHour);
        }
        this.digestHour = digestHour;
        this.maxAge = maxAge;
        this.giveUpAfter = giveUpAfter;
        this.timeout = timeout;
    }

    static Security parseSecurity(String value) {
        try {
            return Security.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("servicecoach.mail.security must be none, starttls or ssl, not '" + value + "'");
        }
    }

    /** Whether mail is sent: server, sender and public address are set. */
    public boolean enabled() {
        return missing().isEmpty();
    }

    /** The settings mail still needs, by environment variable. */
    public List<String> missing() {
        List<String> out = new ArrayList<>();
        if (host.isEmpty()) {
            out.add("SERVICECOACH_MAIL_HOST");
        }
        if (from.isEmpty()) {
            out.add("SERVICECOACH_MAIL_FROM");
        }
        if (publicUrl.isEmpty()) {
            out.add("SERVICECOACH_PUBLIC_URL");
        }
        return out;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Security security() {
        return security;
    }

    @Nullable
    public String username() {
        return username.isEmpty() ? null : username;
    }

    String password() {
        return password;
    }

    public boolean hasPassword() {
        return !password.isEmpty();
    }

    public String from() {
        return from;
    }

    public String fromName() {
        return fromName;
    }

    /** The application's public address, without a trailing slash; links in emails start with it. */
    public String publicUrl() {
        return publicUrl;
    }

    /** The hour (organization's zone) at which daily digests go out. */
    public int digestHour() {
        return digestHour;
    }

    /** Notifications older than this when the mail job first sees them are not mailed (mail was off then). */
    public Duration maxAge() {
        return maxAge;
    }

    /** A message that could not be sent for this long after it was made is given up as failed. */
    public Duration giveUpAfter() {
        return giveUpAfter;
    }

    /** Connecting to, and each answer of, the mail server time out after this. */
    public Duration timeout() {
        return timeout;
    }
}
