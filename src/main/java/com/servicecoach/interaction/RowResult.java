package com.servicecoach.interaction;

/** The outcome of one data row: either a valid {@link InteractionRow} or a {@link RowError}. */
public sealed interface RowResult permits InteractionRow, RowError {

    /** 1-based physical line of the file where the row starts. */
    int line();
}
