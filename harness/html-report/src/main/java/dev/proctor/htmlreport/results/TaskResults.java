package dev.proctor.htmlreport.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One task of a run: its main metric, settings, subject and group rows, the per-subject figures (confusion matrix,
 * ROC and precision-recall points) and the shots each subject's items had.
 *
 * @param higherIsBetter by metric, whether a higher value is better
 * @param perItemMain    whether the main metric is a mean over items (not computed on the whole set)
 * @param figures        by subject, the {@code figures} block of its row, where the task writes one
 * @param shotsUsed      by subject, where samples.jsonl records shots
 */
public record TaskResults(String task, String mainMetric, Map<String, Boolean> higherIsBetter, boolean perItemMain,
                          JsonNode settings,
                          List<ResultRow> subjects, List<ResultRow> groups, Map<String, JsonNode> figures,
                          Map<String, ShotCounts> shotsUsed) {
    public TaskResults {
        higherIsBetter = Map.copyOf(higherIsBetter);
        subjects = List.copyOf(subjects);
        groups = List.copyOf(groups);
        figures = Map.copyOf(figures);
        shotsUsed = Map.copyOf(shotsUsed);
    }

    /** Whether a higher main metric is better. */
    public boolean mainHigherIsBetter() {
        return higherIsBetter.getOrDefault(mainMetric, true);
    }

    /** The overall row with this averaging, or the only subject's row where there is no overall row. */
    public Optional<ResultRow> overall(String averaging) {
        Optional<ResultRow> row = groups.stream().filter(r -> r.level().equals("overall")
                && r.averaging().orElse("").equals(averaging)).findFirst();
        return row.isPresent() || subjects.size() != 1 ? row : Optional.of(subjects.get(0));
    }
}
