package dev.proctor.model.djl.detector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.DataFormatException;
import dev.proctor.api.ProctorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Proctor needs to know about an object detector, from {@code detector.json} beside its model file:
 *
 * <pre>{@code
 * {"input": "images", "inputHeight": 96, "inputWidth": 96, "output": "detections",
 *  "categories": ["circle", "square", "triangle"],
 *  "scoreThreshold": 0.05, "nmsIou": 0.5, "maxDetections": 100}
 * }</pre>
 *
 * The model takes float32 {@code [N, 3, inputHeight, inputWidth]}, RGB, values scaled to [0, 1], and returns float32
 * {@code [N, K, 6]}: per candidate {@code x, y, w, h} (COCO layout: top-left corner, width, height, in input pixels),
 * its score, and the index of its category in {@code categories}. Proctor resizes each image to the input size
 * (bilinear), keeps candidates scoring at least {@code scoreThreshold}, suppresses within each category any box whose
 * IoU with a higher-scoring kept box exceeds {@code nmsIou} (greedy, by score, ties by row), keeps the
 * {@code maxDetections} best, and scales the boxes back to the image's own size.
 */
public record DetectorConfig(String input, int inputHeight, int inputWidth, String output, List<String> categories,
                             double scoreThreshold, double nmsIou, int maxDetections) {
    public static final String FILE = "detector.json";

    public DetectorConfig {
        categories = List.copyOf(categories);
    }

    public static DetectorConfig read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ProctorException("an object detector needs " + FILE + " beside its model (input and output"
                    + " names, input size, categories, thresholds); none at " + file);
        }
        JsonNode n;
        try {
            n = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new DataFormatException(file, 0, "expected a JSON object: " + e.getMessage());
        }
        List<String> categories = new ArrayList<>();
        for (JsonNode c : required(n, "categories", file)) {
            categories.add(c.asText());
        }
        if (categories.isEmpty()) {
            throw new DataFormatException(file, 0, "expected at least one category");
        }
        return new DetectorConfig(required(n, "input", file).asText(), positive(n, "inputHeight", file),
                positive(n, "inputWidth", file), required(n, "output", file).asText(), categories,
                n.path("scoreThreshold").asDouble(0.05), n.path("nmsIou").asDouble(0.5),
                n.path("maxDetections").asInt(100));
    }

    private static JsonNode required(JsonNode n, String field, Path file) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new DataFormatException(file, 0, "expected a field \"" + field + "\"");
        }
        return v;
    }

    private static int positive(JsonNode n, String field, Path file) {
        JsonNode v = required(n, field, file);
        if (!v.canConvertToInt() || v.asInt() < 1) {
            throw new DataFormatException(file, 0, "expected \"" + field + "\" to be a positive integer, found " + v);
        }
        return v.asInt();
    }
}
