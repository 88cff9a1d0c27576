package com.servicecoach.survey;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.servicecoach.scoring.SurveyFigures;
import com.servicecoach.web.FieldError;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The survey customers answer (metrics.md "Customer surveys by dimension"): its dimensions in order, each with
 * English and Chinese wording, agent- or company-driven and its target (the satisfied % a gap is read against);
 * how many days a hosted link stays valid; and how many answers the public page takes from one client address
 * in an hour. Stored as canonical JSON, one version per save.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SurveyDefinition(List<Dimension> dimensions, Integer linkDays, Integer submissionsPerHour) {

    public static final String AGENT = "agent";
    public static final String COMPANY = "company";
    static final int MAX_DIMENSIONS = 20;
    static final int MAX_LINK_DAYS = 365;
    static final int MAX_SUBMISSIONS_PER_HOUR = 10_000;
    static final int MAX_WORDING = 120;
    /** A dimension's target unless the administrator sets another (metrics.md "Gaps": each survey dimension 80). */
    public static final BigDecimal DEFAULT_TARGET = new BigDecimal("80");
    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    /** One dimension; {@code driver} is {@code agent} or {@code company}, {@code target} a percentage 0-100. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Dimension(String code, String en, String zh, String driver, BigDecimal target) {

        public boolean agentDriven() {
            return AGENT.equals(driver);
        }

        /** The wording in a language ({@code zh} for Chinese, else English). */
        public String label(Locale locale) {
            return "zh".equals(locale.getLanguage()) ? zh : en;
        }
    }

    /** The reference survey (domain.md): nine dimensions, five agent-driven, links valid 14 days, 30 answers an hour. */
    public static SurveyDefinition reference() {
        BigDecimal t = DEFAULT_TARGET;
        return new SurveyDefinition(List.of(
                new Dimension("attitude", "Service attitude", "服务态度", AGENT, t),
                new Dimension("product_quality", "Product quality", "产品质量", COMPANY, t),
                new Dimension("price", "Price", "价格", COMPANY, t),
                new Dimension("complaint_handling", "Timeliness of complaint handling", "投诉处理及时性", AGENT, t),
                new Dimension("problem_solving", "Speed of problem solving", "问题解决速度", AGENT, t),
                new Dimension("return_handling", "Timeliness of return handling", "退换货处理及时性", AGENT, t),
                new Dimension("improvement", "Strength of improvement measures", "改进措施力度", COMPANY, t),
                new Dimension("communication", "Communication and cooperation", "沟通与配合", AGENT, t),
                new Dimension("logistics", "Logistics speed", "物流速度", COMPANY, t)), 14, 30);
    }

    /** The dimensions as the figures need them. */
    public List<SurveyFigures.Dimension> figureDimensions() {
        return dimensions.stream().map(d -> new SurveyFigures.Dimension(d.code(), d.agentDriven())).toList();
    }

    /** The dimension with this code, or null. */
    @Nullable
    public Dimension dimension(String code) {
        return dimensions.stream().filter(d -> d.code().equals(code)).findFirst().orElse(null);
    }

    /** The codes in order. */
    public List<String> codes() {
        return dimensions.stream().map(Dimension::code).toList();
    }

    /** Every problem of this definition, with the JSON path of its field (e.g. {@code dimensions[2].zh}). */
    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (dimensions == null || dimensions.isEmpty()) {
            errors.add(FieldError.of("dimensions", "survey.error.noDimensions"));
        } else if (dimensions.size() > MAX_DIMENSIONS) {
            errors.add(FieldError.of("dimensions", "survey.error.tooManyDimensions", MAX_DIMENSIONS));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < dimensions.size(); i++) {
                Dimension d = dimensions.get(i);
                String at = "dimensions[" + i + "]";
                if (d == null) {
                    errors.add(FieldError.of(at, "survey.error.required"));
                    continue;
                }
                if (d.code() == null || !CODE.matcher(d.code()).matches()) {
                    errors.add(FieldError.of(at + ".code", "survey.error.code"));
                } else if (!seen.add(d.code())) {
                    errors.add(FieldError.of(at + ".code", "survey.error.duplicateCode", d.code()));
                }
                wording(d.en(), at + ".en", errors);
                wording(d.zh(), at + ".zh", errors);
                if (!AGENT.equals(d.driver()) && !COMPANY.equals(d.driver())) {
                    errors.add(FieldError.of(at + ".driver", "survey.error.driver"));
                }
                if (d.target() == null || d.target().signum() < 0 || d.target().compareTo(BigDecimal.valueOf(100)) > 0
                        || d.target().stripTrailingZeros().scale() > 1) {
                    errors.add(FieldError.of(at + ".target", "survey.error.target"));
                }
            }
        }
        if (linkDays == null || linkDays < 1 || linkDays > MAX_LINK_DAYS) {
            errors.add(FieldError.of("linkDays", "survey.error.range", 1, MAX_LINK_DAYS));
        }
        if (submissionsPerHour == null || submissionsPerHour < 1 || submissionsPerHour > MAX_SUBMISSIONS_PER_HOUR) {
            errors.add(FieldError.of("submissionsPerHour", "survey.error.range", 1, MAX_SUBMISSIONS_PER_HOUR));
        }
        return errors;
    }

    private static void wording(String text, String field, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(FieldError.of(field, "survey.error.required"));
        } else if (text.strip().length() > MAX_WORDING) {
            errors.add(FieldError.of(field, "survey.error.tooLong", MAX_WORDING));
        }
    }

    /** The same definition with wording trimmed and targets without trailing zeros. */
    SurveyDefinition normalised() {
        return new SurveyDefinition(dimensions.stream().map(d -> new Dimension(d.code(), d.en().strip(), d.zh().strip(),
                d.driver(), d.target().stripTrailingZeros().setScale(Math.max(0, d.target().stripTrailingZeros().scale()))))
                .toList(), linkDays, submissionsPerHour);
    }
}
