package com.servicecoach.training;

import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
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

/** The module catalogue and lessons through the API, in English and Chinese, and read tracking. */
@MicronautTest(transactional = false)
class CatalogApiTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;
    @Inject
    TrainingContent content;

    Api api;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        content.reload();
        api = new Api(http, mapper);
    }

    Api.Reply get(String user, String path, String language) {
        return api.send(user, HttpRequest.GET(path).header("Accept-Language", language));
    }

    @Test
    void catalogueListsTheEightModulesInEnglishByDefault() {
        Api.Reply r = api.get("agent.north", "/api/modules");
        assertEquals(200, r.status(), r.body());
        assertEquals(8, ((Number) r.json().get("totalElements")).intValue());
        Map<String, Object> greeting = r.content().stream().filter(m -> m.get("code").equals("greeting-attitude")).findFirst().orElseThrow();
        assertEquals("Service attitude and greeting", greeting.get("title"));
        assertEquals(1, greeting.get("version"));
        assertEquals(3, greeting.get("lessonCount"));
        assertEquals(20, greeting.get("questionCount"));
        assertEquals(List.of("pre_sales", "complaint", "other"), greeting.get("categories"));
    }

    @Test
    void catalogueSpeaksChineseWhenAskedAndSortsAndFilters() {
        Api.Reply r = get("hr.lin", "/api/modules?category=payment&sort=code,desc", "zh-CN,zh;q=0.9");
        assertEquals(200, r.status(), r.body());
        assertEquals(List.of("returns-refunds", "privacy-payment-security"), r.content().stream().map(m -> m.get("code")).toList());
        assertEquals("客户隐私与支付安全", r.content().get(1).get("title"));
        assertEquals(400, api.get("admin", "/api/modules?sort=nonsense").status());
    }

    @Test
    void moduleDetailHasLessonsBankSizeAndSettingsButNoAnswers() {
        Api.Reply r = get("sup.north", "/api/modules/greeting-attitude", "zh-CN");
        assertEquals(200, r.status(), r.body());
        Map<String, Object> m = r.json();
        assertEquals("zh-CN", m.get("language"));
        assertEquals("服务态度与问候", m.get("title"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lessons = (List<Map<String, Object>>) m.get("lessons");
        assertEquals(List.of("01-first-reply", "02-tone-and-empathy", "03-closing-the-conversation"),
                lessons.stream().map(l -> l.get("slug")).toList());
        assertNull(lessons.get(0).get("read"), "read flags are for agents only");
        assertTrue(lessons.get(0).containsKey("read"), "keys are always present");
        @SuppressWarnings("unchecked")
        Map<String, Object> bank = (Map<String, Object>) m.get("questionBank");
        assertEquals(20, bank.get("total"));
        assertNull(m.get("progress"));
        @SuppressWarnings("unchecked")
        Map<String, Object> assessment = (Map<String, Object>) m.get("assessment");
        assertEquals(10, assessment.get("questionCount"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> addresses = (List<Map<String, Object>>) m.get("addresses");
        assertTrue(addresses.stream().anyMatch(a -> "first_response_sla".equals(a.get("figure")) && "chat".equals(a.get("channel"))),
                "what the module addresses: " + addresses);
        String page = api.exchange(api.browser("sup.north").on(io.micronaut.http.HttpRequest.GET("/modules/greeting-attitude")
                .accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE))).body();
        assertTrue(page.contains("id=\"addresses\">CSAT; First-response SLA · Chat"), page);
        for (String secret : List.of("fraction", "feedback", "trueFalseAnswer", "choices", "\"answer\":", "rubric")) {
            assertFalse(r.body().contains(secret), "the module must not reveal " + secret + ": " + r.body());
        }
        assertEquals(404, api.get("sup.north", "/api/modules/no-such-module").status());
    }

    @Test
    void openingALessonAsAnAgentMarksItRead() {
        Api.Reply lesson = api.get("agent.north", "/api/modules/greeting-attitude/lessons/02-tone-and-empathy");
        assertEquals(200, lesson.status(), lesson.body());
        assertTrue(((String) lesson.json().get("html")).startsWith("<h1>"), lesson.body());
        assertEquals("01-first-reply", lesson.json().get("previous"));
        assertEquals("03-closing-the-conversation", lesson.json().get("next"));

        Map<String, Object> detail = api.get("agent.north", "/api/modules/greeting-attitude").json();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lessons = (List<Map<String, Object>>) detail.get("lessons");
        assertEquals(List.of(false, true, false), lessons.stream().map(l -> l.get("read")).toList());
        @SuppressWarnings("unchecked")
        Map<String, Object> progress = (Map<String, Object>) detail.get("progress");
        assertEquals(1, progress.get("lessonsRead"));
        assertEquals(3, progress.get("lessonsTotal"));
        assertNull(progress.get("completedAt"), "not completed without a passed assessment");

        // a supervisor opening the lesson records nothing for anyone
        api.get("sup.north", "/api/modules/greeting-attitude/lessons/01-first-reply");
        Map<String, Object> after = api.get("agent.north", "/api/modules/greeting-attitude").json();
        assertEquals(1, ((Map<?, ?>) after.get("progress")).get("lessonsRead"));
        assertEquals(404, api.get("agent.north", "/api/modules/greeting-attitude/lessons/99-nothing").status());
    }

    @Test
    void lessonComesInChineseWhenAsked() {
        Api.Reply r = get("agent.south", "/api/modules/greeting-attitude/lessons/01-first-reply", "zh-CN");
        assertEquals(200, r.status());
        assertEquals("zh-CN", r.json().get("language"));
        assertTrue(((String) r.json().get("html")).contains("亲"), r.body());
    }

    @Test
    void cataloguePageShowsTitlesInTheChosenLanguage() {
        String token = api.token("agent.north");
        String en = http.toBlocking().retrieve(HttpRequest.GET("/modules").accept(MediaType.TEXT_HTML).bearerAuth(token));
        assertTrue(en.contains("Service attitude and greeting"), en);
        String zh = http.toBlocking().retrieve(HttpRequest.GET("/modules").accept(MediaType.TEXT_HTML).bearerAuth(token)
                .cookie(io.micronaut.http.cookie.Cookie.of("sc_lang", "zh-CN")));
        assertTrue(zh.contains("服务态度与问候"), zh);
        assertTrue(zh.contains("培训课程目录"), zh);
        String lesson = http.toBlocking().retrieve(HttpRequest.GET("/modules/greeting-attitude/lessons/01-first-reply")
                .accept(MediaType.TEXT_HTML).bearerAuth(token));
        assertTrue(lesson.contains("<h1>The First Reply: Prompt, Warm and Personal</h1>"), lesson);
    }
}
