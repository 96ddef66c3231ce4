package dev.proctor.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proctor.coco.io.CocoFiles;
import dev.proctor.coco.io.CocoJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A case in the peers' layout ({@code {images, categories, annotations, detections}} in, detection_peer.py's keys
 * out) scored through Proctor's files and JSON, and every number compared: Proctor's null (undefined) is read back
 * as pycocotools' -1.
 */
final class PycocotoolsOutput {
    static final double EXACT = 1e-12;
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** detection_peer.py's stats names, in summarize's order, to Proctor's keys. */
    static final Map<String, String> STATS = stats();
    /** The output keys compared; a case with any other key fails until this learns it. */
    static final Set<String> KNOWN = Set.of("peer", "versions", "params", "notes", "stats", "per_class",
            "mean_of_per_class_AP", "summarize_text", "computed_by");

    private PycocotoolsOutput() {
    }

    private static Map<String, String> stats() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("AP", "AP");
        m.put("AP50", "AP50");
        m.put("AP75", "AP75");
        m.put("AP_small", "APs");
        m.put("AP_medium", "APm");
        m.put("AP_large", "APl");
        m.put("AR1", "AR1");
        m.put("AR10", "AR10");
        m.put("AR100", "AR100");
        m.put("AR_small", "ARs");
        m.put("AR_medium", "ARm");
        m.put("AR_large", "ARl");
        return m;
    }

    /** Splits the case into an instances file and a results file under {@code dir} and scores them as JSON. */
    static ObjectNode score(JsonNode input, Path dir) {
        try {
            ObjectNode gt = MAPPER.createObjectNode();
            for (String key : List.of("images", "categories", "annotations")) {
                gt.set(key, input.get(key));
            }
            Path gtFile = Files.writeString(dir.resolve("instances.json"), gt.toString());
            Path dtFile = Files.writeString(dir.resolve("detections.json"), input.get("detections").toString());
            GroundTruth truth = CocoFiles.readGroundTruth(gtFile);
            return CocoJson.toJson(CocoEval.evaluate(truth, CocoFiles.readDetections(dtFile, truth, gtFile)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path file) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every key of {@code expected} checked against {@code ours}; returns the largest absolute difference.
     */
    static double assertMatches(String name, JsonNode expected, JsonNode ours) {
        List<String> unknown = new ArrayList<>();
        expected.fieldNames().forEachRemaining(k -> {
            if (!KNOWN.contains(k)) {
                unknown.add(k);
            }
        });
        assertTrue(unknown.isEmpty(), name + " has output keys this test does not check: " + unknown);
        double max = 0;
        for (Map.Entry<String, String> s : STATS.entrySet()) {
            max = Math.max(max, close(name + " " + s.getKey(), expected.at("/stats/" + s.getKey()), ours.get(s.getValue()),
                    ours.at("/undefined/" + s.getValue())));
        }
        JsonNode perClass = expected.get("per_class");
        assertEquals(names(perClass), names(ours.get("per_class")), name + " per_class categories");
        for (Iterator<Map.Entry<String, JsonNode>> it = perClass.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> c = it.next();
            JsonNode mine = ours.get("per_class").get(c.getKey());
            for (Iterator<String> keys = c.getValue().fieldNames(); keys.hasNext(); ) {
                String key = keys.next();
                if (key.equals("num_gt_non_crowd")) {
                    assertEquals(c.getValue().get(key).intValue(), mine.get(key).intValue(), name + " " + key);
                } else {
                    max = Math.max(max, close(name + " per_class " + c.getKey() + " " + key, c.getValue().get(key),
                            mine.get(key), mine.at("/undefined/" + key)));
                }
            }
        }
        if (expected.has("mean_of_per_class_AP")) {
            max = Math.max(max, close(name + " mean_of_per_class_AP", expected.get("mean_of_per_class_AP"),
                    ours.get("mean_of_per_class_AP"), ours.at("/undefined/mean_of_per_class_AP")));
        }
        if (expected.has("summarize_text")) {
            assertEquals(expected.get("summarize_text"), ours.get("summarize_text"), name + " summarize lines");
        }
        if (expected.has("params")) {
            params(name, expected.get("params"), ours.get("params"));
        }
        if (expected.has("notes")) {
            notes(name, expected.get("notes"), ours.get("notes"));
        }
        return max;
    }

    /** A peer number against ours, where our null (with a reason) stands for pycocotools' -1. */
    private static double close(String what, JsonNode expected, JsonNode ours, JsonNode reason) {
        assertTrue(expected != null && expected.isNumber(), what + ": the peer gives no number: " + expected);
        assertTrue(ours != null, what + ": missing in our output");
        double value;
        if (ours.isNull()) {
            assertTrue(reason.isTextual() && !reason.asText().isBlank(), what + ": null without a reason");
            value = -1;
        } else {
            value = ours.doubleValue();
            assertTrue(value > -1, what + ": a defined number must not be pycocotools' -1 marker");
        }
        assertEquals(expected.doubleValue(), value, EXACT, what);
        return Math.abs(expected.doubleValue() - value);
    }

    private static void params(String name, JsonNode expected, JsonNode ours) {
        assertEquals(expected.get("iouType"), ours.get("iouType"), name + " iouType");
        assertEquals(expected.get("maxDets"), ours.get("maxDets"), name + " maxDets");
        assertEquals(expected.get("recThrs"), ours.get("recThrs"), name + " recThrs");
        assertEquals(expected.get("iouThrs").size(), ours.get("iouThrs").size(), name + " iouThrs");
        for (int t = 0; t < expected.get("iouThrs").size(); t++) {
            assertEquals(expected.get("iouThrs").get(t).doubleValue(), ours.get("iouThrs").get(t).doubleValue(), 0,
                    name + " iouThrs[" + t + "] must be numpy's value exactly");
        }
        for (Iterator<String> it = expected.get("areaRng").fieldNames(); it.hasNext(); ) {
            String label = it.next();
            for (int i = 0; i < 2; i++) {
                assertEquals(expected.at("/areaRng/" + label + "/" + i).doubleValue(),
                        ours.at("/areaRng/" + label + "/" + i).doubleValue(), 0, name + " areaRng " + label);
            }
        }
    }

    /** The peer notes only an empty detection list (which pycocotools cannot load); ours must say the same. */
    private static void notes(String name, JsonNode expected, JsonNode ours) {
        for (JsonNode note : expected) {
            assertTrue(note.asText().startsWith("no detections"), name + ": unknown kind of peer note: " + note);
            assertTrue(ours != null && ours.size() == 1 && ours.get(0).asText().startsWith("no detections"),
                    name + ": expected our note on the empty detection list, found " + ours);
        }
        if (expected.isEmpty()) {
            assertTrue(ours == null || ours.isEmpty(), name + ": notes where the peer has none: " + ours);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
