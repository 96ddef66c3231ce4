package dev.proctor.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.api.model.DirectExecution;
import dev.proctor.api.model.Model;
import dev.proctor.api.model.ModelSpec;
import dev.proctor.api.request.PredictRequest;
import dev.proctor.api.request.Prediction;
import dev.proctor.api.request.RequestKind;
import dev.proctor.core.registry.ModelRegistry;
import dev.proctor.datafiles.Sha256;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The embedded detector, run by ONNX Runtime through DJL, against what make_detector.py recorded from the eager
 * PyTorch model on the first three bundled images: the pixels Java decodes are PIL's, and the selected boxes
 * (threshold, per-category NMS, top 100) are Python's, in order, to the fixture's tolerance.
 */
class ShapesDetectorTest {
    @Test
    void onnxDetectorThroughDjlGivesTheEagerModelsBoxes() throws Exception {
        JsonNode fixture;
        try (InputStream in = ShapesDetectorTest.class.getResourceAsStream("/shapes-fixture.json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        double tolerance = fixture.get("tolerance").asDouble();
        Path images = BundledShapes.root().resolve(BundledShapes.NAME).resolve("images");
        List<PredictRequest> requests = new ArrayList<>();
        for (JsonNode image : fixture.get("images")) {
            Path file = images.resolve(image.get("file_name").asText());
            assertEquals(image.get("pixel_sum").asLong(), pixelSum(file), "ImageIO decodes " + file + " as PIL does");
            requests.add(PredictRequest.ofImage(file.toString(), Sha256.of(file)));
        }
        List<Prediction> predictions;
        try (Model model = ModelRegistry.discover().open(ModelSpec.parse("embedded:shapes-detector", "cpu", Map.of()))) {
            assertEquals(fixture.get("onnx_sha256").asText(), model.info().identity().get("modelSha256"));
            predictions = DirectExecution.run(model, RequestKind.PREDICT, requests, 1).responses();
        }
        int compared = 0;
        for (int i = 0; i < requests.size(); i++) {
            JsonNode expected = fixture.get("images").get(i).get("detections");
            List<Prediction.Box> boxes = predictions.get(i).boxes();
            assertEquals(expected.size(), boxes.size(), "image " + i + ": " + boxes);
            for (int d = 0; d < boxes.size(); d++) {
                JsonNode e = expected.get(d);
                Prediction.Box b = boxes.get(d);
                String at = "image " + i + " detection " + d;
                assertEquals(e.get("category_index").asInt(), List.of("circle", "square", "triangle")
                        .indexOf(b.label()), at);
                assertEquals(e.get("score").asDouble(), b.score(), tolerance, at);
                double[] box = {b.x(), b.y(), b.width(), b.height()};
                for (int c = 0; c < 4; c++) {
                    assertEquals(e.get("bbox").get(c).asDouble(), box[c], tolerance, at + " coordinate " + c);
                }
                compared++;
            }
        }
        assertTrue(compared >= 6, "the fixture's images hold detections: " + compared);
    }

    /** The sum of every R, G and B byte, as numpy sums PIL's RGB array. */
    private static long pixelSum(Path file) throws Exception {
        BufferedImage image = ImageIO.read(file.toFile());
        long sum = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                sum += ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
            }
        }
        return sum;
    }
}
