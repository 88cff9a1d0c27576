package com.servicecoach.question;

import java.util.ArrayList;
import java.util.List;

/**
 * The text of one GIFT question block with its escapes resolved: every character remembers whether it was
 * escaped (so it is never a control character), the line it came from, and whether it is whitespace at the
 * start or end of a physical line ("soft"). {@link Seg#text()} leaves soft whitespace out (the lines read
 * trimmed, as for plain and moodle text); {@link Seg#raw()} keeps it, for HTML and Markdown where
 * indentation means something ({@code <pre>}, code blocks). Moodle's importer keeps the lines untrimmed too.
 */
final class GiftText {

    private final char[] ch;
    private final boolean[] esc;
    private final int[] line;
    private final boolean[] soft;
    private final int firstLine;

    private GiftText(char[] ch, boolean[] esc, int[] line, boolean[] soft, int firstLine) {
        this.ch = ch;
        this.esc = esc;
        this.line = line;
        this.soft = soft;
        this.firstLine = firstLine;
    }

    /** Builds the text from lines as they stand in the file (untrimmed), joined by '\n'. */
    static GiftText of(List<Integer> lineNumbers, List<String> lines) {
        StringBuilder sb = new StringBuilder();
        List<Boolean> e = new ArrayList<>();
        List<Integer> l = new ArrayList<>();
        List<Boolean> w = new ArrayList<>();
        for (int k = 0; k < lines.size(); k++) {
            String s = lines.get(k);
            int no = lineNumbers.get(k);
            if (k > 0) {
                sb.append('\n');
                e.add(false);
                l.add(lineNumbers.get(k - 1));
                w.add(false);
            }
            int start = 0;
            while (start < s.length() && Character.isWhitespace(s.charAt(start))) {
                start++;
            }
            int end = s.length();
            while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
                end--;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\' && i + 1 < end) {
                    char n = s.charAt(i + 1);
                    if ("\\~=#{}:".indexOf(n) >= 0 || n == 'n') {
                        sb.append(n == 'n' ? '\n' : n);
                        e.add(true);
                        l.add(no);
                        w.add(false);
                        i++;
                        continue;
                    }
                }
                sb.append(c);
                e.add(false);
                l.add(no);
                w.add(i < start || i >= end);
            }
        }
        char[] chars = sb.toString().toCharArray();
        boolean[] escaped = new boolean[chars.length];
        int[] lines2 = new int[chars.length];
        boolean[] soft = new boolean[chars.length];
        for (int i = 0; i < chars.length; i++) {
            escaped[i] = e.get(i);
            lines2[i] = l.get(i);
            soft[i] = w.get(i);
        }
        return new GiftText(chars, escaped, lines2, soft, lineNumbers.isEmpty() ? 1 : lineNumbers.get(0));
    }

    Seg all() {
        return new Seg(0, ch.length);
    }

    /** A piece of an answer block: the control character that opened it (0 for text before any) and its text. */
    record Piece(char marker, int markerLine, Seg seg) {
        int line() {
            return seg.isBlank() ? markerLine : seg.trim().line();
        }
    }

    /** A slice [a, b) of the text. Positions given to and returned by its methods are relative to a. */
    final class Seg {
        final int a;
        final int b;

        Seg(int a, int b) {
            this.a = a;
            this.b = Math.max(a, b);
        }

        int length() {
            return b - a;
        }

        boolean isEmpty() {
            return a >= b;
        }

        boolean isBlank() {
            return trim().isEmpty();
        }

        /** The text, escapes resolved, each physical line trimmed (soft whitespace left out). */
        String text() {
            StringBuilder sb = new StringBuilder(b - a);
            for (int i = a; i < b; i++) {
                if (!soft[i]) {
                    sb.append(ch[i]);
                }
            }
            return sb.toString();
        }

        /** The text, escapes resolved, with the whitespace around its physical lines kept. */
        String raw() {
            return new String(ch, a, b - a);
        }

        /** True when position i holds the control character c (not escaped). */
        boolean isControl(int i, char c) {
            int p = a + i;
            return p >= a && p < b && ch[p] == c && !esc[p];
        }

        int find(char c) {
            return find(c, 0);
        }

        int find(char c, int from) {
            for (int i = a + Math.max(0, from); i < b; i++) {
                if (ch[i] == c && !esc[i]) {
                    return i - a;
                }
            }
            return -1;
        }

        int find(String s) {
            for (int i = a; i + s.length() <= b; i++) {
                if (matchesAt(i, s)) {
                    return i - a;
                }
            }
            return -1;
        }

        int findLast(String s) {
            for (int i = b - s.length(); i >= a; i--) {
                if (matchesAt(i, s)) {
                    return i - a;
                }
            }
            return -1;
        }

        private boolean matchesAt(int i, String s) {
            for (int k = 0; k < s.length(); k++) {
                if (ch[i + k] != s.charAt(k) || esc[i + k]) {
                    return false;
                }
            }
            return true;
        }

        boolean startsWith(String s) {
            return length() >= s.length() && matchesAt(a, s);
        }

        Seg sub(int from) {
            return sub(from, length());
        }

        Seg sub(int from, int to) {
            int f = Math.min(Math.max(0, from), length());
            int t = Math.min(Math.max(f, to), length());
            return new Seg(a + f, a + t);
        }

        Seg trim() {
            int s = a;
            int e = b;
            while (s < e && Character.isWhitespace(ch[s])) {
                s++;
            }
            while (e > s && Character.isWhitespace(ch[e - 1])) {
                e--;
            }
            return new Seg(s, e);
        }

        Seg trimStart() {
            int s = a;
            while (s < b && Character.isWhitespace(ch[s])) {
                s++;
            }
            return new Seg(s, b);
        }

        /** Line of position i (clamped into the text). */
        int lineAt(int i) {
            if (ch.length == 0) {
                return firstLine;
            }
            int p = Math.min(Math.max(a + i, 0), ch.length - 1);
            return line[p];
        }

        /** Line of the first character. */
        int line() {
            return lineAt(0);
        }

        /** Splits at every control character among {@code markers}; the first piece has marker 0. */
        List<Piece> split(String markers) {
            List<Piece> out = new ArrayList<>();
            char marker = 0;
            int markerLine = line();
            int start = a;
            for (int i = a; i < b; i++) {
                if (!esc[i] && markers.indexOf(ch[i]) >= 0) {
                    out.add(new Piece(marker, markerLine, new Seg(start, i)));
                    marker = ch[i];
                    markerLine = line[i];
                    start = i + 1;
                }
            }
            out.add(new Piece(marker, markerLine, new Seg(start, b)));
            return out;
        }

        @Override
        public String toString() {
            return text();
        }
    }
}
