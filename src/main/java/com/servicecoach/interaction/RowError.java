package com.servicecoach.interaction;

/**
 * A rejected row: exactly one per rejected row. The message lists every problem found in the row,
 * separated by "; ", each starting with the field name (e.g. {@code "channel: 'fax' is not one of ..."}).
 */
public record RowError(int line, String message) implements RowResult {
}
