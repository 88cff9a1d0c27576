package com.servicecoach.web;

import io.micronaut.http.HttpStatus;

/** Malformed request (400), e.g. a missing or malformed date parameter. */
public class BadRequestException extends StatusException {
    public BadRequestException(String why) {
        super(HttpStatus.BAD_REQUEST, why);
    }
}
