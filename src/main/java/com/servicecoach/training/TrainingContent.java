package com.servicecoach.training;

import com.servicecoach.training.content.ContentLoader;
import com.servicecoach.training.content.ContentProblem;
import com.servicecoach.training.content.ContentReport;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;

/**
 * The training content directory ({@code servicecoach.content.directory}, relative to the working
 * directory): loaded, validated and synced into the database at start-up and whenever it changes
 * ({@link ContentWatcher}). Problems are logged with file and line and kept for administrators to see;
 * a module with problems keeps its last valid version in the database.
 */
@Singleton
public class TrainingContent {

    private static final Logger LOG = LoggerFactory.getLogger(TrainingContent.class);

    private final Path directory;
    private final ContentSync sync;
    private volatile ContentReport last = new ContentReport(List.of(), List.of(), List.of());

    TrainingContent(@Value("${servicecoach.content.directory:training-content}") String directory, ContentSync sync) {
        this.directory = Path.of(directory);
        this.sync = sync;
    }

    public Path directory() {
        return directory;
    }

    /** Loads and validates the directory, then syncs its valid modules into the database. */
    public synchronized ContentReport reload() {
        ContentReport report = ContentLoader.load(directory);
        for (ContentProblem p : report.problems()) {
            LOG.error("Training content problem: {}", p);
        }
        ContentSync.Result r = sync.sync(report);
        LOG.info("Training content {}: {} modules valid, {} problems; added {}, updated {}, retired {}",
                directory.toAbsolutePath().normalize(), report.modules().size(), report.problems().size(),
                r.added(), r.updated(), r.retired());
        last = report;
        return report;
    }

    /** The problems found by the latest load. */
    public List<ContentProblem> problems() {
        return last.problems();
    }
}
