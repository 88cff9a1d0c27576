package com.servicecoach.web;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The survey's horizontal percentage bars: drawn to scale, a missing value named, the targets marked. */
class SvgChartsTest {

    static double width(String svg, String label) {
        Matcher m = Pattern.compile("<rect x=\"\\d+\" y=\"[\\d.]+\" width=\"([\\d.]+)\" height=\"16\" fill=\"#123456\"><title>"
                + Pattern.quote(label) + ":").matcher(svg);
        assertTrue(m.find(), label + " in " + svg);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void barsAreToScaleAndOneCommonTargetIsOneLine() {
        String svg = SvgCharts.percentRows("Satisfied", List.of("Attitude", "Logistics", "Price"), Arrays.asList(50.0, 100.0, null),
                List.of(80.0, 80.0, 80.0), "target", "no answers", "#123456");
        assertEquals(2.0, width(svg, "Logistics") / width(svg, "Attitude"), 1e-9);
        assertTrue(svg.contains(">no answers</text>"), "a row without answers says so");
        assertEquals(1, svg.split("stroke-dasharray", -1).length - 1, "one dashed target line");
        assertTrue(svg.contains(">target 80%</text>"));
    }

    @Test
    void differentTargetsAreMarkedOnEachRow() {
        String svg = SvgCharts.percentRows("Satisfied", List.of("Attitude", "Logistics"), List.of(50.0, 90.0),
                List.of(70.0, 85.5), "target", "no answers", "#123456");
        assertEquals(0, svg.split("stroke-dasharray", -1).length - 1);
        assertTrue(svg.contains("<title>target 70%</title>") && svg.contains("<title>target 85.5%</title>"), svg);
        assertTrue(svg.contains("aria-label=\"Satisfied\""));
    }
}
