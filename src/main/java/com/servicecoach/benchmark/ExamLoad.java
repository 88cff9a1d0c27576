package com.servicecoach.benchmark;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The exam load: every taker starts the same assessment at the same instant (all threads released by one latch),
 * then saves answers at the times of its {@link SaveSchedule} over the window, over HTTP with its own bearer token,
 * as the assessment page's autosave does. Afterwards every attempt is submitted (not timed), so the takers are
 * left with finished attempts.
 */
final class ExamLoad {

    /** What the load measured: latencies in nanoseconds, and every failed request. */
    record Figures(int takers, long allStartedNanos, long[] starts, long[] saves, List<String> errors) {
    }

    private static final Argument<Map<String, Object>> OBJECT = Argument.mapOf(String.class, Object.class);

    private final HttpClient http;
    private final String base;
    private final JsonMapper json;

    ExamLoad(HttpClient http, String base, JsonMapper json) {
        this.http = http;
        this.base = base;
        this.json = json;
    }

    Figures run(List<String> tokens, String module, long seed, Duration window, Duration period) throws InterruptedException {
        int n = tokens.size();
        long[] starts = new long[n];
        long[] startedAt = new long[n];
        long[] attempt = new long[n];
        ConcurrentLinkedQueue<Long> saves = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(n);
        CountDownLatch go = new CountDownLatch(1);
        long[] release = new long[1];
        List<List<Long>> schedules = SaveSchedule.forTakers(n, seed, window.toMillis(), period.toMillis());
        Random answers = new Random(seed);
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            for (int i = 0; i < n; i++) {
                int taker = i;
                Random random = new Random(answers.nextLong());
                List<Long> schedule = schedules.get(taker);
                pool.execute(() -> {
                    ready.countDown();
                    try {
                        go.await();
                        long sent = System.nanoTime();
                        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/assessments/" + module + "/attempts"))
                                .header("Authorization", "Bearer " + tokens.get(taker)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString("{}")));
                        long done = System.nanoTime();
                        starts[taker] = done - sent;
                        startedAt[taker] = done - release[0];
                        if (r.statusCode() / 100 != 2) {
                            errors.add("start of taker " + taker + ": HTTP " + r.statusCode() + " " + shorten(r.body()));
                            return;
                        }
                        Map<String, Object> started = json.readValue(r.body(), OBJECT);
                        attempt[taker] = ((Number) started.get("attempt")).longValue();
                        @SuppressWarnings("unchecked")
                        List<Map<String, Object>> questions = (List<Map<String, Object>>) started.get("questions");
                        for (int k = 0; k < schedule.size(); k++) {
                            long wait = release[0] + TimeUnit.MILLISECONDS.toNanos(schedule.get(k)) - System.nanoTime();
                            if (wait > 0) {
                                TimeUnit.NANOSECONDS.sleep(wait);
                            }
                            Map<String, Object> q = questions.get(Math.floorMod(taker + k, questions.size()));
                            String body = json.writeValueAsString(Map.of("answer", ExamAnswers.answer(q, random.nextInt(1000))));
                            long s = System.nanoTime();
                            HttpResponse<String> saved = send(HttpRequest.newBuilder(URI.create(base + "/api/attempts/"
                                            + attempt[taker] + "/answers/" + q.get("id")))
                                    .header("Authorization", "Bearer " + tokens.get(taker)).header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(body)));
                            saves.add(System.nanoTime() - s);
                            if (saved.statusCode() / 100 != 2) {
                                errors.add("save of taker " + taker + ": HTTP " + saved.statusCode() + " " + shorten(saved.body()));
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        errors.add("taker " + taker + " interrupted");
                    } catch (IOException | RuntimeException e) {
                        errors.add("taker " + taker + ": " + e);
                    }
                });
            }
            ready.await();
            release[0] = System.nanoTime();
            go.countDown();
            pool.shutdown();
            if (!pool.awaitTermination(window.toSeconds() + 300, TimeUnit.SECONDS)) {
                errors.add("the takers did not finish within " + (window.toSeconds() + 300) + " s");
                pool.shutdownNow();
            }
        } finally {
            pool.shutdownNow();
        }
        submitAll(tokens, attempt);
        long allStarted = 0;
        for (long t : startedAt) {
            allStarted = Math.max(allStarted, t);
        }
        return new Figures(n, allStarted, starts, saves.stream().mapToLong(Long::longValue).toArray(), new ArrayList<>(errors));
    }

    /** Submits the attempts started (eight at a time); failures here are not the load's. */
    private void submitAll(List<String> tokens, long[] attempt) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < attempt.length; i++) {
            if (attempt[i] == 0) {
                continue;
            }
            int taker = i;
            pool.execute(() -> {
                try {
                    HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/attempts/" + attempt[taker] + "/submit"))
                            .header("Authorization", "Bearer " + tokens.get(taker)).POST(HttpRequest.BodyPublishers.noBody()));
                    if (r.statusCode() / 100 != 2) {
                        failed.incrementAndGet();
                    }
                } catch (IOException e) {
                    failed.incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        if (failed.get() > 0) {
            System.err.println("exam load: " + failed.get() + " attempts could not be submitted afterwards");
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** The first few errors, for the printout. */
    static List<String> sample(List<String> errors, int max) {
        return Collections.unmodifiableList(errors.subList(0, Math.min(max, errors.size())));
    }
}
