package dev.proctor.tasks.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proctor.coco.Box;
import dev.proctor.coco.Category;
import dev.proctor.coco.CocoEval;
import dev.proctor.coco.CocoEvaluation;
import dev.proctor.coco.Detection;
import dev.proctor.coco.Stat;
import dev.proctor.core.aggregate.ScoreRow;
import dev.proctor.core.evaluate.Evaluation;
import dev.proctor.embedded.EmbeddedModels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled shapes set with the embedded detector, end to end: the run's AP is COCOeval's on the detections it
 * stored (so {@code proctor score detection} on them gives the same number), it matches what make_detector.py
 * measured on the eager model, it is far above a trivial detector, the figures are written, and the boxes do not
 * move with the batch.
 */
class DetectionRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path out;
    private static Evaluation run;

    @BeforeAll
    static void runOnce() {
        run = DetectionRuns.bundled(Map.of(), out.resolve("bundled"));
    }

    @Test
    void theRunScoresAsCocoEvalScoresTheStoredDetections() throws Exception {
        ScoreRow row = run.report().summary().task("detection").subjects().get(0);
        assertEquals(200, row.n());
        CocoFolder folder = CocoFolder.read(BundledShapes.root().resolve(BundledShapes.NAME));
        CocoEvaluation direct = CocoEval.evaluate(folder.groundTruth(), storedDetections(folder));
        for (Stat s : Stat.values()) {
            double expected = direct.stat(s);
            double actual = row.metric(s.key()).value();
            assertTrue(Double.isNaN(expected) ? Double.isNaN(actual) : expected == actual, s.key() + ": " + actual
                    + " vs COCOeval " + expected);
        }
        print(row);
    }

    @Test
    void apIsWhatTheScriptMeasuredAndFarAboveATrivialDetector() throws Exception {
        double ap = run.report().summary().task("detection").subjects().get(0).metric("AP").value();
        JsonNode config = JSON.readTree(EmbeddedModels.materialize("shapes-detector").resolve("config.json").toFile());
        // make_detector.py scored the eager PyTorch model's boxes on these images (4 decimals)
        assertEquals(config.at("/coco_bbox/model/AP").asDouble(), ap, 5e-4);
        CocoFolder folder = CocoFolder.read(BundledShapes.root().resolve(BundledShapes.NAME));
        double trivial = CocoEval.evaluate(folder.groundTruth(), centralHalf(folder)).stat(Stat.AP);
        System.out.printf(Locale.ROOT, "detection:shapes AP %.4f, central-half boxes AP %.4f%n", ap, trivial);
        assertTrue(ap > trivial + 0.5, ap + " vs " + trivial);
    }

    @Test
    void figuresHoldPerClassRowsAndPrecisionRecallPoints() throws Exception {
        JsonNode figures = JSON.readTree(run.directory().resolve("results.json").toFile())
                .at("/results/subjects/0/figures");
        assertEquals(3, figures.get("perClass").size(), figures::toString);
        int boxes = 0;
        for (JsonNode c : figures.get("perClass")) {
            boxes += c.get("boxes").asInt();
        }
        assertEquals(CocoFolder.read(BundledShapes.root().resolve(BundledShapes.NAME)).groundTruth().annotations()
                .size(), boxes);
        JsonNode pr = figures.get("precisionRecall");
        assertEquals(101, pr.get("recall").size());
        JsonNode circle = pr.at("/precision/circle");
        assertEquals(101, circle.size());
        for (int r = 1; r < circle.size(); r++) {
            assertTrue(circle.get(r).asDouble() <= circle.get(r - 1).asDouble(), "interpolated precision falls");
        }
    }

    @Test
    void boxesDoNotMoveWithTheBatch() {
        Evaluation one = DetectionRuns.bundled(Map.of("batch", "1"), out.resolve("batch-1"));
        assertEquals(200, one.report().outcome().stats().modelCalls(), "one image per forward pass");
        assertEquals(13, run.report().outcome().stats().modelCalls(), "16 images per forward pass");
        var a = one.report().outcome().scores();
        var b = run.report().outcome().scores();
        assertEquals(a.size(), b.size());
        double maxDiff = 0;
        for (int i = 0; i < a.size(); i++) {
            List<?> x = (List<?>) a.get(i).details().get(CocoMetrics.DT);
            List<?> y = (List<?>) b.get(i).details().get(CocoMetrics.DT);
            assertEquals(x.size(), y.size(), "item " + i);
            for (int d = 0; d < x.size(); d++) {
                List<?> p = (List<?>) x.get(d);
                List<?> q = (List<?>) y.get(d);
                assertEquals(p.get(0), q.get(0), "item " + i + " detection " + d + " category");
                for (int c = 1; c < p.size(); c++) {
                    maxDiff = Math.max(maxDiff, Math.abs(((Number) p.get(c)).doubleValue()
                            - ((Number) q.get(c)).doubleValue()));
                }
            }
        }
        assertTrue(maxDiff <= 1e-4, "max |delta| of scores and coordinates = " + maxDiff);
    }

    /** The detections in samples.jsonl, as COCO results of the folder's images. */
    private static List<Detection> storedDetections(CocoFolder folder) throws Exception {
        Map<String, Long> imageId = new HashMap<>();
        folder.images().forEach(i -> imageId.put(i.fileName(), i.id()));
        Map<String, Long> categoryId = new HashMap<>();
        folder.groundTruth().categories().forEach(c -> categoryId.put(c.name(), c.id()));
        List<Detection> detections = new ArrayList<>();
        for (String line : Files.readAllLines(run.directory().resolve("samples.jsonl"))) {
            JsonNode sample = JSON.readTree(line);
            long image = imageId.get(sample.get("prompt").asText());
            for (JsonNode b : sample.at("/responses/0/boxes")) {
                detections.add(new Detection(detections.size() + 1, image, categoryId.get(b.get(0).asText()),
                        new Box(b.get(2).asDouble(), b.get(3).asDouble(), b.get(4).asDouble(), b.get(5).asDouble()),
                        b.get(1).asDouble()));
            }
        }
        return detections;
    }

    /** A detector that knows nothing: the central half of every image, once per category. */
    private static List<Detection> centralHalf(CocoFolder folder) {
        List<Detection> detections = new ArrayList<>();
        for (CocoFolder.Image image : folder.images()) {
            for (Category c : folder.groundTruth().categories()) {
                detections.add(new Detection(detections.size() + 1, image.id(), c.id(), new Box(image.width() / 4.0,
                        image.height() / 4.0, image.width() / 2.0, image.height() / 2.0), 0.5));
            }
        }
        return detections;
    }

    private static void print(ScoreRow row) {
        Map<String, String> shown = new LinkedHashMap<>();
        for (Stat s : Stat.values()) {
            shown.put(s.key(), String.format(Locale.ROOT, "%.4f", row.metric(s.key()).value()));
        }
        System.out.println("detection:shapes n=" + row.n() + " " + shown + String.format(Locale.ROOT,
                " AP 95%% CI [%.4f, %.4f]", row.metric("AP").ciLow(), row.metric("AP").ciHigh()));
    }
}
