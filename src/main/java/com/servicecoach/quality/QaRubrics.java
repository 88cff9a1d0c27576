package com.servicecoach.quality;

import com.servicecoach.scoring.Channel;
import com.servicecoach.training.content.ContentProblem;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The QA rubrics of the training content directory ({@code servicecoach.content.directory}, folder {@code qa}):
 * loaded when the server starts, or on first use when that comes earlier, and again on {@link #reload()}.
 * Problems are logged with file and line and kept; a rubric with problems is left out.
 */
@Singleton
public class QaRubrics implements ApplicationEventListener<ServerStartupEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(QaRubrics.class);

    private final Path directory;
    private volatile QaRubricReport last;

    public QaRubrics(@Value("${servicecoach.content.directory:training-content}") String directory) {
        this.directory = Path.of(directory);
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        reload();
    }

    /** Loads the rubrics again, logging every problem and a summary. */
    public synchronized QaRubricReport reload() {
        QaRubricReport report = QaRubricLoader.load(directory);
        for (ContentProblem p : report.problems()) {
            LOG.error("QA rubric problem: {}", p);
        }
        List<String> uncovered = Arrays.stream(Channel.values())
                .filter(c -> report.rubrics().stream().noneMatch(r -> r.reviews(c))).map(Channel::code).toList();
        LOG.info("QA rubrics {}: {} valid {}, {} problems{}", directory.resolve("qa").toAbsolutePath().normalize(),
                report.rubrics().size(), report.rubrics().stream().map(QaRubric::code).toList(), report.problems().size(),
                uncovered.isEmpty() ? "" : "; no rubric for " + uncovered);
        last = report;
        return report;
    }

    private QaRubricReport report() {
        QaRubricReport r = last;
        if (r != null) {
            return r;
        }
        synchronized (this) {
            return last != null ? last : reload();
        }
    }

    /** Every valid rubric, in file-name order. */
    public List<QaRubric> all() {
        return report().rubrics();
    }

    /** The valid rubric with this code. */
    public Optional<QaRubric> byCode(String code) {
        return all().stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The valid rubric that reviews conversations on this channel; empty when none does. */
    public Optional<QaRubric> forChannel(Channel channel) {
        return all().stream().filter(r -> r.reviews(channel)).findFirst();
    }

    /** The problems found by the latest load. */
    public List<ContentProblem> problems() {
        return report().problems();
    }
}
