package com.servicecoach.question;

/** Something offered to the candidate: an option (choice or matching answer) or a matching stem. */
public record Option(String id, String text) {
}
