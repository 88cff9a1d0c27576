package com.servicecoach.notification;

import com.servicecoach.web.Messages;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The topics people choose email delivery for, the retry schedule, and how failures are told apart. */
class EmailTopicTest {

    static List<String> notificationKinds() throws IOException {
        List<String> kinds = new ArrayList<>();
        for (String base : Messages.BUNDLES) {
            try (InputStream in = EmailTopicTest.class.getResourceAsStream("/i18n/" + base + ".properties")) {
                if (in == null) {
                    continue;
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                p.stringPropertyNames().stream().filter(k -> k.startsWith("notification.")).map(k -> k.substring("notification.".length()))
                        .forEach(kinds::add);
            }
        }
        return kinds;
    }

    @Test
    void everyNotificationKindBelongsToExactlyOneTopic() throws IOException {
        List<String> kinds = notificationKinds();
        assertTrue(kinds.size() >= 19, "the kinds are found: " + kinds);
        for (String kind : kinds) {
            long topics = Arrays.stream(EmailTopic.values()).filter(t -> t.kinds().contains(kind)).count();
            assertEquals(1, topics, kind + " is in " + topics + " topics");
        }
        for (EmailTopic t : EmailTopic.values()) {
            for (String kind : t.kinds()) {
                assertTrue(kinds.contains(kind), t + " names a kind no notification has: " + kind);
            }
        }
    }

    @Test
    void everyTopicAndDeliveryIsWordedInBothLanguages() {
        Messages messages = new Messages();
        for (EmailTopic t : EmailTopic.values()) {
            for (String key : List.of("email.topic." + t.code(), "email.topic." + t.code() + ".hint")) {
                assertTrue(messages.has(key), key);
            }
            assertEquals(t, EmailTopic.ofCode(t.code()).orElseThrow());
        }
        for (EmailTopic.Delivery d : EmailTopic.Delivery.values()) {
            assertTrue(messages.has("email.delivery." + d.code()));
            assertEquals(d, EmailTopic.Delivery.parse(d.code()).orElseThrow());
        }
        assertTrue(EmailTopic.Delivery.parse("weekly").isEmpty());
    }

    @Test
    void attemptsWaitOneTwoFourMinutesAndSoOnButNeverMoreThanAnHour() {
        assertEquals(Duration.ofMinutes(1), EmailOutbox.wait(1));
        assertEquals(Duration.ofMinutes(2), EmailOutbox.wait(2));
        assertEquals(Duration.ofMinutes(4), EmailOutbox.wait(3));
        assertEquals(Duration.ofMinutes(32), EmailOutbox.wait(6));
        assertEquals(Duration.ofHours(1), EmailOutbox.wait(7));
        assertEquals(Duration.ofHours(1), EmailOutbox.wait(500));
    }

    @Test
    void aRejectedAddressIsPermanentAnUnreachableServerIsNot() throws Exception {
        SMTPAddressFailedException unknown = new SMTPAddressFailedException(new InternetAddress("x@shop.test"), "RCPT TO", 550, "no such user");
        SendFailedException rejected = new SendFailedException("Invalid Addresses", unknown);
        assertTrue(EmailOutbox.permanent(rejected));
        SMTPAddressFailedException busy = new SMTPAddressFailedException(new InternetAddress("x@shop.test"), "RCPT TO", 451, "try later");
        assertFalse(EmailOutbox.permanent(new SendFailedException("Invalid Addresses", busy)));
        MessagingException down = new MessagingException("Couldn't connect", new ConnectException("Connection refused"));
        assertFalse(EmailOutbox.permanent(down));
        assertEquals("MessagingException: Couldn't connect (ConnectException: Connection refused)", EmailOutbox.reason(down));
    }

    @Test
    void subjectsAreOneShortLine() {
        assertEquals("Training due soon: Returns is due on 2026-12-10.", EmailTemplates.shorten("Training due soon:\n Returns is due on 2026-12-10."));
        String shortened = EmailTemplates.shorten("x".repeat(300));
        assertEquals(120, shortened.length());
        assertTrue(shortened.endsWith("…"));
    }

    @Test
    void theConnectionSecurityIsOneOfThree() {
        assertEquals(MailSettings.Security.SSL, MailSettings.parseSecurity(" SSL "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MailSettings.parseSecurity("tls"));
        assertTrue(e.getMessage().contains("none, starttls or ssl"), e.getMessage());
    }
}
