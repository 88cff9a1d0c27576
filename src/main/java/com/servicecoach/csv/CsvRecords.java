package com.servicecoach.csv;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * Records read one at a time, each with the physical line it starts on: a CSV file as it is ({@link CsvRecordReader})
 * or as a column mapping turns it into another file's columns.
 */
public interface CsvRecords extends Closeable {

    /** Advances to the next record; false at the end of the input. */
    boolean next() throws IOException;

    /** 1-based physical line where the current record starts. */
    int line();

    /** Number of fields of the current record. */
    int size();

    /** Field {@code i} (0-based) of the current record. */
    String get(int i);

    /** The current record's fields as the file holds them (what a rejected row gives back). */
    List<String> fields();

    /** Why the current record is malformed, or null when it is well formed. */
    String error();

    /** 0-based index of the field in which the current record became malformed, or -1. */
    int errorField();
}
