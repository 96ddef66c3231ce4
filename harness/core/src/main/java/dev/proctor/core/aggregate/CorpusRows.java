package dev.proctor.core.aggregate;

import dev.proctor.api.metric.CorpusMetric;
import dev.proctor.api.task.ItemScore;
import dev.proctor.stats.bootstrap.BootstrapConfig;
import dev.proctor.stats.bootstrap.Strata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.random.Well19937c;

/**
 * Rows of a corpus metric (AUROC, F1): the metric on each subject's items and on each group's pooled items, with a
 * percentile interval from resampling items (within subjects for a subject, across the group's items otherwise).
 * The macro row is the mean of its subjects' values.
 */
final class CorpusRows {
    private CorpusRows() {
    }

    /** Every corpus metric of a task on one subject, by name. */
    static Map<String, MetricValue> subject(Map<String, CorpusMetric> metrics, List<ItemScore> scores, Strata strata,
                                            int s, BootstrapConfig config) {
        int[] members = strata.members()[s];
        return of(metrics, scores, members, config, seedOffset(strata.names().get(s)));
    }

    /** Every corpus metric of a task on a group's items pooled, by name. */
    static Map<String, MetricValue> pooled(Map<String, CorpusMetric> metrics, List<ItemScore> scores, Strata strata,
                                           List<Integer> subjects, BootstrapConfig config) {
        List<Integer> all = new ArrayList<>();
        for (int s : subjects) {
            for (int i : strata.members()[s]) {
                all.add(i);
            }
        }
        return of(metrics, scores, all.stream().mapToInt(Integer::intValue).toArray(), config, all.size());
    }

    static MetricValue macro(List<Integer> subjects, List<ScoreRow> subjectRows, String metric, BootstrapConfig config) {
        double sum = 0;
        double low = 0;
        double high = 0;
        for (int s : subjects) {
            MetricValue v = subjectRows.get(s).metric(metric);
            sum += v.value();
            low += v.ciLow();
            high += v.ciHigh();
        }
        int k = subjects.size();
        Map<String, String> undefined = new LinkedHashMap<>();
        undefined.put("stderr", "a macro average of corpus metrics has no closed-form standard error");
        undefined.put("ci", "the subjects are resampled separately; their intervals do not combine");
        return new MetricValue(sum / k, Double.NaN, Double.NaN, Double.NaN, Double.NaN, undefined);
    }

    /**
     * Each draw is made once and every metric computed on it, one after the other, so that a task whose metrics
     * share a costly computation (COCOeval's twelve numbers) can reuse it for the draw.
     */
    private static Map<String, MetricValue> of(Map<String, CorpusMetric> metrics, List<ItemScore> scores,
                                               int[] members, BootstrapConfig config, long seedOffset) {
        List<ItemScore> items = new ArrayList<>(members.length);
        for (int i : members) {
            items.add(scores.get(i));
        }
        List<String> names = new ArrayList<>(metrics.keySet());
        double[] values = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            values[k] = metrics.get(names.get(k)).compute(items);
        }
        Well19937c rng = new Well19937c(config.seed() + seedOffset);
        double[][] resampled = new double[names.size()][config.resamples()];
        List<ItemScore> draw = new ArrayList<>(members.length);
        for (int r = 0; r < config.resamples(); r++) {
            draw.clear();
            for (int j = 0; j < members.length; j++) {
                draw.add(items.get(rng.nextInt(members.length)));
            }
            for (int k = 0; k < names.size(); k++) {
                resampled[k][r] = metrics.get(names.get(k)).compute(draw);
            }
        }
        Map<String, MetricValue> out = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            Map<String, String> undefined = new LinkedHashMap<>();
            if (Double.isNaN(values[k])) {
                undefined.put("value", "the metric is undefined on these items");
            }
            double[] ci = new double[3];
            Aggregator.interval(resampled[k], config, ci, undefined);
            out.put(names.get(k), new MetricValue(values[k], ci[2], Double.NaN, ci[0], ci[1], undefined));
        }
        return out;
    }

    private static long seedOffset(String subject) {
        return subject.hashCode();
    }
}
