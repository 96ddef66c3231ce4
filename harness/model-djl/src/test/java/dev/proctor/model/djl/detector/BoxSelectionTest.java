package dev.proctor.model.djl.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.proctor.api.request.Prediction.Box;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoxSelectionTest {
    private static final DetectorConfig CONFIG = new DetectorConfig("images", 96, 96, "detections",
            List.of("circle", "square"), 0.05, 0.5, 2);

    @Test
    void thresholdThenPerCategoryNmsThenTopN() {
        float[] rows = {
                10, 10, 20, 20, 0.9f, 0,   // kept: best circle
                12, 10, 20, 20, 0.8f, 0,   // IoU 0.67 with the first circle: suppressed
                12, 10, 20, 20, 0.7f, 1,   // the same place, another category: kept
                50, 50, 10, 10, 0.6f, 0,   // third by score: cut by maxDetections = 2
                70, 70, 10, 10, 0.01f, 1}; // under the threshold
        List<Box> boxes = BoxSelection.select(rows, 0, 5, CONFIG);
        assertEquals(2, boxes.size());
        assertEquals(new Box("circle", 0.9f, 10, 10, 20, 20), boxes.get(0));
        assertEquals(new Box("square", 0.7f, 12, 10, 20, 20), boxes.get(1));
    }

    @Test
    void anIouAtTheLimitIsKept() {
        float[] rows = {0, 0, 30, 10, 0.9f, 0, 10, 0, 30, 10, 0.8f, 0}; // inter 20x10=200, union 400: IoU 0.5
        assertEquals(0.5, BoxSelection.iou(rows, 0, 6), 1e-12);
        assertEquals(2, BoxSelection.select(rows, 0, 2, CONFIG).size(), "suppressed only above nmsIou");
    }

    @Test
    void anUnknownCategoryIndexIsAnError() {
        float[] rows = {0, 0, 5, 5, 0.9f, 7};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BoxSelection.select(rows, 0, 1, CONFIG));
        assertEquals("the detector gave category index 7.0; it has 2 categories", e.getMessage());
    }
}
