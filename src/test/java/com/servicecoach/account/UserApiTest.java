package com.servicecoach.account;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class UserApiTest extends HttpTest {




    @Test
    void adminCreatesAnAgentUserLinkedToAProfileWhoCanThenSignIn() {
        Api.Reply created = api.post("admin", "/api/users", Map.of("username", "n2.user", "password", "twelve-chars-ok", "role", "AGENT", "employeeNo", "N2"));
        assertEquals(201, created.status(), created.body());
        assertEquals("N2", created.json().get("employeeNo"));
        assertFalse(created.body().contains("password"), "never the hash");
        Api.Reply login = api.exchange(HttpRequest.POST("/api/login", Map.of("username", "n2.user", "password", "twelve-chars-ok")));
        assertEquals(200, login.status());
    }

    @Test
    void passwordsNeedTwelveCharactersAndUsernamesTheirFormat() {
        Api.Reply r = api.post("admin", "/api/users", Map.of("username", "X", "password", "short", "role", "CEO"));
        assertEquals(422, r.status());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> errors = (List<Map<String, Object>>) r.json().get("errors");
        assertEquals(List.of("username", "password", "role"), errors.stream().map(e -> e.get("field")).toList());
    }

    @Test
    void agentUserMustLinkToAnExistingUnlinkedProfile() {
        assertTrue(api.post("admin", "/api/users", Map.of("username", "ghost", "password", "twelve-chars-ok", "role", "AGENT", "employeeNo", "Z9"))
                .body().contains("no agent"));
        assertTrue(api.post("admin", "/api/users", Map.of("username", "twin", "password", "twelve-chars-ok", "role", "AGENT", "employeeNo", "N1"))
                .body().contains("already linked"));
    }

    @Test
    void adminResetsAPasswordAndChangesARole() {
        Api.Reply r = api.put("admin", "/api/users/hr.lin", Map.of("role", "SUPERVISOR", "password", "a-brand-new-password"));
        assertEquals(200, r.status(), r.body());
        assertEquals("SUPERVISOR", r.json().get("role"));
        assertTrue(r.json().containsKey("employeeNo"), "keys are present even when null");
        assertNull(r.json().get("employeeNo"));
        assertEquals(401, api.exchange(HttpRequest.POST("/api/login", Map.of("username", "hr.lin", "password", Fixtures.PASSWORD))).status());
        assertEquals(200, api.exchange(HttpRequest.POST("/api/login", Map.of("username", "hr.lin", "password", "a-brand-new-password"))).status());
    }

    @Test
    void unknownUserIs404() {
        assertEquals(404, api.put("admin", "/api/users/nobody", Map.of("enabled", false)).status());
    }
}
