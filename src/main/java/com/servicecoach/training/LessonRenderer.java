package com.servicecoach.training;

import jakarta.inject.Singleton;

import java.util.List;
import org.commonmark.node.Link;
import org.commonmark.node.Image;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders lesson Markdown to HTML with commonmark, sanitised: raw HTML in the Markdown (blocks and inline
 * tags) is escaped and shown as text, never passed through; link and image addresses other than http(s),
 * mailto and relative ones (javascript:, data:, ...) are emptied; links open with rel="noopener".
 */
@Singleton
public class LessonRenderer {

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
            .attributeProviderFactory(context -> (AttributeProvider) (node, tag, attributes) -> {
                if (node instanceof Link) {
                    attributes.put("rel", "noopener noreferrer");
                }
                if (node instanceof Image) {
                    attributes.put("loading", "lazy");
                }
            })
            .build();

    public String render(String markdown) {
        return renderer.render(parser.parse(markdown == null ? "" : markdown));
    }
}
