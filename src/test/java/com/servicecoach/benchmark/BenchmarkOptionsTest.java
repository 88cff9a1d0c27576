package com.servicecoach.benchmark;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The benchmark's options: benchmarks.md's shape by default, --quick at 1 M, and the exam load's own. */
class BenchmarkOptionsTest {

    @Test
    void theDefaultsAreBenchmarksMdsDataShapeAndTheExamOf500() {
        BenchmarkCommand.Options o = BenchmarkCommand.parse(List.of());
        assertEquals(10_000_000, o.interactions());
        assertEquals(1000, o.agents());
        assertEquals(20, o.teams());
        assertEquals(12, o.months());
        assertEquals(500, o.examAgents());
        assertEquals("complaint-handling", o.examModule());
        assertFalse(o.examOnly() || o.skipExam() || o.help());
    }

    @Test
    void quickRunsAMillionUnlessTheInteractionsAreGiven() {
        assertEquals(1_000_000, BenchmarkCommand.parse(List.of("--quick")).interactions());
        assertEquals(200_000, BenchmarkCommand.parse(List.of("--quick", "--interactions", "200_000")).interactions());
    }

    @Test
    void theExamOptionsAreRead() {
        BenchmarkCommand.Options o = BenchmarkCommand.parse(List.of("--agents", "600", "--teams", "12", "--exam-agents", "50",
                "--exam-module", "greeting-attitude", "--exam-only"));
        assertEquals(50, o.examAgents());
        assertEquals("greeting-attitude", o.examModule());
        assertTrue(o.examOnly());
        assertTrue(BenchmarkCommand.parse(List.of("--skip-exam")).skipExam());
        assertTrue(BenchmarkCommand.parse(List.of("--help")).help());
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertEquals("unknown option --fast", assertThrows(IllegalArgumentException.class,
                () -> BenchmarkCommand.parse(List.of("--fast", "1"))).getMessage());
        assertEquals("--agents needs a value", assertThrows(IllegalArgumentException.class,
                () -> BenchmarkCommand.parse(List.of("--agents"))).getMessage());
        assertEquals("--exam-agents needs a whole number, not many", assertThrows(IllegalArgumentException.class,
                () -> BenchmarkCommand.parse(List.of("--exam-agents", "many"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchmarkCommand.parse(List.of("--agents", "100", "--teams", "10")));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkCommand.parse(List.of("--exam-only", "--skip-exam")));
        assertThrows(IllegalArgumentException.class, () -> BenchmarkCommand.parse(List.of("--exam-module", "../etc")));
    }
}
