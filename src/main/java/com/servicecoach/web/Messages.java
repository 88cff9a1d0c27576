package com.servicecoach.web;

import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The English and Simplified Chinese message bundles, {@code i18n/messages*.properties} (UTF-8). */
@Singleton
public class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, CHINESE);

    public ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("i18n.messages", supported(locale),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(Locale locale, String key, Object... args) {
        try {
            String pattern = bundle(locale).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(args);
        } catch (MissingResourceException e) {
            return key;
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
