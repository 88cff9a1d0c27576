package com.servicecoach.notification;

import com.servicecoach.account.AccountService;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.InvalidInputException;
import com.servicecoach.web.Messages;
import com.servicecoach.web.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A user's email settings: their address (else the one on their agent profile), their language, whether the
 * monthly report's files are attached, and per {@link EmailTopic} how it is delivered.
 */
@Singleton
public class EmailChoices {

    static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** One topic's choice; {@code reachesYou}: this user's role gets notifications of the topic. */
    @Serdeable
    public record Topic(String topic, String delivery, boolean reachesYou) {
    }

    /**
     * What a user chose: {@code address} the one they set (null: none), {@code effectiveAddress} the one mail goes
     * to (theirs, else their agent profile's), and the message log's latest entries to them.
     */
    @Serdeable
    public record View(String username, @Nullable String address, @Nullable String effectiveAddress, String language,
                       boolean attachReports, List<Topic> topics, boolean mailEnabled) {
    }

    /** A change: absent fields stay as they are; {@code deliveries} maps topic codes to immediately, digest or off. */
    @Serdeable
    public record Change(@Nullable String address, @Nullable String language, @Nullable Boolean attachReports,
                         @Nullable Map<String, String> deliveries) {
    }

    private final EmailStore store;
    private final AccountService accounts;
    private final MailSettings mail;
    private final Clock clock;

    EmailChoices(EmailStore store, AccountService accounts, MailSettings mail, Clock clock) {
        this.store = store;
        this.accounts = accounts;
        this.mail = mail;
        this.clock = clock;
    }

    public View of(String username) {
        EmailStore.Recipient r = store.recipient(username).orElseThrow(() -> new NotFoundException("No user " + username));
        Map<String, String> chosen = store.deliveries(username);
        List<Topic> topics = Arrays.stream(EmailTopic.values())
                .map(t -> new Topic(t.code(), chosen.getOrDefault(t.code(), EmailTopic.Delivery.IMMEDIATELY.code()), t.reaches(r.role())))
                .toList();
        String language = r.locale() == null || Messages.fromTag(r.locale()) == null ? "en" : Messages.tag(Messages.fromTag(r.locale()));
        return new View(r.username(), r.ownAddress(), r.address(), language, r.attachReports(), topics, mail.enabled());
    }

    /** Validates the whole change first: with any error nothing is stored. */
    public View change(String username, Change change) {
        View current = of(username);
        List<FieldError> errors = new ArrayList<>();
        String address = change.address() == null ? current.address() : change.address().strip();
        if (address != null && address.isEmpty()) {
            address = null;
        }
        if (address != null && (address.length() > 254 || !ADDRESS.matcher(address).matches())) {
            errors.add(FieldError.of("address", "email.error.address"));
        }
        Locale language = null;
        if (change.language() != null) {
            language = Messages.SUPPORTED.stream().filter(l -> Messages.tag(l).equals(change.language().strip())).findFirst().orElse(null);
            if (language == null) {
                errors.add(FieldError.of("language", "email.error.language"));
            }
        }
        Map<String, String> deliveries = new LinkedHashMap<>();
        current.topics().forEach(t -> deliveries.put(t.topic(), t.delivery()));
        if (change.deliveries() != null) {
            for (Map.Entry<String, String> d : change.deliveries().entrySet()) {
                if (EmailTopic.ofCode(d.getKey()).isEmpty()) {
                    errors.add(FieldError.of("deliveries." + d.getKey(), "email.error.topic"));
                } else if (d.getValue() == null || EmailTopic.Delivery.parse(d.getValue().strip()).isEmpty()) {
                    errors.add(FieldError.of("deliveries." + d.getKey(), "email.error.delivery"));
                } else {
                    deliveries.put(d.getKey(), d.getValue().strip());
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean attach = change.attachReports() == null ? current.attachReports() : change.attachReports();
        store.saveSettings(username, address, attach, deliveries, clock.instant());
        if (language != null) {
            accounts.setLocale(username, Messages.tag(language));
        }
        return of(username);
    }
}
