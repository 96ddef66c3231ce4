package dev.proctor.stats.io;

import dev.proctor.stats.Averaging;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Score tables built from Proctor runs: one row per run, one column per task and one per subject
 * ({@code task:subject}). The task column is the micro average (mean over its questions, as the signal-and-noise
 * code aggregates instances) or the macro average (mean of its subjects, the official CMMLU number). A subject a
 * run did not evaluate is NaN.
 */
public final class RunTables {
    private RunTables() {
    }

    public static ScoreTable scores(String source, List<String> rowNames, List<RunData> runs, ItemMetric metric,
                                    Averaging averaging) {
        List<Map<String, Double>> perRun = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        for (RunData run : runs) {
            Map<String, double[]> subjectSums = new LinkedHashMap<>();
            for (ItemOutcome item : run.items()) {
                double[] acc = subjectSums.computeIfAbsent(item.task() + ":" + item.subject(), k -> new double[2]);
                acc[0] += metric.value(item);
                acc[1]++;
            }
            Map<String, Double> row = new LinkedHashMap<>();
            Map<String, double[]> taskMeans = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : subjectSums.entrySet()) {
                double mean = e.getValue()[0] / e.getValue()[1];
                row.put(e.getKey(), mean);
                String task = e.getKey().substring(0, e.getKey().indexOf(':'));
                double[] t = taskMeans.computeIfAbsent(task, k -> new double[2]);
                boolean micro = averaging == Averaging.MICRO;
                t[0] += micro ? e.getValue()[0] : mean;
                t[1] += micro ? e.getValue()[1] : 1;
            }
            Map<String, Double> ordered = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> t : taskMeans.entrySet()) {
                ordered.put(t.getKey(), t.getValue()[0] / t.getValue()[1]);
                row.forEach((k, v) -> {
                    if (k.startsWith(t.getKey() + ":")) {
                        ordered.put(k, v);
                    }
                });
            }
            columns.addAll(ordered.keySet());
            perRun.add(ordered);
        }
        List<String> names = new ArrayList<>(columns);
        double[][] values = new double[runs.size()][names.size()];
        for (int r = 0; r < runs.size(); r++) {
            for (int c = 0; c < names.size(); c++) {
                values[r][c] = perRun.get(r).getOrDefault(names.get(c), Double.NaN);
            }
        }
        return new ScoreTable(source, rowNames, names, values);
    }
}
