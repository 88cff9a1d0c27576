package com.servicecoach.training;

import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.TestDatabase;
import com.servicecoach.training.content.ContentLoader;
import com.servicecoach.training.content.ContentReport;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Syncing the content into the database by module code and content hash. */
@MicronautTest(transactional = false)
class ContentSyncTest {

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    ObjectMapper mapper;
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;
    @Inject
    TrainingContent content;
    @Inject
    ContentSync sync;
    @Inject
    TrainingModuleRepository modules;
    @Inject
    TrainingLessonRepository lessons;
    @Inject
    TrainingQuestionRepository questions;
    @Inject
    RubricCriterionRepository rubrics;

    Api api;

    @BeforeEach
    void setUp() {
        TestDatabase.clean(dataSource);
        fixtures.standardCast();
        content.reload();
        api = new Api(http, mapper);
    }

    TrainingModule greeting() {
        return modules.findByCode("greeting-attitude").orElseThrow();
    }

    /** A copy of one real module in a content directory of its own. */
    static Path copyModule(Path tmp, String code) throws IOException {
        Path source = Path.of("training-content", code);
        Path target = tmp.resolve("content").resolve(code);
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        return target;
    }

    static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), file + " holds " + from);
        Files.writeString(file, text.replace(from, to));
    }

    @Test
    void theCurriculumIsInTheDatabaseWithItsLessonsQuestionsAndRubrics() {
        List<TrainingModule> active = modules.findByActiveOrderByCode(true);
        assertEquals(8, active.size());
        TrainingModule g = greeting();
        assertEquals(1, g.version());
        assertEquals(ContentLoader.load(Path.of("training-content")).modules().stream()
                .filter(m -> m.code().equals("greeting-attitude")).findFirst().orElseThrow().contentHash(), g.contentHash());
        assertEquals(3, lessons.findByModuleIdOrderByPosition(g.id()).size());
        List<TrainingQuestion> bank = questions.findByModuleIdAndActiveOrderById(g.id(), true);
        assertEquals(20, bank.size());
        assertTrue(bank.stream().allMatch(q -> q.source().equals(TrainingQuestion.FILE) && q.contentZh() != null));
        Map<String, Long> essays = rubrics.findByModuleIdOrderByQuestionNameAndPosition(g.id()).stream()
                .collect(Collectors.groupingBy(RubricCriterionRow::questionName, Collectors.counting()));
        assertEquals(bank.stream().filter(q -> q.type().equals("essay")).map(TrainingQuestion::name).collect(Collectors.toSet()),
                essays.keySet());
    }

    @Test
    void unchangedContentIsLeftAlone() {
        TrainingModule before = greeting();
        content.reload();
        assertEquals(before, greeting());
    }

    @Test
    void aChangedModuleGetsItsNewVersionAndHashAndKeepsImportedQuestionsAndQuestionIds(@TempDir Path tmp) throws IOException {
        Api.Reply imported = api.send("admin", HttpRequest.POST("/api/modules/greeting-attitude/questions/import",
                "::extra::Chat replies should come within 60 seconds. {T}\n").contentType(MediaType.TEXT_PLAIN_TYPE));
        assertEquals(200, imported.status(), imported.body());
        TrainingModule before = greeting();
        Map<String, Long> idsBefore = questions.findByModuleIdAndSource(before.id(), TrainingQuestion.FILE).stream()
                .collect(Collectors.toMap(TrainingQuestion::name, TrainingQuestion::id));

        Path dir = copyModule(tmp, "greeting-attitude");
        replace(dir.resolve("module.yml"), "version: 1", "version: 2");
        replace(dir.resolve("questions.gift"), "::GA02::By the standard taught in this module",
                "::GA02::By the standard of this module");
        // GA03 leaves both banks
        for (String bank : List.of("questions.gift", "questions.zh-CN.gift")) {
            Path f = dir.resolve(bank);
            String text = Files.readString(f);
            int start = text.indexOf("::GA03::");
            int end = text.indexOf("\n\n", start);
            Files.writeString(f, text.substring(0, start) + text.substring(end + 2));
        }
        ContentReport report = ContentLoader.load(tmp.resolve("content"));
        assertEquals(List.of(), report.problems());
        ContentSync.Result r = sync.sync(report);
        assertEquals(List.of("greeting-attitude"), r.updated());

        TrainingModule after = greeting();
        assertEquals(2, after.version());
        assertNotEquals(before.contentHash(), after.contentHash());
        assertEquals(report.modules().get(0).contentHash(), after.contentHash());

        List<TrainingQuestion> file = questions.findByModuleIdAndSource(after.id(), TrainingQuestion.FILE);
        TrainingQuestion ga02 = file.stream().filter(q -> q.name().equals("GA02")).findFirst().orElseThrow();
        assertEquals(idsBefore.get("GA02"), ga02.id(), "a question keeps its id when its text changes");
        assertTrue(ga02.contentEn().contains("By the standard of this module"));
        TrainingQuestion ga03 = file.stream().filter(q -> q.name().equals("GA03")).findFirst().orElseThrow();
        assertFalse(ga03.active(), "a question that left the files is kept, inactive");
        List<TrainingQuestion> importedNow = questions.findByModuleIdAndSource(after.id(), TrainingQuestion.IMPORT);
        assertEquals(List.of("extra"), importedNow.stream().map(TrainingQuestion::name).toList());
        assertTrue(importedNow.get(0).active(), "imported questions stay in the bank");
        assertEquals(19 + 1, questions.findByModuleIdAndActiveOrderById(after.id(), true).size());
    }

    @Test
    void aModuleWhoseFolderIsGoneLeavesTheCatalogueAndAnInvalidOneKeepsItsLastVersion(@TempDir Path tmp) throws IOException {
        Path dir = copyModule(tmp, "greeting-attitude");
        copyModule(tmp, "returns-refunds");
        replace(dir.resolve("module.yml"), "passMark: 80", "passMark: eighty");
        ContentReport report = ContentLoader.load(tmp.resolve("content"));
        assertEquals(1, report.problems().size(), report.problems().toString());
        ContentSync.Result r = sync.sync(report);
        assertEquals(6, r.retired().size());
        assertFalse(r.retired().contains("greeting-attitude"));

        assertTrue(greeting().active(), "an invalid folder keeps its last valid version");
        assertEquals(80, greeting().passMark());
        assertFalse(modules.findByCode("complaint-handling").orElseThrow().active());
        assertEquals(404, api.get("agent.north", "/api/modules/complaint-handling").status());
        assertEquals(2, ((Number) api.get("agent.north", "/api/modules").json().get("totalElements")).intValue());

        content.reload();
        assertEquals(8, modules.findByActiveOrderByCode(true).size(), "a module whose folder returns is active again");
    }
}
