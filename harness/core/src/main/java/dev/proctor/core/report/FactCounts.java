package dev.proctor.core.report;

import dev.proctor.core.plan.PlannedItem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * How many items had each value of each fact their task recorded (shots used, the shot rule, a header dropped, a
 * truncated input), per task: what a reader needs to know of a run's prompts without opening samples.jsonl.
 */
final class FactCounts {
    private FactCounts() {
    }

    /** Per task, per fact, per value (as text, in natural order), the number of items. */
    static Map<String, Map<String, Map<String, Integer>>> of(List<PlannedItem> items) {
        Map<String, Map<String, Map<String, Integer>>> out = new LinkedHashMap<>();
        for (PlannedItem p : items) {
            Map<String, Map<String, Integer>> task = out.computeIfAbsent(p.task(), t -> new LinkedHashMap<>());
            p.item().facts().forEach((key, value) -> {
                if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
                    task.computeIfAbsent(key, k -> new TreeMap<>(FactCounts::natural))
                            .merge(String.valueOf(value), 1, Integer::sum);
                }
            });
        }
        return out;
    }

    /** One line per task naming the facts whose value varies: {@code shotsUsed 5:1391, 4:4162; headerDropped ...}. */
    static String lines(Map<String, Map<String, Map<String, Integer>>> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((task, facts) -> {
            String varying = facts.entrySet().stream().filter(e -> e.getValue().size() > 1)
                    .map(e -> e.getKey() + " " + e.getValue().entrySet().stream()
                            .map(v -> v.getKey() + ":" + v.getValue()).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("; "));
            if (!varying.isEmpty()) {
                sb.append("(").append(task).append(" items by fact: ").append(varying).append(")\n");
            }
        });
        return sb.toString();
    }

    /** Numbers by value, then text. */
    private static int natural(String a, String b) {
        try {
            return Double.compare(Double.parseDouble(b), Double.parseDouble(a));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
