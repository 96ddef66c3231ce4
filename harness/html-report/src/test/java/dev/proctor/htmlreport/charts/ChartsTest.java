package dev.proctor.htmlreport.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Row labels: XChart drops every tick label of an axis when two are equal, so the ticks between rows must get
 * distinct labels that draw nothing, and the rows their names (the first on top).
 */
class ChartsTest {
    @Test
    void rowsAreNamedTopDownAndTicksBetweenThemAreDistinctAndInvisible() {
        List<String> labels = List.of("best", "middle", "worst");
        assertEquals("best", Charts.label(labels, 2.0));
        assertEquals("middle", Charts.label(labels, 1.0));
        assertEquals("worst", Charts.label(labels, 0.0));
        Set<String> between = new HashSet<>();
        int ticks = 0;
        for (int tenth = -8; tenth < 28; tenth++) {
            if (tenth % 10 != 0) {
                String label = Charts.label(labels, tenth / 10.0);
                assertTrue(label.chars().allMatch(c -> c == '\u200B' || c == '\u200C'), "invisible: " + tenth);
                between.add(label);
                ticks++;
            }
        }
        assertEquals(ticks, between.size(), "one distinct label per tick between rows");
    }

    @Test
    void bestFirstFollowsTheMetricsDirectionAndPutsUndefinedLast() {
        List<Charts.Interval> rows = List.of(new Charts.Interval("low", 0.2, 0.1, 0.3),
                new Charts.Interval("none", Double.NaN, Double.NaN, Double.NaN),
                new Charts.Interval("high", 0.9, 0.8, 1.0));
        assertEquals(List.of("high", "low", "none"), Charts.Interval.bestFirst(rows, true).stream()
                .map(Charts.Interval::label).toList());
        assertEquals(List.of("low", "high", "none"), Charts.Interval.bestFirst(rows, false).stream()
                .map(Charts.Interval::label).toList());
    }
}
