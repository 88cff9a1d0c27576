package com.servicecoach.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Both languages are complete, every key a template uses exists, and templates hold no hard-coded text. */
class MessageBundlesTest {

    static final Path VIEWS = Path.of("src/main/resources/views");
    /** The email templates (notification/EmailTemplates): plain text and HTML. */
    static final Path EMAIL = Path.of("src/main/resources/email");
    static final Path RESOURCES = Path.of("src/main/resources");
    /** Words that are the same in every language: the product, the language names, encodings. */
    static final Set<String> ALLOWED_WORDS = Set.of("ServiceCoach", "English", "简体中文", "UTF-8", "GBK");

    static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyBundleHasTheSameKeysInEnglishAndChinese() throws IOException {
        for (String base : Messages.BUNDLES) {
            Properties en = load("/i18n/" + base + ".properties");
            Properties zh = load("/i18n/" + base + "_zh_CN.properties");
            if (en == null && zh == null) {
                continue;
            }
            assertTrue(en != null && zh != null, base + " exists in one language only");
            assertEquals(new TreeSet<>(en.stringPropertyNames()), new TreeSet<>(zh.stringPropertyNames()), "keys of bundle " + base);
            for (String key : zh.stringPropertyNames()) {
                assertTrue(!zh.getProperty(key).isBlank(), base + "_zh_CN: " + key + " is empty");
            }
        }
    }

    @Test
    void everyLiteralKeyUsedInATemplateExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String base : Messages.BUNDLES) {
            Properties en = load("/i18n/" + base + ".properties");
            if (en != null) {
                known.addAll(en.stringPropertyNames());
            }
        }
        // msg("key") and msg("key", args); a prefix such as msg("status." + s) must start some key
        Pattern literal = Pattern.compile("msg\\([\"']([a-zA-Z0-9_.]+)[\"']\\s*([,)+])");
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            Matcher m = literal.matcher(Files.readString(template));
            while (m.find()) {
                String key = m.group(1);
                boolean ok = m.group(2).equals("+") ? known.stream().anyMatch(k -> k.startsWith(key)) : known.contains(key);
                if (!ok) {
                    missing.add(RESOURCES.relativize(template) + ": " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void templatesHoldNoHardCodedText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path template : templates()) {
            String text = Files.readString(template)
                    .replaceAll("(?s)<#--.*?-->", " ")
                    .replaceAll("(?s)<pre class=\"sample\">.*?</pre>", " ")
                    .replaceAll("(?s)<script.*?</script>", " ")
                    .replaceAll("(?s)<style.*?</style>", " ")
                    .replaceAll("(?s)\\$\\{[^}]*}", " ")
                    .replaceAll("(?s)</?[#@](?:->|[^>])*>", " ")
                    .replaceAll("(?s)<[^>]*>", " ")
                    .replaceAll("&[a-z]+;", " ");
            for (String token : text.split("\\s+")) {
                if (token.codePoints().anyMatch(Character::isLetter) && !ALLOWED_WORDS.contains(token)) {
                    found.add(RESOURCES.relativize(template) + ": " + token);
                }
            }
        }
        assertEquals(List.of(), found, "put these words in the message bundles");
    }

    static List<Path> templates() throws IOException {
        List<Path> all = new ArrayList<>();
        try (Stream<Path> s = Files.walk(VIEWS)) {
            s.filter(p -> p.toString().endsWith(".ftlh")).sorted().forEach(all::add);
        }
        try (Stream<Path> s = Files.walk(EMAIL)) {
            s.filter(p -> p.toString().endsWith(".ftlh") || p.toString().endsWith(".ftl")).sorted().forEach(all::add);
        }
        return all;
    }
}
