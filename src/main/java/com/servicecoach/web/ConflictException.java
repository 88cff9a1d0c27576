package com.servicecoach.web;

import io.micronaut.http.HttpStatus;

/** The request conflicts with the current state (409). */
public class ConflictException extends StatusException {
    public ConflictException(String why) {
        super(HttpStatus.CONFLICT, why);
    }
}
