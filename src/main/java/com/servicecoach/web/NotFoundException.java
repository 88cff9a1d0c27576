package com.servicecoach.web;

import io.micronaut.http.HttpStatus;

/** Absent, or not visible to the caller (404, so ids cannot be probed). */
public class NotFoundException extends StatusException {
    public NotFoundException(String what) {
        super(HttpStatus.NOT_FOUND, what);
    }
}
