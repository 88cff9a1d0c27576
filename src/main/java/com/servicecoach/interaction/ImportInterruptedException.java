package com.servicecoach.interaction;

/**
 * An import stopped because the database became unavailable. Every batch committed before stays (the counts here
 * are theirs: rows accounted for, inserted, updated, unchanged, rejected), and importing the same file again once
 * the database is back completes it without duplicates, as rows are matched on (source, external_id).
 */
public class ImportInterruptedException extends RuntimeException {

    private final long importId;
    private final long received;
    private final long inserted;
    private final long updated;
    private final long unchanged;
    private final long rejected;

    ImportInterruptedException(long importId, long inserted, long updated, long unchanged, long rejected, Throwable cause) {
        super("Import " + importId + " was interrupted: the database is unavailable", cause);
        this.importId = importId;
        this.inserted = inserted;
        this.updated = updated;
        this.unchanged = unchanged;
        this.rejected = rejected;
        this.received = inserted + updated + unchanged + rejected;
    }

    public long importId() {
        return importId;
    }

    /** The rows of the file whose outcome was stored before the interruption. */
    public long received() {
        return received;
    }

    public long inserted() {
        return inserted;
    }

    public long updated() {
        return updated;
    }

    public long unchanged() {
        return unchanged;
    }

    public long rejected() {
        return rejected;
    }
}
