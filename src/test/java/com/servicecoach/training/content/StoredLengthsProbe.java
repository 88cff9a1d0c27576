package com.servicecoach.training.content;

import com.servicecoach.question.Question;

/** Lets tests elsewhere read the size estimate of {@link StoredLengths}. */
public final class StoredLengthsProbe {

    private StoredLengthsProbe() {
    }

    public static long storedBytes(Question q) {
        return StoredLengths.storedBytes(q);
    }
}
