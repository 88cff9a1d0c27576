package com.servicecoach.settings;

import com.servicecoach.account.Viewer;
import com.servicecoach.scoring.BusinessCalendar;
import com.servicecoach.scoring.CaseTargets;
import com.servicecoach.scoring.Category;
import com.servicecoach.scoring.Channel;
import com.servicecoach.scoring.Priority;
import com.servicecoach.scoring.ScoringSettings;
import com.servicecoach.web.ConflictException;
import com.servicecoach.web.FieldError;
import com.servicecoach.web.ForbiddenException;
import com.servicecoach.web.InvalidInputException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The scoring settings in force: stored as versions in the database (the highest wins; none = metrics.md's
 * defaults, version 0), read by every scorecard, changed only by administrators. Each version carries a hash
 * of its content, shown with every scorecard so that a figure can be traced to the settings it used.
 */
@Singleton
public class ScoringSettingsService {

    /** The weekday keys of a calendar's opening hours, Monday first. */
    public static final List<String> WEEKDAYS = List.of("monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday");
    public static final String TWENTY_FOUR_SEVEN = "24x7";
    public static final String BUSINESS = "business";
    static final long MAX_TARGET_SECONDS = 366L * 24 * 3600;
    static final int MAX_WEIGHT = 1000;
    static final int MAX_MIN_RATED = 100_000;
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d|24:00");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** The settings in force, with the version stamp that scorecards record. */
    public record Current(int version, String hash, ScoringSettings settings, SettingsDocument document) {
        /**
         * What stored rollups depend on: the organization's zone (which day a contact belongs to) and the
         * channels' calendars (how durations are measured). Targets, weights and min-rated are applied when
         * figures are computed, so changing them needs no rebuild.
         */
        public String rollupKey() {
            // the stored days are of one tally format: a new format is a new key, so they are built again
            StringBuilder basis = new StringBuilder("tally" + com.servicecoach.scoring.Tally.FORMAT + "|" + settings.orgZone().getId());
            for (com.servicecoach.scoring.Channel c : com.servicecoach.scoring.Channel.values()) {
                SettingsDocument.ChannelSettings channel = document.channels() == null ? null : document.channels().get(c.code());
                basis.append('|').append(c.code()).append('=').append(channel == null ? null : channel.calendar());
            }
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                        .digest(basis.toString().getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        /** A short form of the hash for pages. */
        public String shortHash() {
            return hash.substring(0, 10);
        }
    }

    private final SettingsVersionRepository versions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Current defaults;
    private volatile Current cached;

    private final io.micronaut.context.event.ApplicationEventPublisher<SettingsChanged> changes;

    ScoringSettingsService(SettingsVersionRepository versions, ObjectMapper json, Clock clock,
                           io.micronaut.context.event.ApplicationEventPublisher<SettingsChanged> changes) {
        this.changes = changes;
        this.versions = versions;
        this.json = json;
        this.clock = clock;
        SettingsDocument doc = document(ScoringSettings.defaults());
        this.defaults = new Current(0, hash(doc), ScoringSettings.defaults(), doc.stamped(0, hash(doc), null, null));
    }

    /** The settings in force now (read from the database on each call; parsed once per version). */
    public Current current() {
        SettingsVersion latest = versions.findFirstOrderByVersionDesc().orElse(null);
        if (latest == null) {
            return defaults;
        }
        Current c = cached;
        if (c != null && c.version() == latest.version() && c.hash().equals(latest.hash())) {
            return c;
        }
        SettingsDocument doc = parse(latest.document());
        List<FieldError> errors = new ArrayList<>();
        ScoringSettings settings = toSettings(doc, errors);
        if (settings == null) {
            throw new IllegalStateException("Stored scoring settings version " + latest.version() + " are invalid: " + errors);
        }
        c = new Current(latest.version(), latest.hash(),
                settings, doc.stamped(latest.version(), latest.hash(), latest.savedBy(), latest.savedAt().toInstant(ZoneOffset.UTC)));
        cached = c;
        return c;
    }

    /** The defaults of metrics.md, as a document. */
    public SettingsDocument defaultsDocument() {
        return defaults.document();
    }

    /** Validates and stores new settings as the next version (administrators only). Same content = no new version. */
    @Transactional
    public Current save(Viewer viewer, SettingsDocument input) {
        if (!viewer.isAdmin()) {
            throw new ForbiddenException("Only administrators change the settings");
        }
        List<FieldError> errors = new ArrayList<>();
        ScoringSettings settings = toSettings(input, errors);
        if (!errors.isEmpty() || settings == null) {
            throw new InvalidInputException(errors);
        }
        SettingsDocument normal = normalise(input);
        String hash = hash(normal);
        Current now = current();
        if (now.hash().equals(hash)) {
            return now;
        }
        int next = now.version() + 1;
        if (versions.existsById(next)) {
            throw new ConflictException("The settings were changed at the same time by someone else: reload and try again");
        }
        versions.save(new SettingsVersion(next, write(normal), hash, viewer.username(),
                LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)));
        changes.publishEvent(new SettingsChanged(next));
        return current();
    }

