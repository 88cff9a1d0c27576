package com.servicecoach.training;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Order;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Loads the training content when the server starts and, when {@code servicecoach.content.watch} is true,
 * watches the content directory (every folder in it) and loads it again after changes have settled for
 * half a second, so an editor saving several files causes one reload.
 */
@Singleton
@Order(5)
class ContentWatcher implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(ContentWatcher.class);
    private static final long QUIET_MILLIS = 500;

    private final TrainingContent content;
    private final boolean watch;
    private volatile WatchService service;
    private volatile Thread thread;

    ContentWatcher(TrainingContent content, @Value("${servicecoach.content.watch:true}") boolean watch) {
        this.content = content;
        this.watch = watch;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        content.reload();
        if (watch) {
            start();
        }
    }

    private synchronized void start() {
        if (thread != null || !Files.isDirectory(content.directory())) {
            return;
        }
        try {
            service = FileSystems.getDefault().newWatchService();
            registerAll(content.directory());
        } catch (IOException e) {
            LOG.warn("Cannot watch {} for changes: {}", content.directory(), e.getMessage());
            return;
        }
        thread = new Thread(this::loop, "training-content-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("Watching {} for changes", content.directory().toAbsolutePath().normalize());
    }

    private void registerAll(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                d.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                        StandardWatchEventKinds.ENTRY_MODIFY);
            }
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                drain(key);
                // wait until nothing has changed for a moment, then load once
                WatchKey more;
                while ((more = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                try {
                    registerAll(content.directory());
                    content.reload();
                } catch (RuntimeException | IOException e) {
                    LOG.error("Reloading the training content failed", e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // shutting down
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @PreDestroy
    void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
        WatchService s = service;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch service", e);
            }
        }
    }
}
