package com.servicecoach.question;

/** A problem in a GIFT file: the 1-based line and what is wrong, in plain English. */
public record GiftError(int line, String message) {
}