    // ---- conversion -----------------------------------------------------------------------------

    /** The document of a settings object (calendars in the organization's zone are written with zone null). */
    static SettingsDocument document(ScoringSettings s) {
        Map<String, SettingsDocument.ChannelSettings> channels = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            BusinessCalendar cal = s.calendar(channel);
            SettingsDocument.Calendar calendar;
            if (cal.alwaysOpen()) {
                calendar = new SettingsDocument.Calendar(TWENTY_FOUR_SEVEN, null, null, List.of());
            } else {
                Map<String, SettingsDocument.Hours> hours = new LinkedHashMap<>();
                for (int d = 0; d < 7; d++) {
                    BusinessCalendar.OpeningHours h = cal.openingHours().get(DayOfWeek.of(d + 1));
                    hours.put(WEEKDAYS.get(d), h == null ? null : new SettingsDocument.Hours(h.open().toString(),
                            h.close().equals(LocalTime.MIDNIGHT) ? "24:00" : h.close().toString()));
                }
                calendar = new SettingsDocument.Calendar(BUSINESS, cal.zone().equals(s.orgZone()) ? null : cal.zone().getId(),
                        hours, new TreeSet<>(cal.holidays()).stream().map(LocalDate::toString).toList());
            }
            ScoringSettings.SlaTargets t = s.targets(channel);
            channels.put(channel.code(), new SettingsDocument.ChannelSettings(t.firstResponseSeconds(), t.resolutionSeconds(), calendar));
        }
        ScoringSettings.Weights w = s.weights();
        ScoringSettings.FigureTargets ft = s.figureTargets();
        return new SettingsDocument(null, null, null, null, s.orgZone().getId(), s.minRated(),
                new SettingsDocument.Weights(w.responsiveness(), w.resolution(), w.satisfaction(), w.knowledge(),
                        w.quality() == 0 ? null : w.quality()), channels,
                new SettingsDocument.Targets(ft.firstResponseSla(), ft.resolutionSla(), ft.csat(), storedQaTarget(ft.qaScore())),
                s.caseTargets().rules().stream().map(ScoringSettingsService::caseTarget).toList());
    }

    /** A rule as the document writes it: codes, and whole seconds (null where the rule gives no target). */
    private static SettingsDocument.CaseTarget caseTarget(CaseTargets.Rule r) {
        return new SettingsDocument.CaseTarget(r.channel() == null ? null : r.channel().code(),
                r.category() == null ? null : r.category().code(), r.priority() == null ? null : r.priority().code(),
                r.firstResponseSeconds() == null ? null : java.math.BigDecimal.valueOf(r.firstResponseSeconds()),
                r.resolutionSeconds() == null ? null : java.math.BigDecimal.valueOf(r.resolutionSeconds()));
    }

