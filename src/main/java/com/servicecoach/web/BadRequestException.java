package com.servicecoach.web;

/** Malformed request (400), e.g. a missing or malformed date parameter. */
public class BadRequestException extends RuntimeException {
    public BadRequestException(String why) {
        super(why);
    }
}
