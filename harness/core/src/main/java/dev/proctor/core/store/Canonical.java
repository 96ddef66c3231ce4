package dev.proctor.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.proctor.api.model.ModelInfo;
import dev.proctor.api.request.Request;
import dev.proctor.datafiles.Sha256;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Canonical JSON (keys sorted at every level, shortest round-tripping numbers) and the keys made from it: what
 * identifies a request, a model and an item in the store. Changing this changes every key, so a store written
 * before would no longer be found: bump {@link ResultStore#SCHEMA} with it.
 */
public final class Canonical {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private Canonical() {
    }

    /** The canonical JSON text of a JSON value (maps, lists, strings, numbers, booleans, null). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON value: " + e.getOriginalMessage(), e);
        }
    }

    /** A request's key: SHA-256 of its kind and its canonical description. */
    public static String requestKey(Request request) {
        return Sha256.of(request.kind().id() + "\n" + json(request.describe()));
    }

    /** A model's key: SHA-256 of what decides its outputs (kind, engine, identity), not of its name or device. */
    public static String modelKey(ModelInfo info) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", info.kind());
        facts.put("engine", info.engine());
        facts.put("identity", info.identity());
        return Sha256.of(json(facts));
    }
}
