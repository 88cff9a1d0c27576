package com.servicecoach.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * One problem with one input field. {@code key} is a message-bundle key (shown translated on pages);
 * {@code args} fill its placeholders.
 */
@Serdeable
public record FieldError(String field, String key, List<String> args) {

    public static FieldError of(String field, String key, Object... args) {
        return new FieldError(field, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
    }
}
