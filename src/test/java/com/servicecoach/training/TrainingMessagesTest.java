package com.servicecoach.training;

import com.servicecoach.web.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The training bundle is complete in both languages, and every message the code builds exists. */
class TrainingMessagesTest {

    final Messages messages = new Messages();

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TrainingMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void messagesBuiltInCodeExistInBothLanguages() {
        List<String> keys = List.of("notification.assignment.new", "notification.assignment.dueSoon",
                "training.validation.module.required", "training.validation.module.unknown", "training.validation.target",
                "training.validation.team.unknown", "training.validation.agent.unknown", "training.validation.agent.left",
                "training.validation.dueOn.required", "training.validation.dueOn.format", "training.validation.dueOn.past",
                "nav.myTraining", "nav.training", "nav.assignments", "nav.trainingMatrix");
        for (String key : keys) {
            String en = messages.get(Locale.ENGLISH, key, "x", "y");
            String zh = messages.get(Messages.CHINESE, key, "x", "y");
            assertNotEquals(key, en, key + " is missing in English");
            assertNotEquals(key, zh, key + " is missing in Chinese");
            assertNotEquals(en, zh, key + " is not translated");
        }
        for (String status : AssignmentService.STATUSES) {
            assertNotEquals("training.status." + status, messages.get(Messages.CHINESE, "training.status." + status));
        }
        assertEquals("There is no module 'abc'.", messages.get(Locale.ENGLISH, "training.validation.module.unknown", "abc"));
    }
}
