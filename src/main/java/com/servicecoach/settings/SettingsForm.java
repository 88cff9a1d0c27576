package com.servicecoach.settings;

import com.servicecoach.scoring.Channel;
import com.servicecoach.web.FieldError;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The settings page's form: one field per setting, named by its JSON path (e.g.
 * {@code channels.email.calendar.hours.monday.open}), so that validation errors land next to their field.
 * The targets per case type are rows {@code caseTargets[i]}: the saved rules and {@link #EMPTY_RULE_ROWS} empty
 * rows to add more; a row left empty, or marked to be removed, is no rule.
 */
final class SettingsForm {

    /** How many empty rule rows the page offers for new rules. */
    static final int EMPTY_RULE_ROWS = 3;
    private static final Pattern RULE_FIELD = Pattern.compile("caseTargets\\[(\\d{1,4})]\\.(.+)");
    private static final Pattern RULE_ERROR = Pattern.compile("caseTargets\\[(\\d+)](.*)");

    private SettingsForm() {
    }

    /** The form values of a document. */
    static Map<String, String> values(SettingsDocument d) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("organizationZone", nz(d.organizationZone()));
        v.put("minRated", nz(d.minRated()));
        v.put("weights.responsiveness", nz(d.weights().responsiveness()));
        v.put("weights.resolution", nz(d.weights().resolution()));
        v.put("weights.satisfaction", nz(d.weights().satisfaction()));
        v.put("weights.knowledge", nz(d.weights().knowledge()));
        v.put("weights.quality", d.weights().quality() == null ? "0" : nz(d.weights().quality()));
        SettingsDocument.Targets t = d.targets();
        v.put("targets.firstResponseSla", t == null || t.firstResponseSla() == null ? "" : t.firstResponseSla().toPlainString());
        v.put("targets.resolutionSla", t == null || t.resolutionSla() == null ? "" : t.resolutionSla().toPlainString());
        v.put("targets.csat", t == null || t.csat() == null ? "" : t.csat().toPlainString());
        v.put("targets.qaScore", t == null || t.qaScore() == null ? "" : t.qaScore().toPlainString());
        for (Channel channel : Channel.values()) {
            String p = "channels." + channel.code();
            SettingsDocument.ChannelSettings c = d.channels().get(channel.code());
            v.put(p + ".firstResponseSeconds", nz(c.firstResponseSeconds()));
            v.put(p + ".resolutionSeconds", nz(c.resolutionSeconds()));
            duration(v, p + ".firstResponse", c.firstResponseSeconds());
            duration(v, p + ".resolution", c.resolutionSeconds());
            SettingsDocument.Calendar cal = c.calendar();
            v.put(p + ".calendar.type", nz(cal.type()));
            v.put(p + ".calendar.zone", nz(cal.zone()));
            for (String day : ScoringSettingsService.WEEKDAYS) {
                SettingsDocument.Hours h = cal.hours() == null ? null : cal.hours().get(day);
                v.put(p + ".calendar.hours." + day + ".open", h == null ? "" : nz(h.open()));
                v.put(p + ".calendar.hours." + day + ".close", h == null ? "" : nz(h.close()));
            }
            v.put(p + ".calendar.holidays", cal.holidays() == null ? "" : String.join("\n", cal.holidays()));
        }
        List<SettingsDocument.CaseTarget> rules = d.caseTargets() == null ? List.of() : d.caseTargets();
        for (int i = 0; i < rules.size(); i++) {
            SettingsDocument.CaseTarget r = rules.get(i);
            String p = "caseTargets[" + i + "]";
            v.put(p + ".channel", nz(r.channel()));
            v.put(p + ".category", nz(r.category()));
            v.put(p + ".priority", nz(r.priority()));
            duration(v, p + ".firstResponse", r.firstResponseSeconds() == null ? null : r.firstResponseSeconds().longValueExact());
            duration(v, p + ".resolution", r.resolutionSeconds() == null ? null : r.resolutionSeconds().longValueExact());
        }
        return v;
    }

    /** How many rule rows a page shows for these values: every row they hold, and the empty rows when they hold none. */
    static int ruleRowCount(Map<String, String> values, boolean submitted) {
        int rows = 0;
        for (String name : values.keySet()) {
            Matcher m = RULE_FIELD.matcher(name);
            if (m.matches()) {
                rows = Math.max(rows, Integer.parseInt(m.group(1)) + 1);
            }
        }
        return submitted ? rows : rows + EMPTY_RULE_ROWS;
    }

    /** The form's rows that are rules, in order: the rows with something entered and not marked to be removed. */
    static List<Integer> ruleRows(Map<String, String> form) {
        TreeSet<Integer> rows = new TreeSet<>();
        for (String name : form.keySet()) {
            Matcher m = RULE_FIELD.matcher(name);
            if (m.matches()) {
                rows.add(Integer.parseInt(m.group(1)));
            }
        }
        List<Integer> rules = new ArrayList<>();
        for (int row : rows) {
            String p = "caseTargets[" + row + "]";
            boolean entered = text(form, p + ".channel") != null || text(form, p + ".category") != null
                    || text(form, p + ".priority") != null || text(form, p + ".firstResponse.amount") != null
                    || text(form, p + ".resolution.amount") != null;
            if (entered && text(form, p + ".remove") == null) {
                rules.add(row);
            }
        }
        return rules;
    }

    /**
     * The errors of a form's document with the rules' fields renamed from the document's index to the form's row
     * ({@code caseTargets[1].category} is the second rule, which may sit in the third row after an empty one).
     */
    static List<FieldError> onFormRows(List<FieldError> errors, List<Integer> ruleRows) {
        List<FieldError> renamed = new ArrayList<>();
        for (FieldError e : errors) {
            Matcher m = RULE_ERROR.matcher(e.field());
            int index = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            renamed.add(index >= 0 && index < ruleRows.size()
                    ? new FieldError("caseTargets[" + ruleRows.get(index) + "]" + m.group(2), e.key(), e.args()) : e);
        }
        return renamed;
    }

    /** A decimal field; empty is absent (the default), anything else that is no number an error. */
    private static java.math.BigDecimal decimal(Map<String, String> form, String field, List<FieldError> errors) {
        String v = text(form, field);
        if (v == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(v);
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "settings.error.targetPercent", v));
            return null;
        }
    }

    /** The document a submitted form describes; numbers that do not parse are reported in {@code errors}. */
    static SettingsDocument parse(Map<String, String> form, List<FieldError> errors) {
        Map<String, SettingsDocument.ChannelSettings> channels = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            String p = "channels." + channel.code();
            Map<String, SettingsDocument.Hours> hours = new LinkedHashMap<>();
            for (String day : ScoringSettingsService.WEEKDAYS) {
                String open = text(form, p + ".calendar.hours." + day + ".open");
                String close = text(form, p + ".calendar.hours." + day + ".close");
                hours.put(day, open == null && close == null ? null : new SettingsDocument.Hours(open, close));
            }
            String holidays = text(form, p + ".calendar.holidays");
            List<String> days = holidays == null ? List.of()
                    : Arrays.stream(holidays.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
            channels.put(channel.code(), new SettingsDocument.ChannelSettings(
                    seconds(form, p + ".firstResponse", errors), seconds(form, p + ".resolution", errors),
                    new SettingsDocument.Calendar(text(form, p + ".calendar.type"), text(form, p + ".calendar.zone"),
                            hours, new ArrayList<>(days))));
        }
        List<SettingsDocument.CaseTarget> rules = new ArrayList<>();
        List<Integer> rows = ruleRows(form);
        for (int i = 0; i < rows.size(); i++) {
            String p = "caseTargets[" + rows.get(i) + "]";
            // errors are named by the rule's index in the document, like those of the checks that follow
            List<FieldError> ruleErrors = new ArrayList<>();
            Long frt = seconds(form, p + ".firstResponse", ruleErrors);
            Long res = seconds(form, p + ".resolution", ruleErrors);
            ruleErrors.forEach(e -> errors.add(new FieldError(e.field().replace(p, "caseTargets[" + rules.size() + "]"), e.key(), e.args())));
            rules.add(new SettingsDocument.CaseTarget(text(form, p + ".channel"), text(form, p + ".category"), text(form, p + ".priority"),
                    frt == null ? null : java.math.BigDecimal.valueOf(frt), res == null ? null : java.math.BigDecimal.valueOf(res)));
        }
        Long minRated = number(form, "minRated", errors);
        return new SettingsDocument(null, null, null, null, text(form, "organizationZone"), integer(minRated, "minRated", errors),
                new SettingsDocument.Weights(
                        integer(number(form, "weights.responsiveness", errors), "weights.responsiveness", errors),
                        integer(number(form, "weights.resolution", errors), "weights.resolution", errors),
                        integer(number(form, "weights.satisfaction", errors), "weights.satisfaction", errors),
                        integer(number(form, "weights.knowledge", errors), "weights.knowledge", errors),
                        integer(number(form, "weights.quality", errors), "weights.quality", errors)),
                channels, new SettingsDocument.Targets(decimal(form, "targets.firstResponseSla", errors),
                        decimal(form, "targets.resolutionSla", errors), decimal(form, "targets.csat", errors),
                        decimal(form, "targets.qaScore", errors)), rules);
    }

    /** The units a target is entered in, with their length in seconds. */
    static final Map<String, Long> UNITS = Map.of("seconds", 1L, "minutes", 60L, "hours", 3600L);

    /** A target as amount and unit: the largest unit that holds it exactly (24 hours, 2 minutes, 90 seconds). */
    private static void duration(Map<String, String> v, String name, @Nullable Long seconds) {
        String unit = seconds == null || seconds == 0 ? "minutes" : seconds % 3600 == 0 ? "hours" : seconds % 60 == 0 ? "minutes" : "seconds";
        v.put(name + ".amount", seconds == null ? "" : String.valueOf(seconds / UNITS.get(unit)));
        v.put(name + ".unit", unit);
    }

    /**
     * A target in seconds, exactly: the amount times its unit ({@code name.amount}, {@code name.unit}: 1.5 hours is
     * 5400 seconds); a form (or script) without the amount may send the seconds themselves as {@code nameSeconds}.
     */
    private static @Nullable Long seconds(Map<String, String> form, String name, List<FieldError> errors) {
        String amount = text(form, name + ".amount");
        if (amount == null) {
            return number(form, name + "Seconds", errors);
        }
        Long unit = UNITS.get(String.valueOf(text(form, name + ".unit")));
        if (unit == null) {
            unit = 1L;
        }
        try {
            java.math.BigDecimal s = new java.math.BigDecimal(amount.replace(',', '.')).multiply(java.math.BigDecimal.valueOf(unit));
            if (s.stripTrailingZeros().scale() > 0) {
                errors.add(FieldError.of(name + "Seconds", "settings.error.wholeSeconds", amount));
                return null;
            }
            return s.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(FieldError.of(name + "Seconds", "settings.error.amount", amount));
            return null;
        }
    }

    private static @Nullable String text(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static @Nullable Long number(Map<String, String> form, String name, List<FieldError> errors) {
        String v = text(form, name);
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(name, "settings.error.number", v));
            return null;
        }
    }

    private static @Nullable Integer integer(@Nullable Long v, String name, List<FieldError> errors) {
        if (v == null) {
            return null;
        }
        if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
            errors.add(FieldError.of(name, "settings.error.number", v));
            return null;
        }
        return v.intValue();
    }

    private static String nz(@Nullable Object o) {
        return o == null ? "" : String.valueOf(o);
    }
}