    /**
     * Checks a document and builds the settings; every problem is added to {@code errors} with the JSON path
     * of its field (e.g. {@code channels.email.calendar.hours.monday}). Returns null when there are problems.
     */
    static ScoringSettings toSettings(SettingsDocument d, List<FieldError> errors) {
        int before = errors.size();
        ZoneId orgZone = zone(d.organizationZone(), "organizationZone", true, errors);
        Integer minRated = d.minRated();
        if (minRated == null) {
            errors.add(FieldError.of("minRated", "settings.error.required"));
        } else if (minRated < 0 || minRated > MAX_MIN_RATED) {
            errors.add(FieldError.of("minRated", "settings.error.range", 0, MAX_MIN_RATED));
        }
        ScoringSettings.Weights weights = weights(d.weights(), errors);
        Map<Channel, ScoringSettings.SlaTargets> targets = new EnumMap<>(Channel.class);
        Map<Channel, BusinessCalendar> calendars = new EnumMap<>(Channel.class);
        Map<String, SettingsDocument.ChannelSettings> channels = d.channels() == null ? Map.of() : d.channels();
        if (d.channels() == null) {
            errors.add(FieldError.of("channels", "settings.error.required"));
        }
        for (String key : channels.keySet()) {
            if (Channel.fromCode(key).filter(c -> c.code().equals(key)).isEmpty()) {
                errors.add(FieldError.of("channels." + key, "settings.error.channel", key));
            }
        }
        for (Channel channel : Channel.values()) {
            String path = "channels." + channel.code();
            SettingsDocument.ChannelSettings c = channels.get(channel.code());
            if (c == null) {
                if (d.channels() != null) {
                    errors.add(FieldError.of(path, "settings.error.required"));
                }
                continue;
            }
            Long frt = target(c.firstResponseSeconds(), path + ".firstResponseSeconds", errors);
            Long res = target(c.resolutionSeconds(), path + ".resolutionSeconds", errors);
            if (frt != null && res != null) {
                targets.put(channel, new ScoringSettings.SlaTargets(frt, res));
            }
            BusinessCalendar calendar = calendar(c.calendar(), path + ".calendar", orgZone, errors);
            if (calendar != null) {
                calendars.put(channel, calendar);
            }
        }
        ScoringSettings.FigureTargets figureTargets = figureTargets(d.targets(), errors);
        CaseTargets caseTargets = caseTargets(d.caseTargets(), errors);
        if (errors.size() > before) {
            return null;
        }
        return new ScoringSettings(orgZone, calendars, targets, minRated, weights, figureTargets, caseTargets);
    }

