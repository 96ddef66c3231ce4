package dev.proctor.stats.snr;

import java.util.List;
import java.util.Map;

/**
 * @param columns           signal, noise and SNR of every column
 * @param filters           subtask filtering per task
 * @param decisionAccuracy  per column, agreement of the model order with a target-scale table (when given)
 * @param models            the models behind the signal (after checkpoint averaging)
 * @param checkpoints       the checkpoints behind the noise (after --last)
 */
public record SnrReport(List<SnrResult> columns, List<FilterResult> filters, Map<String, Double> decisionAccuracy,
                        List<String> models, List<String> checkpoints) {
    public SnrReport {
        columns = List.copyOf(columns);
        filters = List.copyOf(filters);
        decisionAccuracy = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(decisionAccuracy));
        models = List.copyOf(models);
        checkpoints = List.copyOf(checkpoints);
    }
}
