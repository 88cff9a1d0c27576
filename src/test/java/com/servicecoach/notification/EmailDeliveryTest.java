package com.servicecoach.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.support.TestClock;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.mail.BodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications reach people by email through a real SMTP server in the test JVM (GreenMail): in the reader's
 * language, grouped into the daily digest when chosen, not at all when turned off, and sent later when the
 * server was down.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmailDeliveryTest extends HttpTest implements TestPropertyProvider {

    static final int PORT = freePort();
    static final String BASE = "https://coach.example.com";

    @Inject
    Notifications notifications;
    @Inject
    EmailOutbox outbox;
    @Inject
    TestClock clock;

    GreenMail smtp;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("servicecoach.mail.host", "127.0.0.1", "servicecoach.mail.port", String.valueOf(PORT),
                "servicecoach.mail.security", "none", "servicecoach.mail.from", "coach@shop.example",
                "servicecoach.public-url", BASE + "/", "servicecoach.mail.timeout", "5s");
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void startTheMailServer() {
        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterEach
    void stopTheMailServer() {
        if (smtp != null) {
            smtp.stop();
        }
        clock.reset();
    }

    @AfterAll
    void done() {
        clock.reset();
    }

    void newTraining(String username, String en, String zh) {
        notifications.notify(username, "assignment.new", "t:" + en, "/my-training", List.of(Map.of("en", en, "zh-CN", zh), "2026-12-10"));
    }

    static String part(MimeMessage m, String type) throws Exception {
        MimeMultipart alternative = (MimeMultipart) m.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart p = alternative.getBodyPart(i);
            if (p.isMimeType(type)) {
                return (String) p.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    @Test
    void aNotificationIsMailedAtOnceInTheReadersLanguageToTheProfileAddressOrTheirOwn() throws Exception {
        assertEquals(200, api.put("agent.north", "/api/notifications/email", Map.of("language", "zh-CN")).status());
        newTraining("agent.north", "Returns and refunds", "退换货处理");
        assertEquals(200, api.put("admin", "/api/email/settings/sup.north", Map.of("address", "wang.sup@shop.example")).status());
        notifications.notify("sup.north", "assessment.toGrade", "g:1", "/grading", List.of("Li Na", Map.of("en", "Returns quiz", "zh-CN", "退货测验")));

        EmailOutbox.Run run = outbox.run();
        assertEquals(2, run.queued());
        assertEquals(2, run.sent());
        MimeMessage[] got = smtp.getReceivedMessages();
        assertEquals(2, got.length);
        MimeMessage zh = got[0].getAllRecipients()[0].toString().equals("n1@shop.test") ? got[0] : got[1];
        MimeMessage en = zh == got[0] ? got[1] : got[0];

        assertEquals("ServiceCoach：你有新的培训任务：退换货处理，截止日期 2026-12-10。", zh.getSubject());
        assertEquals("zh-CN", zh.getHeader("Content-Language")[0]);
        assertEquals("auto-generated", zh.getHeader("Auto-Submitted")[0]);
        assertEquals("ServiceCoach <coach@shop.example>", zh.getFrom()[0].toString());
        String text = part(zh, "text/plain");
        assertTrue(text.startsWith("agent.north，您好："), text);
        assertTrue(text.contains("你有新的培训任务：退换货处理，截止日期 2026-12-10。"), text);
        assertTrue(text.contains("在 ServiceCoach 中打开: " + BASE + "/my-training"), "an absolute link: " + text);
        assertTrue(text.contains(BASE + "/notifications/email"), "how to change it");
        String html = part(zh, "text/html");
        assertTrue(html.contains("<html lang=\"zh-CN\">") && html.contains("href=\"" + BASE + "/my-training\""), html);

        assertEquals("wang.sup@shop.example", en.getAllRecipients()[0].toString(), "the address set on the settings wins");
        assertTrue(en.getSubject().startsWith("ServiceCoach: ") && en.getSubject().contains("Li Na"), en.getSubject());
        assertTrue(part(en, "text/plain").startsWith("Hello sup.north,"), part(en, "text/plain"));

        Map<String, Object> log = api.get("admin", "/api/email/messages?status=sent").json();
        assertEquals(2, ((Number) log.get("totalElements")).intValue());
        Map<String, Object> mine = api.get("agent.north", "/api/notifications/email/messages").content().get(0);
        assertEquals("sent", mine.get("status"));
        assertEquals(1, ((Number) mine.get("attempts")).intValue());
        assertEquals(0, outbox.run().queued(), "each notification is mailed once");
        assertEquals(1, api.get("agent.north", "/api/notifications").content().size(), "and stays in the app");
    }

    @Test
    void theDigestGathersTheDaysNotificationsIntoOneMessageAtTheDigestHour() throws Exception {
        assertEquals(200, api.put("agent.north", "/api/notifications/email", Map.of("deliveries",
                Map.of("trainingNew", "digest", "trainingDue", "digest"))).status());
        newTraining("agent.north", "Returns", "退货");
        newTraining("agent.north", "Complaints", "投诉");
        notifications.notify("agent.north", "assignment.dueSoon", "d:1", "/my-training", List.of(Map.of("en", "Returns", "zh-CN", "退货"), "2026-12-10"));
        notifications.notify("agent.north", "coaching.new", "c:1", "/coaching/1", List.of("sup.north", "tone"));

        EmailOutbox.Run first = outbox.run();
        assertEquals(1, first.sent(), "coaching is not in the digest: mailed now");
        assertEquals(0, first.digests());
        clock.advance(Duration.ofHours(24).plusMinutes(1));
        api.forgetTokens();
        EmailOutbox.Run later = outbox.run();
        assertEquals(1, later.digests());
        assertEquals(1, later.sent());
        MimeMessage digest = smtp.getReceivedMessages()[1];
        assertEquals("ServiceCoach: your daily digest (3 notifications)", digest.getSubject());
        String text = part(digest, "text/plain");
        assertTrue(text.contains("Here is your daily digest: 3 notifications since the last one."), text);
        assertTrue(text.indexOf("New training assigned to you: Returns") < text.indexOf("New training assigned to you: Complaints")
                && text.contains("Training due soon: Returns is due on 2026-12-10."), "oldest first: " + text);
        assertEquals(3, ((Number) api.get("admin", "/api/email/messages").content().get(0).get("notifications")).intValue());
        assertEquals(0, outbox.run().digests(), "a digest is made once");
    }

    @Test
    void aTopicTurnedOffIsNotMailedAndSomeoneWithoutAnAddressGetsNoEmail() {
        assertEquals(200, api.put("agent.north", "/api/notifications/email", Map.of("deliveries", Map.of("trainingNew", "off"))).status());
        newTraining("agent.north", "Returns", "退货");
        notifications.notify("hr.lin", "report.monthlyReady", "r:1", "/reports", List.of("2026-11"));
        EmailOutbox.Run run = outbox.run();
        assertEquals(2, run.looked());
        assertEquals(0, run.queued());
        assertEquals(0, smtp.getReceivedMessages().length);
        assertEquals(1, api.get("agent.north", "/api/notifications").content().size(), "still in the app");
        Map<String, Object> choices = api.get("agent.north", "/api/notifications/email").json();
        assertEquals("n1@shop.test", choices.get("effectiveAddress"));
        assertNull(api.get("hr.lin", "/api/notifications/email").json().get("effectiveAddress"), "HR has no agent profile");
    }

    @Test
    void aServerThatIsDownDelaysTheMessageWhichIsSentWhenItIsBack() throws Exception {
        smtp.stop();
        newTraining("agent.north", "Returns", "退货");
        EmailOutbox.Run down = outbox.run();
        assertEquals(1, down.queued());
        assertEquals(0, down.sent());
        assertEquals(1, down.failedAttempts());
        Map<String, Object> pending = api.get("admin", "/api/email/messages").content().get(0);
        assertEquals("pending", pending.get("status"));
        assertEquals(1, ((Number) pending.get("attempts")).intValue());
        assertTrue(String.valueOf(pending.get("lastError")).contains("Connect"), String.valueOf(pending.get("lastError")));

        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        assertEquals(0, outbox.run().sent(), "the next attempt waits a minute");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertEquals(1, outbox.run().sent());
        assertEquals(1, smtp.getReceivedMessages().length);
        Map<String, Object> sent = api.get("admin", "/api/email/messages").content().get(0);
        assertEquals("sent", sent.get("status"));
        assertEquals(2, ((Number) sent.get("attempts")).intValue());
        assertNull(sent.get("lastError"));
    }

    @Test
    void aMessageNotSentWithinTheLimitFailsWithItsReasonAndAnAdministratorCanSendItAgain() throws Exception {
        smtp.stop();
        newTraining("agent.north", "Returns", "退货");
        outbox.run();
        clock.advance(Duration.ofDays(2).plusMinutes(1));
        api.forgetTokens();
        outbox.run();
        Map<String, Object> failed = api.get("admin", "/api/email/messages?status=failed").content().get(0);
        assertEquals(2, ((Number) failed.get("attempts")).intValue());
        assertTrue(String.valueOf(failed.get("lastError")).contains("Connect"));
        long id = ((Number) failed.get("id")).longValue();
        assertEquals(403, api.post("agent.north", "/api/email/messages/" + id + "/retry", Map.of()).status());

        smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        assertEquals(0, outbox.run().sent(), "a failed message stays failed");
        assertEquals("pending", api.post("admin", "/api/email/messages/" + id + "/retry", Map.of()).json().get("status"));
        assertEquals(409, api.post("admin", "/api/email/messages/" + id + "/retry", Map.of()).status(), "only a failed one");
        assertEquals(1, outbox.run().sent());
        assertEquals(1, smtp.getReceivedMessages().length);
    }

    @Test
    void theMonthlyReportIsLinkedOrAttachedAsTheReaderChose(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("performance-2026-11-all-teams.pdf");
        Files.writeString(pdf, "%PDF-1.4 report", StandardCharsets.US_ASCII);
        assertEquals(200, api.put("hr.lin", "/api/notifications/email", Map.of("address", "lin@shop.example", "attachReports", true)).status());
        assertEquals(200, api.put("admin", "/api/notifications/email", Map.of("address", "admin@shop.example")).status());
        notifications.notify("hr.lin", "report.monthlyReady", "r:11", "/reports/performance?from=2026-11-01&to=2026-11-30",
                List.of("2026-11"), List.of(pdf));
        notifications.notify("admin", "report.monthlyReady", "r:11", "/reports/performance?from=2026-11-01&to=2026-11-30",
                List.of("2026-11"), List.of(pdf));
        assertEquals(2, outbox.run().sent());
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (to.equals("lin@shop.example")) {
                MimeMultipart mixed = (MimeMultipart) m.getContent();
                assertEquals(2, mixed.getCount(), "the text and the file");
                assertEquals("performance-2026-11-all-teams.pdf", mixed.getBodyPart(1).getFileName());
                try (InputStream in = mixed.getBodyPart(1).getInputStream()) {
                    assertEquals("%PDF-1.4 report", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
                }
            } else {
                assertEquals("admin@shop.example", to);
                assertTrue(part(m, "text/plain").contains(BASE + "/reports/performance?from=2026-11-01&to=2026-11-30"), "a link only");
            }
        }
    }

    @Test
    void badSettingsAreRefusedFieldByFieldAndNothingIsStored() {
        Api.Reply bad = api.put("agent.north", "/api/notifications/email", Map.of("address", "not-an-address", "language", "fr",
                "deliveries", Map.of("trainingNew", "weekly", "nonsense", "off")));
        assertEquals(422, bad.status(), bad.body());
        for (String field : List.of("address", "language", "deliveries.trainingNew", "deliveries.nonsense")) {
            assertTrue(bad.body().contains("\"" + field + "\""), field + " in " + bad.body());
        }
        Map<String, Object> after = api.get("agent.north", "/api/notifications/email").json();
        assertNull(after.get("address"));
        assertEquals("en", after.get("language"));
        assertFalse(String.valueOf(after.get("topics")).contains("weekly"));
    }

    @Test
    void theAdministratorsTestMessageGoesOutWithTheNextRun() throws Exception {
        long id = ((Number) api.post("admin", "/api/email/test", Map.of("address", "ops@shop.example")).json().get("id")).longValue();
        assertEquals(422, api.post("admin", "/api/email/test", Map.of("address", "nobody")).status());
        assertEquals(1, outbox.run().sent());
        assertEquals("ServiceCoach: test message", smtp.getReceivedMessages()[0].getSubject());
        Map<String, Object> detail = api.get("admin", "/api/email/messages/" + id).json();
        assertTrue(String.valueOf(detail.get("text")).contains("If you can read it, email works."));
        Map<String, Object> status = api.get("admin", "/api/email/status").json();
        assertEquals(true, status.get("enabled"));
        assertEquals(false, status.get("passwordSet"));
        assertEquals(BASE, status.get("publicUrl"));
        assertEquals(1L, ((Number) ((Map<?, ?>) status.get("messages")).get("sent")).longValue());
    }
    String page(Api.BrowserSession session, io.micronaut.http.MutableHttpRequest<?> request, int status) {
        try {
            io.micronaut.http.HttpResponse<String> r = http.toBlocking().exchange(session.on(request.accept(io.micronaut.http.MediaType.TEXT_HTML_TYPE)),
                    io.micronaut.core.type.Argument.STRING, io.micronaut.core.type.Argument.STRING);
            assertEquals(status, r.code(), r.body());
            return r.body() == null ? "" : r.body();
        } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
            String body = e.getResponse().getBody(String.class).orElse("");
            assertEquals(status, e.code(), body);
            return body;
        }
    }

    @Test
    void peopleChooseOnTheirSettingsPageAndAdministratorsSeeTheRecordOfEveryMessage() throws Exception {
        Api.BrowserSession agent = api.browser("agent.north");
        String form = page(agent, io.micronaut.http.HttpRequest.GET("/notifications/email"), 200);
        assertTrue(form.contains("name=\"deliveries.trainingNew\"") && form.contains("name=\"deliveries.coachingActions\""), "the agent's topics");
        assertFalse(form.contains("name=\"deliveries.monthlyReport\"") || form.contains("name=\"attachReports\""), "not HR's");
        assertTrue(form.contains("n1@shop.test"), "the profile address is named as the fallback");
        page(agent, io.micronaut.http.HttpRequest.POST("/notifications/email", Map.of("address", "li.na@shop.example", "language", "zh-CN",
                "deliveries.trainingNew", "digest", "_csrf", agent.csrf())).contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED), 303);
        String saved = page(agent, io.micronaut.http.HttpRequest.GET("/notifications/email?saved=1")
                .cookie(io.micronaut.http.cookie.Cookie.of("sc_lang", "zh-CN")), 200);
        assertTrue(saved.contains("id=\"email-saved\"") && saved.contains("邮件设置已保存"), saved);
        Map<String, Object> stored = api.get("agent.north", "/api/notifications/email").json();
        assertEquals("li.na@shop.example", stored.get("address"));
        assertEquals("zh-CN", stored.get("language"));
        assertTrue(String.valueOf(stored.get("topics")).contains("topic=trainingNew, delivery=digest"), String.valueOf(stored.get("topics")));
        String refused = page(agent, io.micronaut.http.HttpRequest.POST("/notifications/email", Map.of("address", "li.na@", "_csrf", agent.csrf()))
                .contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED), 422);
        assertTrue(refused.contains("id=\"e-address\""), "the error is on its field");

        smtp.stop();
        notifications.notify("agent.north", "coaching.overdue", "o:1", "/coaching/1", List.of("2026-12-01", "call back"));
        outbox.run();
        Api.BrowserSession admin = api.browser("admin");
        String log = page(admin, io.micronaut.http.HttpRequest.GET("/admin/email?status=pending"), 200);
        assertTrue(log.contains("id=\"email-log\"") && log.contains("li.na@shop.example") && log.contains("ConnectException"), log);
        assertTrue(log.contains("Pending: 1 · sent: 0 · failed: 0"), "counts by state");
        assertTrue(log.contains("href=\"/admin/email?status=pending&amp;user=&amp;sort=attempts,asc\""), "sortable, keeping the filter");
        long id = ((Number) api.get("admin", "/api/email/messages").content().get(0).get("id")).longValue();
        String one = page(admin, io.micronaut.http.HttpRequest.GET("/admin/email/" + id), 200);
        assertTrue(one.contains("你的辅导行动已于 2026-12-01 到期，仍未完成：call back"), "in the reader's language: " + one);
        page(admin, io.micronaut.http.HttpRequest.POST("/admin/email/test", Map.of("address", "ops@shop.example", "_csrf", admin.csrf()))
                .contentType(io.micronaut.http.MediaType.APPLICATION_FORM_URLENCODED), 303);
        assertTrue(page(admin, io.micronaut.http.HttpRequest.GET("/admin/email"), 200).contains("href=\"/admin/email\""), "in the menu");
        assertEquals(403, api.get("sup.north", "/api/email/messages").status());
    }
}
