package com.servicecoach.interaction;

import com.servicecoach.Command;
import com.servicecoach.csv.CsvCharsets;
import com.servicecoach.csv.CsvHeaderException;
import com.servicecoach.web.BadRequestException;
import com.servicecoach.web.DatabaseUnavailable;
import jakarta.inject.Singleton;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code import-interactions FILE [--charset GBK] [--source NAME]}: imports a file of any size through the same
 * code as the API and the upload page, with every agent in scope (whoever runs it has the database already).
 * Prints the counts and one line per rejected row; exit code 0 when the file was read (even with rejected
 * rows), 1 when the header was unusable or the import failed, 2 for bad arguments, 3 when the database became
 * unavailable (the import's id and what it stored are printed; running the command again completes the file).
 */
@Singleton
public class ImportInteractionsCommand implements Command {

    static final String USAGE = "usage: import-interactions FILE [--charset UTF-8|GBK] [--source NAME] [--mapping NAME]";
    static final String USER = "command-line";
    /** Exit code: the database is unavailable (try again). */
    static final int UNAVAILABLE = 3;

    private final InteractionImporter importer;
    private final ImportResults results;
    private final ImportMappings mappings;

    ImportInteractionsCommand(InteractionImporter importer, ImportResults results, ImportMappings mappings) {
        this.importer = importer;
        this.results = results;
        this.mappings = mappings;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Path file = null;
        Charset charset = StandardCharsets.UTF_8;
        String source = null;
        String mapping = null;
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                if (a.equals("--charset") || a.equals("--source") || a.equals("--mapping")) {
                    if (i + 1 >= args.size()) {
                        err.println(a + " needs a value\n" + USAGE);
                        return 2;
                    }
                    String v = args.get(++i);
                    if (a.equals("--charset")) {
                        charset = CsvCharsets.parse(v);
                    } else if (a.equals("--mapping")) {
                        mapping = mappings.find(v).map(ImportMapping::name).orElse(null);
                        if (mapping == null) {
                            err.println("no import mapping \"" + v + "\"; there are: "
                                    + String.join(", ", mappings.list().stream().map(ImportMappings.Listed::name).toList()));
                            return 2;
                        }
                    } else {
                        source = InteractionImportApiController.checkedSource(v);
                    }
                } else if (a.startsWith("--") || file != null) {
                    err.println("unexpected argument " + a + "\n" + USAGE);
                    return 2;
                } else {
                    file = Path.of(a);
                }
            }
        } catch (BadRequestException e) {
            err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
        if (file == null) {
            err.println(USAGE);
            return 2;
        }
        InteractionImporter.Scope scope = InteractionImporter.Scope.allAgents(USER);
        long started = System.nanoTime();
        if (!Files.exists(file)) {
            err.println("no such file: " + file);
            return 1;
        }
        // a FileInputStream, unlike Files.newInputStream, also reads pipes (FILE may be /dev/stdin or a named pipe)
        try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16)) {
            ImportRecord record = importer.create(scope, file.getFileName().toString(), charset, source, mapping);
            ImportRecord done = importer.run(record.id(), scope, in);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.printf("import %d of %s: received %d, inserted %d, updated %d, unchanged %d, rejected %d (%.1f s)%n",
                    done.id(), file, done.received(), done.inserted(), done.updated(), done.unchanged(), done.rejected(), seconds);
            results.forEachRejection(done.id(), (line, reason, row) -> out.println("line " + line + ": " + reason));
            return 0;
        } catch (CsvHeaderException e) {
            err.println("line " + e.line() + ": " + e.getMessage() + " (nothing was imported)");
            return 1;
        } catch (ImportInterruptedException e) {
            err.printf("import %d of %s interrupted: the database is unavailable. Stored before it stopped: received %d, "
                            + "inserted %d, updated %d, unchanged %d, rejected %d. Nothing is lost: run the same command again "
                            + "once the database is back to complete the file (no row is duplicated).%n", e.importId(), file,
                    e.received(), e.inserted(), e.updated(), e.unchanged(), e.rejected());
            return UNAVAILABLE;
        } catch (FileNotFoundException e) {
            err.println("cannot open " + file + ": " + e.getMessage());
            return 1;
        } catch (IOException | UncheckedIOException e) {
            err.println("reading " + file + " failed: " + e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                err.println("the database is unavailable: nothing was imported from " + file + "; try again in a few seconds");
                return UNAVAILABLE;
            }
            throw e;
        }
    }
}
