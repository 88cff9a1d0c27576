package com.servicecoach.web;

import com.servicecoach.support.Api;
import com.servicecoach.support.HttpTest;
import com.servicecoach.training.TrainingContent;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pages speak to their readers: no settings hashes for non-administrators, the GBK hint in plain words, skill tags translated. */
@MicronautTest(transactional = false)
class WordingTest extends HttpTest {

    @Inject
    Messages messages;
    @Inject
    TrainingContent content;

    Api.Reply zh(String user, String path) {
        return api.send(user, HttpRequest.GET(path).header("Accept-Language", "zh-CN"));
    }

    @Test
    void scorecardsNameTheSettingsByTheirDateAndOnlyAdministratorsSeeVersionAndHash() {
        String agent = api.get("agent.north", "/scorecards/agents/N1").body();
        assertTrue(agent.contains("Computed with the default settings"), agent);
        assertFalse(agent.contains("settings version"), "no version and hash for an agent");
        assertTrue(api.get("admin", "/scorecards/agents/N1").body().contains("Computed with settings version 0 ("), "administrators see both");

        Map<String, Object> s = api.get("admin", "/api/settings").json();
        s.remove("version");
        s.remove("hash");
        s.remove("savedBy");
        s.remove("savedAt");
        s.put("minRated", 7);
        assertEquals(200, api.put("admin", "/api/settings", s).status());
        String saved = api.get("sup.north", "/scorecards/teams/North").body();
        Matcher m = Pattern.compile("Computed with the settings of ([A-Z][a-z]{2} \\d{1,2}, \\d{4})").matcher(saved);
        assertTrue(m.find(), saved);
        assertFalse(saved.contains("settings version 1"));
        assertTrue(zh("agent.north", "/scorecards/how").body().matches("(?s).*按 \\d{4}年\\d{1,2}月\\d{1,2}日 保存的设置计算.*"), "in Chinese");
    }

    @Test
    void theImportPagesExplainWhenToChooseGbkInPlainWords() {
        String page = api.get("sup.north", "/interactions/import").body();
        assertTrue(page.contains("Choose GBK for a file saved by Excel on Chinese Windows"), page);
        assertFalse(page.contains("charset=GBK"));
        assertTrue(zh("admin", "/agents/import").body().contains("中文 Windows 上用 Excel 保存的文件请选 GBK"));
    }

    @Test
    void everySkillTagOfTheCurriculumHasALabelInBothLanguagesAndTheModulePageShowsIt() throws IOException {
        List<String> tags = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("training-content"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("module.yml")).toList()) {
                Matcher m = Pattern.compile("(?m)^skills:\\s*\\[(.*)]").matcher(Files.readString(f));
                if (m.find()) {
                    for (String t : m.group(1).split(",")) {
                        tags.add(t.strip());
                    }
                }
            }
        }
        assertFalse(tags.isEmpty());
        for (String t : tags) {
            assertTrue(messages.has("training.skill." + t), "a label for skill " + t);
            String zh = messages.get(Messages.CHINESE, "training.skill." + t);
            assertTrue(zh.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "Chinese label for " + t + ": " + zh);
            assertFalse(messages.get(Locale.ENGLISH, "training.skill." + t).startsWith("training."));
        }
        content.reload();
        String zhPage = zh("agent.north", "/modules/greeting-attitude").body();
        assertTrue(zhPage.contains("data-skill=\"empathy\">同理心</span>") && zhPage.contains(">积极用语</span>"), zhPage);
        assertTrue(api.get("agent.north", "/modules/greeting-attitude").body().contains("data-skill=\"positive-language\">Positive language</span>"));
    }
}
