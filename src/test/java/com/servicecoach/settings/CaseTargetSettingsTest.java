package com.servicecoach.settings;

import com.servicecoach.scoring.CaseTargets;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Priority;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.web.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Targets per case type in the settings (metrics.md "Targets per case type"): the rules through the API and the
 * page, versions and hashes, validation per field, and the tables of the targets that apply.
 */
@MicronautTest(transactional = false)
class CaseTargetSettingsTest extends HttpTest {

    /** The hash of metrics.md's defaults as it was before settings had targets per case type. */
    static final String DEFAULTS_HASH = "e3fa6b13b3fc2e1d441cc8edda15551086ab6066842abdb5df7e8fa1a05284e8";

    /** A version stored before settings had targets per case type: the defaults with min-rated 7, no caseTargets field. */
    static final String LEGACY_DOCUMENT = "{\"version\":null,\"hash\":null,\"savedBy\":null,\"savedAt\":null,"
            + "\"organizationZone\":\"Asia/Shanghai\",\"minRated\":7,"
            + "\"weights\":{\"responsiveness\":30,\"resolution\":20,\"satisfaction\":35,\"knowledge\":15},"
            + "\"channels\":{\"chat\":{\"firstResponseSeconds\":60,\"resolutionSeconds\":86400,"
            + "\"calendar\":{\"type\":\"24x7\",\"zone\":null,\"hours\":null,\"holidays\":[]}},"
            + "\"email\":{\"firstResponseSeconds\":14400,\"resolutionSeconds\":57600,\"calendar\":{\"type\":\"business\",\"zone\":null,"
            + "\"hours\":{\"monday\":{\"open\":\"09:00\",\"close\":\"18:00\"},\"tuesday\":{\"open\":\"09:00\",\"close\":\"18:00\"},"
            + "\"wednesday\":{\"open\":\"09:00\",\"close\":\"18:00\"},\"thursday\":{\"open\":\"09:00\",\"close\":\"18:00\"},"
            + "\"friday\":{\"open\":\"09:00\",\"close\":\"18:00\"},\"saturday\":null,\"sunday\":null},\"holidays\":[]}},"
            + "\"phone\":{\"firstResponseSeconds\":20,\"resolutionSeconds\":86400,"
            + "\"calendar\":{\"type\":\"24x7\",\"zone\":null,\"hours\":null,\"holidays\":[]}},"
            + "\"social\":{\"firstResponseSeconds\":3600,\"resolutionSeconds\":172800,"
            + "\"calendar\":{\"type\":\"24x7\",\"zone\":null,\"hours\":null,\"holidays\":[]}}},"
            + "\"targets\":{\"firstResponseSla\":80,\"resolutionSla\":85,\"csat\":80}}";

    @Inject
    ScoringSettingsService settings;
    @Inject
    SettingsVersionRepository versions;
    @Inject
    Messages messages;

