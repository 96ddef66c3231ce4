package dev.proctor.coco;

import java.util.Objects;

/**
 * A ground-truth object: COCO's {@code annotations[i]}. {@code area} is the file's own field, which is what the
 * area ranges test (cocoeval.py evaluateImg), not the box's width·height; a crowd box is never required to be
 * found and may absorb any number of detections.
 */
public record Annotation(long id, long imageId, long categoryId, Box box, double area, boolean crowd) {
    public Annotation {
        Objects.requireNonNull(box, "box");
        if (!Double.isFinite(area)) {
            throw new IllegalArgumentException("annotation " + id + ": area is not finite: " + area);
        }
    }
}
