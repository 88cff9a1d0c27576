package com.servicecoach.report.thresholds;

import com.servicecoach.account.Viewer;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and changes the report thresholds: the one thing HR may change (api.md "Access"). */
@Singleton
public class ThresholdService {

    /**
     * A change: percentages 0-100 with at most one decimal, or null or empty for "not checked"; every field
     * must be present (see {@link #change(Viewer, Map)}). Describes the API's body.
     */
    @Serdeable
    public record Change(@Nullable String csatMin, @Nullable String firstResponseMin, @Nullable String resolutionMin,
                         @Nullable String knowledgeMin, @Nullable String bottomPercent, @Nullable String belowTeamPoints) {
    }

    /** The thresholds a change must name, in this order. */
    static final List<String> FIELDS = List.of("csatMin", "firstResponseMin", "resolutionMin", "knowledgeMin");
    /** The relative flags, which a change may leave out (then they stay as they are). */
    static final List<String> RELATIVE = List.of("bottomPercent", "belowTeamPoints");

    private final ThresholdRepository thresholds;
    private final Clock clock;

    ThresholdService(ThresholdRepository thresholds, Clock clock) {
        this.thresholds = thresholds;
        this.clock = clock;
    }

    /** Until HR sets them: CSAT 70 %, first-response and resolution SLA 80 %, knowledge 60 %. */
    static final Thresholds DEFAULTS = new Thresholds(1, new BigDecimal("70.0"), new BigDecimal("80.0"),
            new BigDecimal("80.0"), new BigDecimal("60.0"), null, null, null, null);

    public Thresholds current() {
        return thresholds.findById(1).orElse(DEFAULTS);
    }

    /**
     * A change as the API and the form send it: every threshold named, each a percentage (a JSON number or
     * a string), or null or empty for "not checked". A missing threshold or an unknown field is refused (422),
     * so that {@code {}} or a misspelt name cannot clear thresholds unnoticed.
     */
    public Thresholds change(Viewer viewer, Map<String, ?> body) {
        requireSetter(viewer);
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        for (String field : FIELDS) {
            if (!body.containsKey(field)) {
                errors.add(FieldError.of(field, "report.threshold.required", field));
                continue;
            }
            read(field, body.get(field), values, errors);
        }
        Thresholds before = current();
        values.put("bottomPercent", before.bottomPercent() == null ? null : before.bottomPercent().toPlainString());
        values.put("belowTeamPoints", before.belowTeamPoints() == null ? null : before.belowTeamPoints().toPlainString());
        for (String field : RELATIVE) {
            if (!body.containsKey(field)) {
                continue;
            }
            read(field, body.get(field), values, errors);
        }
        for (String key : body.keySet()) {
            if (!FIELDS.contains(key) && !RELATIVE.contains(key)) {
                String name = key.length() > 64 ? key.substring(0, 61) + "..." : key;
                errors.add(FieldError.of(name, "report.threshold.unknown", name,
                        String.join(", ", FIELDS) + ", " + String.join(", ", RELATIVE)));
            }
        }
        return store(viewer, new Change(values.get("csatMin"), values.get("firstResponseMin"), values.get("resolutionMin"),
                values.get("knowledgeMin"), values.get("bottomPercent"), values.get("belowTeamPoints")), errors);
    }

    /** A field's value as text (a JSON number or string, or null); another kind of value is an error. */
    private static void read(String field, Object v, Map<String, String> values, List<FieldError> errors) {
        if (v == null || v instanceof String) {
            values.put(field, (String) v);
        } else if (v instanceof Number n) {
            values.put(field, n instanceof BigDecimal d ? d.toPlainString() : n.toString());
        } else {
            errors.add(FieldError.of(field, "report.threshold.type", field));
        }
    }

    private static void requireSetter(Viewer viewer) {
        if (!viewer.isHr() && !viewer.isAdmin()) {
            throw new ForbiddenException("Only HR and administrators set report thresholds");
        }
    }

    private Thresholds store(Viewer viewer, Change change, List<FieldError> errors) {
        BigDecimal csat = percent("csatMin", change.csatMin(), errors);
        BigDecimal frt = percent("firstResponseMin", change.firstResponseMin(), errors);
        BigDecimal res = percent("resolutionMin", change.resolutionMin(), errors);
        BigDecimal knowledge = percent("knowledgeMin", change.knowledgeMin(), errors);
        BigDecimal bottom = bounded("bottomPercent", change.bottomPercent(), new BigDecimal("50"), errors);
        BigDecimal belowTeam = bounded("belowTeamPoints", change.belowTeamPoints(), new BigDecimal("100"), errors);
        if (!errors.isEmpty()) {
            List<String> order = new ArrayList<>(FIELDS);
            order.addAll(RELATIVE);
            errors.sort(java.util.Comparator.comparingInt(e -> order.contains(e.field()) ? order.indexOf(e.field()) : order.size()));
            throw new InvalidInputException(errors);
        }
        Thresholds updated = new Thresholds(1, csat, frt, res, knowledge, viewer.username(),
                LocalDateTime.now(clock.withZone(ZoneOffset.UTC)), bottom, belowTeam);
        return thresholds.existsById(1) ? thresholds.update(updated) : thresholds.save(updated);
    }

    /** A relative flag's setting: more than 0 and at most {@code max}, with at most one decimal. */
    private static @Nullable BigDecimal bounded(String field, @Nullable String value, BigDecimal max, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(value.trim());
            if (v.signum() > 0 && v.compareTo(max) <= 0 && v.scale() <= 1) {
                return v.setScale(1, RoundingMode.UNNECESSARY);
            }
        } catch (NumberFormatException e) {
            // told below
        }
        errors.add(FieldError.of(field, "report.threshold.relativeRange", value.trim(), max.toPlainString()));
        return null;
    }

    private static @Nullable BigDecimal percent(String field, @Nullable String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            BigDecimal v = new BigDecimal(value.trim());
            if (v.compareTo(BigDecimal.ZERO) < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0 || v.scale() > 1) {
                errors.add(FieldError.of(field, "report.threshold.range", value.trim()));
                return null;
            }
            return v.setScale(1, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(field, "report.threshold.range", value.trim()));
            return null;
        }
    }
}
