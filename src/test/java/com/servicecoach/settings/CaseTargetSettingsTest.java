package com.servicecoach.settings;

import com.servicecoach.scoring.CaseTargets;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Priority;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Targets per case type in the settings (metrics.md "Targets per case type"): the rules through the API, versions
 * and hashes, validation per field.
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
}
