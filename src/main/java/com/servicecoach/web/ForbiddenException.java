package com.servicecoach.web;

import io.micronaut.http.HttpStatus;

/** Signed in, but this role or scope may not do it (403). */
public class ForbiddenException extends StatusException {
    public ForbiddenException(String why) {
        super(HttpStatus.FORBIDDEN, why);
    }
}
