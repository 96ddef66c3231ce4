package dev.proctor.api.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer to a {@link PredictRequest}: a label with its score (the score of the positive class for a binary
 * task), or, for an image, labelled boxes.
 *
 * @param label the predicted label; empty for a pure box prediction
 * @param score the label's score; finite
 * @param boxes detected boxes, possibly none
 */
public record Prediction(String label, double score, List<Box> boxes) implements Response {

    /**
     * A detected box in COCO's layout: top-left corner, width and height, in pixels.
     *
     * @param label the category
     * @param score the detector's confidence; finite
     */
    public record Box(String label, double score, double x, double y, double width, double height) {
        public Box {
            Objects.requireNonNull(label, "label");
            if (!Double.isFinite(score) || !Double.isFinite(x) || !Double.isFinite(y) || !(width >= 0)
                    || !(height >= 0) || Double.isInfinite(width) || Double.isInfinite(height)) {
                throw new IllegalArgumentException("a box needs a finite score and position and a non-negative size");
            }
        }
    }

    public Prediction {
        Objects.requireNonNull(label, "label");
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException("a prediction's score must be finite, got " + score);
        }
        boxes = List.copyOf(boxes);
    }

    /** A label and its score, no boxes. */
    public static Prediction label(String label, double score) {
        return new Prediction(label, score, List.of());
    }

    /** Boxes only (an object detector's answer): no label, score 0. */
    public static Prediction boxes(List<Box> boxes) {
        return new Prediction("", 0, boxes);
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", label);
        m.put("score", score);
        if (!boxes.isEmpty()) {
            List<Object> rows = new ArrayList<>();
            for (Box b : boxes) {
                rows.add(List.of(b.label(), b.score(), b.x(), b.y(), b.width(), b.height()));
            }
            m.put("boxes", rows);
        }
        return m;
    }
}
