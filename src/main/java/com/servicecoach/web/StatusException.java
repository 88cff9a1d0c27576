package com.servicecoach.web;

import io.micronaut.http.HttpStatus;

/** A failure whose answer is a status and a message (see api.md for which status means what). */
public abstract class StatusException extends RuntimeException {

    private final HttpStatus status;

    protected StatusException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }
}
