package com.servicecoach.web;

/** Signed in, but this role or scope may not do it (403). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String why) {
        super(why);
    }
}
