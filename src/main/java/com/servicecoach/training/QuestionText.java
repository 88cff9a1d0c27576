package com.servicecoach.training;

import com.servicecoach.question.TextFormat;
import jakarta.inject.Singleton;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/**
 * Renders a question's texts (question text, answers, feedback, general feedback) to safe HTML by their GIFT format:
 * {@code [html]} through an allow-list sanitiser (jsoup's relaxed list: formatting, lists, tables, {@code pre} and
 * {@code code}, links and images over http(s); no scripts, event handlers or {@code style}, which the
 * Content-Security-Policy forbids anyway), whitespace kept so {@code <pre>} keeps its indentation; {@code [markdown]}
 * through the lessons' {@link LessonRenderer} (raw HTML escaped, code blocks kept); {@code [plain]} and
 * {@code [moodle]} escaped, with line breaks as {@code <br>}.
 */
@Singleton
public class QuestionText {

    private static final Safelist SAFE = Safelist.relaxed().addAttributes("a", "rel").preserveRelativeLinks(false);
    private static final Document.OutputSettings OUTPUT = new Document.OutputSettings().prettyPrint(false);

    private final LessonRenderer markdown;

    QuestionText(LessonRenderer markdown) {
        this.markdown = markdown;
    }

    /** The text as HTML safe to put into a page unescaped. */
    public String html(String text, TextFormat format) {
        String t = text == null ? "" : text;
        return switch (format == null ? TextFormat.MOODLE : format) {
            case HTML -> Jsoup.clean(t, "", SAFE, OUTPUT);
            case MARKDOWN -> markdown.render(t).strip();
            case PLAIN, MOODLE -> escape(t).replace("\n", "<br>");
        };
    }

    /** The same, with the format named by its GIFT marker word ({@code "html"}, ...; moodle when unknown). */
    public String html(String text, String format) {
        return html(text, TextFormat.fromCode(format).orElse(TextFormat.MOODLE));
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
