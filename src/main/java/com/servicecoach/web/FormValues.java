package com.servicecoach.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A submitted form's fields as text, one value each (the first of a repeated field), without the CSRF token. */
public final class FormValues {

    private FormValues() {
    }

    public static Map<String, String> flatten(Map<String, Object> form) {
        Map<String, String> values = new HashMap<>();
        form.forEach((k, v) -> {
            if (!k.equals("_csrf")) {
                values.put(k, v instanceof List<?> l ? (l.isEmpty() ? "" : String.valueOf(l.get(0))) : String.valueOf(v));
            }
        });
        return values;
    }
}
