package dev.proctor.coco;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** maskApi.c bbIou: continuous coordinates, no +1, and crowd boxes measured against the detection alone. */
class BoxTest {
    static Box box(double x, double y, double w, double h) {
        return new Box(x, y, w, h);
    }

    @Test
    void iouUsesContinuousCoordinates() {
        assertEquals(1.0, box(0, 0, 10, 10).iou(box(0, 0, 10, 10), false));
        assertEquals(50.0 / 150.0, box(5, 0, 10, 10).iou(box(0, 0, 10, 10), false), 0, "no +1 on widths");
        assertEquals(0.0, box(10, 0, 10, 10).iou(box(0, 0, 10, 10), false), "touching boxes do not overlap");
        assertEquals(0.0, box(0, 0, 0, 10).iou(box(0, 0, 10, 10), true), "an empty detection overlaps nothing");
    }

    @Test
    void crowdIouIsIntersectionOverTheDetectionsArea() {
        Box crowd = box(50, 50, 100, 100);
        Box half = box(145, 50, 10, 10);
        assertEquals(0.5, half.iou(crowd, true), "50 of the detection's 100 inside the crowd region");
        assertEquals(50.0 / (100 + 10000 - 50), half.iou(crowd, false));
        assertEquals(1.0, box(60, 60, 10, 10).iou(crowd, true), "wholly inside: 1, however large the crowd");
    }

    @Test
    void iouCanEqualTheLastThresholdExactly() {
        // 380/400 is the double nearest 0.95, which is np.linspace's last value: '<' lets it match at .95
        assertEquals(CocoParams.iouThresholds()[9], box(0, 0, 20, 19).iou(box(0, 0, 20, 20), false), 0);
    }

    @Test
    void refusesBoxesThatAreNotFiniteOrHaveNegativeSides() {
        assertThrows(IllegalArgumentException.class, () -> box(0, 0, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> box(Double.NaN, 0, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> box(0, 0, 1, Double.POSITIVE_INFINITY));
    }
}
