package com.servicecoach.report.rendering;

import com.servicecoach.web.SvgCharts;

import com.servicecoach.scoring.RatingBands;
import com.servicecoach.report.building.PerformanceReport;
import com.servicecoach.web.Formats;
import com.servicecoach.scoring.Scorecard;
import com.servicecoach.scoring.RatingBand;
import com.servicecoach.web.Messages;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The template model of a report, shared by the page and the documents (PDF, HTML file): the report, how to
 * write its figures, its charts drawn as SVG on the server (they appear in the PDF) and the same data for the
 * page's interactive Chart.js charts.
 */
@Singleton
public class ReportView {

    static final String[] BAND_COLORS = {"#1a7f37", "#54ae76", "#d4a72c", "#e16f24", "#cf222e"};
    static final String FRT_COLOR = "#1f6feb";
    static final String[] LINE_COLORS = {"#1f6feb", "#9a6700", "#1a7f37", "#8250df"};

    private final Messages messages;
    private final ObjectMapper json;

    ReportView(Messages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** The model; {@code interactive} for the page (Chart.js, folding appendix), false for documents. */
    public Map<String, Object> model(PerformanceReport r, Locale locale, boolean interactive) {
        ZoneId zone = ZoneId.of(r.settings().organizationZone());
        Formats fmt = new Formats(messages, locale, zone);
        Map<String, Object> model = new HashMap<>();
        model.put("r", r);
        model.put("fmt", fmt);
        model.put("rt", new ReportText(messages, locale, fmt, zone));
        model.put("interactive", interactive);
        model.put("bandCodes", Arrays.stream(RatingBand.values()).map(RatingBand::code).toList());
        model.put("query", query(r));
        Charts c = charts(r, locale);
        model.put("svg", c.svg());
        model.put("chartJson", c.json());
        return model;
    }

    /** The query string of the report's period and scope. */
    static String query(PerformanceReport r) {
        return "from=" + r.period().from() + "&to=" + r.period().to()
                + (r.team() == null ? "" : "&team=" + URLEncoder.encode(r.team(), StandardCharsets.UTF_8));
    }

    private record Charts(Map<String, String> svg, String json) {
    }

    private Charts charts(PerformanceReport r, Locale locale) {
        RatingBands b = r.charts().bands();
        int[] bandCounts = {b.verySatisfied(), b.satisfied(), b.neutral(), b.dissatisfied(), b.veryDissatisfied()};
        RatingBand[] bands = RatingBand.values();
        List<SvgCharts.Bar> bandBars = new ArrayList<>();
        List<String> bandLabels = new ArrayList<>();
        for (int i = 0; i < bands.length; i++) {
            String label = messages.get(locale, "band." + bands[i].code());
            bandLabels.add(label);
            bandBars.add(new SvgCharts.Bar(label, bandCounts[i], BAND_COLORS[i]));
        }
        List<SvgCharts.Bar> frtBars = new ArrayList<>();
        List<String> frtLabels = new ArrayList<>();
        List<Integer> frtCounts = new ArrayList<>();
        for (PerformanceReport.FrtBucket bucket : r.charts().firstResponseTimes()) {
            String label = messages.get(locale, "report.frt." + bucket.key());
            frtLabels.add(label);
            frtCounts.add(bucket.count());
            frtBars.add(new SvgCharts.Bar(label, bucket.count(), FRT_COLOR));
        }
        List<String> weekLabels = new ArrayList<>();
        List<Integer> weekInteractions = new ArrayList<>();
        List<Double> firstResponse = new ArrayList<>();
        List<Double> resolution = new ArrayList<>();
        List<Double> csat = new ArrayList<>();
        List<Double> composite = new ArrayList<>();
        for (PerformanceReport.WeekPoint w : r.charts().weeks()) {
            // a week the period cuts short holds fewer days: named partial, so its lower count is not read as a dip
            boolean partial = java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.parse(w.from()), java.time.LocalDate.parse(w.to())) < 6;
            weekLabels.add(w.from().substring(5) + (partial ? " (" + messages.get(locale, "scorecard.partialWeek") + ")" : ""));
            weekInteractions.add(w.interactions());
            firstResponse.add(d(w.firstResponseSlaPercent()));
            resolution.add(d(w.resolutionSlaPercent()));
            csat.add(d(w.csatPercent()));
            composite.add(d(w.compositeScore()));
        }
        String[] seriesKeys = {"scorecard.firstResponseSla", "scorecard.resolutionSla", "scorecard.csat", "scorecard.composite"};
        List<List<Double>> seriesData = List.of(firstResponse, resolution, csat, composite);
        List<SvgCharts.Series> series = new ArrayList<>();
        List<Map<String, Object>> seriesJson = new ArrayList<>();
        for (int i = 0; i < seriesKeys.length; i++) {
            String name = messages.get(locale, seriesKeys[i]);
            series.add(new SvgCharts.Series(name, seriesData.get(i), LINE_COLORS[i]));
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("label", name);
            s.put("data", seriesData.get(i));
            s.put("color", LINE_COLORS[i]);
            seriesJson.add(s);
        }
        Map<String, String> svg = new HashMap<>();
        svg.put("bands", SvgCharts.bars(messages.get(locale, "report.chart.bands"), bandBars, ""));
        svg.put("frt", SvgCharts.bars(messages.get(locale, "report.chart.frt"), frtBars, ""));
        svg.put("weeks", SvgCharts.lines(messages.get(locale, "report.chart.weeks"), weekLabels, series, 100));

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bands", Map.of("labels", bandLabels, "counts", Arrays.stream(bandCounts).boxed().toList(),
                "colors", List.of(BAND_COLORS)));
        data.put("frt", Map.of("labels", frtLabels, "counts", frtCounts, "color", FRT_COLOR));
        data.put("weeks", Map.of("labels", weekLabels, "interactions", weekInteractions, "series", seriesJson,
                "interactionsLabel", messages.get(locale, "scorecard.interactions")));
        try {
            // safe inside <script>: no "</script>" can be formed
            return new Charts(svg, json.writeValueAsString(data).replace("<", "\\u003c"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Double d(BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }
}
