package com.servicecoach.web;

import java.util.List;

/** The request was understood but its values are invalid (422). Nothing has been stored. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(List<FieldError> errors) {
        // the field errors in the message help whoever reads a log or a failed test
        super("Invalid input: " + errors);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }
}
