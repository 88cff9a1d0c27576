package com.servicecoach.training.content;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.ArrayList;
import java.util.List;

/**
 * A figure a module addresses (module.yml {@code addresses}), optionally narrowed to one channel or one category
 * (metrics.md's slices are single channels and single categories, not crossed): for example CSAT on
 * {@code return_refund}, or first-response SLA on {@code email}, or a survey dimension ({@code survey:communication}). Gaps in that figure recommend the module, and
 * training impact is measured on it.
 */
@Serdeable
public record Addressed(String figure, @Nullable String channel, @Nullable String category) {

    /** The figures a module may address. */
    public static final List<String> FIGURES = List.of("first_response_sla", "resolution_sla", "csat");

    /** How an error names the allowed figures: the three above, or a survey dimension as {@code survey:<code>}. */
    static final List<String> FIGURES_AND_SURVEY = List.of("first_response_sla", "resolution_sla", "csat", "survey:<dimension code>");

    /** A survey dimension's figure ({@code survey:communication}): its satisfied %. */
    public static boolean isSurveyFigure(String figure) {
        return figure != null && figure.matches("survey:[a-z][a-z0-9_]{0,31}");
    }

    /** The dimension code of a survey figure ({@code survey:communication} -> {@code communication}), else null. */
    public String surveyDimension() {
        return isSurveyFigure(figure) ? figure.substring("survey:".length()) : null;
    }

    /** As stored: {@code figure/channel/category}, an absent part empty. */
    public String stored() {
        return figure + "/" + (channel == null ? "" : channel) + "/" + (category == null ? "" : category);
    }

    /** The entries {@link #stored} wrote, joined by ';'. */
    public static List<Addressed> parse(@Nullable String stored) {
        List<Addressed> out = new ArrayList<>();
        if (stored == null || stored.isBlank()) {
            return out;
        }
        for (String entry : stored.split(";")) {
            String[] p = entry.split("/", -1);
            out.add(new Addressed(p[0], p.length > 1 && !p[1].isEmpty() ? p[1] : null, p.length > 2 && !p[2].isEmpty() ? p[2] : null));
        }
        return out;
    }

    public static String store(List<Addressed> entries) {
        return String.join(";", entries.stream().map(Addressed::stored).toList());
    }
}
