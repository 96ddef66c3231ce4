package dev.proctor.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.task.TaskSettings;
import dev.proctor.core.data.DataFileRef;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.select.SelectedSubject;
import dev.proctor.datafiles.Sha256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What makes two runs' results interchangeable: subjects, task settings, the data files' hashes and the model's key
 * facts. Left out on purpose: the batch budget (results do not depend on batching), the device, and paths (moving
 * data or a model does not change a number).
 *
 * @param json canonical JSON of those facts; stored so a mismatch can say what differs
 */
public record RunFingerprint(String json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunFingerprint {
        Objects.requireNonNull(json, "json");
    }

    public static RunFingerprint of(EvaluationPlan plan, ModelInfo model) {
        TaskSettings settings = plan.config().settings();
        Map<String, Object> facts = new LinkedHashMap<>();
        TreeSet<String> subjects = new TreeSet<>();
        plan.subjects().stream().map(SelectedSubject::key).forEach(subjects::add);
        facts.put("subjects", new ArrayList<>(subjects));
        facts.put("split", settings.split().id());
        facts.put("shots", settings.shots());
        facts.put("limit", settings.limit().isPresent() ? settings.limit().getAsInt() : null);
        facts.put("format", settings.format().id());
        facts.put("scoring", settings.scoring().id());
        facts.put("seed", settings.seed());
        facts.put("taskArgs", settings.args());
        TreeSet<String> files = new TreeSet<>();
        for (DataFileRef f : plan.data().files()) {
            files.add(f.task() + "/" + f.subject() + "/" + f.role() + " " + f.sha256());
        }
        facts.put("dataFiles", new ArrayList<>(files));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", model.kind());
        m.put("engine", model.engine());
        m.put("identity", model.identity());
        facts.put("model", m);
        return new RunFingerprint(Canonical.json(facts));
    }

    public String sha256() {
        return Sha256.of(json);
    }

    /** Names of the top-level facts whose values differ from another fingerprint's. */
    public List<String> differences(RunFingerprint other) {
        Map<String, Object> mine = parse(json);
        Map<String, Object> theirs = parse(other.json);
        TreeSet<String> keys = new TreeSet<>(mine.keySet());
        keys.addAll(theirs.keySet());
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(mine.get(key), theirs.get(key))) {
                out.add(key);
            }
        }
        return out;
    }

    private static Map<String, Object> parse(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new ProctorException("stored run fingerprint is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
