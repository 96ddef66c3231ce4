package dev.proctor.stats.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Proctor run directory as statistics see it.
 *
 * @param dir        the directory
 * @param runId      {@code provenance.runId}, or the directory name
 * @param provenance the run's provenance block, copied into every report made from it
 * @param subjects   subject rows of results.json, in file order
 * @param items      samples.jsonl, in file order
 * @param tasks      each task's main metric and metric directions, from results.json
 * @param resultsSha256 SHA-256 of results.json
 * @param samplesSha256 SHA-256 of samples.jsonl
 */
public record RunData(Path dir, String runId, JsonNode provenance, List<SubjectInfo> subjects,
                      List<ItemOutcome> items, List<TaskMetrics> tasks, String resultsSha256,
                      String samplesSha256) {
    public RunData {
        subjects = List.copyOf(subjects);
        items = List.copyOf(items);
        tasks = List.copyOf(tasks);
    }

    /** Items by {@code task/id}, in file order. */
    public Map<String, ItemOutcome> byKey() {
        Map<String, ItemOutcome> map = new LinkedHashMap<>();
        for (ItemOutcome item : items) {
            map.put(item.key(), item);
        }
        return map;
    }

    /** The model as the run named it ({@code provenance.model.spec}), or the run id. */
    public String modelName() {
        JsonNode spec = provenance.at("/model/spec");
        return spec.isTextual() ? spec.asText() : runId;
    }

    /** This run restricted to the items a selection keeps (subjects follow). */
    public RunData filter(Selection selection) {
        Predicate<ItemOutcome> keep = selection::matches;
        return new RunData(dir, runId, provenance,
                subjects.stream().filter(s -> selection.matches(s.task(), s.subject())).toList(),
                items.stream().filter(keep).toList(), tasks, resultsSha256, samplesSha256);
    }

    /** Per subject key {@code task:subject}, its categories as results.json lists them. */
    public Map<String, List<String>> categoriesBySubject() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        for (SubjectInfo s : subjects) {
            map.put(s.task() + ":" + s.subject(), s.categories());
        }
        return map;
    }
}
