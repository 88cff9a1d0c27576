package com.servicecoach.csv;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * A list downloaded as CSV (UTF-8 with a byte-order mark, so that Excel reads Chinese names right): the rows are
 * written to a temporary file first, so memory stays bounded however long the list, and the file is deleted once
 * sent. User text goes through {@link CsvCells#text}, so no cell runs as a spreadsheet formula.
 */
public final class CsvDownload {

    /** Receives the rows of the file, each a list of cells (null = empty). */
    public interface Rows {
        void row(List<String> cells);
    }

    private CsvDownload() {
    }

    public static HttpResponse<StreamedFile> of(String fileName, List<String> header, Consumer<Rows> body) {
        try {
            Path file = Files.createTempFile("servicecoach-list-", ".csv");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
                out.write(CsvCells.textLine(header));
                out.write("\r\n");
                body.accept(cells -> {
                    try {
                        out.write(CsvCells.textLine(cells));
                        out.write("\r\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (RuntimeException | IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            InputStream in = Files.newInputStream(file, StandardOpenOption.DELETE_ON_CLOSE);
            return HttpResponse.ok(new StreamedFile(in, new MediaType("text/csv; charset=UTF-8")).attach(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
