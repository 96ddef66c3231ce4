package dev.proctor.api.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Facts about a loaded model that go into every result's provenance.
 *
 * @param name     a short name (the model directory's, or the embedded model's)
 * @param kind     what it is, in words ({@code causal LM}, {@code text encoder}, {@code BM25})
 * @param engine   what runs it, with versions
 * @param device   where it runs ({@code cpu}, {@code gpu:0})
 * @param identity everything that decides its outputs (file hashes, context length, pooling, parameters), as JSON
 *                 values in a stable order: two models with equal engines and identities answer alike, so stored
 *                 responses are keyed by them
 */
public record ModelInfo(String name, String kind, String engine, String device, Map<String, Object> identity) {
    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(device, "device");
        identity = Collections.unmodifiableMap(new LinkedHashMap<>(identity));
    }

    /** Name, kind, engine and identity, as a composite model's identity lists each of its components. */
    public Map<String, Object> asComponent() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("kind", kind);
        m.put("engine", engine);
        m.put("identity", identity);
        return m;
    }
}
