package com.servicecoach.web;

import java.util.List;
import java.util.Locale;

/**
 * Charts drawn on the server as plain SVG, so the same picture appears in the page and in the PDF.
 * Every chart carries a title and text labels (readable without colour); values are drawn to scale.
 */
public final class SvgCharts {

    /** One labelled value of a bar chart, with its fill colour. */
    public record Bar(String label, double value, String color) {
    }

    /** One line of a line chart; null points are gaps. */
    public record Series(String name, List<Double> points, String color) {
    }

    private static final int WIDTH = 640;
    private static final String FONT = "font-family=\"ServiceCoach Sans, sans-serif\"";

    private SvgCharts() {
    }

    /** Vertical bars with their value written above each bar. */
    public static String bars(String title, List<Bar> bars, String valueSuffix) {
        int height = 260;
        int left = 40, right = 10, top = 30, bottom = 50;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double scale = max <= 0 ? 0 : (height - top - bottom) / max;
        int n = Math.max(1, bars.size());
        double slot = (WIDTH - left - right) / (double) n;
        double barWidth = Math.min(60, slot * 0.7);
        StringBuilder svg = open(height, title);
        line(svg, left, height - bottom, WIDTH - right, height - bottom, "#8c959f");
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = b.value() * scale;
            double x = left + i * slot + (slot - barWidth) / 2;
            double y = height - bottom - h;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s: %s%s</title></rect>",
                    x, y, barWidth, h, b.color(), esc(b.label()), number(b.value()), esc(valueSuffix)));
            text(svg, x + barWidth / 2, y - 4, number(b.value()) + valueSuffix, "middle", 11);
            text(svg, x + barWidth / 2, height - bottom + 16, b.label(), "middle", 11);
        }
        return svg.append("</svg>").toString();
    }

    /** Lines over labelled x positions (e.g. weeks), y from 0 to {@code maxY}. */
    public static String lines(String title, List<String> xLabels, List<Series> series, double maxY) {
        int height = 260;
        int left = 40, right = 28, top = 30, bottom = 60;
        int n = xLabels.size();
        double step = n <= 1 ? 0 : (WIDTH - left - right) / (double) (n - 1);
        double scale = maxY <= 0 ? 0 : (height - top - bottom) / maxY;
        StringBuilder svg = open(height, title);
        for (int g = 0; g <= 4; g++) {
            double v = maxY * g / 4;
            double y = height - bottom - v * scale;
            line(svg, left, y, WIDTH - right, y, g == 0 ? "#8c959f" : "#eaeef2");
            text(svg, left - 4, y + 4, number(v), "end", 10);
        }
        for (int i = 0; i < n; i++) {
            text(svg, left + i * step, height - bottom + 16, xLabels.get(i), "middle", 10);
        }
        int legendX = left;
        for (Series s : series) {
            StringBuilder path = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < s.points().size() && i < n; i++) {
                Double p = s.points().get(i);
                if (p == null) {
                    pen = false;
                    continue;
                }
                double x = left + i * step, y = height - bottom - p * scale;
                path.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
                pen = true;
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s: %s</title></circle>",
                        x, y, s.color(), esc(s.name()), esc(xLabels.get(i)), number(p)));
            }
            if (!path.isEmpty()) {
                svg.append("<path d=\"").append(path.toString().trim()).append("\" fill=\"none\" stroke=\"").append(s.color())
                        .append("\" stroke-width=\"2\"/>");
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>", legendX, height - 22, s.color()));
            text(svg, legendX + 14, height - 13, s.name(), "start", 11);
            legendX += 24 + textWidth(s.name(), 11);
        }
        return svg.append("</svg>").toString();
    }

    /**
     * Horizontal bars of percentages (0-100), one per labelled row, each with its value written after it, and each
     * row's target: one dashed vertical line named {@code targetLabel} when all rows have the same, else a red mark on
     * each row. A null value is drawn as no bar and the text {@code noValue}.
     */
    public static String percentRows(String title, List<String> labels, List<Double> values, List<Double> targets,
                                     String targetLabel, String noValue, String color) {
        Double target = targets.stream().distinct().count() == 1 ? targets.get(0) : null;
        int rowHeight = 24;
        int top = 44;
        int height = top + rowHeight * Math.max(1, labels.size()) + 24;
        int labelWidth = 8 + labels.stream().mapToInt(l -> textWidth(l, 11)).max().orElse(60);
        int left = Math.min(300, labelWidth);
        int right = 50;
        double scale = (WIDTH - left - right) / 100.0;
        StringBuilder svg = open(height, title);
        for (int g = 0; g <= 100; g += 25) {
            double x = left + g * scale;
            line(svg, x, top - 6, x, height - 24, g == 0 ? "#8c959f" : "#eaeef2");
            text(svg, x, height - 10, g + "%", "middle", 10);
        }
        for (int i = 0; i < labels.size(); i++) {
            double y = top + i * rowHeight;
            text(svg, left - 6, y + 13, labels.get(i), "end", 11);
            Double v = values.get(i);
            if (v == null) {
                text(svg, left + 4, y + 13, noValue, "start", 11);
                continue;
            }
            double w = v * scale;
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"16\" fill=\"%s\"><title>%s: %s%%</title></rect>",
                    left, y, w, color, esc(labels.get(i)), number(v)));
            text(svg, left + w + 4, y + 13, number(v) + "%", "start", 11);
        }
        for (int i = 0; target == null && i < labels.size(); i++) {
            double x = left + targets.get(i) * scale;
            double y = top + i * rowHeight;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#cf222e\" "
                    + "stroke-width=\"2\"><title>%s %s%%</title></line>", x, y - 3, x, y + 19, esc(targetLabel), number(targets.get(i))));
        }
        if (target != null) {
            double x = left + target * scale;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#cf222e\" "
                    + "stroke-width=\"1.5\" stroke-dasharray=\"4 3\"/>", x, top - 10, x, height - 24));
            text(svg, x, top - 14, targetLabel + " " + number(target) + "%", "middle", 10);
        }
        return svg.append("</svg>").toString();
    }

    /** About how wide a text is drawn: wide (CJK) characters take the full font size, others about 0.6 of it. */
    public static int textWidth(String text, int fontSize) {
        double w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            w += Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp >= 0x3000 && cp <= 0xFFEF ? fontSize : fontSize * 0.6;
            i += Character.charCount(cp);
        }
        return (int) Math.ceil(w);
    }

    private static StringBuilder open(int height, String title) {
        StringBuilder svg = new StringBuilder(2048);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height).append("\" role=\"img\" aria-label=\"")
                .append(esc(title)).append("\">");
        svg.append("<title>").append(esc(title)).append("</title>");
        text(svg, 0, 16, title, "start", 13);
        return svg;
    }

    private static void line(StringBuilder svg, double x1, double y1, double x2, double y2, String color) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1\"/>",
                x1, y1, x2, y2, color));
    }

    private static void text(StringBuilder svg, double x, double y, String text, String anchor, int size) {
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" %s fill=\"#1d2433\">%s</text>",
                x, y, anchor, size, FONT, esc(text)));
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
