package dev.proctor.htmlreport.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's chart kinds, built with XChart and one look: white, grid light, series in a fixed palette. */
public final class Charts {
    private static final Color INK = new Color(0x1f4e79);
    private static final Color WHISKER = new Color(0x7f9fbf);
    private static final int WIDTH = 860;
    private static final int ROW = 24;
    private static final int HALF = 560;

    private Charts() {
    }

    /** One row of an intervals chart: a value and its interval (NaN where undefined). */
    public record Interval(String label, double value, double low, double high) {
        /** The rows best first (highest, or lowest where lower is better), undefined values last. */
        public static List<Interval> bestFirst(List<Interval> rows, boolean higherIsBetter) {
            double sign = higherIsBetter ? -1 : 1;
            List<Interval> sorted = new ArrayList<>(rows);
            sorted.sort(Comparator.comparingDouble(r -> Double.isNaN(r.value()) ? Double.MAX_VALUE : sign * r.value()));
            return sorted;
        }
    }

    /**
     * Each row's value with its interval as a horizontal whisker, one row per interval in the order given (best
     * first), labels on the y axis.
     */
    public static XYChart intervals(String title, String metric, List<Interval> rows) {
        List<String> labels = rows.stream().map(Interval::label).toList();
        double[] values = rows.stream().mapToDouble(Interval::value).toArray();
        double[] low = rows.stream().mapToDouble(Interval::low).toArray();
        double[] high = rows.stream().mapToDouble(Interval::high).toArray();
        int n = labels.size();
        XYChart chart = rows(title, metric + " (95% CI)", labels);
        chart.getStyler().setXAxisDecimalPattern("0.0##");
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(low[i]) || Double.isNaN(high[i])) {
                continue;
            }
            double y = n - 1 - i;
            XYSeries whisker = chart.addSeries("ci " + i, new double[] {low[i], high[i]}, new double[] {y, y});
            whisker.setMarker(SeriesMarkers.NONE);
            whisker.setLineColor(WHISKER);
            whisker.setLineStyle(new BasicStroke(2f));
        }
        int defined = 0;
        for (double v : values) {
            defined += Double.isNaN(v) ? 0 : 1;
        }
        double[] x = new double[defined];
        double[] y = new double[defined];
        for (int i = 0, k = 0; i < n; i++) {
            if (!Double.isNaN(values[i])) {
                x[k] = values[i];
                y[k++] = n - 1 - i;
            }
        }
        XYSeries points = chart.addSeries(metric, x, y);
        points.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(INK);
        return chart;
    }

    /** Curves (ROC, precision-recall) on [0, 1] x [0, 1], one series each, legend on. */
    public static XYChart curves(String title, String xTitle, String yTitle, Map<String, double[][]> series) {
        XYChart chart = xy(title, xTitle, yTitle);
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setXAxisTickMarkSpacingHint(60);
        series.forEach((name, xy) -> {
            XYSeries s = chart.addSeries(name, xy[0], xy[1]);
            s.setMarker(SeriesMarkers.NONE);
        });
        return chart;
    }

    /** Points, one series each (no lines), axes from the data. */
    public static XYChart scatter(String title, String xTitle, String yTitle, Map<String, double[][]> series) {
        XYChart chart = xy(title, xTitle, yTitle);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        series.forEach((name, xy) -> {
            if (xy[0].length > 0) {
                chart.addSeries(name, xy[0], xy[1]);
            }
        });
        return chart;
    }

    /** Lines with their points marked, axes from the data (a curve over k, with the chosen point its own series). */
    public static XYChart line(String title, String xTitle, String yTitle, Map<String, double[][]> series) {
        XYChart chart = xy(title, xTitle, yTitle);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        series.forEach((name, xy) -> chart.addSeries(name, xy[0], xy[1]).setMarker(SeriesMarkers.CIRCLE));
        return chart;
    }

    /** One dot per label, in the order given (best first), filled where marked, hollow otherwise. */
    public static XYChart dots(String title, String axis, List<String> labels, double[] values, boolean[] marked,
                               String markedName, String otherName) {
        int n = labels.size();
        XYChart chart = rows(title, axis, labels);
        for (boolean which : new boolean[] {true, false}) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (marked[i] == which) {
                    x.add(values[i]);
                    y.add((double) (n - 1 - i));
                }
            }
            if (!x.isEmpty()) {
                XYSeries s = chart.addSeries(which ? markedName : otherName, x, y);
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(which ? SeriesMarkers.CIRCLE : SeriesMarkers.DIAMOND);
                s.setMarkerColor(which ? INK : WHISKER);
            }
        }
        chart.getStyler().setLegendVisible(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        return chart;
    }

    /**
     * How many values fall in each of {@code bins} equal bins between their least and greatest (the last bin closed),
     * as bars labelled by each bin's lower edge.
     */
    public static CategoryChart histogram(String title, String axis, double[] values, int bins) {
        double min = Arrays.stream(values).min().orElse(0);
        double max = Arrays.stream(values).max().orElse(1);
        double width = max > min ? (max - min) / bins : 1;
        int[] counts = new int[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
        }
        List<String> edges = new ArrayList<>();
        List<Integer> heights = new ArrayList<>();
        for (int b = 0; b < bins; b++) {
            edges.add(String.format(Locale.ROOT, "%.2f", min + b * width));
            heights.add(counts[b]);
        }
        CategoryChart chart = new CategoryChart(HALF, 340);
        chart.setTitle(title);
        chart.setXAxisTitle(axis + " (bin from)");
        chart.setYAxisTitle("items");
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setSeriesColors(new Color[] {INK});
        chart.getStyler().setXAxisLabelRotation(45);
        chart.addSeries("items", edges, heights);
        return chart;
    }

    /** A chart with one row per label (the first on top), labels on the y axis. */
    private static XYChart rows(String title, String axis, List<String> labels) {
        int n = labels.size();
        XYChart chart = new XYChart(WIDTH, 90 + ROW * Math.max(n, 3));
        chart.setTitle(title);
        chart.setXAxisTitle(axis);
        style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setYAxisMin(-0.8);
        chart.getStyler().setYAxisMax(n - 0.2);
        chart.getStyler().setYAxisTickMarkSpacingHint(ROW / 2);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(v -> label(labels, v));
        return chart;
    }

    /** A half-width chart in the report's look, with its titles. */
    private static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChart(HALF, 380);
        chart.setTitle(title);
        chart.setXAxisTitle(xTitle);
        chart.setYAxisTitle(yTitle);
        style(chart);
        return chart;
    }

    private static void style(XYChart chart) {
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe4e8ec));
        chart.getStyler().setPlotBorderVisible(false);
        chart.getStyler().setAntiAlias(true);
        chart.getStyler().setSeriesColors(new Color[] {INK, new Color(0xd9822b), new Color(0x3a9d5d),
                new Color(0xb63d3d), new Color(0x7b5ea7), new Color(0x8c8c8c)});
    }

    /**
     * The label of the row at y, where y is a row. Between rows, an invisible label unique to y (zero-width
     * characters spelling y's position in binary): XChart drops every tick label when two are equal.
     */
    static String label(List<String> labels, double y) {
        int n = labels.size();
        long row = Math.round(y);
        if (Math.abs(y - row) > 1e-6 || row < 0 || row >= n) {
            long position = Math.round((y + 1) * 100);
            return Long.toBinaryString(Math.max(0, position)).replace('0', '\u200B').replace('1', '\u200C');
        }
        return labels.get((int) (n - 1 - row));
    }
}
