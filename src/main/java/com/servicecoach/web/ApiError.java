package com.servicecoach.web;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The JSON body of every error answer: {@code {"message": "...", "errors": [...]}}. */
@Serdeable
public record ApiError(String message, List<Item> errors) {

    @Serdeable
    public record Item(String field, Integer line, String message) {
    }

    public static ApiError of(String message) {
        return new ApiError(message, List.of());
    }
}
