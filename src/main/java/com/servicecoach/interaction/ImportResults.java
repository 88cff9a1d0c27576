package com.servicecoach.interaction;

import com.servicecoach.csv.CsvCells;
import com.servicecoach.csv.ImportSummary;
import com.servicecoach.web.PageResponse;
import jakarta.inject.Singleton;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an import left behind: its rejected rows (line, reason and the row as the file held it), read back in
 * line order. Large results are written to files that are streamed to the caller, never held in memory.
 */
@Singleton
public class ImportResults {

    private final InteractionStore store;

    ImportResults(InteractionStore store) {
        this.store = store;
    }

    /** Passes every rejected row of an import to {@code consumer}, in line order, streaming from the database. */
    public void forEachRejection(long importId, InteractionStore.RejectionConsumer consumer) {
        store.forEachRejection(importId, consumer);
    }

    /** A page of an import's errors, in line order. */
    public PageResponse<ImportSummary.LineError> errors(ImportRecord record, int page, int size) {
        List<ImportSummary.LineError> content = store.rejections(record.id(), page, size).stream()
                .map(r -> new ImportSummary.LineError(r.line(), r.reason())).toList();
        return new PageResponse<>(content, page, size, record.rejected());
    }

    public ImportSummary summary(ImportRecord record) {
        List<ImportSummary.LineError> errors = new ArrayList<>();
        forEachRejection(record.id(), (line, reason, row) -> errors.add(new ImportSummary.LineError(line, reason)));
        return new ImportSummary(record.received(), record.inserted(), record.updated(), record.unchanged(),
                record.rejected(), errors);
    }

    /**
     * Writes the api.md import answer ({@code received ... errors}) to a temporary file, whatever the number
     * of errors; the caller streams it and deletes it.
     */
    public Path summaryFile(ImportRecord record) {
        try {
            Path file = Files.createTempFile("interaction-import-" + record.id() + "-", ".json");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8))) {
                out.write("{\"received\":" + record.received() + ",\"inserted\":" + record.inserted()
                        + ",\"updated\":" + record.updated() + ",\"unchanged\":" + record.unchanged()
                        + ",\"rejected\":" + record.rejected() + ",\"errors\":[");
                boolean[] first = {true};
                forEachRejection(record.id(), (line, reason, row) -> {
                    if (!first[0]) {
                        out.write(',');
                    }
                    first[0] = false;
                    out.write("{\"line\":" + line + ",\"message\":" + CsvText.json(reason) + "}");
                });
                out.write("]}");
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A stored row (or header) written again as cells of user text: a cell a spreadsheet would run is neutralised. */
    private static String userCells(String rowText) {
        return CsvCells.textLine(CsvText.fields(rowText));
    }

    /**
     * Writes the rejected rows as CSV (UTF-8 with a byte-order mark, for spreadsheet programs): a {@code line}
     * column, the file's own columns, and a {@code reason} column. The import ignores the two extra columns,
     * so the corrected file can be imported again as it is. Cells that a spreadsheet would run as a formula
     * carry a leading {@code '} ({@link CsvCells#text}), which the import drops again.
     */
    public Path rejectedCsvFile(ImportRecord record) {
        try {
            Path file = Files.createTempFile("interaction-rejected-" + record.id() + "-", ".csv");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8))) {
                out.write('\uFEFF');
                boolean withRows = record.header() != null;
                out.write("line," + (withRows ? userCells(record.header()) + "," : "") + "reason\r\n");
                forEachRejection(record.id(), (line, reason, row) -> {
                    out.write(line + "," + (withRows ? userCells(row) + "," : "") + CsvCells.text(reason) + "\r\n");
                });
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
