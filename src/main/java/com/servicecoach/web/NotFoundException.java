package com.servicecoach.web;

/** Absent, or not visible to the caller (404, so ids cannot be probed). */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what);
    }
}
