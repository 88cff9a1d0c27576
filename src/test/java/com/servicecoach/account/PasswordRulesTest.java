package com.servicecoach.account;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.web.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Passwords of only blanks, control characters, one repeated character or a common password are refused. */
@MicronautTest(transactional = false)
class PasswordRulesTest extends HttpTest {

    @Inject
    Messages messages;

    private Api.Reply create(String username, String password) {
        return api.post("admin", "/api/users", Map.of("username", username, "password", password, "role", "HR"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyError(Api.Reply r) {
        assertEquals(422, r.status(), r.body());
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
        assertEquals(1, errors.size(), r.body());
        assertEquals("password", errors.get(0).get("field"));
        return errors.get(0);
    }

    @Test
    void weakPasswordsAreRefusedWithAFieldErrorThatSaysWhy() {
        Map<String, String> refused = Map.of(
                " ".repeat(12), "must not be only spaces",
                "\u3000".repeat(12), "must not be only spaces",
                "\u0000".repeat(12), "control characters",
                "good-password\u0000x", "control characters",
                "tab\tin-the-middle", "control characters",
                "line\nbreak-password", "control characters",
                "a".repeat(20), "one character repeated",
                "密".repeat(12), "one character repeated",
                "PasswordPassword", "most common passwords",
                "123456789012", "most common passwords");
        int i = 0;
        for (Map.Entry<String, String> e : refused.entrySet()) {
            Api.Reply r = create("weak.user" + i++, e.getKey());
            assertTrue(onlyError(r).get("message").toString().contains(e.getValue()), e.getKey() + ": " + r.body());
        }
        assertEquals(0, api.get("admin", "/api/users?size=100").content().stream()
                .filter(u -> u.get("username").toString().startsWith("weak.user")).count(), "no user was created");
    }

    @Test
    void commonPasswordsAreComparedIgnoringCaseAndSurroundingBlanks() {
        for (String p : List.of("QWERTYUIOPASDF", "qwertyuiopasdf", "  Password1234  ", "ServiceCoach123", "1Q2W3E4R5T6Y")) {
            assertTrue(onlyError(create("common.user", p)).get("message").toString().contains("most common"), p);
        }
    }

    @Test
    void aResetToAWeakPasswordIsRefusedAndTheOldOneStillWorks() {
        Api.Reply r = api.put("admin", "/api/users/hr.lin", Map.of("password", "zzzzzzzzzzzzzz"));
        assertTrue(onlyError(r).get("message").toString().contains("repeated"), r.body());
        assertEquals(200, api.exchange(HttpRequest.POST("/api/login",
                Map.of("username", "hr.lin", "password", com.servicecoach.support.Fixtures.PASSWORD))).status());
    }

    @Test
    void strongPasswordsAreStillAccepted() {
        for (String p : List.of("twelve-chars-ok", "correct horse battery", "客服培训是很重要的工作内容", "aaaaaaaaaaab", " spaced pass ")) {
            Api.Reply r = create("strong.user" + Math.abs(p.hashCode() % 1000), p);
            assertEquals(201, r.status(), p + ": " + r.body());
        }
    }

    @Test
    void theListHoldsAtLeastAHundredLongLowerCasePasswords() {
        assertTrue(PasswordRules.COMMON.size() >= 100, "size " + PasswordRules.COMMON.size());
        for (String p : PasswordRules.COMMON) {
            assertTrue(p.length() >= 12 && p.equals(p.toLowerCase(Locale.ROOT)) && p.equals(p.strip()), p);
        }
        assertTrue(PasswordRules.COMMON.containsAll(List.of("passwordpassword", "123456789012", "qwertyuiopasdf")));
    }

    @Test
    void everyMessageReadsInEnglishAndInChinese() {
        for (String key : List.of("validation.password.control", "validation.password.blank", "validation.password.repeated",
                "validation.password.common")) {
            String en = messages.get(Locale.ENGLISH, key);
            String zh = messages.get(Locale.SIMPLIFIED_CHINESE, key);
            assertTrue(en.startsWith("Password") || en.startsWith("This"), en);
            assertNotEquals(en, zh);
            assertTrue(zh.contains("密码"), zh);
        }
    }
}
