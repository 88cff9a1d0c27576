package com.servicecoach.scorecard;

import com.servicecoach.web.Messages;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The interaction and scoring bundles: the same keys in English and Chinese, a Chinese text for every key, and every
 * key that the pages of these features (and their field errors) use exists.
 */
class ScoringBundlesTest {

    static final List<String> BUNDLES = List.of("interaction", "scoring");

    static Properties load(String name) {
        Properties p = new Properties();
        try (InputStream in = ScoringBundlesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    @Test
    void everyChineseTextIsTranslated() {
        // that both languages have the same keys is MessageBundlesTest's check, for every bundle
        for (String bundle : BUNDLES) {
            Properties en = load(bundle);
            Properties zh = load(bundle + "_zh_CN");
            for (String key : en.stringPropertyNames()) {
                String z = zh.getProperty(key);
                boolean hasChinese = z.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
                // a range ("9-10") or a piece of punctuation with placeholders ("{0}：{1}") has no words to translate
                boolean languageFree = key.endsWith(".range") && z.equals(en.getProperty(key))
                        || z.replaceAll("\\{\\d+[^}]*}", "").codePoints().noneMatch(Character::isLetter);
                assertTrue(hasChinese || languageFree, bundle + "_zh_CN " + key + " = " + z);
            }
        }
    }

    @Test
    void everyKeyBuiltFromACodeExists() {
        // literal keys in templates are MessageBundlesTest's check, for every template
        Messages messages = new Messages();
        Set<String> missing = new TreeSet<>();
        List<String> built = new ArrayList<>();
        for (String key : List.of("interactions", "responded", "resolved", "rated", "frtMedian", "frtP90", "resolutionMedian",
                "resolutionP90", "firstResponseSla", "resolutionSla", "csat", "averageRating", "knowledge", "bands", "composite", "trend")) {
            built.add("how." + key);
        }
        for (String c : com.servicecoach.agent.AgentService.CHANNELS) {
            built.add("channel." + c);
        }
        for (String c : com.servicecoach.scoring.Category.CODES) {
            built.add("category." + c);
        }
        for (String b : com.servicecoach.interaction.InteractionService.BANDS) {
            built.add("band." + b);
            built.add("band." + b + ".range");
        }
        for (String b : com.servicecoach.interaction.InteractionService.BREACHED) {
            built.add("interactions.breached." + b);
        }
        for (String s : List.of("met", "breached", "pending")) {
            built.add("sla." + s);
        }
        for (String s : List.of("waiting", "running", "done", "rejected", "failed")) {
            built.add("import.status." + s);
        }
        for (String d : com.servicecoach.settings.ScoringSettingsService.WEEKDAYS) {
            built.add("weekday." + d);
        }
        for (String c : List.of("responsiveness", "resolution", "satisfaction", "knowledge")) {
            built.add("component." + c);
        }
        for (String key : built) {
            if (!messages.has(key)) {
                missing.add(key);
            }
        }
        assertEquals(Set.of(), missing);
        assertEquals("1 天", messages.get(Locale.SIMPLIFIED_CHINESE, "unit.days", 1));
    }
}
