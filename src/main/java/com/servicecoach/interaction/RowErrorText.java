package com.servicecoach.interaction;

import com.servicecoach.web.Messages;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rejected row's reason in the reader's language. Reasons are stored as the importer wrote them (English,
 * as the API and the rejected-rows CSV give them); each "field: reason" part is matched against the shapes
 * the reader and the importer write and told again from the {@code import.row.*} messages. A part of no
 * known shape is shown as stored. A test checks that every shape told in English reads exactly as stored.
 */
public final class RowErrorText {

    /** A reason's shape: its message key, and the pattern whose groups are the message's arguments. */
    private record Shape(String key, Pattern pattern) {
    }

    private static final String Q = "'(.*)'";

    /** The detail after "is not a valid date-time: ", after the ISO format and after "not valid CSV: ". */
    private static final List<Shape> DETAILS = List.of(
            shape("time.offset", "offset (\\S+) is out of range \\(-18:00 to \\+18:00\\)"),
            shape("time.yearBefore", "year (\\d+) is before (\\d+)"),
            shape("time.yearAfter", "year (\\d+) is after (\\d+)"),
            shape("time.month", "month (\\d+) does not exist"),
            shape("time.day", "day (\\d+) does not exist in (\\S+)"),
            shape("time.hour", "hour (\\d+) is out of range \\(00-23\\)"),
            shape("time.minute", "minute (\\d+) is out of range \\(00-59\\)"),
            shape("time.second", "second (\\d+) is out of range \\(00-59\\)"),
            shape("time.dateAlone", "a date alone needs a time"),
            shape("time.space", "a space instead of 'T'"),
            shape("time.lowerT", "the 'T' must be upper-case"),
            shape("time.seconds", "seconds are required"),
            shape("csv.tooLong", "record is longer than (\\d+) characters \\(unterminated quote\\?\\)"),
            shape("csv.unterminated", "unterminated quoted field \\(no closing quote before end of file\\)"),
            shape("csv.afterQuote", "text after the closing quote \\(a quote inside a quoted field must be doubled\\)"));

    /** What follows "field: ". */
    private static final List<Shape> REASONS = List.of(
            shape("csv", "not valid CSV: (.*)"),
            shape("required", "is required but empty"),
            shape("gbk", "contains bytes that are not valid UTF-8 \\(was the file saved as GBK, as Excel on Chinese Windows does\\? Import it again with the encoding GBK\\)"),
            shape("undecodable", "contains bytes that are not valid (\\S+)"),
            shape("undecodableFile", "contains bytes that are not valid in the file's character set"),
            shape("tooLong", "(\\d+) characters, longer than the (\\d+) allowed"),
            shape("control", "contains the control character (U\\+[0-9A-F]{4}) at position (\\d+) \\(identifiers are printable text\\)"),
            shape("notOneOf", Q + " is not one of (.*)"),
            shape("notWhole", Q + " is not a whole number"),
            shape("notCount", Q + " is not a count \\(a whole number from 0 to (\\d+)\\)"),
            shape("scale", Q + " is not 10 or 5"),
            shape("outside5", Q + " is outside the 1-5 scale \\(rating_scale 5\\)"),
            shape("outside", Q + " is outside the 1-(\\d+) scale"),
            shape("notIsoHint", Q + " is not an ISO-8601 date-time \\(([^)]*)\\): (.*)"),
            shape("notIso", Q + " is not an ISO-8601 date-time \\(([^)]*)\\)"),
            shape("invalidTime", Q + " is not a valid date-time: (.*)"),
            shape("before", "(\\S+) is before (created_at|first_response_at) (\\S+)"),
            shape("unknownAgent", "unknown employee number " + Q),
            shape("notYourAgent", Q + " is not an agent of a team you lead"),
            shape("notYourInteraction", Q + " \\(source '(.*)'\\) is an interaction of an agent of a team you do not lead"));

    private static final Shape FIELD_COUNT = shape("fieldCount", "row has (\\d+) fields? but the header has (\\d+) columns");
    private static final Pattern PART = Pattern.compile("([a-z_]+): (.*)", Pattern.DOTALL);
    /** Where one problem ends and the next begins: "; " before a column name and its colon. */
    private static final Pattern SEPARATOR = Pattern.compile("; (?=[a-z_]+: )");

    private final Messages messages;
    private final Locale locale;

    public RowErrorText(Messages messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    /** The stored reason {@code message} in this reader's language. */
    public String text(String message) {
        Matcher count = FIELD_COUNT.pattern().matcher(message);
        if (count.matches()) {
            return told(FIELD_COUNT, count);
        }
        List<String> parts = new ArrayList<>();
        for (String part : SEPARATOR.split(message, -1)) {
            parts.add(part(part));
        }
        return String.join(messages.get(locale, "import.row.and"), parts);
    }

    private String part(String part) {
        Matcher field = PART.matcher(part);
        if (!field.matches()) {
            return part;
        }
        String reason = field.group(2);
        for (Shape s : REASONS) {
            Matcher m = s.pattern().matcher(reason);
            if (m.matches()) {
                return messages.get(locale, "import.row.field", field.group(1), told(s, m));
            }
        }
        return part;
    }

    private String told(Shape s, Matcher m) {
        Object[] args = new Object[m.groupCount()];
        for (int i = 0; i < args.length; i++) {
            String g = m.group(i + 1);
            args[i] = g == null ? "" : g;
        }
        if (s == FIELD_COUNT) {
            args[0] = Integer.valueOf((String) args[0]);
        }
        if (s.key().equals("notIsoHint") || s.key().equals("invalidTime") || s.key().equals("csv")) {
            args[args.length - 1] = detail((String) args[args.length - 1]);
        }
        return messages.get(locale, "import.row." + s.key(), args);
    }

    private String detail(String detail) {
        for (Shape s : DETAILS) {
            Matcher m = s.pattern().matcher(detail);
            if (m.matches()) {
                return told(s, m);
            }
        }
        return detail;
    }

    private static Shape shape(String key, String regex) {
        return new Shape(key, Pattern.compile(regex, Pattern.DOTALL));
    }
}
