package dev.proctor.stats.snr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.proctor.stats.io.ScoreTable;
import dev.proctor.stats.numeric.NumpyMath;
import dev.proctor.testkit.SharedFolder;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replication of allenai/OLMo-ladder's variance table (olmo_ladder_variance.csv) from the evaluation log of one
 * run (1B-10xC.csv): per task, the standard deviation (np.std, ddof = 0) and SD/mean of the task's loss (bits per
 * byte of the gold continuation) and accuracy over the LAST 10 checkpoints. All 40 values to 1e-9 relative.
 *
 * <p>Which log column is which task comes from their src/scaling/utils.py (v2 tasks): len_norm accuracy except
 * BoolQ's plain accuracy; val splits except ARC and OpenBookQA (test); MMLU is {@code np.average} of its four test
 * categories with weights 0.215, 0.335, 0.219, 0.231 (their WEIGHT_BY_KEY).
 */
class OlmoLadderReplicationTest {
    private static final double TOLERANCE = 1e-9;
    private static final List<String> MMLU = List.of("stem", "humanities", "social_sciences", "other");
    private static final double[] MMLU_WEIGHTS = {0.215, 0.335, 0.219, 0.231};
    private static final Map<String, String> KEYS = Map.of(
            "Winogrande", "winogrande_val", "BoolQ", "boolq_val", "CommonsenseQA", "csqa_val",
            "OpenBookQA", "openbookqa_test", "ARC-Easy", "arc_easy_test", "ARC-Challenge", "arc_challenge_test",
            "Social IQa", "socialiqa_val", "PIQA", "piqa_val", "HellaSwag", "hellaswag_val");

    @Test
    void reproducesAllFortyValuesOfTheVarianceTable() {
        ScoreTable log = ScoreTable.readCsv(SharedFolder.require("data/olmo-ladder/1B-10xC.csv"));
        ScoreTable published = ScoreTable.readCsv(SharedFolder.require("data/olmo-ladder/olmo_ladder_variance.csv"));
        ScoreTable last10 = log.lastRows(10);
        assertEquals(10, last10.rows().size());
        assertEquals("162694", last10.rows().get(9), "the last checkpoint of the run");
        double maxRelative = 0;
        int checked = 0;
        for (int t = 0; t < published.rows().size(); t++) {
            String task = published.rows().get(t);
            double[] loss = series(last10, task, true);
            double[] accuracy = series(last10, task, false);
            double[] ours = {NumpyMath.std(loss, 0), SignalNoise.noise(loss), NumpyMath.std(accuracy, 0),
                    SignalNoise.noise(accuracy)};
            String[] columns = {"Loss SD", "Loss Rel SD (CV)", "Accuracy SD", "Accuracy Rel SD (CV)"};
            for (int c = 0; c < columns.length; c++) {
                double theirs = published.values()[t][published.columnIndex(columns[c])];
                double relative = Math.abs(ours[c] - theirs) / Math.abs(theirs);
                assertTrue(relative <= TOLERANCE, String.format(Locale.ROOT, "%s %s: ours %.17g, published %.17g, relative %.3g",
                        task, columns[c], ours[c], theirs, relative));
                maxRelative = Math.max(maxRelative, relative);
                checked++;
            }
        }
        assertEquals(40, checked);
        System.out.printf(Locale.ROOT, "OLMo ladder variance: 40 values, max relative error %.3g%n", maxRelative);
    }

    private static double[] series(ScoreTable table, String task, boolean loss) {
        String suffix = loss ? "_rc_5shot_bpb" : (task.equals("BoolQ") ? "_rc_5shot_acc" : "_rc_5shot_len_norm");
        String prefix = loss ? "eval/downstream_bpb/" : "eval/downstream/";
        if (task.equals("MMLU")) {
            return table.weightedMean(MMLU.stream().map(c -> prefix + "mmlu_" + c + "_test" + suffix).toList(), MMLU_WEIGHTS);
        }
        return table.column(prefix + KEYS.get(task) + suffix);
    }
}
