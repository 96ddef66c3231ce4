package dev.proctor.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.ProctorException;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.core.plan.DataFileRef;
import dev.proctor.core.plan.EvaluationPlan;
import dev.proctor.core.run.RunConfig;
import dev.proctor.datafiles.Sha256;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What makes two runs' item results interchangeable: subjects, split, shots, limit, format, scoring, seed, the data
 * files' hashes and the model's. Left out on purpose: the batch budget (results do not depend on batching), the
 * device, and paths (moving data or a model does not change it).
 *
 * @param json canonical JSON of those facts; stored so a mismatch can say what differs
 */
public record RunFingerprint(String json) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public RunFingerprint {
        Objects.requireNonNull(json, "json");
    }

    public static RunFingerprint of(EvaluationPlan plan, ModelInfo model) {
        RunConfig config = plan.config();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("subjects", new TreeSet<>(plan.categoriesBySubjectKey().keySet()));
        facts.put("split", config.split().id());
        facts.put("shots", config.shots());
        facts.put("limit", config.limit().isPresent() ? config.limit().getAsInt() : null);
        facts.put("format", config.format().id());
        facts.put("scoring", config.scoring().id());
        facts.put("seed", config.seed());
        TreeSet<String> files = new TreeSet<>();
        for (DataFileRef f : plan.dataFiles()) {
            files.add(f.task() + "/" + f.subject() + "/" + f.split() + " " + f.sha256());
        }
        facts.put("dataFiles", files);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", model.engine());
        m.put("modelSha256", model.modelSha256());
        m.put("tokenizerSha256", model.tokenizerSha256());
        m.put("maxContextLength", model.maxContextLength());
        m.put("eosTokenId", model.eosTokenId());
        facts.put("model", m);
        try {
            return new RunFingerprint(JSON.writeValueAsString(facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
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
