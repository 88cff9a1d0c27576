package com.servicecoach.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Scans what reaches the browser for anything that names an answer key: keys named like correct*, weight,
 * fraction, feedback*, expected* or answerKey (api.md), at any depth of the JSON, and those words anywhere
 * in a page's HTML (attributes, script, text).
 */
final class IntegrityScan {

    static final Pattern FORBIDDEN_KEY = Pattern.compile("(?i)(correct.*|weight|fraction|feedback.*|expected.*|answerkey)");
    static final Pattern FORBIDDEN_WORD = Pattern.compile("(?i)(correct|weight|fraction|feedback|expected|answerkey)");

    private IntegrityScan() {
    }

    /** The paths of the forbidden keys in a parsed JSON value. */
    static List<String> forbiddenKeys(Object json) {
        List<String> found = new ArrayList<>();
        walk(json, "$", found);
        return found;
    }

    private static void walk(Object node, String path, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String key = String.valueOf(e.getKey());
                if (FORBIDDEN_KEY.matcher(key).matches()) {
                    found.add(path + "." + key);
                }
                walk(e.getValue(), path + "." + key, found);
            }
        } else if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object o : list) {
                walk(o, path + "[" + i++ + "]", found);
            }
        }
    }

    static void assertNoKeys(Object json) {
        assertEquals(List.of(), forbiddenKeys(json), "answer keys must not reach the client before review");
    }

    static void assertNoKeysInHtml(String html) {
        List<String> found = new ArrayList<>();
        Matcher m = FORBIDDEN_WORD.matcher(html);
        while (m.find()) {
            int from = Math.max(0, m.start() - 40);
            found.add(html.substring(from, Math.min(html.length(), m.end() + 40)).replace('\n', ' ').toLowerCase(Locale.ROOT));
        }
        assertEquals(List.of(), found, "the page must not name answer keys");
    }
}
