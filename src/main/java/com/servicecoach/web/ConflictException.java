package com.servicecoach.web;

/** The request conflicts with the current state (409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String why) {
        super(why);
    }
}
