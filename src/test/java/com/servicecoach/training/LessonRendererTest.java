package com.servicecoach.training;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Lessons are Markdown rendered to HTML without letting any HTML of the lesson through. */
class LessonRendererTest {

    final LessonRenderer renderer = new LessonRenderer();

    @Test
    void rendersMarkdown() {
        assertEquals("<h1>Title</h1>\n<p>Be <strong>warm</strong> and <em>quick</em>.</p>\n<ul>\n<li>one</li>\n</ul>\n",
                renderer.render("# Title\n\nBe **warm** and *quick*.\n\n- one\n"));
    }

    @Test
    void rawHtmlBlocksAreEscapedNotPassedThrough() {
        String html = renderer.render("# Lesson\n\n<script>alert('x')</script>\n\n<div onclick=\"steal()\">hi</div>\n");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<div"), html);
        assertTrue(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"), html);
    }

    @Test
    void inlineHtmlIsEscaped() {
        String html = renderer.render("Click <img src=x onerror=alert(1)> or <a href=\"javascript:x()\">here</a>.");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<a href=\"javascript"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
    }

    @Test
    void dangerousLinkAddressesAreEmptiedAndSafeOnesKept() {
        String bad = renderer.render("[press](javascript:alert(1)) and ![pic](data:text/html;base64,PHNjcmlwdD4=)");
        assertFalse(bad.contains("javascript:"), bad);
        assertTrue(bad.contains("href=\"\""), bad);
        assertFalse(bad.contains("data:"), bad);
        String good = renderer.render("[policy](https://shop.example/returns) and [mail](mailto:help@shop.example)");
        assertTrue(good.contains("<a rel=\"noopener noreferrer\" href=\"https://shop.example/returns\">policy</a>"), good);
        assertTrue(good.contains("href=\"mailto:help@shop.example\""), good);
    }

    @Test
    void codeIsShownAsText() {
        assertEquals("<p>Type <code>&lt;b&gt;</code> to bold.</p>\n", renderer.render("Type `<b>` to bold."));
    }
}
