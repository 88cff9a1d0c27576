package com.servicecoach.interaction;

import io.micronaut.core.annotation.Nullable;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A conversation as text, as the helpdesk exports it: one message per line that starts with a speaker and a colon
 * ({@code customer: ...}, {@code agent: ...}, {@code system: ...}, or in Chinese 客户 / 顾客 / 买家, 客服 / 坐席, 系统),
 * optionally after a time in brackets ({@code [10:03] customer: ...}, {@code [2026-12-02 10:03:15] agent: ...}).
 * Any other line continues the message before it, so a message may span several lines; text before the first
 * speaker (a helpdesk's own plain-text export) is kept as a note and shown as it is.
 *
 * <p>Stored deflated, at most {@value #MAX_BYTES} bytes of UTF-8 before compression.
 */
public final class Transcript {

    /** The most text a transcript may hold, in UTF-8 bytes (64 KiB). */
    public static final int MAX_BYTES = 65_536;

    /** Who wrote a message. */
    @io.micronaut.serde.annotation.Serdeable
    public enum Speaker {
        CUSTOMER, AGENT, SYSTEM, NOTE;

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One message: its speaker, the time as written (null when none) and its text (lines joined by newlines). */
    @io.micronaut.serde.annotation.Serdeable
    public record Message(Speaker speaker, @Nullable String time, String text) {
        public String speakerCode() {
            return speaker.code();
        }
    }

    private static final Map<String, Speaker> SPEAKERS = Map.ofEntries(
            Map.entry("customer", Speaker.CUSTOMER), Map.entry("client", Speaker.CUSTOMER), Map.entry("buyer", Speaker.CUSTOMER),
            Map.entry("客户", Speaker.CUSTOMER), Map.entry("顾客", Speaker.CUSTOMER), Map.entry("买家", Speaker.CUSTOMER),
            Map.entry("agent", Speaker.AGENT), Map.entry("support", Speaker.AGENT), Map.entry("客服", Speaker.AGENT),
            Map.entry("坐席", Speaker.AGENT), Map.entry("system", Speaker.SYSTEM), Map.entry("bot", Speaker.SYSTEM),
            Map.entry("系统", Speaker.SYSTEM), Map.entry("机器人", Speaker.SYSTEM));

    private static final Pattern LINE = Pattern.compile(
            "^\\s*(?:\\[([0-9:\\-/ T.+Z]{4,30})]\\s*)?([\\p{L}]{2,10})\\s*(?:\\(([0-9:]{4,8})\\)\\s*)?[:：]\\s?(.*)$");

    private Transcript() {
    }

    /**
     * Why the text cannot be stored as a transcript (too long, or a control character other than tab and line
     * breaks), or null when it can.
     */
    public static @Nullable String problem(String text) {
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            return String.format(Locale.ROOT, "is %,d bytes long; a transcript holds at most %,d bytes (64 KiB) of UTF-8 text",
                    bytes, MAX_BYTES);
        }
        int line = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                line++;
            } else if (Character.isISOControl(c) && c != '\t' && c != '\r') {
                return String.format(Locale.ROOT, "contains the control character U+%04X on its line %d", (int) c, line);
            }
        }
        if (text.isBlank()) {
            return "is empty";
        }
        return null;
    }

    /** The messages of a transcript, in order. */
    public static List<Message> parse(String text) {
        List<Message> out = new ArrayList<>();
        Speaker speaker = null;
        String time = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1)) {
            Matcher m = LINE.matcher(line);
            Speaker next = m.matches() ? SPEAKERS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
            if (next != null) {
                add(out, speaker, time, body);
                speaker = next;
                time = m.group(1) != null ? m.group(1).strip() : m.group(3);
                body.setLength(0);
                body.append(m.group(4).strip());
            } else {
                if (speaker == null) {
                    speaker = Speaker.NOTE;
                }
                if (!body.isEmpty() || !line.isBlank()) {
                    body.append(body.isEmpty() ? "" : "\n").append(line.stripTrailing());
                }
            }
        }
        add(out, speaker, time, body);
        return out;
    }

    private static void add(List<Message> out, @Nullable Speaker speaker, @Nullable String time, StringBuilder body) {
        String text = body.toString().strip();
        if (speaker != null && !text.isEmpty()) {
            out.add(new Message(speaker, time, text));
        }
    }

    /** The text deflated. */
    public static byte[] compress(String text) {
        byte[] raw = text.getBytes(StandardCharsets.UTF_8);
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(raw);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, raw.length / 3));
            byte[] buf = new byte[8192];
            while (!deflater.finished()) {
                out.write(buf, 0, deflater.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** The text of deflated bytes; refuses more than the stored limit (a damaged or foreign value). */
    public static String decompress(byte[] deflated) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(deflated);
            ByteArrayOutputStream out = new ByteArrayOutputStream(deflated.length * 3);
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalStateException("a stored transcript is truncated");
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw new IllegalStateException("a stored transcript is longer than " + MAX_BYTES + " bytes");
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new IllegalStateException("a stored transcript cannot be read: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
