package com.servicecoach.training;

import com.servicecoach.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * With servicecoach.content.watch true, the server loads its content directory at start and again after
 * a file changes: a raised version reaches the database without a restart, and a broken file does not
 * replace the last valid version.
 */
class ContentWatcherTest {

    static final Path MINI = Path.of("src/test/resources/training-content-valid/mini-module");

    @Test
    void changedFilesAreLoadedWithoutARestart(@TempDir Path tmp) throws Exception {
        Path content = tmp.resolve("content");
        copy(MINI, content.resolve("mini-module"));
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "servicecoach.content.directory", content.toString(),
                "servicecoach.content.watch", true,
                "micronaut.server.port", -1), "test")) {
            ApplicationContext ctx = server.getApplicationContext();
            DataSource dataSource = ctx.getBean(DataSource.class);
            TrainingModuleRepository modules = ctx.getBean(TrainingModuleRepository.class);
            TrainingContent training = ctx.getBean(TrainingContent.class);
            try {
                TestDatabase.clean(dataSource);
                training.reload();
                assertEquals(1, modules.findByCode("mini-module").orElseThrow().version());

                Path yml = content.resolve("mini-module/module.yml");
                Files.writeString(yml, Files.readString(yml).replace("version: 1", "version: 2"));
                waitFor(() -> modules.findByCode("mini-module").orElseThrow().version() == 2, "version 2 to be synced");

                Files.writeString(yml, Files.readString(yml).replace("passMark: 80", "passMark: 800"));
                waitFor(() -> !training.problems().isEmpty(), "the broken file to be reported");
                assertTrue(training.problems().get(0).toString().startsWith("content/mini-module/module.yml:"),
                        training.problems().toString());
                assertEquals(80, modules.findByCode("mini-module").orElseThrow().passMark(), "the last valid version stays");
            } finally {
                TestDatabase.clean(dataSource);
            }
        }
    }

    static void waitFor(Supplier<Boolean> condition, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (!condition.get()) {
            if (System.currentTimeMillis() > until) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
