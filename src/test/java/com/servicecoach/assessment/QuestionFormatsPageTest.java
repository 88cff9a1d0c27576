package com.servicecoach.assessment;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.web.LocaleResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.cookie.Cookie;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each GIFT text format on the taking page and the review: HTML sanitised ({@code <pre>} indentation kept), Markdown
 * rendered, plain and moodle text escaped with line breaks; no feedback or answer key on the taking page.
 */
@MicronautTest(transactional = false)
class QuestionFormatsPageTest extends HttpTest {

    static final String CSRF = "test-csrf-token-0123456789";

    static final String GIFT = """
            ::H1::[html]<p>Read <b>this</b>:</p><script>alert(1)</script>
            <pre>
            if (late) \\{
                apologise();
            \\}
            </pre>{
            =<i>Apologise</i>#[html]<b>RIGHT-FEEDBACK</b>
            ~Blame<img src\\="x" onerror\\="alert(2)">#WRONG-FEEDBACK
            ####[html]<p>GENERAL <em>feedback</em></p>
            }

            ::M1::[markdown]Is **bold** allowed?
            ```
                indented code
            ```
            {T####[markdown]*MD-GENERAL*}

            ::P1::[plain]Is <b>this</b> bold?\\nSecond line{F}

            ::D1::Plain moodle text with <u>tags</u>{=yes}
            """;

    @Inject
    AssessmentFixtures modules;

    @BeforeEach
    void module() {
        modules.module("fmt", AssessmentFixtures.Settings.plain(), GIFT, null);
    }

    MutableHttpRequest<?> asBrowser(MutableHttpRequest<?> request) {
        request.accept(MediaType.TEXT_HTML_TYPE).cookie(Cookie.of("sc_csrf", CSRF)).cookie(Cookie.of(LocaleResolver.COOKIE, "en"));
        api.browser("agent.north").on(request);
        return request;
    }

    HttpResponse<String> post(String path) {
        Map<String, String> body = new HashMap<>();
        body.put("_csrf", api.browser("agent.north").csrf());
        return http.toBlocking().exchange(asBrowser(HttpRequest.POST(path, body).contentType(MediaType.APPLICATION_FORM_URLENCODED)),
                String.class);
    }

    @Test
    void eachFormatRendersOnTheTakingPageWithoutLeakingAnswers() {
        HttpResponse<String> started = post("/assessments/fmt/start");
        assertEquals(303, started.code());
        String attempt = started.getHeaders().get("Location");
        Api.Reply take = api.exchange(asBrowser(HttpRequest.GET(attempt)));
        assertEquals(200, take.status(), take.body());
        String b = take.body();
        assertTrue(b.contains("<p>Read <b>this</b>:</p>"), b);
        assertTrue(b.contains("<pre>if (late) {\n    apologise();\n}\n</pre>"), "pre keeps its indentation: " + b);
        assertFalse(b.contains("alert(1)") || b.contains("onerror"), "scripts and handlers are removed");
        assertTrue(b.contains("<i>Apologise</i>"), b);
        assertTrue(b.contains("<strong>bold</strong>") && b.contains("<pre><code>    indented code"), "Markdown rendered: " + b);
        assertTrue(b.contains("Is &lt;b&gt;this&lt;/b&gt; bold?<br>Second line"), "plain escaped with line breaks: " + b);
        assertTrue(b.contains("Plain moodle text with &lt;u&gt;tags&lt;/u&gt;"), b);
        for (String secret : new String[] {"RIGHT-FEEDBACK", "WRONG-FEEDBACK", "GENERAL", "MD-GENERAL"}) {
            assertFalse(b.contains(secret), secret + " leaked onto the taking page");
        }

        Api.Reply json = api.get("agent.north", "/api" + attempt);
        assertFalse(json.body().contains("FEEDBACK") || json.body().contains("GENERAL"), json.body());
        assertFalse(json.body().contains("\"feedback") || json.body().contains("correct"), json.body());

        assertEquals(303, post(attempt + "/submit").code());
        Api.Reply review = api.exchange(asBrowser(HttpRequest.GET(attempt)));
        assertEquals(200, review.status(), review.body());
        assertTrue(review.body().contains("<p>GENERAL <em>feedback</em></p>"), "HTML general feedback shown as HTML: " + review.body());
        assertTrue(review.body().contains("<em>MD-GENERAL</em>"), review.body());
    }
}
