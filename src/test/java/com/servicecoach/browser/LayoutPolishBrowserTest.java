package com.servicecoach.browser;

import com.servicecoach.support.Browser;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;

import javax.sql.DataSource;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent's menu stays on one line at 1400 px in both languages, the sign-in card is centred, and pages have an icon. */
@MicronautTest(transactional = false)
class LayoutPolishBrowserTest {

    @Inject
    EmbeddedServer server;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;
    @Inject
    @Client("/")
    HttpClient http;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
    }

    static Object js(Browser b, String script) {
        return ((org.openqa.selenium.JavascriptExecutor) b.driver()).executeScript(script);
    }

    /** Room between the menu's last entry and the tools (negative: they overlap). */
    static double room(Browser b) {
        return ((Number) js(b, "var li = document.querySelectorAll('header nav > ul > li'); "
                + "return document.querySelector('header .tools').getBoundingClientRect().left - li[li.length - 1].getBoundingClientRect().right;"))
                .doubleValue();
    }

    @SuppressWarnings("unchecked")
    static List<Long> menuTops(Browser b) {
        return (List<Long>) js(b, 
                "return Array.from(document.querySelectorAll('header nav > ul > li')).map(li => Math.round(li.getBoundingClientRect().top));");
    }

    @Test
    void theAgentMenuFitsOnOneLineAt1400PixelsInBothLanguages() {
        try (Browser b = Browser.open(server.getURL().toString())) {
            b.driver().manage().window().setSize(new Dimension(1400, 900));
            b.signIn("agent.north", Fixtures.PASSWORD);
            b.go("/my-training");
            List<Long> tops = menuTops(b);
            assertEquals(6, tops.size(), "the agent's six menu entries");
            assertEquals(1, tops.stream().distinct().count(), "one line: " + tops);
            assertTrue(room(b) >= 0, "the menu does not run into the tools: " + room(b));
            Number header = (Number) js(b, "return document.querySelector('header.top').getBoundingClientRect().height;");
            assertTrue(header.doubleValue() < 70, "the header is one row high: " + header);
            b.screenshot("agent-menu-1400");

            b.driver().manage().addCookie(new Cookie("sc_lang", "zh-CN"));
            b.go("/my-training");
            assertEquals(1, menuTops(b).stream().distinct().count(), "one line in Chinese: " + menuTops(b));
            assertTrue(room(b) >= 0, "in Chinese too: " + room(b));
        }
    }

    @Test
    void theSignInCardIsCentredAndEveryPageNamesAnIconThatIsServed() {
        try (Browser b = Browser.open(server.getURL().toString())) {
            b.go("/login");
            Number left = (Number) js(b, "return document.getElementById('sign-in-card').getBoundingClientRect().left;");
            Number right = (Number) js(b, 
                    "return window.innerWidth - document.getElementById('sign-in-card').getBoundingClientRect().right;");
            assertTrue(Math.abs(left.doubleValue() - right.doubleValue()) <= 20, "centred: " + left + " vs " + right);
            String icon = (String) js(b, "var l = document.querySelector('link[rel=icon]'); return l ? l.getAttribute('href') : null;");
            assertEquals("/assets/favicon.svg", icon);
            b.signIn("agent.north", Fixtures.PASSWORD);
            assertEquals("/assets/favicon.svg", js(b, "return document.querySelector('link[rel=icon]').getAttribute('href');"));
        }
        HttpResponse<String> svg = http.toBlocking().exchange(HttpRequest.GET("/assets/favicon.svg"), String.class);
        assertEquals(200, svg.code());
        assertTrue(svg.body().startsWith("<svg"));
        HttpResponse<String> ico = http.toBlocking().exchange(HttpRequest.GET("/favicon.ico"), String.class);
        assertEquals(301, ico.code(), "no 404 for clients that ask for /favicon.ico");
        assertEquals("/assets/favicon.svg", ico.getHeaders().get("Location"));
    }
}
