package dev.proctor.tasks.mgt.detect;

import dev.proctor.api.ProctorException;
import dev.proctor.api.request.Response;
import dev.proctor.api.task.FitExample;
import dev.proctor.api.task.ItemScore;
import dev.proctor.api.task.SubjectFit;
import dev.proctor.api.task.TaskItem;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A zero-shot detector's decision: machine when its score is at least a threshold chosen on the fit split, the one
 * with the highest accuracy there (SemEval's official measure for subtask A). Candidates are the midpoints between
 * consecutive distinct fit scores, the lowest score and the next double above the highest; among equally accurate
 * ones the lowest wins.
 */
public final class ThresholdFit implements SubjectFit {
    private final double threshold;
    private final double fitAccuracy;
    private final int fitItems;
    private final String fitSplit;

    private ThresholdFit(double threshold, double fitAccuracy, int fitItems, String fitSplit) {
        this.threshold = threshold;
        this.fitAccuracy = fitAccuracy;
        this.fitItems = fitItems;
        this.fitSplit = fitSplit;
    }

    /** @param fitSplit the split the examples come from, for the record */
    public static ThresholdFit choose(List<FitExample> examples, String fitSplit) {
        int n = examples.size();
        if (n == 0) {
            throw new ProctorException("no " + fitSplit + " item to choose the detector's threshold on");
        }
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            ItemScore s = examples.get(i).score();
            rows[i] = new double[] {s.value(ItemValues.SCORE), s.value(ItemValues.GOLD)};
        }
        Arrays.sort(rows, (a, b) -> Double.compare(a[0], b[0]));
        // threshold at the lowest score: every item predicted machine
        long correct = Arrays.stream(rows).filter(r -> r[1] == 1).count();
        long best = correct;
        double bestThreshold = rows[0][0];
        for (int i = 0; i < n; i++) {
            correct += rows[i][1] == 1 ? -1 : 1; // a threshold above rows[i] predicts it human
            boolean lastOfValue = i == n - 1 || rows[i + 1][0] > rows[i][0];
            if (lastOfValue && correct > best) {
                best = correct;
                bestThreshold = i == n - 1 ? Math.nextUp(rows[i][0]) : (rows[i][0] + rows[i + 1][0]) / 2;
            }
        }
        return new ThresholdFit(bestThreshold, (double) best / n, n, fitSplit);
    }

    public double threshold() {
        return threshold;
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", "machine (1) when the machine score >= threshold");
        m.put("threshold", threshold);
        m.put("chosenOn", fitSplit);
        m.put("fitItems", fitItems);
        m.put("fitAccuracy", fitAccuracy);
        m.put("rule", "the highest accuracy on " + fitSplit + "; ties to the lowest threshold");
        return m;
    }

    @Override
    public ItemScore apply(TaskItem item, ItemScore unfitted, List<Response> responses) {
        double score = unfitted.value(ItemValues.SCORE);
        return ItemValues.decided(unfitted, score >= threshold ? 1 : 0, score, Map.of());
    }
}
