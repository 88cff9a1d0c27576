package com.servicecoach.web;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Behind TLS the CSRF cookie is a {@code __Host-} cookie: Secure, path /, no domain, so no sibling site can plant it. */
@MicronautTest(transactional = false)
@Property(name = "servicecoach.secure-cookies", value = "true")
class SecureCookiesTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void csrfCookieIsAHostCookieWhenCookiesAreSecure() {
        var page = http.toBlocking().exchange(HttpRequest.GET("/login").accept(MediaType.TEXT_HTML_TYPE), String.class);
        String setCookie = page.getHeaders().getAll("Set-Cookie").stream().filter(c -> c.startsWith("__Host-sc_csrf=")).findFirst()
                .orElseThrow(() -> new AssertionError(page.getHeaders().getAll("Set-Cookie").toString()));
        assertTrue(setCookie.contains("Secure"), setCookie);
        assertTrue(setCookie.contains("Path=/"), setCookie);
        assertTrue(!setCookie.toLowerCase().contains("domain="), setCookie);
    }
}
