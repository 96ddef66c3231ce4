package dev.proctor.core.aggregate;

import dev.proctor.api.metric.Aggregation;
import dev.proctor.api.metric.MetricSpec;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.ReferenceAverage;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.plan.PlannedItem;
import dev.proctor.core.plan.TaskPlan;
import dev.proctor.stats.Averaging;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.BootstrapSummary;
import dev.proctor.stats.bootstrap.Resamples;
import dev.proctor.stats.bootstrap.StratifiedBootstrap;
import dev.proctor.stats.bootstrap.Strata;
import dev.proctor.stats.error.StandardErrors;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step five: item values to subject, category and overall rows, the same way for every task kind. Mean metrics get
 * the subject mean, the macro average (mean of subject means: the official CMMLU and OpenCompass number) and the
 * micro average (over items: lm-evaluation-harness's group number), each with the standard error lm-eval reports
 * and a seeded percentile bootstrap interval (items resampled within subjects, every metric on the same draws).
 * Corpus metrics get their value on each subject's and group's items, with a bootstrap interval over items.
 * Computed from item values alone, so a report can be rebuilt from the store without the model.
 */
public final class Aggregator {
    private Aggregator() {
    }

    public static Summary aggregate(EvaluationPlan plan, List<ItemScore> scores, BootstrapConfig bootstrap) {
        Map<String, List<Integer>> byTask = new LinkedHashMap<>();
        List<PlannedItem> items = plan.items();
        for (int i = 0; i < items.size(); i++) {
            byTask.computeIfAbsent(items.get(i).task(), t -> new ArrayList<>()).add(i);
        }
        List<TaskSummary> tasks = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> e : byTask.entrySet()) {
            List<ItemScore> taskScores = new ArrayList<>();
            List<String> subjects = new ArrayList<>();
            for (int i : e.getValue()) {
                taskScores.add(scores.get(i));
                subjects.add(items.get(i).item().subject());
            }
            tasks.add(task(plan.tasks().get(e.getKey()), taskScores, subjects, bootstrap));
        }
        return new Summary(tasks, bootstrap);
    }

    /** One task: its items' scores and subjects, in plan order. */
    static TaskSummary task(TaskPlan plan, List<ItemScore> scores, List<String> subjectOfItem, BootstrapConfig config) {
        String task = plan.task().name();
        Strata strata = Strata.byLabel(subjectOfItem);
        List<MetricSpec> means = plan.metrics().specs().stream()
                .filter(s -> s.aggregation() == Aggregation.MEAN).toList();
        double[][] series = new double[means.size()][scores.size()];
        for (int m = 0; m < means.size(); m++) {
            for (int i = 0; i < scores.size(); i++) {
                series[m][i] = scores.get(i).value(means.get(m).name());
            }
        }
        Resamples resamples = means.isEmpty() ? null : StratifiedBootstrap.run(series, strata, config);
        Groups groups = Groups.of(strata, plan.categories());

        List<ScoreRow> subjectRows = new ArrayList<>();
        List<List<MetricValue>> subjectMeans = new ArrayList<>();
        for (int s = 0; s < strata.size(); s++) {
            Map<String, MetricValue> values = new LinkedHashMap<>();
            List<MetricValue> meanValues = new ArrayList<>();
            Map<String, MetricValue> corpus = CorpusRows.subject(plan.metrics().corpus(), scores, strata, s, config);
            for (MetricSpec spec : plan.metrics().specs()) {
                MetricValue v;
                if (spec.aggregation() == Aggregation.MEAN) {
                    int m = means.indexOf(spec);
                    v = MeanRows.subject(spec, pick(series[m], strata.members()[s]),
                            resamples.perStratum()[m][s], config);
                    meanValues.add(v);
                } else {
                    v = corpus.get(spec.name());
                }
                values.put(spec.name(), v);
            }
            subjectMeans.add(meanValues);
            subjectRows.add(new ScoreRow(task, ScoreRow.Level.SUBJECT, strata.names().get(s), Optional.empty(), 1,
                    strata.members()[s].length, values));
        }

        List<ScoreRow> groupRows = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> g : groups.members().entrySet()) {
            ScoreRow.Level level = g.getKey().equals(ScoreRow.OVERALL) ? ScoreRow.Level.OVERALL : ScoreRow.Level.CATEGORY;
            List<Integer> members = g.getValue();
            int n = members.stream().mapToInt(s -> strata.members()[s].length).sum();
            for (Averaging averaging : List.of(Averaging.MACRO, Averaging.MICRO)) {
                Map<String, MetricValue> values = new LinkedHashMap<>();
                Map<String, MetricValue> pooled = averaging == Averaging.MICRO
                        ? CorpusRows.pooled(plan.metrics().corpus(), scores, strata, members, config) : Map.of();
                for (MetricSpec spec : plan.metrics().specs()) {
                    MetricValue v;
                    if (spec.aggregation() == Aggregation.MEAN) {
                        int m = means.indexOf(spec);
                        v = MeanRows.group(spec, averaging, members, strata, series[m], subjectMeans, m,
                                resamples.perStratum()[m], config);
                    } else {
                        v = averaging == Averaging.MACRO
                                ? CorpusRows.macro(members, subjectRows, spec.name(), config)
                                : pooled.get(spec.name());
                    }
                    values.put(spec.name(), v);
                }
                groupRows.add(new ScoreRow(task, level, g.getKey(), Optional.of(averaging), members.size(), n, values));
            }
        }
        for (ReferenceAverage reference : plan.task().referenceAverages()) {
            groupRows.add(reference(task, reference, groups, strata, plan, means, subjectMeans, resamples, config));
        }
        return new TaskSummary(task, plan.metrics(), subjectRows, groupRows);
    }

    /**
     * The unweighted mean of some categories' macro averages: a weighted mean of subject means, each subject weighted
     * 1 / (categories x its category's size) summed over the categories it is in; its standard error from the subjects'
     * (categories are averaged as independent), its interval from the same bootstrap draws as every other row.
     */
    static ScoreRow reference(String task, ReferenceAverage reference, Groups groups, Strata strata, TaskPlan plan,
                              List<MetricSpec> means, List<List<MetricValue>> subjectMeans, Resamples resamples,
                              BootstrapConfig config) {
        List<String> absent = reference.categories().stream()
                .filter(c -> !groups.members().containsKey(c)).toList();
        double[] weight = new double[strata.size()];
        for (String c : reference.categories()) {
            List<Integer> members = groups.members().getOrDefault(c, List.of());
            for (int s : members) {
                weight[s] += 1.0 / (reference.categories().size() * members.size());
            }
        }
        List<Integer> included = new ArrayList<>();
        int n = 0;
        for (int s = 0; s < strata.size(); s++) {
            if (weight[s] > 0) {
                included.add(s);
                n += strata.members()[s].length;
            }
        }
        Map<String, MetricValue> values = new LinkedHashMap<>();
        for (MetricSpec spec : plan.metrics().specs()) {
            int m = means.indexOf(spec);
            if (!absent.isEmpty() || m < 0) {
                String why = !absent.isEmpty() ? "no selected subject is in " + String.join(", ", absent)
                        : "a corpus metric has no per-category mean to average";
                values.put(spec.name(), MetricValue.undefined(why));
                continue;
            }
            double value = 0;
            double variance = 0;
            double[] resampled = new double[resamples.resamples()];
            for (int s : included) {
                MetricValue sv = subjectMeans.get(s).get(m);
                value += weight[s] * sv.value();
                variance += weight[s] * weight[s] * sv.stderr() * sv.stderr();
                for (int r = 0; r < resampled.length; r++) {
                    resampled[r] += weight[s] * resamples.perStratum()[m][s][r];
                }
            }
            Map<String, String> undefined = new LinkedHashMap<>();
            double stderr = Math.sqrt(variance);
            if (Double.isNaN(stderr)) {
                undefined.put("stderr", "a subject with one item has no standard error");
            }
            double[] ci = new double[3];
            interval(resampled, config, ci, undefined);
            values.put(spec.name(), new MetricValue(value, stderr, Double.NaN, ci[0], ci[1], undefined));
        }
        return new ScoreRow(task, ScoreRow.Level.REFERENCE, reference.name(), Optional.empty(), included.size(), n,
                values);
    }

    static double[] pick(double[] x, int[] members) {
        double[] v = new double[members.length];
        for (int j = 0; j < members.length; j++) {
            v[j] = x[members[j]];
        }
        return v;
    }

    /** A bootstrap distribution's interval, or NaN with the reason when it has none. */
    static void interval(double[] statistics, BootstrapConfig config, double[] out, Map<String, String> undefined) {
        BootstrapSummary b = BootstrapSummary.of(statistics, config.confidence());
        out[0] = b.ciLow();
        out[1] = b.ciHigh();
        out[2] = b.seDdof1();
        if (Double.isNaN(b.ciLow()) || Double.isNaN(b.ciHigh())) {
            undefined.put("ci", "the metric is undefined on some resamples");
        }
    }

    /** Mean-metric rows. */
    private static final class MeanRows {
        static MetricValue subject(MetricSpec spec, double[] values, double[] resampled, BootstrapConfig config) {
            int n = values.length;
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            double mean = sum / n;
            Map<String, String> undefined = new LinkedHashMap<>();
            double stderr;
            double binomial = Double.NaN;
            if (spec.binary()) {
                stderr = n > 1 ? Math.sqrt(mean * (1 - mean) / (n - 1)) : Double.NaN;
                binomial = Math.sqrt(mean * (1 - mean) / n);
            } else {
                stderr = StandardErrors.lmEvalMeanStderr(values);
            }
            if (n < 2) {
                undefined.put("stderr", "one item has no sample variance");
            }
            double[] ci = new double[3];
            interval(resampled, config, ci, undefined);
            return new MetricValue(mean, stderr, binomial, ci[0], ci[1], undefined);
        }

        static MetricValue group(MetricSpec spec, Averaging averaging, List<Integer> members, Strata strata,
                                 double[] x, List<List<MetricValue>> subjectMeans, int m, double[][] perStratum,
                                 BootstrapConfig config) {
            int k = members.size();
            int b = perStratum[0].length;
            double[] resampled = new double[b];
            int total = 0;
            for (int s : members) {
                total += strata.members()[s].length;
            }
            for (int r = 0; r < b; r++) {
                double sum = 0;
                for (int s : members) {
                    sum += averaging == Averaging.MACRO ? perStratum[s][r] : perStratum[s][r] * strata.members()[s].length;
                }
                resampled[r] = averaging == Averaging.MACRO ? sum / k : sum / total;
            }
            Map<String, String> undefined = new LinkedHashMap<>();
            double value;
            double stderr;
            double binomial = Double.NaN;
            if (averaging == Averaging.MACRO) {
                double sum = 0;
                double variance = 0;
                for (int s : members) {
                    MetricValue sv = subjectMeans.get(s).get(m);
                    sum += sv.value();
                    variance += sv.stderr() * sv.stderr();
                }
                value = sum / k;
                stderr = Math.sqrt(variance) / k;
                if (Double.isNaN(stderr)) {
                    undefined.put("stderr", "a subject with one item has no standard error");
                }
            } else {
                double sum = 0;
                double pooled = 0;
                for (int s : members) {
                    int[] items = strata.members()[s];
                    for (int i : items) {
                        sum += x[i];
                    }
                    MetricValue sv = subjectMeans.get(s).get(m);
                    if (items.length > 1) {
                        pooled += (items.length - 1.0) * items.length * sv.stderr() * sv.stderr();
                    }
                }
                value = sum / total;
                // lm-evaluation-harness's pooled_sample_stderr
                stderr = total > k ? Math.sqrt(pooled / (total - k) / total) : Double.NaN;
                if (total <= k) {
                    undefined.put("stderr", "every subject has one item: the pooled variance has no degrees of freedom");
                }
                if (spec.binary()) {
                    binomial = Math.sqrt(value * (1 - value) / total);
                }
            }
            double[] ci = new double[3];
            interval(resampled, config, ci, undefined);
            return new MetricValue(value, stderr, binomial, ci[0], ci[1], undefined);
        }
    }

    /** Categories (in order of first appearance) and overall, as subject positions. */
    private record Groups(Map<String, List<Integer>> members) {
        static Groups of(Strata strata, Map<String, List<String>> categories) {
            Map<String, List<Integer>> groups = new LinkedHashMap<>();
            for (int s = 0; s < strata.size(); s++) {
                for (String c : categories.getOrDefault(strata.names().get(s), List.of())) {
                    groups.computeIfAbsent(c, k -> new ArrayList<>()).add(s);
                }
            }
            groups.remove(ScoreRow.OVERALL);
            List<Integer> all = new ArrayList<>();
            for (int s = 0; s < strata.size(); s++) {
                all.add(s);
            }
            groups.put(ScoreRow.OVERALL, all);
            return new Groups(groups);
        }
    }
}
