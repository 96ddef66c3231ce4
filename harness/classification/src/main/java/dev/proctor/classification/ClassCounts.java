package dev.proctor.classification;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One label's counts: what scikit-learn's {@code multilabel_confusion_matrix} hands to
 * {@code precision_recall_fscore_support}. Items whose labels are not among the labels asked for change no count
 * (sklearn keeps only the selected labels' rows), so a label list smaller than the data's leaves them out.
 *
 * @param label         the class
 * @param truePositives items with this gold label predicted as it
 * @param predicted     items predicted as it ({@code pred_sum})
 * @param support       gold items of it ({@code true_sum})
 */
public record ClassCounts(Label label, long truePositives, long predicted, long support) {

    /** The counts of each of {@code labels}, in that order. */
    public static List<ClassCounts> of(List<Label> gold, List<Label> predicted, List<Label> labels) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold labels but " + predicted.size() + " predictions");
        }
        Map<Label, long[]> byLabel = new HashMap<>();
        for (Label label : labels) {
            if (byLabel.put(label, new long[3]) != null) {
                throw new IllegalArgumentException("label " + label + " is listed twice");
            }
        }
        for (int i = 0; i < gold.size(); i++) {
            long[] g = byLabel.get(gold.get(i));
            long[] p = byLabel.get(predicted.get(i));
            if (g != null) {
                g[2]++;
                g[0] += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
            }
            if (p != null) {
                p[1]++;
            }
        }
        List<ClassCounts> out = new ArrayList<>(labels.size());
        for (Label label : labels) {
            long[] c = byLabel.get(label);
            out.add(new ClassCounts(label, c[0], c[1], c[2]));
        }
        return List.copyOf(out);
    }
}
