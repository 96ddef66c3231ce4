package dev.proctor.htmlreport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.DataFormatException;
import dev.proctor.htmlreport.charts.ChartWriter;
import dev.proctor.htmlreport.charts.Charts;
import dev.proctor.report.HtmlTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A {@code proctor snr} report ({@code stats.json}) drawn: signal against noise per task and subtask, SNR sorted
 * with the subtasks filtering kept marked, and per task the aggregate SNR of the top-k subtasks with the k chosen.
 */
final class SnrSection {
    private SnrSection() {
    }

    static void write(Path report, Page page, ChartWriter charts, Path pageDir) {
        Path file = report.resolve("stats.json");
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, 0, "expected the stats.json of a proctor snr report (proctor snr --out"
                    + " DIR)");
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "expected the stats.json of a proctor snr report: "
                    + e.getMessage());
        }
        JsonNode columns = root.at("/results/columns");
        if (!columns.isObject()) {
            throw new DataFormatException(file, 0, "expected results.columns of a proctor snr report");
        }
        page.heading(2, "Signal and noise: " + report.getFileName());
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("report", report.toAbsolutePath().normalize().toString());
        facts.put("command", "proctor " + String.join(" ", strings(root.at("/provenance/arguments"))));
        page.facts(facts);
        Set<String> kept = new HashSet<>();
        for (JsonNode f : root.at("/results/subtask_filtering")) {
            f.path("kept").forEach(k -> kept.add(k.asText()));
        }
        List<String> names = new ArrayList<>();
        columns.fieldNames().forEachRemaining(names::add);
        StringColumn column = StringColumn.create("column");
        DoubleColumn signal = DoubleColumn.create("signal");
        DoubleColumn noise = DoubleColumn.create("noise");
        DoubleColumn snr = DoubleColumn.create("SNR");
        StringColumn note = StringColumn.create("kept / undefined");
        Map<String, double[][]> scatter = new LinkedHashMap<>();
        List<double[]> subtaskPoints = new ArrayList<>();
        List<double[]> taskPoints = new ArrayList<>();
        for (String name : names) {
            JsonNode c = columns.get(name);
            column.append(name);
            signal.append(c.path("signal").asDouble(Double.NaN));
            noise.append(c.path("noise").asDouble(Double.NaN));
            snr.append(c.path("snr").isNumber() ? c.path("snr").asDouble() : Double.NaN);
            note.append(c.has("undefined") ? "undefined: " + c.path("undefined").asText()
                    : kept.contains(name) ? "kept" : "");
            double[] point = {c.path("noise").asDouble(Double.NaN), c.path("signal").asDouble(Double.NaN)};
            if (!Double.isNaN(point[0]) && !Double.isNaN(point[1])) {
                (name.contains(":") ? subtaskPoints : taskPoints).add(point);
            }
        }
        Table table = Table.create("snr", column, signal, noise, snr, note);
        scatter.put("subtask", points(subtaskPoints));
        scatter.put("task", points(taskPoints));
        page.chart(charts.write("snr-signal-noise", Charts.scatter("signal vs noise", "noise (relative std over"
                + " checkpoints)", "signal (relative spread over models)", scatter)), pageDir);
        List<String> sorted = new ArrayList<>(names.stream().filter(n -> columns.get(n).path("snr").isNumber())
                .toList());
        sorted.sort(Comparator.comparingDouble(n -> -columns.get(n).path("snr").asDouble()));
        double[] values = sorted.stream().mapToDouble(n -> columns.get(n).path("snr").asDouble()).toArray();
        boolean[] marked = new boolean[sorted.size()];
        for (int i = 0; i < marked.length; i++) {
            marked[i] = kept.contains(sorted.get(i));
        }
        page.chart(charts.write("snr-sorted", Charts.dots("SNR, highest first (filled: kept by subtask filtering)",
                "SNR", sorted, values, marked, "kept", "not kept")), pageDir);
        for (JsonNode f : root.at("/results/subtask_filtering")) {
            List<double[]> curve = new ArrayList<>();
            for (JsonNode s : f.path("steps")) {
                if (s.path("aggregate_snr").isNumber()) {
                    curve.add(new double[] {s.path("k").asDouble(), s.path("aggregate_snr").asDouble()});
                }
            }
            if (curve.isEmpty()) {
                continue;
            }
            int best = f.path("best_k").asInt();
            Map<String, double[][]> series = new LinkedHashMap<>();
            series.put("aggregate SNR of the top k", points(curve));
            series.put("chosen k = " + best, points(curve.stream().filter(p -> p[0] == best).toList()));
            page.chart(charts.write("snr-topk-" + f.path("task").asText(), Charts.line(f.path("task").asText()
                    + ": aggregate SNR of the k highest-SNR subtasks", "k", "aggregate SNR", series)), pageDir);
        }
        page.html("<details><summary>every column (" + names.size() + ")</summary>\n")
                .html(HtmlTable.render(table)).html("</details>\n");
        for (JsonNode n : root.path("notes")) {
            page.paragraph("note", n.asText());
        }
    }

    private static double[][] points(List<double[]> points) {
        double[][] xy = new double[2][points.size()];
        for (int i = 0; i < points.size(); i++) {
            xy[0][i] = points.get(i)[0];
            xy[1][i] = points.get(i)[1];
        }
        return xy;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(a -> out.add(a.asText()));
        return out;
    }
}