    /** A rule as the API takes it; nulls where the rule leaves the field out. */
    static Map<String, Object> rule(String channel, String category, String priority, Object firstResponse, Object resolution) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("channel", channel);
        r.put("category", category);
        r.put("priority", priority);
        r.put("firstResponseSeconds", firstResponse);
        r.put("resolutionSeconds", resolution);
        return r;
    }

    /** The settings in force without their version stamp, with other rules (null: without the field). */
    String withRules(List<Map<String, Object>> rules) {
        Map<String, Object> s = api.get("admin", "/api/settings").json();
        for (String stamp : List.of("version", "hash", "savedBy", "savedAt", "caseTargets")) {
            s.remove(stamp);
        }
        if (rules != null) {
            s.put("caseTargets", rules);
        }
        try {
            return mapper.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int version(Map<String, Object> s) {
        return ((Number) s.get("version")).intValue();
    }

    /** A rule as a list of its five fields, seconds as whole numbers (null where absent). */
    static List<Object> r(String channel, String category, String priority, Integer firstResponse, Integer resolution) {
        return java.util.Arrays.asList(channel, category, priority, firstResponse, resolution);
    }

    /** The rules of settings as answered, each as {@link #r}. */
    @SuppressWarnings("unchecked")
    static List<List<Object>> rules(Map<String, Object> s) {
        return ((List<Map<String, Object>>) s.get("caseTargets")).stream().map(m -> r((String) m.get("channel"),
                (String) m.get("category"), (String) m.get("priority"), whole(m.get("firstResponseSeconds")),
                whole(m.get("resolutionSeconds")))).toList();
    }

    static Integer whole(Object n) {
        return n == null ? null : ((Number) n).intValue();
    }

    @Test
    void settingsWithoutRulesKeepTheirHashAndStoredVersionsWithoutTheFieldLoadUnchanged() throws Exception {
        Map<String, Object> defaults = api.get("admin", "/api/settings").json();
        assertEquals(List.of(), defaults.get("caseTargets"), "no rules by default");
        assertEquals(DEFAULTS_HASH, defaults.get("hash"), "the defaults hash as before");
        Api.Reply withoutField = api.put("admin", "/api/settings", withRules(null));
        assertEquals(200, withoutField.status(), withoutField.body());
        assertEquals(0, version(withoutField.json()), "without the field the defaults are unchanged");
        assertEquals(0, version(api.put("admin", "/api/settings", withRules(List.of())).json()), "nor with an empty list");

        String legacyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(LEGACY_DOCUMENT.getBytes(StandardCharsets.UTF_8)));
        versions.save(new SettingsVersion(1, LEGACY_DOCUMENT, legacyHash, "admin", LocalDateTime.of(2026, 1, 5, 8, 0)));
        Map<String, Object> legacy = api.get("admin", "/api/settings").json();
        assertEquals(1, version(legacy));
        assertEquals(legacyHash, legacy.get("hash"));
        assertEquals(7, ((Number) legacy.get("minRated")).intValue());
        assertEquals(List.of(), legacy.get("caseTargets"));
        assertEquals(CaseTargets.none(), settings.current().settings().caseTargets());
        Api.Reply resaved = api.put("admin", "/api/settings", withRules(List.of()));
        assertEquals(1, version(resaved.json()), "the same settings saved again are no new version: " + resaved.body());
        assertEquals(legacyHash, resaved.json().get("hash"));
    }

    @Test
    void rulesRoundTripAndEveryChangeOfThemIsANewVersion() {
        Api.Reply saved = api.put("admin", "/api/settings", withRules(List.of(
                rule("email", "return_refund", null, 7200, null),
                rule(null, null, " URGENT ", 600, 14400.0),
                rule(null, "complaint", "high", null, 3600))));
        assertEquals(200, saved.status(), saved.body());
        assertEquals(1, version(saved.json()));
        String hash1 = (String) saved.json().get("hash");
        assertFalse(hash1.equals(DEFAULTS_HASH));
        Map<String, Object> now = api.get("admin", "/api/settings").json();
        assertEquals(List.of(r("email", "return_refund", null, 7200, null), r(null, null, "urgent", 600, 14400),
                r(null, "complaint", "high", null, 3600)), rules(now), "stored as codes and whole seconds");

        ScoringSettings inForce = settings.current().settings();
        CaseTargets.Applied refund = inForce.targets(Channel.EMAIL, Category.RETURN_REFUND, Priority.NORMAL);
        assertEquals(7200, refund.firstResponse().seconds());
        assertEquals(CaseTargets.Source.CHANNEL_CATEGORY, refund.firstResponse().source());
        assertEquals(57600, refund.resolution().seconds(), "the email channel's own resolution target");
        CaseTargets.Applied urgentRefund = inForce.targets(Channel.EMAIL, Category.RETURN_REFUND, Priority.URGENT);
        assertEquals(600, urgentRefund.firstResponse().seconds(), "(priority) comes before (channel, category)");
        assertEquals(14400, urgentRefund.resolution().seconds());

        @SuppressWarnings("unchecked")
        List<Map<String, Object>> asAnswered = (List<Map<String, Object>>) now.get("caseTargets");
        Api.Reply again = api.put("admin", "/api/settings", withRules(asAnswered));
        assertEquals(1, version(again.json()), "the same rules again are no new version");
        Api.Reply changed = api.put("admin", "/api/settings", withRules(List.of(
                rule("email", "return_refund", null, 5400, null), rule(null, null, "urgent", 600, 14400),
                rule(null, "complaint", "high", null, 3600))));
        assertEquals(2, version(changed.json()), "one target changed");
        assertFalse(changed.json().get("hash").equals(hash1));
        assertEquals(5400, settings.current().settings().targets(Channel.EMAIL, Category.RETURN_REFUND, Priority.LOW).firstResponse().seconds());

        Api.Reply restored = api.send("admin", HttpRequest.POST("/admin/settings/defaults", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.TEXT_HTML));
        assertEquals(303, restored.status(), restored.body());
        Map<String, Object> defaults = api.get("admin", "/api/settings").json();
        assertEquals(3, version(defaults));
        assertEquals(List.of(), defaults.get("caseTargets"), "the defaults have no rules");
        assertEquals(DEFAULTS_HASH, defaults.get("hash"), "and the defaults' hash");
    }

    @Test
    void eachProblemOfARuleIsReportedAtItsFieldAndNothingIsStored() {
        Api.Reply r = api.put("admin", "/api/settings", withRules(List.of(
                rule("fax", "refunds", "asap", 60, null),
                rule("email", null, null, 60, null),
                rule(null, "complaint", null, null, null),
                rule(null, "complaint", null, -5, 1.5),
                rule(null, "complaint", "high", 60, null),
                rule(null, "Complaint", "HIGH", null, 600),
                rule("chat", "complaint", null, 0, 60))));
        assertEquals(422, r.status(), r.body());
        Map<String, String> errors = errors(r);
        assertEquals("Unknown channel 'fax': use chat, email, phone or social.", errors.get("caseTargets[0].channel"));
        assertEquals("Unknown category 'refunds': use pre_sales, order_status, logistics, return_refund, complaint, "
                + "product_quality, payment, account_privacy or other.", errors.get("caseTargets[0].category"));
        assertEquals("Unknown priority 'asap': use low, normal, high or urgent.", errors.get("caseTargets[0].priority"));
        assertEquals("A rule needs a category, a priority or both.", errors.get("caseTargets[1]"));
        assertEquals("Give a first-response target, a resolution target or both.", errors.get("caseTargets[2]"));
        assertEquals("Must be a whole number from 1 to 31622400.", errors.get("caseTargets[3].firstResponseSeconds"));
        assertEquals("'1.5' is not a whole number.", errors.get("caseTargets[3].resolutionSeconds"));
        assertEquals("Another rule is already for this channel, category and priority.", errors.get("caseTargets[5]"));
        assertEquals("Must be a whole number from 1 to 31622400.", errors.get("caseTargets[6].firstResponseSeconds"));
        assertEquals(List.of("caseTargets[0].channel", "caseTargets[0].category", "caseTargets[0].priority", "caseTargets[1]",
                "caseTargets[2]", "caseTargets[3].firstResponseSeconds", "caseTargets[3].resolutionSeconds", "caseTargets[5]",
                "caseTargets[6].firstResponseSeconds"), List.copyOf(errors.keySet()), "rule 4 is fine");

        Map<String, Object> now = api.get("admin", "/api/settings").json();
        assertEquals(0, version(now), "nothing stored");
        assertEquals(List.of(), now.get("caseTargets"));
        assertEquals(0, versions.count());
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> errors(Api.Reply r) {
        return ((List<Map<String, Object>>) r.json().get("errors")).stream().collect(Collectors.toMap(
                e -> (String) e.get("field"), e -> (String) e.get("message"), (a, b) -> a, LinkedHashMap::new));
    }

    /** The cell of the page's table with this id: its classes and its text without tags. */
    record Cell(String classes, String text) {
    }

    static Cell cell(String page, String id) {
        Matcher m = Pattern.compile("<td id=\"" + Pattern.quote(id) + "\" class=\"([^\"]*)\">(.*?)</td>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "no cell " + id + " in " + page);
        return new Cell(m.group(1), m.group(2).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip());
    }

    Api.Reply page(String language) {
        MutableHttpRequest<?> get = HttpRequest.GET("/admin/settings").accept(MediaType.TEXT_HTML);
        return api.send("admin", language == null ? get : get.header("Accept-Language", language));
    }

    @Test
    void thePageShowsTheRulesAndTheTargetsThatApply() {
        String before = page(null).body();
        assertTrue(before.contains("id=\"case-targets-none\""), "no rules yet");
        assertTrue(before.contains("name=\"caseTargets[2].channel\"") && !before.contains("name=\"caseTargets[3].channel\""),
                "three empty rows to fill");
        assertEquals(new Cell("num", "4 h 16 h"), cell(before, "ct-email-return_refund"), "the email channel's own targets");

        assertEquals(200, api.put("admin", "/api/settings", withRules(List.of(
                rule("email", "return_refund", null, 7200, null),
                rule(null, "return_refund", null, null, 172800),
                rule(null, null, "urgent", 600, null)))).status());
        String page = page(null).body();
        assertFalse(page.contains("id=\"case-targets-none\""));
        assertTrue(page.contains("name=\"caseTargets[5].channel\"") && !page.contains("name=\"caseTargets[6].channel\""),
                "the three rules and three empty rows");
        Matcher row0 = Pattern.compile("<tr id=\"rule-0\">(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertTrue(row0.find());
        assertTrue(row0.group(1).contains("<option value=\"email\" selected>Email</option>"), row0.group(1));
        assertTrue(row0.group(1).contains("<option value=\"return_refund\" selected>Return and refund</option>"));
        assertTrue(row0.group(1).contains("name=\"caseTargets[0].firstResponse.amount\" type=\"text\" inputmode=\"decimal\" value=\"2\""));
        assertTrue(row0.group(1).contains("<option value=\"hours\" selected>hours</option>"));
        assertTrue(row0.group(1).contains("name=\"caseTargets[0].resolution.amount\" type=\"text\" inputmode=\"decimal\" value=\"\""));

        assertEquals(new Cell("num from-rule", "2 h channel and category rule 2 d category rule"), cell(page, "ct-email-return_refund"),
                "a refund on email: its own first-response target and the refund resolution target");
        assertEquals(new Cell("num from-rule", "1 min 2 d category rule"), cell(page, "ct-chat-return_refund"));
        assertEquals(new Cell("num", "4 h 16 h"), cell(page, "ct-email-complaint"), "no rule: the channel's targets");
        assertTrue(page.contains("<div class=\"target frt from-rule\">2 h"), "the target from a rule is marked");
        assertEquals(new Cell("num from-rule", "10 min priority rule 16 h"), cell(page, "ctp-urgent-email"));
        assertEquals(new Cell("num", "4 h 16 h"), cell(page, "ctp-normal-email"));
        assertEquals(new Cell("num", "20 s 1 d"), cell(page, "ctp-low-phone"));

        String zh = page("zh-CN").body();
        assertTrue(zh.contains("按案例类型的目标") && zh.contains("实际适用的目标"), "the section in Chinese");
        assertEquals(new Cell("num from-rule", "2 小时 渠道和类别规则 2 天 类别规则"), cell(zh, "ct-email-return_refund"));
        assertTrue(zh.contains("<option value=\"urgent\" selected>紧急</option>"));
    }

    @Test
    void everyPriorityAndKindOfRuleHasALabelInBothLanguages() {
        List<String> keys = new java.util.ArrayList<>();
        Priority.CODES.forEach(p -> keys.add("priority." + p));
        for (CaseTargets.Source source : CaseTargets.Source.values()) {
            if (source != CaseTargets.Source.CHANNEL) {
                keys.add("settings.caseTargets.source." + source.name().toLowerCase(Locale.ROOT));
            }
        }
        for (String key : keys) {
            assertTrue(messages.has(key), key);
            String zh = messages.get(Messages.CHINESE, key);
            assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), key + " = " + zh);
        }
    }

    /** A complete settings form (metrics.md's defaults) with these extra fields. */
    static Map<String, String> form(Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("organizationZone", "Asia/Shanghai");
        form.put("minRated", "10");
        form.put("weights.responsiveness", "30");
        form.put("weights.resolution", "20");
        form.put("weights.satisfaction", "35");
        form.put("weights.knowledge", "15");
        for (String ch : List.of("chat", "email", "phone", "social")) {
            form.put("channels." + ch + ".firstResponse.amount", "1");
            form.put("channels." + ch + ".firstResponse.unit", "hours");
            form.put("channels." + ch + ".resolution.amount", "24");
            form.put("channels." + ch + ".resolution.unit", "hours");
            form.put("channels." + ch + ".calendar.type", "24x7");
        }
        form.putAll(extra);
        return form;
    }

    /** The fields of a rule row; null values are left out, as an untouched select or box would be sent empty. */
    static Map<String, String> row(int i, String channel, String category, String priority, String firstResponse, String resolution) {
        String p = "caseTargets[" + i + "]";
        Map<String, String> f = new HashMap<>();
        f.put(p + ".channel", channel == null ? "" : channel);
        f.put(p + ".category", category == null ? "" : category);
        f.put(p + ".priority", priority == null ? "" : priority);
        String[] frt = firstResponse == null ? new String[]{"", "minutes"} : firstResponse.split(" ");
        String[] res = resolution == null ? new String[]{"", "minutes"} : resolution.split(" ");
        f.put(p + ".firstResponse.amount", frt[0]);
        f.put(p + ".firstResponse.unit", frt[1]);
        f.put(p + ".resolution.amount", res[0]);
        f.put(p + ".resolution.unit", res[1]);
        return f;
    }

    Api.Reply post(Map<String, String> form, String language) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        MutableHttpRequest<?> post = HttpRequest.POST("/admin/settings", body).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .accept(MediaType.TEXT_HTML);
        return api.send("admin", language == null ? post : post.header("Accept-Language", language));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theFormSavesRulesIgnoresEmptyRowsAndShowsEachProblemOnItsRow() {
        Map<String, String> rows = new HashMap<>();
        rows.putAll(row(0, "email", "return_refund", null, "2 hours", null));
        rows.putAll(row(1, null, null, null, null, null));
        rows.putAll(row(2, null, null, "urgent", null, "1.5 hours"));
        rows.putAll(row(3, null, null, null, null, null));
        Api.Reply saved = post(form(rows), null);
        assertEquals(303, saved.status(), saved.body());
        Map<String, Object> s = api.get("admin", "/api/settings").json();
        assertEquals(1, version(s));
        assertEquals(List.of(r("email", "return_refund", null, 7200, null), r(null, null, "urgent", null, 5400)), rules(s),
                "the empty rows are no rules");

        Map<String, String> bad = new HashMap<>();
        bad.putAll(row(0, "email", "return_refund", null, "2 hours", null));
        bad.put("caseTargets[0].remove", "1");
        bad.putAll(row(1, "chat", null, null, null, null));
        bad.putAll(row(2, null, "complaint", null, "abc minutes", null));
        bad.putAll(row(3, null, "complaint", null, null, "1 hours"));
        bad.putAll(row(4, null, "complaint", null, null, "2 hours"));
        bad.putAll(row(5, null, null, "urgent", "0.5 seconds", null));
        Api.Reply invalid = post(form(bad), null);
        assertEquals(422, invalid.status(), invalid.body());
        String page = invalid.body();
        assertTrue(page.contains("id=\"e-caseTargets[1]\" class=\"error\">A rule needs a category, a priority or both.</small>"),
                "on the row it was entered in, though the removed row above is no rule: " + page);
        assertTrue(page.contains("id=\"e-caseTargets[2].firstResponse\" class=\"error\">&#39;abc&#39; is not a number.</small>")
                || page.contains("id=\"e-caseTargets[2].firstResponse\" class=\"error\">'abc' is not a number.</small>"), page);
        assertFalse(page.contains("id=\"e-caseTargets[2]\""), "an amount that is no number is not also a rule without a target");
        assertTrue(page.contains("id=\"e-caseTargets[4]\" class=\"error\">Another rule is already for this channel, category and priority.</small>"), page);
        assertTrue(page.contains("id=\"e-caseTargets[5].firstResponse\" class=\"error\">0.5 in this unit is not a whole number of seconds.</small>"), page);
        assertFalse(page.contains("id=\"e-caseTargets[0]") || page.contains("id=\"e-caseTargets[3]"), "rows 0 and 3 are fine");
        assertTrue(page.contains("<tr id=\"rule-1\" class=\"has-error\">") && page.contains("<tr id=\"rule-3\">"));
        assertTrue(page.contains("name=\"caseTargets[2].firstResponse.amount\" type=\"text\" inputmode=\"decimal\" value=\"abc\""), "the entered values are kept");
        assertTrue(page.contains("name=\"caseTargets[0].remove\" value=\"1\" checked"), "and the removal");
        assertTrue(page.contains("name=\"caseTargets[5].channel\"") && !page.contains("name=\"caseTargets[6].channel\""), "the rows as sent");
        assertEquals(1, version(api.get("admin", "/api/settings").json()), "nothing stored");
        String zh = post(form(bad), "zh-CN").body();
        assertTrue(zh.contains(">规则需要指定类别、优先级或两者。</small>") && zh.contains(">已有另一条规则针对相同的渠道、类别和优先级。</small>"), zh);

        bad.putAll(row(1, null, null, null, null, null));
        bad.putAll(row(2, null, null, null, null, null));
        bad.putAll(row(4, null, null, null, null, null));
        bad.putAll(row(5, null, null, "urgent", "30 seconds", null));
        Api.Reply fixed = post(form(bad), null);
        assertEquals(303, fixed.status(), fixed.body());
        assertEquals(List.of(r(null, "complaint", null, null, 3600), r(null, null, "urgent", 30, null)),
                rules(api.get("admin", "/api/settings").json()), "the removed rule is gone, the others saved");
    }
}
