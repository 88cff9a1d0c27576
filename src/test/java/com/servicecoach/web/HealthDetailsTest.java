package com.servicecoach.web;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** /health says UP or DOWN to everyone; the details (JDBC URL, disk) only to administrators. */
@MicronautTest(transactional = false)
class HealthDetailsTest extends HttpTest {

    private static void assertStatusOnly(Api.Reply r, String who) {
        assertEquals(200, r.status(), who + ": " + r.body());
        assertEquals("UP", r.json().get("status"), who + ": " + r.body());
        assertTrue(Set.of("status", "name", "details").containsAll(r.json().keySet()), who + " sees only the status: " + r.body());
        assertEquals(null, r.json().get("details"), who + " sees no details: " + r.body());
        for (String secret : List.of("jdbc", "diskSpace", "free", "threshold", "h2:", "mysql", "url")) {
            assertFalse(r.body().contains(secret), who + " must not see " + secret + ": " + r.body());
        }
    }

    @Test
    void anonymousCallersSeeOnlyTheStatus() {
        for (String path : List.of("/health", "/health/liveness", "/health/readiness")) {
            assertStatusOnly(api.exchange(HttpRequest.GET(path)), "anonymous " + path);
        }
    }

    @Test
    void signedInUsersOtherThanAdministratorsSeeOnlyTheStatus() {
        for (String user : List.of("agent.north", "sup.north", "hr.lin")) {
            assertStatusOnly(api.get(user, "/health"), user);
            assertStatusOnly(api.get(user, "/health/readiness"), user + " readiness");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void administratorsSeeTheDetails() {
        Api.Reply r = api.get("admin", "/health");
        assertEquals(200, r.status(), r.body());
        assertEquals("UP", r.json().get("status"));
        Map<String, Object> details = (Map<String, Object>) r.json().get("details");
        assertTrue(details != null && details.containsKey("jdbc") && details.containsKey("diskSpace"), r.body());
    }
}