    /**
     * The targets per case type (absent = none). Each rule's problems are reported at {@code caseTargets[i]} (the
     * rule as a whole: no category and no priority, no target, a second rule for the same case type) or at its field
     * ({@code caseTargets[i].category}, {@code caseTargets[i].firstResponseSeconds}, ...).
     */
    private static CaseTargets caseTargets(@Nullable List<SettingsDocument.CaseTarget> list, List<FieldError> errors) {
        if (list == null) {
            return CaseTargets.none();
        }
        int before = errors.size();
        List<CaseTargets.Rule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String path = "caseTargets[" + i + "]";
            SettingsDocument.CaseTarget t = list.get(i);
            if (t == null) {
                errors.add(FieldError.of(path, "settings.error.required"));
                continue;
            }
            int ruleBefore = errors.size();
            Channel channel = code(t.channel(), Channel::fromCode, path + ".channel", "settings.error.channel", errors);
            Category category = code(t.category(), Category::fromCode, path + ".category", "settings.error.category", errors);
            Priority priority = code(t.priority(), Priority::fromCode, path + ".priority", "settings.error.priority", errors);
            if (blank(t.category()) && blank(t.priority())) {
                errors.add(FieldError.of(path, "settings.error.caseTargetType"));
            }
            Long frt = wholeSeconds(t.firstResponseSeconds(), path + ".firstResponseSeconds", errors);
            Long res = wholeSeconds(t.resolutionSeconds(), path + ".resolutionSeconds", errors);
            if (t.firstResponseSeconds() == null && t.resolutionSeconds() == null) {
                errors.add(FieldError.of(path, "settings.error.caseTargetNone"));
            }
            if (errors.size() > ruleBefore) {
                continue;
            }
            CaseTargets.Rule rule = new CaseTargets.Rule(channel, category, priority, frt, res);
            if (rules.stream().anyMatch(rule::sameCase)) {
                errors.add(FieldError.of(path, "settings.error.caseTargetDuplicate"));
                continue;
            }
            rules.add(rule);
        }
        return errors.size() > before ? null : CaseTargets.of(rules);
    }

    /** An optional code (blank = any); an unknown one is reported with the code as given. */
    private static <T> @Nullable T code(@Nullable String code, Function<String, Optional<T>> lookup, String field, String key,
                                        List<FieldError> errors) {
        if (blank(code)) {
            return null;
        }
        Optional<T> found = lookup.apply(code);
        if (found.isEmpty()) {
            errors.add(FieldError.of(field, key, code.strip()));
            return null;
        }
        return found.get();
    }

    /** An optional target of a rule: whole seconds, within the range of the channels' targets. */
    private static @Nullable Long wholeSeconds(@Nullable java.math.BigDecimal v, String field, List<FieldError> errors) {
        if (v == null) {
            return null;
        }
        if (v.stripTrailingZeros().scale() > 0) {
            errors.add(FieldError.of(field, "settings.error.number", v.toPlainString()));
            return null;
        }
        if (v.compareTo(java.math.BigDecimal.ONE) < 0 || v.compareTo(java.math.BigDecimal.valueOf(MAX_TARGET_SECONDS)) > 0) {
            errors.add(FieldError.of(field, "settings.error.range", 1, MAX_TARGET_SECONDS));
            return null;
        }
        return v.longValueExact();
    }

    /** The figure targets: each a percentage 0-100 with at most one decimal; absent ones take the defaults. */
    private static ScoringSettings.FigureTargets figureTargets(@Nullable SettingsDocument.Targets t, List<FieldError> errors) {
        ScoringSettings.FigureTargets defaults = ScoringSettings.FigureTargets.defaults();
        if (t == null) {
            return defaults;
        }
        java.math.BigDecimal frt = percentTarget(t.firstResponseSla(), defaults.firstResponseSla(), "targets.firstResponseSla", errors);
        java.math.BigDecimal res = percentTarget(t.resolutionSla(), defaults.resolutionSla(), "targets.resolutionSla", errors);
        java.math.BigDecimal csat = percentTarget(t.csat(), defaults.csat(), "targets.csat", errors);
        java.math.BigDecimal qa = percentTarget(t.qaScore(), defaults.qaScore(), "targets.qaScore", errors);
        return frt == null || res == null || csat == null || qa == null ? null : new ScoringSettings.FigureTargets(frt, res, csat, qa);
    }

    private static java.math.BigDecimal percentTarget(@Nullable java.math.BigDecimal v, java.math.BigDecimal dflt, String field,
                                                      List<FieldError> errors) {
        if (v == null) {
            return dflt;
        }
        if (v.signum() < 0 || v.compareTo(java.math.BigDecimal.valueOf(100)) > 0 || v.stripTrailingZeros().scale() > 1) {
            errors.add(FieldError.of(field, "settings.error.targetPercent", v.toPlainString()));
            return null;
        }
        return v.stripTrailingZeros().scale() < 0 ? v.setScale(0) : v.stripTrailingZeros();
    }

    private static ScoringSettings.Weights weights(@Nullable SettingsDocument.Weights w, List<FieldError> errors) {
        if (w == null) {
            errors.add(FieldError.of("weights", "settings.error.required"));
            return null;
        }
        int before = errors.size();
        int r = weight(w.responsiveness(), "weights.responsiveness", errors);
        int s = weight(w.resolution(), "weights.resolution", errors);
        int t = weight(w.satisfaction(), "weights.satisfaction", errors);
        int k = weight(w.knowledge(), "weights.knowledge", errors);
        // quality (QA score %) is optional: absent, it is 0 and stays out of the composite
        int q = w.quality() == null ? 0 : weight(w.quality(), "weights.quality", errors);
        if (errors.size() > before) {
            return null;
        }
        if (r + s + t + k + q == 0) {
            errors.add(FieldError.of("weights", "settings.error.weightsZero"));
            return null;
        }
        return new ScoringSettings.Weights(r, s, t, k, q);
    }

    private static int weight(@Nullable Integer v, String field, List<FieldError> errors) {
        if (v == null) {
            errors.add(FieldError.of(field, "settings.error.required"));
            return 0;
        }
        if (v < 0 || v > MAX_WEIGHT) {
            errors.add(FieldError.of(field, "settings.error.range", 0, MAX_WEIGHT));
            return 0;
        }
        return v;
    }

    private static Long target(@Nullable Long v, String field, List<FieldError> errors) {
        if (v == null) {
            errors.add(FieldError.of(field, "settings.error.required"));
            return null;
        }
        if (v < 1 || v > MAX_TARGET_SECONDS) {
            errors.add(FieldError.of(field, "settings.error.range", 1, MAX_TARGET_SECONDS));
            return null;
        }
        return v;
    }

    private static ZoneId zone(@Nullable String id, String field, boolean required, List<FieldError> errors) {
        if (id == null || id.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "settings.error.required"));
            }
            return null;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            errors.add(FieldError.of(field, "settings.error.zone", id.strip()));
            return null;
        }
    }

    private static BusinessCalendar calendar(@Nullable SettingsDocument.Calendar c, String path, @Nullable ZoneId orgZone,
                                             List<FieldError> errors) {
        if (c == null || c.type() == null || c.type().isBlank()) {
            errors.add(FieldError.of(path + ".type", "settings.error.required"));
            return null;
        }
        String type = c.type().strip().toLowerCase(Locale.ROOT);
        if (type.equals(TWENTY_FOUR_SEVEN)) {
            return BusinessCalendar.twentyFourSeven();
        }
        if (!type.equals(BUSINESS)) {
            errors.add(FieldError.of(path + ".type", "settings.error.calendarType", c.type().strip()));
            return null;
        }
        int before = errors.size();
        ZoneId zone = zone(c.zone(), path + ".zone", false, errors);
        Map<String, SettingsDocument.Hours> hours = c.hours() == null ? Map.of() : c.hours();
        Map<DayOfWeek, BusinessCalendar.OpeningHours> opening = new EnumMap<>(DayOfWeek.class);
        for (String key : hours.keySet()) {
            if (!WEEKDAYS.contains(key)) {
                errors.add(FieldError.of(path + ".hours." + key, "settings.error.weekday", key));
            }
        }
        for (int d = 0; d < 7; d++) {
            String day = WEEKDAYS.get(d);
            SettingsDocument.Hours h = hours.get(day);
            if (h == null || (blank(h.open()) && blank(h.close()))) {
                continue;
            }
            String field = path + ".hours." + day;
            if (blank(h.open()) || blank(h.close())) {
                errors.add(FieldError.of(field, "settings.error.hoursPair"));
                continue;
            }
            String open = h.open().strip();
            String close = h.close().strip();
            if (!TIME.matcher(open).matches() || open.equals("24:00") || !TIME.matcher(close).matches()) {
                errors.add(FieldError.of(field, "settings.error.time"));
                continue;
            }
            LocalTime o = LocalTime.parse(open);
            LocalTime cl = close.equals("24:00") ? LocalTime.MIDNIGHT : LocalTime.parse(close);
            if (!close.equals("24:00") && !o.isBefore(cl)) {
                errors.add(FieldError.of(field, "settings.error.openBeforeClose", open, close));
                continue;
            }
            opening.put(DayOfWeek.of(d + 1), new BusinessCalendar.OpeningHours(o, cl));
        }
        if (opening.isEmpty() && errors.size() == before) {
            errors.add(FieldError.of(path + ".hours", "settings.error.noOpening"));
        }
        Set<LocalDate> holidays = new TreeSet<>();
        for (String text : c.holidays() == null ? List.<String>of() : c.holidays()) {
            String t = text == null ? "" : text.strip();
            try {
                if (!DATE.matcher(t).matches()) {
                    throw new DateTimeException("format");
                }
                holidays.add(LocalDate.parse(t));
            } catch (DateTimeException e) {
                errors.add(FieldError.of(path + ".holidays", "settings.error.holiday", t));
            }
        }
        if (errors.size() > before || orgZone == null && zone == null) {
            return null;
        }
        return BusinessCalendar.of(zone == null ? orgZone : zone, opening, holidays);
    }

    /** The document as stored: trimmed, 24x7 calendars without hours, business hours for all seven days, holidays sorted. */
    static SettingsDocument normalise(SettingsDocument d) {
        Map<String, SettingsDocument.ChannelSettings> channels = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            SettingsDocument.ChannelSettings c = d.channels().get(channel.code());
            SettingsDocument.Calendar cal = c.calendar();
            String type = cal.type().strip().toLowerCase(Locale.ROOT);
            SettingsDocument.Calendar normal;
            if (type.equals(TWENTY_FOUR_SEVEN)) {
                normal = new SettingsDocument.Calendar(TWENTY_FOUR_SEVEN, null, null, List.of());
            } else {
                Map<String, SettingsDocument.Hours> hours = new LinkedHashMap<>();
                for (String day : WEEKDAYS) {
                    SettingsDocument.Hours h = cal.hours() == null ? null : cal.hours().get(day);
                    hours.put(day, h == null || blank(h.open()) ? null : new SettingsDocument.Hours(h.open().strip(), h.close().strip()));
                }
                Set<String> holidays = new TreeSet<>();
                if (cal.holidays() != null) {
                    cal.holidays().forEach(s -> holidays.add(s.strip()));
                }
                normal = new SettingsDocument.Calendar(BUSINESS, blank(cal.zone()) ? null : ZoneId.of(cal.zone().strip()).getId(),
                        hours, List.copyOf(holidays));
            }
            channels.put(channel.code(), new SettingsDocument.ChannelSettings(c.firstResponseSeconds(), c.resolutionSeconds(), normal));
        }
        return new SettingsDocument(null, null, null, null, ZoneId.of(d.organizationZone().strip()).getId(), d.minRated(),
                normalWeights(d.weights()), channels, normalTargets(d.targets()),
                caseTargets(d.caseTargets(), new ArrayList<>()).rules().stream().map(ScoringSettingsService::caseTarget).toList());
    }

    /** The figure targets as stored: every one present (absent = the default), without trailing zeros. */
    private static SettingsDocument.Targets normalTargets(@Nullable SettingsDocument.Targets t) {
        ScoringSettings.FigureTargets f = figureTargets(t, new ArrayList<>());
        return new SettingsDocument.Targets(f.firstResponseSla(), f.resolutionSla(), f.csat(), storedQaTarget(f.qaScore()));
    }

    /** The weights as stored: quality absent when 0. */
    private static @Nullable SettingsDocument.Weights normalWeights(@Nullable SettingsDocument.Weights w) {
        return w == null || w.quality() == null || w.quality() != 0 ? w
                : new SettingsDocument.Weights(w.responsiveness(), w.resolution(), w.satisfaction(), w.knowledge(), null);
    }

    /** The QA target as stored: absent when it is the default. */
    private static java.math.BigDecimal storedQaTarget(java.math.BigDecimal t) {
        return t.compareTo(ScoringSettings.FigureTargets.DEFAULT_QA_SCORE) == 0 ? null : t;
    }

    private String hash(SettingsDocument d) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(write(d.content()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(SettingsDocument d) {
        try {
            return json.writeValueAsString(d.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SettingsDocument parse(String text) {
        try {
            return json.readValue(text, SettingsDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
