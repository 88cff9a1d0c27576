package com.servicecoach.web;

import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The English and Simplified Chinese message bundles (UTF-8). Each feature keeps its strings in its own
 * bundle, {@code i18n/<feature>.properties} and {@code i18n/<feature>_zh_CN.properties}; a key is looked
 * up in the bundles in the order of {@link #BUNDLES}.
 */
@Singleton
public class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, CHINESE);
    /** Every bundle's base name; a test checks that each exists in both languages with the same keys. */
    public static final List<String> BUNDLES = List.of("messages", "interaction", "scoring", "training", "assessment", "report", "survey", "email",
            "promise", "quality", "calibration");

    public String get(Locale locale, String key, Object... args) {
        Locale l = supported(locale);
        for (String base : BUNDLES) {
            ResourceBundle bundle = bundle(base, l);
            if (bundle != null && bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return args.length == 0 ? pattern : new MessageFormat(pattern, l).format(args);
            }
        }
        return key;
    }

    public boolean has(String key) {
        return BUNDLES.stream().map(b -> bundle(b, Locale.ENGLISH)).anyMatch(b -> b != null && b.containsKey(key));
    }

    public static ResourceBundle bundle(String base, Locale locale) {
        try {
            return ResourceBundle.getBundle("i18n." + base, supported(locale),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            return null;
        }
    }

    public static Locale supported(Locale locale) {
        if (locale != null && "zh".equals(locale.getLanguage())) {
            return CHINESE;
        }
        return Locale.ENGLISH;
    }

    /** Parses a stored or submitted language tag: "zh-CN" or "en". */
    public static Locale fromTag(String tag) {
        return tag == null || tag.isBlank() ? null : supported(Locale.forLanguageTag(tag));
    }

    public static String tag(Locale locale) {
        return CHINESE.equals(supported(locale)) ? "zh-CN" : "en";
    }
}
