package com.servicecoach.web;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every response carries the security headers; the pages' policy allows no inline script or style. */
@MicronautTest(transactional = false)
class SecurityHeadersTest extends HttpTest {

    private HttpResponse<?> exchange(MutableHttpRequest<?> request) {
        try {
            return http.toBlocking().exchange(request, byte[].class);
        } catch (HttpClientResponseException e) {
            return e.getResponse();
        }
    }

    private static void assertHeaders(HttpResponse<?> r, String what, String policy) {
        assertEquals(policy, r.header("Content-Security-Policy"), what);
        assertEquals("DENY", r.header("X-Frame-Options"), what);
        assertEquals("nosniff", r.header("X-Content-Type-Options"), what);
        assertEquals("same-origin", r.header("Referrer-Policy"), what);
    }

    @Test
    void everyKindOfResponseCarriesTheHeaders() {
        String token = api.token("admin");
        List<Object[]> cases = List.of(
                new Object[]{"sign-in page", HttpRequest.GET("/login").accept(MediaType.TEXT_HTML_TYPE), 200},
                new Object[]{"signed-in page", HttpRequest.GET("/agents").accept(MediaType.TEXT_HTML_TYPE).bearerAuth(token), 200},
                new Object[]{"JSON", HttpRequest.GET("/api/agents").bearerAuth(token), 200},
                new Object[]{"not found page", HttpRequest.GET("/no/such/page").accept(MediaType.TEXT_HTML_TYPE).bearerAuth(token), 404},
                new Object[]{"not signed in", HttpRequest.GET("/api/agents"), 401},
                new Object[]{"redirect to sign-in", HttpRequest.GET("/agents").accept(MediaType.TEXT_HTML_TYPE), 303},
                new Object[]{"static script", HttpRequest.GET("/assets/js/app.js"), 200},
                new Object[]{"webjar", HttpRequest.GET("/webjars/chart.js/4.5.1/dist/chart.umd.min.js"), 200},
                new Object[]{"health", HttpRequest.GET("/health"), 200},
                new Object[]{"malformed JSON", HttpRequest.PUT("/api/reports/thresholds", "{").contentType(MediaType.APPLICATION_JSON_TYPE)
                        .bearerAuth(token), 400});
        for (Object[] c : cases) {
            HttpResponse<?> r = exchange((MutableHttpRequest<?>) c[1]);
            assertEquals(c[2], r.code(), (String) c[0]);
            assertHeaders(r, (String) c[0], SecurityHeaders.PAGES);
        }
    }

    @Test
    void thePagesPolicyAllowsOnlyTheApplicationsOwnScriptsAndNoFraming() {
        String csp = exchange(HttpRequest.GET("/login").accept(MediaType.TEXT_HTML_TYPE)).header("Content-Security-Policy");
        for (String directive : List.of("default-src 'self'", "script-src 'self';", "style-src 'self';", "img-src 'self' data:",
                "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'", "object-src 'none'")) {
            assertTrue(csp.contains(directive), directive + " in " + csp);
        }
        assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval") || csp.contains("*"), csp);
    }

    @Test
    void swaggerUiMayRunItsOneInlineScriptByItsHash() {
        HttpResponse<?> r = exchange(HttpRequest.GET("/swagger-ui/index.html").accept(MediaType.TEXT_HTML_TYPE));
        assertEquals(200, r.code());
        String csp = r.header("Content-Security-Policy");
        List<String> hashes = SecurityHeaders.inlineScriptHashes(SecurityHeaders.SWAGGER_PAGE);
        assertEquals(1, hashes.size(), "the generated page has one inline script");
        assertTrue(csp.contains("script-src 'self' '" + hashes.get(0) + "';"), csp);
        assertFalse(csp.contains("script-src 'self' 'unsafe-inline'"), csp);
        assertHeaders(r, "swagger-ui", SecurityHeaders.swaggerPolicy(hashes));
    }

    /** So that the policy keeps working: templates hold no script to run, no event handler and no style attribute. */
    @Test
    void noTemplateHoldsInlineScriptsHandlersOrStyleAttributes() throws IOException {
        Pattern script = Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*type=\"application/json\")[^>]*>");
        Pattern handler = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
        Pattern style = Pattern.compile("\\sstyle\\s*=|javascript:", Pattern.CASE_INSENSITIVE);
        List<String> problems = new ArrayList<>();
        Path views = Path.of("src/main/resources/views");
        try (Stream<Path> files = Files.walk(views)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".ftlh")).toList()) {
                if (f.endsWith(Path.of("report", "document.ftlh"))) {
                    continue; // the report file and the PDF's source: a self-contained document, never served as a page
                }
                String text = Files.readString(f);
                for (Pattern p : List.of(script, handler, style)) {
                    Matcher m = p.matcher(text);
                    while (m.find()) {
                        problems.add(views.relativize(f) + ": " + m.group());
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
