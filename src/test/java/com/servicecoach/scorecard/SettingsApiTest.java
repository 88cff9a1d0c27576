package com.servicecoach.scorecard;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scoring settings: defaults, validation with an error per field, versions, the page, administrators only. */
@MicronautTest(transactional = false)
class SettingsApiTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;

    Api api;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        api = new Api(http, mapper);
    }

    /** The settings with some top-level values replaced, as a JSON body. */
    static String replace(ObjectMapper mapper, Map<String, Object> settings, Map<String, Object> changes) {
        Map<String, Object> copy = new LinkedHashMap<>(settings);
        copy.putAll(changes);
        try {
            return mapper.writeValueAsString(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings with one holiday on the email calendar. */
    @SuppressWarnings("unchecked")
    static String withEmailHoliday(ObjectMapper mapper, Map<String, Object> settings, String day) {
        Map<String, Object> channels = new LinkedHashMap<>((Map<String, Object>) settings.get("channels"));
        Map<String, Object> email = new LinkedHashMap<>((Map<String, Object>) channels.get("email"));
        Map<String, Object> calendar = new LinkedHashMap<>((Map<String, Object>) email.get("calendar"));
        calendar.put("holidays", List.of(day));
        email.put("calendar", calendar);
        channels.put("email", email);
        return replace(mapper, settings, Map.of("channels", channels));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDefaultsAreMetricsMds() {
        Map<String, Object> s = api.get("admin", "/api/settings").json();
        assertEquals(0, ((Number) s.get("version")).intValue());
        assertEquals("Asia/Shanghai", s.get("organizationZone"));
        assertEquals(10, ((Number) s.get("minRated")).intValue());
        assertEquals(Map.of("responsiveness", 30, "resolution", 20, "satisfaction", 35, "knowledge", 15),
                ints((Map<String, Object>) s.get("weights")));
        Map<String, Map<String, Object>> channels = (Map<String, Map<String, Object>>) s.get("channels");
        assertEquals(List.of("chat", "email", "phone", "social"), List.copyOf(channels.keySet()));
        assertEquals(List.of(60, 86400), targets(channels.get("chat")));
        assertEquals(List.of(20, 86400), targets(channels.get("phone")));
        assertEquals(List.of(3600, 172800), targets(channels.get("social")));
        assertEquals(List.of(14400, 57600), targets(channels.get("email")));
        Map<String, Object> email = (Map<String, Object>) channels.get("email").get("calendar");
        assertEquals("business", email.get("type"));
        assertEquals(null, email.get("zone"), "the organization's zone");
        assertEquals(Map.of("open", "09:00", "close", "18:00"), ((Map<String, Object>) email.get("hours")).get("monday"));
        assertEquals(null, ((Map<String, Object>) email.get("hours")).get("saturday"));
        assertEquals("24x7", ((Map<String, Object>) channels.get("chat").get("calendar")).get("type"));
        Map<String, Object> targets = (Map<String, Object>) s.get("targets");
        assertEquals(List.of(80, 85, 80), List.of(((Number) targets.get("firstResponseSla")).intValue(),
                ((Number) targets.get("resolutionSla")).intValue(), ((Number) targets.get("csat")).intValue()), "metrics.md's gap targets");
    }

    @Test
    @SuppressWarnings("unchecked")
    void figureTargetsArePercentagesAndColourTheScorecards() {
        Map<String, Object> s = api.get("admin", "/api/settings").json();
        Api.Reply bad = api.put("admin", "/api/settings", replace(mapper, s, Map.of("targets",
                Map.of("firstResponseSla", 101, "resolutionSla", "85.55", "csat", 80))));
        assertEquals(422, bad.status(), bad.body());
        assertEquals(List.of("targets.firstResponseSla", "targets.resolutionSla"),
                ((List<Map<String, Object>>) bad.json().get("errors")).stream().map(e -> e.get("field")).toList());
        Api.Reply ok = api.put("admin", "/api/settings", replace(mapper, s, Map.of("targets",
                Map.of("firstResponseSla", 60, "resolutionSla", 90.5, "csat", 75))));
        assertEquals(200, ok.status(), ok.body());
        Map<String, Object> t = (Map<String, Object>) ok.json().get("targets");
        assertEquals(90.5, ((Number) t.get("resolutionSla")).doubleValue());
        String how = api.get("sup.north", "/scorecards/how").body();
        assertTrue(how.contains("id=\"figure-targets\"") && how.contains("90.5 %"), "the how page states them");
    }

    @Test
    void savingMakesANewVersionAndTheSameSettingsAgainDoNot() {
        Map<String, Object> s = api.get("admin", "/api/settings").json();
        String hash0 = (String) s.get("hash");
        Api.Reply same = api.put("admin", "/api/settings", replace(mapper, s, Map.of()));
        assertEquals(200, same.status(), same.body());
        assertEquals(0, ((Number) same.json().get("version")).intValue());
        Api.Reply saved = api.put("admin", "/api/settings", replace(mapper, s, Map.of("organizationZone", "Europe/Paris", "minRated", 5)));
        assertEquals(200, saved.status(), saved.body());
        assertEquals(1, ((Number) saved.json().get("version")).intValue());
        assertEquals("admin", saved.json().get("savedBy"));
        assertNotEquals(hash0, saved.json().get("hash"));
        Map<String, Object> now = api.get("admin", "/api/settings").json();
        assertEquals("Europe/Paris", now.get("organizationZone"));
        assertEquals(5, ((Number) now.get("minRated")).intValue());
    }

    @Test
    @SuppressWarnings("unchecked")
    void invalidSettingsAreRejectedWithAnErrorPerFieldAndNothingChanges() {
        Map<String, Object> s = api.get("admin", "/api/settings").json();
        Map<String, Object> channels = new LinkedHashMap<>((Map<String, Object>) s.get("channels"));
        channels.put("email", Map.of("firstResponseSeconds", 0, "resolutionSeconds", 57600, "calendar", Map.of("type", "business",
                "zone", "Mars/Olympus", "hours", Map.of("monday", Map.of("open", "18:00", "close", "09:00"),
                        "funday", Map.of("open", "09:00", "close", "10:00"), "tuesday", Map.of("open", "9am", "close", "17:00")),
                "holidays", List.of("2026-13-01"))));
        channels.put("chat", Map.of("firstResponseSeconds", 60, "resolutionSeconds", 86400, "calendar", Map.of("type", "sometimes")));
        channels.remove("phone");
        channels.put("fax", Map.of());
        Api.Reply r = api.put("admin", "/api/settings", replace(mapper, s, Map.of("organizationZone", "Nowhere/Land",
                "minRated", -1, "weights", Map.of("responsiveness", 0, "resolution", 0, "satisfaction", 0, "knowledge", 0),
                "channels", channels)));
        assertEquals(422, r.status(), r.body());
        Map<String, String> errors = ((List<Map<String, Object>>) r.json().get("errors")).stream()
                .collect(Collectors.toMap(e -> (String) e.get("field"), e -> (String) e.get("message"), (a, b) -> a, LinkedHashMap::new));
        assertEquals("Unknown time zone 'Nowhere/Land': use an IANA zone such as Asia/Shanghai.", errors.get("organizationZone"));
        assertEquals("Must be a whole number from 0 to 100000.", errors.get("minRated"));
        assertEquals("At least one weight must be above 0.", errors.get("weights"));
        assertEquals("Unknown channel 'fax': use chat, email, phone or social.", errors.get("channels.fax"));
        assertEquals("Required.", errors.get("channels.phone"));
        assertEquals("Unknown calendar type 'sometimes': use 24x7 or business.", errors.get("channels.chat.calendar.type"));
        assertEquals("Must be a whole number from 1 to 31622400.", errors.get("channels.email.firstResponseSeconds"));
        assertEquals("Unknown time zone 'Mars/Olympus': use an IANA zone such as Asia/Shanghai.", errors.get("channels.email.calendar.zone"));
        assertEquals("Opening time 18:00 must be before closing time 09:00.", errors.get("channels.email.calendar.hours.monday"));
        assertEquals("Times are HH:MM (00:00-23:59; a closing time may be 24:00).", errors.get("channels.email.calendar.hours.tuesday"));
        assertEquals("Unknown weekday 'funday': use monday to sunday.", errors.get("channels.email.calendar.hours.funday"));
        assertEquals("'2026-13-01' is not a date YYYY-MM-DD.", errors.get("channels.email.calendar.holidays"));
        assertEquals(0, ((Number) api.get("admin", "/api/settings").json().get("version")).intValue());
    }

    @Test
    void aBusinessCalendarNeedsAnOpeningDayAndMayCloseAtMidnight() {
        Map<String, Object> s = api.get("admin", "/api/settings").json();
        Api.Reply closed = api.put("admin", "/api/settings", withEmailCalendar(s, Map.of("type", "business", "hours", Map.of())));
        assertEquals(422, closed.status());
        assertTrue(closed.body().contains("\"field\":\"channels.email.calendar.hours\""), closed.body());
        Api.Reply late = api.put("admin", "/api/settings", withEmailCalendar(s, Map.of("type", "business", "zone", "UTC",
                "hours", Map.of("saturday", Map.of("open", "20:00", "close", "24:00")), "holidays", List.of())));
        assertEquals(200, late.status(), late.body());
        assertTrue(late.body().contains("\"saturday\":{\"open\":\"20:00\",\"close\":\"24:00\"}"), late.body());
        assertTrue(late.body().contains("\"zone\":\"UTC\""), late.body());
    }

    @SuppressWarnings("unchecked")
    private String withEmailCalendar(Map<String, Object> s, Map<String, Object> calendar) {
        Map<String, Object> channels = new LinkedHashMap<>((Map<String, Object>) s.get("channels"));
        Map<String, Object> email = new LinkedHashMap<>((Map<String, Object>) channels.get("email"));
        email.put("calendar", calendar);
        channels.put("email", email);
        return replace(mapper, s, Map.of("channels", channels));
    }

    @Test
    void onlyAdministratorsReadOrChangeTheSettings() {
        for (String user : new String[]{"hr.lin", "sup.north", "agent.north"}) {
            assertEquals(403, api.get(user, "/api/settings").status(), user);
            assertEquals(403, api.put(user, "/api/settings", "{}").status(), user);
            assertEquals(403, api.send(user, HttpRequest.GET("/admin/settings").accept(MediaType.TEXT_HTML)).status(), user);
        }
        assertEquals(401, api.get(null, "/api/settings").status());
    }

    @Test
    void theSettingsPageShowsErrorsNextToTheirFieldsAndSavesValidForms() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("organizationZone", "Asia/Shanghai");
        form.put("minRated", "ten");
        form.put("weights.responsiveness", "30");
        form.put("weights.resolution", "20");
        form.put("weights.satisfaction", "35");
        form.put("weights.knowledge", "15");
        for (String ch : List.of("chat", "email", "phone", "social")) {
            form.put("channels." + ch + ".firstResponseSeconds", "60");
            form.put("channels." + ch + ".resolutionSeconds", "86400");
            form.put("channels." + ch + ".calendar.type", "24x7");
        }
        form.put("channels.email.calendar.type", "business");
        form.put("channels.email.calendar.hours.monday.open", "09:00");
        form.put("channels.email.calendar.hours.monday.close", "");
        Api.Reply invalid = post(form);
        assertEquals(422, invalid.status());
        assertTrue(invalid.body().contains("&#39;ten&#39; is not a whole number.") || invalid.body().contains("'ten' is not a whole number."),
                invalid.body());
        assertTrue(invalid.body().contains("Give both the opening and the closing time"), invalid.body());
        assertTrue(invalid.body().contains("value=\"ten\""), "the entered values are kept");

        form.put("minRated", "12");
        form.put("channels.email.calendar.hours.monday.close", "17:30");
        form.put("channels.email.calendar.holidays", "2026-10-01\n2026-10-02");
        Api.Reply saved = post(form);
        assertEquals(303, saved.status(), saved.body());
        Map<String, Object> s = api.get("admin", "/api/settings").json();
        assertEquals(12, ((Number) s.get("minRated")).intValue());
        assertTrue(api.get("admin", "/api/settings").body().contains(
                "\"monday\":{\"open\":\"09:00\",\"close\":\"17:30\"},\"tuesday\":null"));
        assertTrue(api.get("admin", "/api/settings").body().contains("\"holidays\":[\"2026-10-01\",\"2026-10-02\"]"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void slaTargetsAreEnteredInMinutesOrHoursAndSavedAsExactSeconds() {
        String page = api.send("admin", HttpRequest.GET("/admin/settings").accept(MediaType.TEXT_HTML)).body();
        assertTrue(page.contains("name=\"channels.chat.resolution.amount\"") && page.contains("<option value=\"hours\" selected>hours</option>"), page);
        assertFalse(page.contains("name=\"channels.chat.firstResponseSeconds\""), "no raw seconds field");
        String zh = api.send("admin", HttpRequest.GET("/admin/settings").accept(MediaType.TEXT_HTML).header("Accept-Language", "zh-CN")).body();
        assertTrue(zh.contains(">小时</option>") && zh.contains(">分钟</option>"), "units in Chinese");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("organizationZone", "Asia/Shanghai");
        form.put("minRated", "10");
        form.put("weights.responsiveness", "30");
        form.put("weights.resolution", "20");
        form.put("weights.satisfaction", "35");
        form.put("weights.knowledge", "15");
        for (String ch : List.of("chat", "email", "phone", "social")) {
            form.put("channels." + ch + ".firstResponse.amount", "2");
            form.put("channels." + ch + ".firstResponse.unit", "minutes");
            form.put("channels." + ch + ".resolution.amount", "24");
            form.put("channels." + ch + ".resolution.unit", "hours");
            form.put("channels." + ch + ".calendar.type", "24x7");
        }
        form.put("channels.email.firstResponse.amount", "1.5");
        form.put("channels.email.firstResponse.unit", "hours");
        form.put("channels.phone.firstResponse.amount", "0.5");
        form.put("channels.phone.firstResponse.unit", "seconds");
        Api.Reply bad = post(form);
        assertEquals(422, bad.status());
        assertTrue(bad.body().contains("id=\"e-channels.phone.firstResponse\""), "the error sits at the field");
        form.put("channels.phone.firstResponse.amount", "45");
        assertEquals(303, post(form).status());
        Map<String, Object> channels = (Map<String, Object>) api.get("admin", "/api/settings").json().get("channels");
        assertEquals(List.of(5400, 86400), targets((Map<String, Object>) channels.get("email")), "1.5 hours is 5400 seconds exactly");
        assertEquals(List.of(120, 86400), targets((Map<String, Object>) channels.get("chat")));
        assertEquals(List.of(45, 86400), targets((Map<String, Object>) channels.get("phone")));
        String again = api.send("admin", HttpRequest.GET("/admin/settings").accept(MediaType.TEXT_HTML)).body();
        assertTrue(again.contains("name=\"channels.email.firstResponse.amount\" type=\"text\" inputmode=\"decimal\" value=\"90\""), "shown as 90 minutes");
    }

    private Api.Reply post(Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return api.send("admin", HttpRequest.POST("/admin/settings", body).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> ints(Map<String, Object> m) {
        Map<String, Integer> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, ((Number) v).intValue()));
        return out;
    }

    private static List<Integer> targets(Map<String, Object> channel) {
        return List.of(((Number) channel.get("firstResponseSeconds")).intValue(), ((Number) channel.get("resolutionSeconds")).intValue());
    }
}
