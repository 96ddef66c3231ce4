package dev.proctor.stats.paired;

import dev.proctor.stats.io.ItemMetric;
import dev.proctor.stats.io.RunData;
import java.util.ArrayList;
import java.util.List;

/**
 * Several runs over the same items, each aligned to the first ({@link ItemAlignment}): a leaderboard's input.
 *
 * @param scores [run][item], items in the first run's order
 * @param strata per item, {@code task:subject}, the stratum a bootstrap resamples it within
 */
public record AlignedRuns(double[][] scores, List<String> strata) {
    public AlignedRuns {
        strata = List.copyOf(strata);
    }

    /**
     * @throws dev.proctor.api.ProctorException if a run does not hold the first one's items
     */
    public static AlignedRuns of(List<String> names, List<RunData> runs, ItemMetric metric) {
        double[][] scores = new double[runs.size()][];
        AlignedItems aligned = null;
        for (int m = 0; m < runs.size(); m++) {
            aligned = ItemAlignment.align(names.get(0), runs.get(0), names.get(m), runs.get(m), metric);
            scores[m] = aligned.b();
        }
        List<String> strata = new ArrayList<>();
        for (int i = 0; i < aligned.size(); i++) {
            strata.add(aligned.tasks().get(i) + ":" + aligned.subjects().get(i));
        }
        return new AlignedRuns(scores, strata);
    }
}
