package com.servicecoach.csv;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The answer to a CSV import (api.md): how many data rows were received and what became of them, with
 * exactly one error per rejected row, at the physical line where the row starts (the header is line 1).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ImportSummary(long received, long inserted, long updated, long unchanged, long rejected, List<LineError> errors) {

    @Serdeable
    public record LineError(int line, String message) {
    }

    /** The whole file rejected for its header: 422 with one error at line 1, nothing stored. */
    public static ImportSummary headerRejected(CsvHeaderException e) {
        return new ImportSummary(0, 0, 0, 0, 0, List.of(new LineError(e.line(), e.getMessage())));
    }
}
