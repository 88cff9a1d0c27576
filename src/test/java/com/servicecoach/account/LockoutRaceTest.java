package com.servicecoach.account;

import com.servicecoach.support.Api;
import com.servicecoach.support.Fixtures;
import com.servicecoach.support.HttpTest;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Parallel guesses: the failure count is kept atomically in the database, so at most 5 passwords are
 * checked in a lock window however many requests arrive at once. The password check here is slowed to
 * 30 ms so that requests really overlap.
 */
@MicronautTest(transactional = false)
class LockoutRaceTest extends HttpTest {

    static final AtomicInteger CHECKS = new AtomicInteger();

    @MockBean(PasswordHasher.class)
    PasswordHasher slowCountingHasher() {
        return new PasswordHasher(4) {
            @Override
            public boolean matches(String password, String hash) {
                CHECKS.incrementAndGet();
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return super.matches(password, hash);
            }
        };
    }

    @Inject
    UserRepository users;

    @BeforeEach
    void resetCount() {
        CHECKS.set(0);
    }

    /** Sends all the passwords at once (as /api/login or Basic, alternately) and answers each reply. */
    List<Api.Reply> inParallel(String user, List<String> passwords) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(passwords.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < passwords.size(); i++) {
                String password = passwords.get(i);
                boolean basic = i % 2 == 1;
                replies.add(pool.submit(() -> {
                    start.await();
                    return basic
                            ? api.exchange(HttpRequest.GET("/api/teams").basicAuth(user, password))
                            : api.exchange(HttpRequest.POST("/api/login", Map.of("username", user, "password", password)));
                }));
            }
            start.countDown();
            List<Api.Reply> out = new ArrayList<>();
            for (Future<Api.Reply> f : replies) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> wrong(int n) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add("wrong-password-" + i);
        }
        return list;
    }

    @Test
    void fortyParallelWrongPasswordsGetAtMostFiveChecks() throws Exception {
        List<Api.Reply> replies = inParallel("hr.lin", wrong(40));
        assertTrue(replies.stream().allMatch(r -> r.status() == 401), "every guess refused");
        assertEquals(5, CHECKS.get(), "exactly five passwords were checked");
        List<Api.Reply> logins = new ArrayList<>();
        for (int i = 0; i < replies.size(); i += 2) {
            logins.add(replies.get(i));
        }
        long wrongSaid = logins.stream().filter(r -> r.body().contains("Wrong username or password")).count();
        long lockedSaid = logins.stream().filter(r -> r.body().contains("locked")).count();
        assertTrue(wrongSaid <= 4, "at most four sign-ins are told the password was wrong: " + wrongSaid);
        assertEquals(logins.size(), wrongSaid + lockedSaid, "the others are told the account is locked");
        assertTrue(users.findByUsername("hr.lin").orElseThrow().lockedUntil() != null, "the account is locked");
        assertEquals(401, api.exchange(HttpRequest.POST("/api/login", Map.of("username", "hr.lin", "password", Fixtures.PASSWORD))).status(),
                "even the right password, afterwards");
    }

    @Test
    void theRightPasswordAmongTwentyNineWrongOnesOnlyGetsInWhenItIsAmongTheFiveChecked() throws Exception {
        List<String> passwords = wrong(29);
        passwords.add(14, Fixtures.PASSWORD);
        List<Api.Reply> replies = inParallel("hr.lin", passwords);
        boolean signedIn = replies.get(14).status() == 200;
        long refused = replies.stream().filter(r -> r.status() == 401).count();
        assertEquals(signedIn ? 29 : 30, refused, "no wrong password ever signs in");
        if (signedIn) {
            // it was among the five checked; its success started a new count, which allows five more checks
            assertTrue(CHECKS.get() <= 10, "checks: " + CHECKS.get());
        } else {
            assertEquals(5, CHECKS.get(), "it came after the account locked, so it was never checked");
        }
    }
}
