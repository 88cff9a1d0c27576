package com.servicecoach.csv;

import com.servicecoach.web.BadRequestException;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The encodings CSV imports accept: UTF-8 (with or without BOM, the default) and GBK. */
public final class CsvCharsets {

    private CsvCharsets() {
    }

    public static Charset parse(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        return switch (name.trim().toUpperCase(Locale.ROOT)) {
            case "UTF-8", "UTF8" -> StandardCharsets.UTF_8;
            case "GBK", "GB2312", "CP936" -> Charset.forName("GBK");
            default -> throw new BadRequestException("charset must be UTF-8 or GBK");
        };
    }
}
