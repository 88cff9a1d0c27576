package com.servicecoach.training.content;

import java.util.Locale;

/** A text in English and Simplified Chinese; {@link #in(Locale)} falls back to English. */
public record Localized(String en, String zh) {

    public String in(Locale locale) {
        boolean chinese = locale != null && "zh".equals(locale.getLanguage());
        return chinese && zh != null && !zh.isBlank() ? zh : en;
    }
}
